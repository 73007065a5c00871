/**
 * The desk tools’ texts (canned answers, saved views): the general text of each of their codes
 * (keyed by the code) and each precise situation (`CODE.situation`), French first.
 */
import { defineMessages } from '../core/i18n';

export const DESK_TOOLS_MESSAGES = defineMessages({
  // general texts, one per code
  NOT_A_DESK_TOOL_USER: { fr: 'Les réponses types et les vues enregistrées sont réservées aux agents du support.', en: 'Canned answers and saved views are for support agents.' },
  MACRO_UNKNOWN_PLACEHOLDER: { fr: 'Le texte contient un espace réservé inconnu.', en: 'The text contains an unknown placeholder.' },
  MACRO_MALFORMED_PLACEHOLDER: { fr: 'Le texte contient des accolades qui n’ouvrent ou ne ferment aucun espace réservé.', en: 'The text contains braces that open or close no placeholder.' },
  MACRO_NOT_YOURS: { fr: 'Vous ne pouvez pas modifier cette réponse type.', en: 'You may not change this canned answer.' },
  MACRO_NAME_TAKEN: { fr: 'Une réponse type porte déjà ce nom.', en: 'A canned answer already has this name.' },
  MACRO_INTERNAL_QUESTION: {
    fr: 'Une réponse type qui pose une question au demandeur (mise en attente d’informations) doit être publique.',
    en: 'A canned answer that asks the requester a question (waiting for information) must be public.',
  },
  MACRO_TEXT_TOO_LONG: { fr: 'Une fois complétée, la réponse type dépasse la longueur permise d’un commentaire.', en: 'Once filled in, the canned answer is longer than a comment may be.' },
  MACRO_VERSION_REQUIRED: {
    fr: 'Cette réponse type modifie le ticket (statut ou priorité) : envoyez la version du ticket que vous avez lue.',
    en: 'This canned answer changes the ticket (status or priority): send the version of the ticket you read.',
  },
  SAVED_VIEW_NO_TEAM: { fr: 'Vous n’appartenez à aucune équipe de support : la vue ne peut être que privée.', en: 'You belong to no support team: the view can only be private.' },
  SAVED_VIEW_NOT_OWNER: { fr: 'Seul son propriétaire modifie ou supprime une vue partagée ; votre équipe la consulte.', en: 'Only its owner changes or deletes a shared view; your team reads it.' },
  SAVED_VIEW_LIMIT_REACHED: { fr: 'Vous avez atteint le nombre maximal de vues enregistrées : supprimez-en une d’abord.', en: 'You have reached the most saved views you may keep: delete one first.' },
  // precise situations
  'NOT_A_DESK_TOOL_USER.macros': {
    fr: 'Les réponses types sont réservées aux agents du support (et aux administrateurs qui les gèrent).',
    en: 'Canned answers are for support agents (and the administrators who manage them).',
  },
  'NOT_A_DESK_TOOL_USER.views': { fr: 'Les vues enregistrées sont réservées aux agents du support.', en: 'Saved views are for support agents.' },
  'MACRO_UNKNOWN_PLACEHOLDER.name': {
    fr: 'Le texte contient l’espace réservé inconnu « {placeholder} » ; sont connus : {known}.',
    en: 'The text contains the unknown placeholder “{placeholder}”; the known ones are: {known}.',
  },
  'MACRO_MALFORMED_PLACEHOLDER.example': {
    fr: 'Le texte contient « {open} » ou « {close} » sans espace réservé complet : écrivez par exemple {example}.',
    en: 'The text contains “{open}” or “{close}” without a whole placeholder: write for example {example}.',
  },
  'MACRO_NOT_YOURS.team': { fr: 'Seuls les membres de l’équipe (et les administrateurs) modifient ses réponses types.', en: 'Only the team’s members (and administrators) change its canned answers.' },
  'MACRO_NOT_YOURS.shared': { fr: 'Seuls les administrateurs modifient les réponses types partagées.', en: 'Only administrators change the shared canned answers.' },
  'MACRO_NAME_TAKEN.team': { fr: 'Une réponse type s’appelle déjà « {name} » dans cette équipe.', en: 'A canned answer is already called “{name}” in this team.' },
  'MACRO_NAME_TAKEN.shared': { fr: 'Une réponse type s’appelle déjà « {name} » parmi les réponses partagées.', en: 'A canned answer is already called “{name}” among the shared ones.' },
  'MACRO_TEXT_TOO_LONG.max': {
    fr: 'Une fois complétée, la réponse type dépasse {max, plural, one {# caractère} other {# caractères}}.',
    en: 'Once filled in, the canned answer is longer than {max, plural, one {# character} other {# characters}}.',
  },
  'SAVED_VIEW_LIMIT_REACHED.max': {
    fr: 'Vous avez déjà {max, plural, one {# vue enregistrée} other {# vues enregistrées}} : supprimez-en une d’abord.',
    en: 'You already have {max, plural, one {# saved view} other {# saved views}}: delete one first.',
  },
  'NOT_FOUND.macro': { fr: 'Aucune réponse type de cet identifiant parmi celles que vous voyez.', en: 'No canned answer with this id among those you see.' },
  'NOT_FOUND.savedView': { fr: 'Aucune vue enregistrée de cet identifiant parmi celles que vous voyez.', en: 'No saved view with this id among those you see.' },
  'NOT_FOUND.supportTeam': { fr: 'Aucune équipe de support ne porte cet identifiant.', en: 'No support team has this id.' },
  'VALIDATION_FAILED.macroTeam': {
    fr: 'Précisez l’équipe de la réponse type ou rendez-la partagée.',
    en: 'Name the canned answer’s team or make it shared.',
  },
  'VALIDATION_FAILED.viewCodes': {
    fr: 'Au plus {max, plural, one {# code} other {# codes}} de {length, plural, one {# caractère} other {# caractères}} au plus.',
    en: 'At most {max, plural, one {# code} other {# codes}} of at most {length, plural, one {# character} other {# characters}}.',
  },
});
