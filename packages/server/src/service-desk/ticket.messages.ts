/**
 * The service desk's texts: the general text of each of its codes (keyed by the code) and
 * each precise situation (`CODE.situation`), French first. Statuses, levels and actions are
 * named in words (`statusLabel`, `levelLabel`, `actionLabel`), never by their codes.
 */
import { defineMessages, labelList, type Translations } from '../core/i18n';
import { TicketStatus, TicketTransition } from './ticket.enums';

export const TICKET_MESSAGES = defineMessages({
  // general texts, one per code
  TRANSITION_NOT_ALLOWED_FROM_STATUS: { fr: 'Cette action n’est pas possible dans l’état actuel du ticket.', en: 'This action is not possible in the ticket’s current status.' },
  ROLE_MAY_NOT_FIRE_TRANSITION: { fr: 'Votre rôle ne permet pas cette action sur le ticket.', en: 'Your role does not allow this action on the ticket.' },
  ESCALATION_RESERVED_TO_SN1: { fr: 'Seul un agent SN1 escalade un ticket au SN2.', en: 'Only an SN1 agent escalates a ticket to SN2.' },
  NOT_AT_YOUR_LEVEL: { fr: 'Ce ticket n’est pas à votre niveau de support : vous n’agissez que sur les tickets de votre niveau.', en: 'This ticket is not at your support level: you act only on tickets at your level.' },
  NOT_THE_OPENER: { fr: 'Seul l’auteur du ticket (personne ou application) peut faire cela.', en: 'Only whoever opened the ticket (person or application) may do this.' },
  NOT_YOUR_STRUCTURE: { fr: 'Vous n’agissez que pour votre propre structure.', en: 'You act only for your own structure.' },
  ONLY_CCA_OR_APPLICATION_OPENS: { fr: 'Seuls les CCA et les applications métier ouvrent des tickets.', en: 'Only CCAs and business applications open tickets.' },
  TICKET_CLOSED: { fr: 'Ce ticket est clos : il ne peut plus évoluer que par une réouverture.', en: 'This ticket is closed: it changes only by reopening.' },
  TICKET_FINISHED: { fr: 'Ce ticket est terminé : il n’accepte plus cette modification.', en: 'This ticket is finished: it no longer takes this change.' },
  READ_ONLY_ROLE: { fr: 'Votre rôle permet de consulter les tickets, pas de les modifier.', en: 'Your role reads tickets but changes none.' },
  REOPEN_DELAY_EXPIRED: { fr: 'Le délai de réouverture est dépassé : ouvrez un nouveau ticket.', en: 'The reopening delay has passed: open a new ticket.' },
  CANCEL_AFTER_TAKEN: { fr: 'Le support a déjà pris ce ticket en charge : il ne peut plus être annulé.', en: 'The support has already taken this ticket: it can no longer be cancelled.' },
  INTERNAL_COMMENT_NOT_ALLOWED: { fr: 'Les commentaires internes sont réservés aux niveaux de support.', en: 'Internal comments are for the support levels only.' },
  INTERNAL_ATTACHMENT_NOT_ALLOWED: { fr: 'Seuls les niveaux de support joignent des fichiers internes.', en: 'Only the support levels add internal files.' },
  REASON_REQUIRED: { fr: 'Cette action demande un motif.', en: 'This action needs a reason.' },
  ASSIGNEE_NOT_AT_LEVEL: { fr: 'La personne désignée doit être un agent actif du niveau actuel du ticket.', en: 'The assignee must be an active agent of the ticket’s current level.' },
  ALREADY_RATED: {
    fr: 'Cette résolution a déjà été évaluée ; une nouvelle résolution (après réouverture) pourra l’être.',
    en: 'This resolution has already been rated; a new resolution (after reopening) can be.',
  },
  NOT_RESOLVED: { fr: 'Seul un ticket résolu ou clos peut être évalué.', en: 'Only a resolved or closed ticket can be rated.' },
  UNKNOWN_APPLICATION: { fr: 'Application inconnue.', en: 'Unknown application.' },
  UNKNOWN_DOMAIN: { fr: 'Domaine inconnu.', en: 'Unknown domain.' },
  REQUESTER_NOT_IN_STRUCTURE: { fr: 'Le demandeur doit être une personne active de la structure du ticket.', en: 'The requesting user must be an active person of the ticket’s structure.' },
  LINK_RESERVED_TO_SUPPORT: { fr: 'Seuls les niveaux de support (SN1, SN2, équipe technique) lient, fusionnent ou rattachent des tickets.', en: 'Only the support levels (SN1, SN2, the technical team) link, merge or attach tickets.' },
  TICKET_LINK_SELF: { fr: 'Un ticket ne peut être lié, fusionné ou rattaché à lui-même.', en: 'A ticket is not linked to, merged into or attached to itself.' },
  TICKET_LINK_CYCLE: { fr: 'Ce lien fermerait un cycle : l’autre ticket dépend déjà, par d’autres liens, de celui-ci.', en: 'This link would close a cycle: the other ticket already depends on this one through other links.' },
  TICKET_ALREADY_MERGED: { fr: 'Ce ticket a été fusionné dans un autre et ne change plus.', en: 'This ticket was merged into another and no longer changes.' },
  MERGE_ACROSS_STRUCTURES: { fr: 'On ne fusionne que des tickets d’une même structure ; liez-les ou donnez-leur un ticket parent commun.', en: 'Only tickets of one structure are merged; link them or give them a common parent instead.' },
  TICKET_PARENT_CYCLE: { fr: 'Un ticket ne peut être son propre ancêtre : le parent choisi en descend.', en: 'A ticket cannot be its own ancestor: the chosen parent descends from it.' },
  // precise situations
  'TICKET_LINK_CYCLE.duplicate': { fr: 'L’autre ticket est déjà, par d’autres liens, un doublon de celui-ci : un ticket ne peut être le doublon de son propre doublon.', en: 'The other ticket already is, through other links, a duplicate of this one: a ticket cannot duplicate its own duplicate.' },
  'TICKET_LINK_CYCLE.cause': { fr: 'L’autre ticket est déjà, par d’autres liens, causé par celui-ci : une cause ne peut être sa propre conséquence.', en: 'The other ticket is already, through other links, caused by this one: a cause cannot be its own consequence.' },
  'TICKET_ALREADY_MERGED.into': { fr: 'Le ticket d’origine a lui-même été fusionné ; fusionnez dans le ticket qui l’a reçu.', en: 'The original was itself merged; merge into the ticket that received it.' },
  'TICKET_ALREADY_MERGED.act': { fr: 'Ce ticket a été fusionné dans un autre et ne change plus : agissez sur le ticket d’origine.', en: 'This ticket was merged into another and no longer changes: act on the original ticket.' },
  'TICKET_ALREADY_MERGED.parent': { fr: 'Le ticket parent a été fusionné ; rattachez au ticket qui l’a reçu.', en: 'The parent was merged; attach to the ticket that received it.' },
  'TICKET_PARENT_CYCLE.merge': { fr: 'Le ticket d’origine descend du doublon ; détachez-le d’abord.', en: 'The original descends from the duplicate; detach it first.' },
  'NOT_FOUND.ticket': { fr: 'Ticket introuvable, ou hors de ce que vous pouvez voir.', en: 'No such ticket, or outside what you may see.' },
  'TICKET_FINISHED.cancelled': { fr: 'Ce ticket est annulé : il n’évolue plus.', en: 'This ticket is cancelled: it no longer changes.' },
  'TICKET_FINISHED.resolved': { fr: 'Ce ticket est résolu : rouvrez-le pour le modifier.', en: 'This ticket is resolved: reopen it to edit it.' },
  'ROLE_MAY_NOT_FIRE_TRANSITION.roles': { fr: 'L’action « {action} » est réservée au rôle : {roles}.', en: 'The action “{action}” is for the role: {roles}.' },
  'NOT_AT_YOUR_LEVEL.act': { fr: 'Ce ticket est au niveau {level} : vous n’agissez que sur les tickets de votre niveau.', en: 'This ticket is at {level}: you act only on tickets at your level.' },
  'NOT_AT_YOUR_LEVEL.action': { fr: 'L’action « {action} » vaut pour les tickets au niveau {levels} ; celui-ci est au niveau {level}.', en: 'The action “{action}” applies to tickets at {levels}; this one is at {level}.' },
  'NOT_AT_YOUR_LEVEL.edit': { fr: 'Ce ticket est au niveau {level} : seuls ce niveau et le demandeur peuvent le modifier.', en: 'This ticket is at {level}: only its level or its requesting side may edit it.' },
  'NOT_AT_YOUR_LEVEL.assign': { fr: 'Ce ticket est au niveau {level} : seul ce niveau l’attribue.', en: 'This ticket is at {level}: only its level assigns it.' },
  'NOT_THE_OPENER.action': { fr: 'Seul l’auteur du ticket peut « {action} ».', en: 'Only whoever opened the ticket may “{action}”.' },
  'NOT_YOUR_STRUCTURE.cca': { fr: 'Un CCA n’agit que sur les tickets de sa propre structure.', en: 'A CCA acts only on the tickets of their own structure.' },
  'NOT_YOUR_STRUCTURE.application': { fr: 'Cette application n’est pas autorisée à ouvrir des tickets pour cette structure.', en: 'This application may not file tickets for that structure.' },
  'NOT_YOUR_STRUCTURE.open': { fr: 'Un CCA n’ouvre de tickets que pour les structures dont il est le CCA.', en: 'A CCA opens tickets only for the structures they are CCA for.' },
  'NOT_YOUR_STRUCTURE.comment': { fr: 'Vous ne pouvez pas commenter ce ticket.', en: 'You may not comment on this ticket.' },
  'NOT_YOUR_STRUCTURE.rate': { fr: 'Seul le demandeur évalue une résolution.', en: 'Only the requesting side rates a resolution.' },
  'TRANSITION_NOT_ALLOWED_FROM_STATUS.action': {
    fr: 'L’action « {action} » n’est possible qu’à l’état {from} ; ce ticket est à l’état {status}.',
    en: 'The action “{action}” goes from {from} only; this ticket is {status}.',
  },
  'TRANSITION_NOT_ALLOWED_FROM_STATUS.assign': { fr: 'Un ticket à l’état {status} ne s’attribue pas.', en: 'A ticket in status {status} is not assigned.' },
  'REOPEN_DELAY_EXPIRED.days': {
    fr: 'Un ticket se rouvre dans les {days, plural, one {# jour} other {# jours}} qui suivent sa résolution ; ouvrez plutôt un nouveau ticket.',
    en: 'A ticket may be reopened within {days, plural, one {# day} other {# days}} of its resolution; open a new ticket instead.',
  },
  'REASON_REQUIRED.action': { fr: 'L’action « {action} » demande un motif.', en: 'The action “{action}” needs a reason.' },
  'ASSIGNEE_NOT_AT_LEVEL.role': { fr: 'La personne désignée doit être un {role} actif.', en: 'The assignee must be an active {role}.' },
  'ASSIGNEE_NOT_AT_LEVEL.unknown': { fr: 'Aucune personne ne porte cet identifiant.', en: 'No person has this id.' },
  'UNKNOWN_APPLICATION.code': { fr: 'Aucune application active ne porte le code {code}.', en: 'No active application has the code {code}.' },
  'UNKNOWN_DOMAIN.code': { fr: 'Aucun domaine actif ne porte le code {code}.', en: 'No active domain has the code {code}.' },
  'CONFLICT.staleVersion': {
    fr: 'Le ticket a changé depuis votre lecture (vous avez envoyé la version {sent}, il en est à la version {current}) : rechargez-le puis recommencez.',
    en: 'The ticket changed since you read it (you sent version {sent}, it is now at {current}); reload it and try again.',
  },
  'REQUIRED.structure': { fr: 'Vous ouvrez des tickets pour plusieurs structures : précisez laquelle.', en: 'You open tickets for several structures: say which one.' },
  'FORBIDDEN.statistics': { fr: 'Les statistiques du support sont réservées au rôle : {roles}.', en: 'Service-desk statistics are for the role: {roles}.' },
});

const STATUS: Record<TicketStatus, Translations> = {
  NEW: { fr: 'brouillon', en: 'draft' },
  SUBMITTED: { fr: 'soumis', en: 'submitted' },
  IN_PROGRESS: { fr: 'en cours de traitement', en: 'in progress' },
  WAITING_FOR_INFO: { fr: 'en attente d’informations', en: 'waiting for information' },
  ESCALATED: { fr: 'escaladé au SN2', en: 'escalated to SN2' },
  RESOLVED: { fr: 'résolu', en: 'resolved' },
  CLOSED: { fr: 'clos', en: 'closed' },
  REOPENED: { fr: 'rouvert', en: 'reopened' },
  CANCELLED: { fr: 'annulé', en: 'cancelled' },
};

const LEVEL: Record<string, Translations> = {
  SN1: { fr: 'SN1', en: 'SN1' },
  SN2: { fr: 'SN2', en: 'SN2' },
  TECHNICAL: { fr: 'équipe technique (CES-CHOREGIE)', en: 'technical team (CES-CHOREGIE)' },
};

const ACTION: Record<TicketTransition, Translations> = {
  SUBMIT: { fr: 'soumettre', en: 'submit' },
  TAKE: { fr: 'prendre en charge', en: 'take' },
  REQUEST_INFO: { fr: 'demander des informations', en: 'request information' },
  PROVIDE_INFO: { fr: 'apporter les informations', en: 'provide information' },
  ESCALATE: { fr: 'escalader au SN2', en: 'escalate to SN2' },
  RETURN_TO_SN1: { fr: 'renvoyer au SN1', en: 'return to SN1' },
  TRANSFER_TO_TECHNICAL: { fr: 'transférer à l’équipe technique', en: 'transfer to the technical team' },
  TRANSFER_TO_FUNCTIONAL: { fr: 'transférer au support fonctionnel', en: 'transfer to functional support' },
  RESOLVE: { fr: 'résoudre', en: 'resolve' },
  CLOSE: { fr: 'clore', en: 'close' },
  REOPEN: { fr: 'rouvrir', en: 'reopen' },
  CANCEL: { fr: 'annuler', en: 'cancel' },
  MERGE: { fr: 'fusionner', en: 'merge' },
};

/** A status, statuses ("soumis ou rouvert"), a level or an action in the caller's words. */
export const statusLabel = (...s: readonly TicketStatus[]) => labelList(STATUS, s);
export const levelLabel = (...l: readonly string[]) => labelList(LEVEL, l);
export const actionLabel = (t: TicketTransition) => labelList(ACTION, [t]);
