/**
 * The service desk's mails. Sources: ticket_event (transitions, service-level crossings,
 * known-error news) and ticket_comment (public comments). Who sees what is the desk's own
 * rule (`maySee`, `maySeeInternalComments`), asked for each recipient as for a reader.
 */
import type { Viewer } from '../core/context';
import { Role } from '../core/roles';
import { maySee, maySeeInternalComments, TicketEventKind, TicketStatus, TicketTransition } from '../service-desk';
import { defineKind, type NotificationSource, type Recipient, type RenderContext, type SqlReader } from './kinds';
import { NotificationKind } from './notification.enums';
import { frenchDateTime, renderMail, type Block, type Mail } from './render';

/* ---------- facts ---------- */

/** The ticket as the rules and the mails read it. */
interface TicketRow {
  ticket_id: string;
  reference: string;
  title: string;
  status: TicketStatus;
  level: string;
  nature: string;
  structure_id: string;
  structure_name: string;
  ministry_id: string;
  requester_id: string | null;
  opened_by_id: string | null;
  opened_by_application_id: string | null;
  assignee_id: string | null;
  escalation_count: number;
  /** The structure's own zone (DOM/COM), when it has one. */
  time_zone: string | null;
  /** Who follows the ticket besides its requester and opener (merged duplicates' requesters and applications). */
  watcher_ids: string[];
  /** The original's reference, for a duplicate merged into it. */
  merged_into_reference: string | null;
}

const TICKET_COLUMNS = `
  t.id as ticket_id, t.reference, t.title, t.status, t.level, t.nature, t.structure_id, s.name as structure_name, s.ministry_id,
  t.requester_id, t.opened_by_id, t.opened_by_application_id, t.assignee_id, t.escalation_count, t.watcher_ids,
  (select m.reference from ticket m where m.id = t.merged_into_id) as merged_into_reference,
  (select z.time_zone from structure_time_zone z where z.structure_id = t.structure_id limit 1) as time_zone`;

export interface TicketEventFacts extends TicketRow {
  id: string;
  kind: TicketEventKind;
  transition: TicketTransition | null;
  to_status: TicketStatus;
  to_level: string;
  field: string | null;
  new_value: string | null;
  reason: string | null;
  created_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  /** For a service-level crossing: when the target is (or was) due. */
  due_at: Date | null;
}

export interface TicketCommentFacts extends TicketRow {
  id: string;
  body: string;
  internal: boolean;
  created_at: Date;
  author_id: string | null;
  author_name: string | null;
  /** The comment is the public text of a history event written with it (a question, a resolution, a known error's news): that event's mail says it. */
  carried_by_event: boolean;
}

const personName = (alias: string) => `nullif(trim(${alias}.first_name || ' ' || ${alias}.last_name), '')`;

const ticketEvents: NotificationSource<TicketEventFacts> = {
  table: 'ticket_event',
  async load(db, id) {
    const rows = await db.execute<TicketEventFacts[]>(
      `select e.id, e.kind, e.transition, e.to_status, e.to_level, e.field, e.new_value, e.reason, e.created_at, e.actor_id, ${personName('a')} as actor_name,
              (select min(l.due_at) from ticket_service_level l join service_level_target g on g.id = l.target_id
                where l.ticket_id = t.id and e.field = g.metric || coalesce(':' || g.level, '')) as due_at,
              ${TICKET_COLUMNS}
         from ticket_event e join ticket t on t.id = e.ticket_id join structure s on s.id = t.structure_id left join person a on a.id = e.actor_id
        where e.id = ?`,
      [id],
    );
    return rows[0] ? { ...rows[0], created_at: new Date(rows[0].created_at), due_at: rows[0].due_at ? new Date(rows[0].due_at) : null } : null;
  },
  actorId: (f) => f.actor_id,
  ticketId: (f) => f.ticket_id,
};

/** Comments that only repeat their event's reason; their event is the news (see `carried_by_event`). */
const NEWS_WITH_COMMENT = `(e.kind = '${TicketEventKind.KNOWN_ERROR_UPDATED}' or e.transition in ('${TicketTransition.REQUEST_INFO}', '${TicketTransition.RESOLVE}'))`;

const ticketComments: NotificationSource<TicketCommentFacts> = {
  table: 'ticket_comment',
  async load(db, id) {
    const rows = await db.execute<TicketCommentFacts[]>(
      `select c.id, c.body, c.internal, c.created_at, c.author_id, ${personName('a')} as author_name,
              exists (select 1 from ticket_event e where e.ticket_id = c.ticket_id and e.created_at = c.created_at and e.reason = c.body and ${NEWS_WITH_COMMENT}) as carried_by_event,
              ${TICKET_COLUMNS}
         from ticket_comment c join ticket t on t.id = c.ticket_id join structure s on s.id = t.structure_id left join person a on a.id = c.author_id
        where c.id = ?`,
      [id],
    );
    return rows[0] ? { ...rows[0], created_at: new Date(rows[0].created_at) } : null;
  },
  actorId: (f) => f.author_id,
  ticketId: (f) => f.ticket_id,
};

/* ---------- recipients ---------- */

/** The requesting side: the requester, the CCA who opened it, and its watchers (the requesters of the duplicates merged into it; ids of applications find no person and are dropped). */
const requestingSide = async (_db: SqlReader, f: TicketRow) => [f.requester_id, f.opened_by_id, ...(f.watcher_ids ?? [])].filter((id): id is string => !!id);

/** The ticket's assignee and the SN1 agents of its ministry (SN1 is a ministry's own support). */
async function assigneeAndSn1(db: SqlReader, f: TicketRow): Promise<string[]> {
  const rows = await db.execute<{ id: string }[]>(
    `select p.id from person p join structure s on s.id = p.structure_id
      where p.active and ? = any(p.held_roles) and s.ministry_id = ? order by p.id`,
    [Role.SN1_AGENT, f.ministry_id],
  );
  return [...(f.assignee_id ? [f.assignee_id] : []), ...rows.map((r) => r.id)];
}

/** The SN2 support team (AIFE, every ministry's escalations). */
async function sn2Team(db: SqlReader): Promise<string[]> {
  const rows = await db.execute<{ id: string }[]>(`select p.id from person p where p.active and ? = any(p.held_roles) order by p.id`, [Role.SN2_AGENT]);
  return rows.map((r) => r.id);
}

/* ---------- the read policy ---------- */

/** The desk's ticket policy, on the ticket's facts. */
function seesTicket(viewer: Viewer, f: TicketRow): boolean {
  return maySee(viewer, {
    status: f.status,
    level: f.level as never,
    nature: f.nature as never,
    structure: { id: f.structure_id },
    requester: f.requester_id ? { id: f.requester_id } : null,
    openedBy: f.opened_by_id ? { id: f.opened_by_id } : null,
    openedByApplication: f.opened_by_application_id ? { id: f.opened_by_application_id } : null,
    escalationCount: f.escalation_count,
    watcherIds: f.watcher_ids,
  });
}

/* ---------- words ---------- */

export const STATUS_WORDS: Record<TicketStatus, string> = {
  NEW: 'brouillon, pas encore transmise au support',
  SUBMITTED: 'transmise au support, en attente de prise en charge',
  IN_PROGRESS: 'en cours de traitement',
  WAITING_FOR_INFO: 'en attente de votre réponse',
  ESCALATED: 'transmise au support de niveau 2 (AIFE)',
  RESOLVED: 'résolue',
  CLOSED: 'clôturée',
  REOPENED: 'rouverte, en attente de reprise',
  CANCELLED: 'annulée',
};

const LEVEL_WORDS: Record<string, string> = {
  SN1: 'support de niveau 1 (Mission ministérielle Chorus)',
  SN2: 'support de niveau 2 (AIFE)',
  TECHNICAL: 'équipe technique (CES-CHOREGIE)',
};

const hello = (to: Recipient) => `Bonjour ${to.firstName} ${to.lastName},`;
const ticketUrl = (ctx: RenderContext, f: TicketRow) => `${ctx.publicUrl}/tickets/${encodeURIComponent(f.reference)}`;
const zoneOf = (ctx: RenderContext, f: TicketRow) => f.time_zone ?? ctx.timeZone;

function ticketFacts(f: TicketRow, status: TicketStatus, extra: [string, string][] = []): Block {
  return {
    facts: [
      ['Demande', `${f.reference} — ${f.title}`],
      ['Structure', f.structure_name],
      ['État', STATUS_WORDS[status]],
      ['Traitée par', LEVEL_WORDS[f.level] ?? f.level],
      ...extra,
    ],
  };
}

const FOOTER_REQUESTER = 'Vous recevez ce message parce que vous suivez cette demande au service desk Chorus. Vous pouvez choisir quels messages vous recevez, et comment, dans vos préférences de notification.';
const FOOTER_SUPPORT = 'Vous recevez ce message en tant que membre du support Chorus. Vous pouvez choisir quels messages vous recevez, et comment, dans vos préférences de notification.';

/** A ticket mail: subject « [FSD-…] what happened », the greeting, the blocks, a link to the ticket. */
function ticketMail(f: TicketRow, to: Recipient, ctx: RenderContext, m: { subject: string; heading: string; blocks: Block[]; support?: boolean }): Mail {
  return renderMail({
    subject: `[${f.reference}] ${m.subject}`,
    heading: m.heading,
    blocks: [{ p: hello(to) }, ...m.blocks, { link: { label: `Voir la demande ${f.reference}`, url: ticketUrl(ctx, f) } }],
    footer: m.support ? FOOTER_SUPPORT : FOOTER_REQUESTER,
  });
}

const by = (name: string | null) => name ?? 'le support Chorus';

/* ---------- the kinds ---------- */

export const ticketPublicComment = defineKind<TicketCommentFacts>({
  kind: NotificationKind.TICKET_PUBLIC_COMMENT,
  source: ticketComments,
  applies: (f) => !f.carried_by_event,
  recipients: requestingSide,
  // an internal comment reaches only who may read internal comments (never a CCA or a requester)
  maySee: (v, f) => seesTicket(v, f) && (!f.internal || maySeeInternalComments(v)),
  render: (f, to, ctx) =>
    ticketMail(f, to, ctx, {
      subject: 'Nouveau commentaire sur votre demande',
      heading: `Nouveau commentaire sur la demande ${f.reference}`,
      blocks: [
        { p: `${by(f.author_name)} a ajouté un commentaire à la demande « ${f.title} » :` },
        { quote: f.body, by: `${by(f.author_name)}, ${frenchDateTime(f.created_at, zoneOf(ctx, f))}` },
        ticketFacts(f, f.status),
      ],
    }),
});

const isTransitionTo = (f: TicketEventFacts, status: TicketStatus) => f.kind === TicketEventKind.TRANSITION && f.to_status === status;

/** A transition to `status` the requesting side (requester and opener) is told of: only its mail differs. */
const toRequestingSide = (kind: NotificationKind, status: TicketStatus, render: (f: TicketEventFacts, to: Recipient, ctx: RenderContext) => Mail) =>
  defineKind<TicketEventFacts>({ kind, source: ticketEvents, applies: (f) => isTransitionTo(f, status), recipients: requestingSide, maySee: seesTicket, render });

export const ticketWaitingForInfo = toRequestingSide(NotificationKind.TICKET_WAITING_FOR_INFO, TicketStatus.WAITING_FOR_INFO, (f, to, ctx) =>
  ticketMail(f, to, ctx, {
    subject: 'Le support a besoin d’informations',
    heading: `Le support vous pose une question sur la demande ${f.reference}`,
    blocks: [
      { p: `${by(f.actor_name)} a besoin d’informations pour poursuivre le traitement de la demande « ${f.title} » :` },
      ...(f.reason ? [{ quote: f.reason, by: by(f.actor_name) }] : []),
      ticketFacts(f, f.to_status),
      { p: 'Et ensuite ? Répondez depuis la demande (« Fournir les informations ») : le traitement reprend dès votre réponse. Tant que vous n’avez pas répondu, le délai de traitement est suspendu.' },
    ],
  }),
);

export const ticketResolved = toRequestingSide(NotificationKind.TICKET_RESOLVED, TicketStatus.RESOLVED, (f, to, ctx) =>
  ticketMail(f, to, ctx, {
    subject: 'Votre demande a été résolue',
    heading: `La demande ${f.reference} a été résolue`,
    blocks: [
      { p: `${by(f.actor_name)} a résolu la demande « ${f.title} ».` },
      ...(f.reason ? [{ quote: f.reason, by: `Résolution, ${frenchDateTime(f.created_at, zoneOf(ctx, f))}` }] : []),
      ticketFacts(f, f.to_status),
      { p: 'Et ensuite ? Si la solution vous convient, clôturez la demande. Sinon, vous pouvez la rouvrir depuis la demande, dans le délai de réouverture.' },
      // RATING LINK: the satisfaction link (signed, one click) goes here, as { link: { label: 'Donner votre avis', url } }
      ...ratingBlocks(f, to, ctx),
    ],
  }),
);

/**
 * The resolution mail's rating link (a signed one-click link, mail-actions/): to the opener
 * of the ticket, the requesting side that rates (the desk's `assertMayRate` decides again
 * when the link is used).
 */
export function ratingBlocks(f: TicketEventFacts, to: Recipient, ctx: RenderContext): Block[] {
  if (!ctx.actionUrl || to.personId !== f.opened_by_id) return [];
  return [
    { p: 'Votre avis nous intéresse : en un clic, notez la résolution de cette demande.' },
    { link: { label: 'Donner votre avis', url: ctx.actionUrl('rate-ticket', to.personId, f.ticket_id) } },
  ];
}

export const ticketClosed = toRequestingSide(NotificationKind.TICKET_CLOSED, TicketStatus.CLOSED, (f, to, ctx) =>
  ticketMail(f, to, ctx, {
    subject: 'Votre demande a été clôturée',
    heading: `La demande ${f.reference} est clôturée`,
    blocks: [
      { p: `La demande « ${f.title} » a été clôturée par ${by(f.actor_name)} le ${frenchDateTime(f.created_at, zoneOf(ctx, f))}.` },
      ticketFacts(f, f.to_status),
      { p: 'Et ensuite ? Rien à faire. Si la difficulté réapparaît, vous pouvez rouvrir la demande dans le délai de réouverture, ou en ouvrir une nouvelle.' },
    ],
  }),
);

export const ticketEscalated = defineKind<TicketEventFacts>({
  kind: NotificationKind.TICKET_ESCALATED,
  source: ticketEvents,
  applies: (f) => f.kind === TicketEventKind.TRANSITION && f.transition === TicketTransition.ESCALATE,
  recipients: (db) => sn2Team(db),
  maySee: seesTicket,
  render: (f, to, ctx) =>
    ticketMail(f, to, ctx, {
      subject: 'Demande transmise au niveau 2',
      heading: `La demande ${f.reference} est transmise au support de niveau 2`,
      support: true,
      blocks: [
        { p: `${by(f.actor_name)} (SN1) a transmis la demande « ${f.title} » au support de niveau 2.` },
        ...(f.reason ? [{ quote: f.reason, by: 'Motif de la transmission' }] : []),
        ticketFacts(f, f.to_status),
        { p: 'Et ensuite ? Un agent SN2 prend la demande en charge depuis la file du niveau 2.' },
      ],
    }),
});

function serviceLevelMail(f: TicketEventFacts, to: Recipient, ctx: RenderContext, breached: boolean): Mail {
  const due: [string, string][] = f.due_at ? [['Échéance', frenchDateTime(f.due_at, zoneOf(ctx, f))]] : [];
  return ticketMail(f, to, ctx, {
    subject: breached ? 'Délai de service dépassé' : 'Délai de service en risque',
    heading: breached ? `Délai de service dépassé sur la demande ${f.reference}` : `Délai de service en risque sur la demande ${f.reference}`,
    support: true,
    blocks: [
      ...(f.reason ? [{ p: f.reason }] : []),
      ticketFacts(f, f.status, due),
      { p: breached ? 'Et ensuite ? L’objectif est dépassé : traitez la demande en priorité et informez le demandeur.' : 'Et ensuite ? Traitez la demande avant l’échéance pour tenir l’objectif.' },
    ],
  });
}

/** The two crossings: the same recipients and mail, but for the words. */
export const [ticketServiceLevelAtRisk, ticketServiceLevelBreached] = (
  [
    [NotificationKind.TICKET_SERVICE_LEVEL_AT_RISK, TicketEventKind.SERVICE_LEVEL_AT_RISK, false],
    [NotificationKind.TICKET_SERVICE_LEVEL_BREACHED, TicketEventKind.SERVICE_LEVEL_BREACHED, true],
  ] as const
).map(([kind, eventKind, breached]) =>
  defineKind<TicketEventFacts>({
    kind,
    source: ticketEvents,
    applies: (f) => f.kind === eventKind,
    recipients: assigneeAndSn1,
    maySee: seesTicket,
    render: (f, to, ctx) => serviceLevelMail(f, to, ctx, breached),
  }),
);

export const ticketKnownErrorNews = defineKind<TicketEventFacts>({
  kind: NotificationKind.TICKET_KNOWN_ERROR_NEWS,
  source: ticketEvents,
  // the news reaches open tickets only (known-errors writes the event on those)
  applies: (f) => f.kind === TicketEventKind.KNOWN_ERROR_UPDATED,
  recipients: async (_db, f) => (f.requester_id ? [f.requester_id] : []),
  maySee: seesTicket,
  render: (f, to, ctx) =>
    ticketMail(f, to, ctx, {
      subject: f.new_value === 'FIXED' ? 'L’incident majeur lié à votre demande est corrigé' : 'Un contournement est disponible pour votre demande',
      heading: `Du nouveau sur l’incident majeur lié à la demande ${f.reference}`,
      blocks: [{ p: `Votre demande « ${f.title} » est liée à un incident majeur connu du support.` }, ...(f.reason ? [{ quote: f.reason, by: 'Support Chorus' }] : []), ticketFacts(f, f.status)],
    }),
});

export const ticketMerged = defineKind<TicketEventFacts>({
  kind: NotificationKind.TICKET_MERGED,
  source: ticketEvents,
  applies: (f) => f.kind === TicketEventKind.MERGED_INTO,
  // the duplicate's requester and opener: both see the original (a watcher, a CCA of the same structure)
  recipients: async (_db, f) => [f.requester_id, f.opened_by_id].filter((id): id is string => !!id),
  maySee: seesTicket,
  render: (f, to, ctx) =>
    ticketMail(f, to, ctx, {
      subject: 'Votre demande a été regroupée avec une autre',
      heading: `La demande ${f.reference} a été fusionnée${f.merged_into_reference ? ` dans la demande ${f.merged_into_reference}` : ''}`,
      blocks: [
        { p: `${by(f.actor_name)} a constaté que la demande « ${f.title} » portait sur la même difficulté qu’une autre demande de votre structure${f.merged_into_reference ? `, la demande ${f.merged_into_reference}` : ''}, et les a fusionnées.` },
        ...(f.reason ? [{ quote: f.reason, by: by(f.actor_name) }] : []),
        ticketFacts(f, f.to_status),
        { p: `Et ensuite ? Les commentaires et les fichiers de votre demande ont été reportés sur ${f.merged_into_reference ? `la demande ${f.merged_into_reference}` : 'la demande d’origine'}, que vous suivez désormais : c’est elle qui sera traitée.` },
      ],
    }),
});
