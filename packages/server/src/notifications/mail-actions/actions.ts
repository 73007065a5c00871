/**
 * What each one-click link does, through the feature's own service and rules, as the
 * link's person (a Viewer built by access/ as for a signed-in request): a forwarded link
 * does what that person may do, nothing more. `describe` reads (the GET page), `perform`
 * changes (the POST), both as that person.
 */
import type { EntityManager } from '../../core/database';
import type { Viewer } from '../../core/context';
import { CORE_MESSAGES, CoreErrorCode, DomainError } from '../../core/errors';
import { findVisibleTicket, rateTicket } from '../../service-desk';
import { cancelRegistration, decideRequest, visibleRegistration } from '../../training';
import { currentLocale } from '../../core/i18n';
import { PAGES as P } from '../notification.messages';
import { M as TRAINING } from '../../training/training.messages';
import type { Field } from './page';
import type { MailActionName } from './tokens';

export interface Described {
  title: string;
  paragraphs: string[];
  facts: [string, string][];
  button: string;
  fields?: Field[];
}

export interface MailAction {
  describe(em: EntityManager, viewer: Viewer, objectId: string, timeZone: string): Promise<Described>;
  /** Does it; returns what the page says happened. */
  perform(em: EntityManager, viewer: Viewer, objectId: string, form: Record<string, string>): Promise<{ title: string; paragraphs: string[] }>;
}

/** A date and time as the page's reader reads it (the mails themselves stay French). */
function localDateTime(at: Date, timeZone: string): string {
  const when = new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
  return timeZone === 'Europe/Paris' ? P['MAIL_ACTION.parisTime']({ when }).render() : P['MAIL_ACTION.localTime']({ when, zone: timeZone }).render();
}

async function registrationFacts(em: EntityManager, viewer: Viewer, id: string, timeZone: string): Promise<[string, string][]> {
  await visibleRegistration(em, viewer, id); // the trainee's or the DAF's own rule: NOT_FOUND outside it
  const [r] = await em.execute<{ title: string; label: string; starts_at: Date; first_name: string; last_name: string }[]>(
    `select c.title, s.label, s.starts_at, p.first_name, p.last_name from training_registration r
       join training_session s on s.id = r.session_id join training_course c on c.id = s.course_id join person p on p.id = r.trainee_id where r.id = ?`,
    [id],
  );
  return [
    [P['MAIL_ACTION.fact.course']().render(), r.title],
    [P['MAIL_ACTION.fact.session']().render(), r.label],
    [P['MAIL_ACTION.fact.start']().render(), localDateTime(new Date(r.starts_at), timeZone)],
    [P['MAIL_ACTION.fact.trainee']().render(), `${r.first_name} ${r.last_name}`],
  ];
}

export const MAIL_ACTIONS: Record<MailActionName, MailAction> = {
  'cancel-registration': {
    async describe(em, viewer, id, tz) {
      return {
        title: P['MAIL_ACTION.cancel.title']().render(),
        paragraphs: [P['MAIL_ACTION.cancel.text']().render()],
        facts: await registrationFacts(em, viewer, id, tz),
        button: P['MAIL_ACTION.cancel.button']().render(),
      };
    },
    async perform(em, viewer, id) {
      await cancelRegistration(em, viewer, id, 'Annulée par le stagiaire depuis le lien de sa confirmation d’inscription.');
      return { title: P['MAIL_ACTION.cancel.done.title']().render(), paragraphs: [P['MAIL_ACTION.cancel.done.text']().render()] };
    },
  },
  'approve-registration': {
    async describe(em, viewer, id, tz) {
      return {
        title: P['MAIL_ACTION.approve.title']().render(),
        paragraphs: [P['MAIL_ACTION.approve.text']().render()],
        facts: await registrationFacts(em, viewer, id, tz),
        button: P['MAIL_ACTION.approve.button']().render(),
      };
    },
    async perform(em, viewer, id) {
      await decideRequest(em, viewer, id, true);
      return { title: P['MAIL_ACTION.approve.done.title']().render(), paragraphs: [P['MAIL_ACTION.approve.done.text']().render()] };
    },
  },
  'refuse-registration': {
    async describe(em, viewer, id, tz) {
      return {
        title: P['MAIL_ACTION.refuse.title']().render(),
        paragraphs: [P['MAIL_ACTION.refuse.text']().render()],
        facts: await registrationFacts(em, viewer, id, tz),
        button: P['MAIL_ACTION.refuse.button']().render(),
        fields: [{ name: 'reason', label: P['MAIL_ACTION.refuse.reason']().render(), kind: 'textarea', required: true }],
      };
    },
    async perform(em, viewer, id, form) {
      if (!form.reason?.trim()) throw new DomainError(CoreErrorCode.REQUIRED, TRAINING['REQUIRED.trainingRefusalReason'](), ['reason']);
      await decideRequest(em, viewer, id, false, form.reason.slice(0, 1000));
      return { title: P['MAIL_ACTION.refuse.done.title']().render(), paragraphs: [P['MAIL_ACTION.refuse.done.text']().render()] };
    },
  },
  'rate-ticket': {
    async describe(em, viewer, id) {
      const t = await findVisibleTicket(em, viewer, { id });
      if (!t) throw new DomainError(CoreErrorCode.NOT_FOUND, P['NOT_FOUND.mailActionTicket']());
      return {
        title: P['MAIL_ACTION.rate.title']().render(),
        paragraphs: [P['MAIL_ACTION.rate.text']().render()],
        facts: [[P['MAIL_ACTION.fact.request']().render(), `${t.reference} — ${t.title}`]],
        button: P['MAIL_ACTION.rate.button']().render(),
        fields: [
          { name: 'score', label: P['MAIL_ACTION.rate.score']().render(), kind: 'score', required: true },
          { name: 'comment', label: P['MAIL_ACTION.rate.comment']().render(), kind: 'textarea' },
        ],
      };
    },
    async perform(em, viewer, id, form) {
      const score = Number(form.score);
      if (!Number.isInteger(score) || score < 1 || score > 5) throw new DomainError(CoreErrorCode.OUT_OF_RANGE, CORE_MESSAGES.OUT_OF_RANGE({ min: 1, max: 5 }), ['score'], { min: 1, max: 5 });
      const t = await findVisibleTicket(em, viewer, { id });
      if (!t) throw new DomainError(CoreErrorCode.NOT_FOUND, P['NOT_FOUND.mailActionTicket']());
      await rateTicket(em, viewer, id, t.version, score, form.comment?.slice(0, 2000) || null);
      return { title: P['MAIL_ACTION.rate.done.title']().render(), paragraphs: [P['MAIL_ACTION.rate.done.text']({ score, reference: t.reference }).render()] };
    },
  },
};

/** A refused action in the reader's language, with its HTTP status: the rule's code decides. */
export function refusal(e: DomainError): { status: number; title: string; text: string } {
  switch (e.code) {
    case CoreErrorCode.NOT_FOUND:
    case CoreErrorCode.FORBIDDEN:
    case 'NOT_YOUR_STRUCTURE':
    case 'READ_ONLY_ROLE':
      return { status: 403, title: P['MAIL_ACTION.impossible.title']().render(), text: P['MAIL_ACTION.refused.forbidden']().render() };
    case 'TOO_LATE_TO_CANCEL':
      return { status: 409, title: P['MAIL_ACTION.refused.tooLate.title']().render(), text: P['MAIL_ACTION.refused.tooLate.text']().render() };
    case 'ALREADY_RATED':
      return { status: 409, title: P['MAIL_ACTION.refused.alreadyRated.title']().render(), text: P['MAIL_ACTION.refused.alreadyRated.text']().render() };
    case 'NOT_RESOLVED':
      return { status: 409, title: P['MAIL_ACTION.refused.notResolved.title']().render(), text: P['MAIL_ACTION.refused.notResolved.text']().render() };
    case 'INVALID_TRANSITION':
      return { status: 409, title: P['MAIL_ACTION.refused.transition.title']().render(), text: P['MAIL_ACTION.refused.transition.text']().render() };
    case CoreErrorCode.VALIDATION_FAILED:
    case CoreErrorCode.REQUIRED:
    case CoreErrorCode.OUT_OF_RANGE:
      return { status: 400, title: P['MAIL_ACTION.refused.incomplete.title']().render(), text: P['MAIL_ACTION.refused.incomplete.text']().render() };
    default:
      return { status: 409, title: P['MAIL_ACTION.impossible.title']().render(), text: P['MAIL_ACTION.refused.other']().render() };
  }
}
