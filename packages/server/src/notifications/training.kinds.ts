/**
 * Training mails. Sources: training_registration_event (each step of a registration: the
 * request to the trainee's DAF manager, then registration, waiting list, promotion,
 * refusal, cancellation to the trainee), training_session (its status becoming HELD: the
 * connection-time summary to the training referents; trigger in the MailActions
 * migration), and `training_reminder`, a source no trigger feeds: the reminder job
 * (`notifications:training-reminders`, hourly) asks for it N days before a session
 * (TRAINING_REMINDER_DAYS), once per registration (the outbox's one row per source row,
 * recipient and kind). Who sees what is training's own rule (`maySeeRegistration`, the
 * DAF perimeter of access/).
 */
import { DAF_PERIMETER_SQL, registrationScope } from '../access/policies';
import type { Viewer } from '../core/context';
import { Role } from '../core/roles';
import { maySeeRegistration, RegistrationAction, RegistrationStatus, SEATED, SessionStatus } from '../training';
import { defineKind, type NotificationSource, type Recipient, type RenderContext, type SqlReader } from './kinds';
import { NotificationKind } from './notification.enums';
import { frenchDateTime, renderMail, type Block, type Mail } from './render';

/* ---------- facts ---------- */

interface RegistrationRow {
  registration_id: string;
  registration_status: RegistrationStatus;
  trainee_id: string;
  trainee_name: string;
  structure_id: string;
  structure_name: string;
  course_title: string;
  session_label: string;
  session_starts_at: Date;
  /** Every part's start and end, in order. */
  parts: { starts_at: string; ends_at: string }[];
  /** The DAF managers whose perimeter holds the registration's structure. */
  daf_ids: string[];
}

export interface RegistrationEventFacts extends RegistrationRow {
  id: string;
  action: RegistrationAction;
  to_status: RegistrationStatus;
  note: string | null;
  actor_id: string | null;
  actor_name: string | null;
}

export interface SessionHeldFacts {
  id: string;
  course_title: string;
  session_label: string;
  session_starts_at: Date;
  part_count: number;
  part_minutes: number;
  trainees: { name: string; parts_connected: number; minutes_connected: number }[];
}

const name = (alias: string) => `nullif(trim(${alias}.first_name || ' ' || ${alias}.last_name), '')`;

/** A person holding `role`, held or by a running correspondent assignment (as the access module reads it). */
const holds = (role: Role) =>
  `('${role}' = any(d.held_roles) or exists (select 1 from correspondent_assignment a where a.person_id = d.id and a.kind = '${role}' and a.since <= now() and (a.until is null or a.until > now())))`;

const REGISTRATION_COLUMNS = `
  r.id as registration_id, r.status as registration_status, r.trainee_id, ${name('tp')} as trainee_name, r.structure_id, st.name as structure_name,
  c.title as course_title, s.label as session_label, s.starts_at as session_starts_at,
  (select coalesce(json_agg(json_build_object('starts_at', pt.starts_at, 'ends_at', pt.ends_at) order by pt.number), '[]') from training_session_part pt where pt.session_id = s.id) as parts,
  (select coalesce(array_agg(d.id order by d.id), '{}') from person d
    where d.active and ${holds(Role.DAF_MANAGER)} and r.structure_id in (${DAF_PERIMETER_SQL.replace('?', 'd.structure_id')})) as daf_ids`;

const REGISTRATION_JOINS = `
  join training_session s on s.id = r.session_id join training_course c on c.id = s.course_id
  join person tp on tp.id = r.trainee_id join structure st on st.id = r.structure_id`;

const withDates = <T extends RegistrationRow>(row: T | undefined): T | null => (row ? { ...row, session_starts_at: new Date(row.session_starts_at) } : null);

const registrationEvents: NotificationSource<RegistrationEventFacts> = {
  table: 'training_registration_event',
  async load(db, id) {
    const rows = await db.execute<RegistrationEventFacts[]>(
      `select e.id, e.action, e.to_status, e.note, e.actor_id, ${name('a')} as actor_name, ${REGISTRATION_COLUMNS}
         from training_registration_event e join training_registration r on r.id = e.registration_id ${REGISTRATION_JOINS}
         left join person a on a.id = e.actor_id
        where e.id = ?`,
      [id],
    );
    return withDates(rows[0]);
  },
  actorId: (f) => f.actor_id,
};

/** A reminder is about a registration (the source row is the registration itself; no trigger: the reminder job asks). */
export const TRAINING_REMINDER_SOURCE = 'training_reminder';

const reminders: NotificationSource<RegistrationRow> = {
  table: TRAINING_REMINDER_SOURCE,
  async load(db, id) {
    const rows = await db.execute<RegistrationRow[]>(`select ${REGISTRATION_COLUMNS} from training_registration r ${REGISTRATION_JOINS} where r.id = ?`, [id]);
    return withDates(rows[0]);
  },
  actorId: () => null,
};

const heldSessions: NotificationSource<SessionHeldFacts> = {
  table: 'training_session',
  async load(db, id) {
    const rows = await db.execute<SessionHeldFacts[]>(
      `select s.id, c.title as course_title, s.label as session_label, s.starts_at as session_starts_at, c.part_count, c.part_minutes,
              (select coalesce(json_agg(json_build_object('name', ${name('p')}, 'parts_connected', r.parts_connected, 'minutes_connected', r.minutes_connected) order by p.last_name, p.first_name), '[]')
                 from training_registration r join person p on p.id = r.trainee_id where r.session_id = s.id and r.status in ('${SEATED.join("', '")}')) as trainees
         from training_session s join training_course c on c.id = s.course_id
        where s.id = ? and s.status = '${SessionStatus.HELD}'`,
      [id],
    );
    return rows[0] ? { ...rows[0], session_starts_at: new Date(rows[0].session_starts_at) } : null;
  },
  actorId: () => null,
};

/**
 * The registrations whose reminder is due at `at`: seated, their session (still taking
 * place) starting within `days` days, and no reminder decided yet. The reminder job asks
 * the outbox to decide each.
 */
export async function dueReminders(db: SqlReader, at: Date, days: number): Promise<string[]> {
  if (days <= 0) return [];
  const rows = await db.execute<{ id: string }[]>(
    `select r.id from training_registration r join training_session s on s.id = r.session_id
      where r.status in ('${SEATED.join("', '")}') and s.status in ('${SessionStatus.OPEN}', '${SessionStatus.FULL}')
        and s.starts_at > ? and s.starts_at <= ?
        and not exists (select 1 from notification n where n.source_table = '${TRAINING_REMINDER_SOURCE}' and n.source_id = r.id)
      order by s.starts_at, r.id limit 1000`,
    [at, new Date(at.getTime() + days * 86_400_000)],
  );
  return rows.map((r) => r.id);
}

/* ---------- the read policy ---------- */

/** Training's registration policy on the facts: the trainee, the DAF managers of the perimeter, those who see every registration. */
function seesRegistration(viewer: Viewer, f: RegistrationRow): boolean {
  const perimeter = new Set(f.daf_ids.includes(viewer.id) ? [f.structure_id] : []);
  return maySeeRegistration(viewer, { trainee: { id: f.trainee_id }, structure: { id: f.structure_id } } as never, perimeter);
}

/* ---------- words ---------- */

const hello = (to: Recipient) => `Bonjour ${to.firstName} ${to.lastName},`;
const FOOTER_TRAINEE = 'Vous recevez ce message parce que vous êtes inscrit ou avez demandé une inscription à une formation Chorus. Vous pouvez choisir quels messages vous recevez, et comment, dans vos préférences de notification.';
const FOOTER_DAF = 'Vous recevez ce message en tant que responsable DAF de la structure du stagiaire. Vous pouvez choisir quels messages vous recevez, et comment, dans vos préférences de notification.';
const FOOTER_REFERENT = 'Vous recevez ce message en tant que référent formation. Vous pouvez choisir quels messages vous recevez, et comment, dans vos préférences de notification.';

function sessionFacts(f: RegistrationRow, ctx: RenderContext, extra: [string, string][] = []): Block {
  const parts: [string, string][] = f.parts.map((p, i) => [
    f.parts.length > 1 ? `Partie ${i + 1}` : 'Date',
    `${frenchDateTime(new Date(p.starts_at), ctx.timeZone)} – ${new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: ctx.timeZone }).format(new Date(p.ends_at))}`,
  ]);
  return { facts: [['Formation', f.course_title], ['Session', f.session_label], ...parts, ['Stagiaire', f.trainee_name], ...extra] };
}

function cancelLink(f: RegistrationRow, to: Recipient, ctx: RenderContext): Block[] {
  if (!ctx.actionUrl || to.personId !== f.trainee_id) return [];
  return [
    { p: 'Un empêchement ? Vous pouvez annuler vous-même votre inscription jusqu’au début de la session ; votre place sera proposée à la personne suivante.' },
    { link: { label: 'Annuler mon inscription', url: ctx.actionUrl('cancel-registration', to.personId, f.registration_id) } },
  ];
}

function traineeMail(f: RegistrationRow, to: Recipient, ctx: RenderContext, m: { subject: string; heading: string; blocks: Block[]; cancel?: boolean }): Mail {
  return renderMail({
    subject: `Formation « ${f.course_title} » : ${m.subject}`,
    heading: m.heading,
    blocks: [{ p: hello(to) }, ...m.blocks, sessionFacts(f, ctx), ...(m.cancel ? cancelLink(f, to, ctx) : [])],
    footer: FOOTER_TRAINEE,
  });
}

const trainee = async (_db: SqlReader, f: RegistrationRow) => [f.trainee_id];
const is = (action: RegistrationAction) => (f: RegistrationEventFacts) => f.action === action;

/* ---------- the kinds ---------- */

export const trainingRequestToValidate = defineKind<RegistrationEventFacts>({
  kind: NotificationKind.TRAINING_REQUEST_TO_VALIDATE,
  source: registrationEvents,
  applies: is(RegistrationAction.REQUEST),
  recipients: async (_db, f) => f.daf_ids,
  maySee: seesRegistration,
  render: (f, to, ctx) =>
    renderMail({
      subject: `Demande d’inscription à valider : ${f.trainee_name}, « ${f.course_title} »`,
      heading: `${f.trainee_name} demande à suivre la formation « ${f.course_title} »`,
      blocks: [
        { p: hello(to) },
        { p: `${f.trainee_name} (${f.structure_name}) demande une inscription à la session ci-dessous. En tant que responsable DAF, vous validez ou refusez cette demande.` },
        sessionFacts(f, ctx),
        ...(ctx.actionUrl
          ? [
              { link: { label: 'Valider la demande', url: ctx.actionUrl('approve-registration', to.personId, f.registration_id) } },
              { link: { label: 'Refuser la demande', url: ctx.actionUrl('refuse-registration', to.personId, f.registration_id) } },
            ]
          : []),
        { p: 'Et ensuite ? Une fois validée, la demande est transmise au référent formation, qui inscrit le stagiaire sur une place de la session.' },
      ],
      footer: FOOTER_DAF,
    }),
});

/** A mail to the trainee about one action on their registration: the five such kinds differ only by their text. */
function traineeKind(kind: NotificationKind, action: RegistrationAction, mail: (f: RegistrationEventFacts) => Parameters<typeof traineeMail>[3]) {
  return defineKind<RegistrationEventFacts>({ kind, source: registrationEvents, applies: is(action), recipients: trainee, maySee: seesRegistration, render: (f, to, ctx) => traineeMail(f, to, ctx, mail(f)) });
}

export const trainingRegistered = traineeKind(NotificationKind.TRAINING_REGISTERED, RegistrationAction.REGISTER, (f) => ({
  subject: 'confirmation d’inscription',
  heading: `Votre inscription à la formation « ${f.course_title} » est confirmée`,
  cancel: true,
  blocks: [
    { p: `Vous êtes inscrit à la session « ${f.session_label} » de la formation « ${f.course_title} ».` },
    { p: 'Et ensuite ? Avant la session, faites le test de compatibilité de l’outil de webinaire puis confirmez votre participation depuis la plateforme. Vous recevrez un rappel quelques jours avant.' },
  ],
}));

export const trainingPromoted = traineeKind(NotificationKind.TRAINING_PROMOTED, RegistrationAction.PROMOTE, (f) => ({
  subject: 'une place s’est libérée, vous êtes inscrit',
  heading: `Une place s’est libérée : vous êtes inscrit à la formation « ${f.course_title} »`,
  cancel: true,
  blocks: [
    { p: `Vous étiez sur la liste d’attente de la session « ${f.session_label} ». Une place s’est libérée : elle vous est attribuée.` },
    { p: 'Et ensuite ? Faites le test de compatibilité de l’outil de webinaire puis confirmez votre participation depuis la plateforme. Si vous ne pouvez plus venir, annulez pour libérer la place.' },
  ],
}));

export const trainingWaitlisted = traineeKind(NotificationKind.TRAINING_WAITLISTED, RegistrationAction.WAITLIST, (f) => ({
  subject: 'vous êtes sur la liste d’attente',
  heading: `Vous êtes sur la liste d’attente de la formation « ${f.course_title} »`,
  cancel: true,
  blocks: [
    { p: `Votre demande est validée, mais les places de votre ministère pour la session « ${f.session_label} » sont toutes prises : vous êtes sur la liste d’attente.` },
    { p: 'Et ensuite ? Dès qu’une place se libère, elle est attribuée dans l’ordre de la liste et vous en êtes informé par mail.' },
  ],
}));

export const trainingRefused = traineeKind(NotificationKind.TRAINING_REFUSED, RegistrationAction.REFUSE, (f) => ({
  subject: 'demande d’inscription refusée',
  heading: `Votre demande d’inscription à la formation « ${f.course_title} » est refusée`,
  blocks: [
    { p: `${f.actor_name ?? 'Votre responsable DAF'} a refusé votre demande d’inscription à la session « ${f.session_label} ».` },
    ...(f.note ? [{ quote: f.note, by: 'Motif du refus' }] : []),
    { p: 'Et ensuite ? Pour en savoir plus, adressez-vous à votre responsable DAF. Vous pouvez demander une autre session du catalogue.' },
  ],
}));

export const trainingCancelled = traineeKind(NotificationKind.TRAINING_CANCELLED, RegistrationAction.CANCEL, (f) => ({
  subject: 'inscription annulée',
  heading: `Votre inscription à la formation « ${f.course_title} » est annulée`,
  blocks: [
    { p: `Votre inscription à la session « ${f.session_label} » a été annulée${f.actor_name ? ` par ${f.actor_name}` : ''}.` },
    ...(f.note ? [{ quote: f.note, by: 'Motif' }] : []),
    { p: 'Et ensuite ? Vous pouvez demander une autre session depuis le catalogue des formations.' },
  ],
}));

export const trainingReminder = defineKind<RegistrationRow>({
  kind: NotificationKind.TRAINING_REMINDER,
  source: reminders,
  applies: (f) => SEATED.includes(f.registration_status),
  recipients: trainee,
  maySee: seesRegistration,
  render: (f, to, ctx) =>
    traineeMail(f, to, ctx, {
      subject: `rappel, la session commence le ${new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: ctx.timeZone }).format(f.session_starts_at)}`,
      heading: `Rappel : la formation « ${f.course_title} » approche`,
      cancel: true,
      blocks: [
        { p: `La session « ${f.session_label} » à laquelle vous êtes inscrit commence bientôt. Voici ses dates :` },
        {
          p:
            f.registration_status === RegistrationStatus.CONFIRMED
              ? 'Vous avez confirmé votre participation : connectez-vous quelques minutes avant le début de chaque partie.'
              : 'Pensez à faire le test de compatibilité de l’outil de webinaire et à confirmer votre participation depuis la plateforme.',
        },
      ],
    }),
});

const referents = async (db: SqlReader) =>
  (await db.execute<{ id: string }[]>(`select d.id from person d where d.active and ${holds(Role.TRAINING_REFERENT)} order by d.id`)).map((r) => r.id);

export const trainingSessionHeld = defineKind<SessionHeldFacts>({
  kind: NotificationKind.TRAINING_SESSION_HELD,
  source: heldSessions,
  applies: () => true,
  recipients: referents,
  // the summary names every trainee: only who sees every registration
  maySee: (v) => registrationScope(v, new Set()) === 'ALL',
  render: (f, to, ctx) => {
    const present = f.trainees.filter((t) => t.parts_connected > 0);
    const mean = present.length ? Math.round(present.reduce((a, t) => a + t.minutes_connected, 0) / present.length) : 0;
    const full = f.part_count * f.part_minutes;
    return renderMail({
      subject: `Session tenue : « ${f.course_title} », ${f.session_label} — temps de connexion`,
      heading: `La session « ${f.session_label} » est tenue : récapitulatif des connexions`,
      blocks: [
        { p: hello(to) },
        { p: `La session « ${f.session_label} » de la formation « ${f.course_title} » est passée à l’état tenue. Voici le récapitulatif des temps de connexion des stagiaires inscrits.` },
        {
          facts: [
            ['Début', frenchDateTime(f.session_starts_at, ctx.timeZone)],
            ['Inscrits', String(f.trainees.length)],
            ['Présents (au moins une partie)', String(present.length)],
            ['Absents', String(f.trainees.length - present.length)],
            ['Temps moyen de connexion des présents', `${mean} min sur ${full} min`],
          ],
        },
        ...(f.trainees.length
          ? [{ facts: f.trainees.map((t): [string, string] => [t.name, t.parts_connected ? `${t.parts_connected} partie(s) sur ${f.part_count}, ${t.minutes_connected} min` : 'absent']) }]
          : []),
        { p: 'Et ensuite ? Les absences peuvent être justifiées depuis la plateforme ; les statistiques et la facturation sont à jour.' },
      ],
      footer: FOOTER_REFERENT,
    });
  },
});
