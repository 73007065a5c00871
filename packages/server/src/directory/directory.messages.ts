/** The texts of the directory (structures, people, correspondents), French first. */
import { defineMessages } from '../core/i18n';

export const DIRECTORY_MESSAGES = defineMessages({
  // general texts, one per code
  EMAIL_TAKEN: { fr: 'Une autre personne a déjà cette adresse électronique.', en: 'Another person already has this email.' },
  STRUCTURE_CODE_TAKEN: { fr: 'Une autre structure a déjà ce code.', en: 'Another structure already has this code.' },
  UNKNOWN_STRUCTURE: { fr: 'Aucune structure ne porte cet identifiant.', en: 'No structure has this id.' },
  UNKNOWN_MINISTRY: { fr: 'Aucun ministère ne porte cet identifiant.', en: 'No ministry has this id.' },
  UNKNOWN_PERSON: { fr: 'Aucune personne ne porte cet identifiant.', en: 'No person has this id.' },
  PARENT_CYCLE: { fr: 'Une structure ne peut pas être placée sous elle-même ni sous l’une de ses structures filles.', en: 'A structure cannot be placed under itself or one of its children.' },
  DUPLICATE_ASSIGNMENT: { fr: 'Cette personne tient déjà ce rôle de correspondant pour cette structure.', en: 'This person already holds this correspondent role for this structure.' },
  ASSIGNMENT_ALREADY_ENDED: { fr: 'Cette désignation a déjà pris fin.', en: 'This assignment has already ended.' },
  ROLE_NOT_ASSIGNABLE: { fr: 'Votre rôle ne permet pas d’attribuer ce rôle.', en: 'Your role may not grant this role.' },
  // precise situations
  'FORBIDDEN.manageDirectory': { fr: 'La gestion de l’annuaire est réservée au rôle : {roles}.', en: 'Managing the directory is for the role: {roles}.' },
  'FORBIDDEN.otherStructure': {
    fr: 'Seuls les rôles suivants consultent les correspondants d’une autre structure : {roles}.',
    en: 'Only these roles may ask about another structure’s correspondents: {roles}.',
  },
  'NOT_YOUR_STRUCTURE.platformHead': { fr: 'Un responsable de plateforme ne désigne les CCH que pour sa propre structure.', en: 'A platform head designates CCHs for their own structure only.' },
  'ROLE_NOT_ASSIGNABLE.role': { fr: 'Votre rôle ne permet pas d’attribuer le rôle : {role}.', en: 'Your role may not assign the role: {role}.' },
  'NOT_FOUND.structure': { fr: 'Aucune structure ne porte cet identifiant.', en: 'No structure has this id.' },
  'NOT_FOUND.person': { fr: 'Aucune personne ne porte cet identifiant.', en: 'No person has this id.' },
  'NOT_FOUND.assignment': { fr: 'Aucune désignation de correspondant ne porte cet identifiant.', en: 'No correspondent assignment has this id.' },
  'INVALID_FORMAT.structureCode': { fr: 'Lettres majuscules, chiffres et tirets seulement.', en: 'Capital letters, digits and dashes only.' },
  'STRUCTURE_CODE_TAKEN.code': { fr: 'Une structure a déjà le code {code}.', en: 'A structure already has the code {code}.' },
  'VALIDATION_FAILED.heldRoles': {
    fr: 'Ces rôles viennent des désignations ou des clés d’API, pas de la fiche d’une personne : {roles}.',
    en: 'These roles come from assignments or API keys, not from a person record: {roles}.',
  },
  'EMAIL_TAKEN.email': { fr: 'Une autre personne a déjà l’adresse {email}.', en: 'Another person already has the email {email}.' },
  'DUPLICATE_ASSIGNMENT.role': { fr: 'Cette personne tient déjà le rôle {role} pour cette structure.', en: 'This person already holds the {role} role for this structure.' },
  'OUT_OF_RANGE.untilBeforeSince': { fr: 'La fin doit venir après le début.', en: 'The end must come after the start.' },
  'REQUIRED.ownStructure': { fr: 'Vous n’appartenez à aucune structure : précisez laquelle.', en: 'You belong to no structure: say which one.' },
});
