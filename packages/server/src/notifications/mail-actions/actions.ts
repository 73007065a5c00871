/**
 * What each one-click link does, through the feature's own service and rules, as the
 * link's person (a Viewer built by access/ as for a signed-in request): a forwarded link
 * does what that person may do, nothing more. `describe` reads (the GET page), `perform`
 * changes (the POST), both as that person.
 */
import type { EntityManager } from '../../core/database';
import type { Viewer } from '../../core/context';
import { CoreErrorCode, DomainError } from '../../core/errors';
import { findVisibleTicket, rateTicket } from '../../service-desk';
import { cancelRegistration, decideRequest, visibleRegistration } from '../../training';
import { frenchDateTime } from '../render';
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

async function registrationFacts(em: EntityManager, viewer: Viewer, id: string, timeZone: string): Promise<[string, string][]> {
  await visibleRegistration(em, viewer, id); // the trainee's or the DAF's own rule: NOT_FOUND outside it
  const [r] = await em.execute<{ title: string; label: string; starts_at: Date; first_name: string; last_name: string }[]>(
    `select c.title, s.label, s.starts_at, p.first_name, p.last_name from training_registration r
       join training_session s on s.id = r.session_id join training_course c on c.id = s.course_id join person p on p.id = r.trainee_id where r.id = ?`,
    [id],
  );
  return [
    ['Formation', r.title],
    ['Session', r.label],
    ['Début', frenchDateTime(new Date(r.starts_at), timeZone)],
    ['Stagiaire', `${r.first_name} ${r.last_name}`],
  ];
}

export const MAIL_ACTIONS: Record<MailActionName, MailAction> = {
  'cancel-registration': {
    async describe(em, viewer, id, tz) {
      return {
        title: 'Annuler votre inscription',
        paragraphs: ['Vous êtes sur le point d’annuler votre inscription à cette session de formation. Votre place sera proposée à la personne suivante sur la liste d’attente.'],
        facts: await registrationFacts(em, viewer, id, tz),
        button: 'Confirmer l’annulation',
      };
    },
    async perform(em, viewer, id) {
      await cancelRegistration(em, viewer, id, 'Annulée par le stagiaire depuis le lien de sa confirmation d’inscription.');
      return { title: 'Votre inscription est annulée', paragraphs: ['Votre inscription à la session a bien été annulée ; votre place est proposée à la personne suivante sur la liste d’attente.'] };
    },
  },
  'approve-registration': {
    async describe(em, viewer, id, tz) {
      return {
        title: 'Valider la demande d’inscription',
        paragraphs: ['En validant, vous autorisez cette inscription ; le référent formation l’inscrira ensuite sur une place de la session.'],
        facts: await registrationFacts(em, viewer, id, tz),
        button: 'Valider la demande',
      };
    },
    async perform(em, viewer, id) {
      await decideRequest(em, viewer, id, true);
      return { title: 'La demande est validée', paragraphs: ['La demande d’inscription est validée. Le référent formation va maintenant l’inscrire sur la session.'] };
    },
  },
  'refuse-registration': {
    async describe(em, viewer, id, tz) {
      return {
        title: 'Refuser la demande d’inscription',
        paragraphs: ['Indiquez le motif du refus : il sera communiqué au stagiaire. Le refus est définitif.'],
        facts: await registrationFacts(em, viewer, id, tz),
        button: 'Refuser la demande',
        fields: [{ name: 'reason', label: 'Motif du refus (obligatoire)', kind: 'textarea', required: true }],
      };
    },
    async perform(em, viewer, id, form) {
      if (!form.reason?.trim()) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, 'A refusal needs a reason.', ['reason']);
      await decideRequest(em, viewer, id, false, form.reason.slice(0, 1000));
      return { title: 'La demande est refusée', paragraphs: ['La demande d’inscription est refusée ; le stagiaire en est informé avec votre motif.'] };
    },
  },
  'rate-ticket': {
    async describe(em, viewer, id) {
      const t = await findVisibleTicket(em, viewer, { id });
      if (!t) throw new DomainError(CoreErrorCode.NOT_FOUND, 'No ticket has this id.');
      return {
        title: 'Donner votre avis sur la résolution',
        paragraphs: ['Votre avis aide le support Chorus à s’améliorer. Choisissez une note de 1 (pas du tout satisfait) à 5 (très satisfait).'],
        facts: [['Demande', `${t.reference} — ${t.title}`]],
        button: 'Envoyer mon avis',
        fields: [
          { name: 'score', label: 'Votre note', kind: 'score', required: true },
          { name: 'comment', label: 'Un commentaire (facultatif)', kind: 'textarea' },
        ],
      };
    },
    async perform(em, viewer, id, form) {
      const score = Number(form.score);
      if (!Number.isInteger(score) || score < 1 || score > 5) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, 'A score from 1 to 5.', ['score']);
      const t = await findVisibleTicket(em, viewer, { id });
      if (!t) throw new DomainError(CoreErrorCode.NOT_FOUND, 'No ticket has this id.');
      await rateTicket(em, viewer, id, t.version, score, form.comment?.slice(0, 2000) || null);
      return { title: 'Merci pour votre avis', paragraphs: [`Votre note (${score} sur 5) est enregistrée sur la demande ${t.reference}.`] };
    },
  },
};

/** A refused action in French, with its HTTP status: the rule's code decides. */
export function refusal(e: DomainError): { status: number; title: string; text: string } {
  switch (e.code) {
    case CoreErrorCode.NOT_FOUND:
    case CoreErrorCode.FORBIDDEN:
    case 'NOT_YOUR_STRUCTURE':
    case 'READ_ONLY_ROLE':
      return { status: 403, title: 'Action impossible', text: 'Ce lien ne vous permet pas de faire cette action : elle n’est pas ouverte à la personne à qui il a été envoyé, ou l’objet n’existe plus.' };
    case 'TOO_LATE_TO_CANCEL':
      return { status: 409, title: 'Trop tard pour annuler', text: 'La session a commencé : elle ne peut plus être annulée en ligne. Contactez le référent formation.' };
    case 'ALREADY_RATED':
      return { status: 409, title: 'Avis déjà donné', text: 'Un avis a déjà été donné sur la résolution de cette demande.' };
    case 'NOT_RESOLVED':
      return { status: 409, title: 'Demande non résolue', text: 'Cette demande n’est plus résolue : elle ne peut pas être notée.' };
    case 'INVALID_TRANSITION':
      return { status: 409, title: 'Action déjà faite ou dépassée', text: 'L’inscription n’est plus dans l’état où cette action était possible (elle a été traitée entre-temps).' };
    case CoreErrorCode.VALIDATION_FAILED:
      return { status: 400, title: 'Formulaire incomplet', text: 'Un champ obligatoire manque ou n’est pas valide : revenez en arrière et complétez le formulaire.' };
    default:
      return { status: 409, title: 'Action impossible', text: 'Cette action n’est pas possible pour le moment.' };
  }
}
