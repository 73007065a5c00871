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

/** Why a line of a directory import is refused (the import's report). */
export const DIRECTORY_IMPORT_MESSAGES = defineMessages({
  'IMPORT.structureCode': { fr: 'code : de 1 à 40 lettres majuscules, chiffres, « - » ou « _ ».', en: 'code: 1 to 40 capital letters, digits, "-" or "_".' },
  'IMPORT.codeTwice': { fr: 'Le code {code} figure deux fois dans le fichier.', en: 'The code {code} appears twice in the file.' },
  'IMPORT.structureName': { fr: 'name : de 1 à 200 caractères.', en: 'name: 1 to 200 characters.' },
  'IMPORT.kindOneOf': { fr: 'kind : l’une des valeurs {values}.', en: 'kind: one of {values}.' },
  'IMPORT.unknownMinistry': { fr: 'Aucun ministère n’a le code « {code} ».', en: 'No ministry has the code "{code}".' },
  'IMPORT.ownParent': { fr: 'Une structure ne peut pas être sa propre structure mère.', en: 'A structure cannot be its own parent.' },
  'IMPORT.unknownParent': { fr: 'Aucune structure n’a le code parent « {code} », ni dans l’annuaire ni dans le fichier.', en: 'No structure has the parent code "{code}", in the directory or the file.' },
  'IMPORT.email': { fr: 'email : ce n’est pas une adresse électronique.', en: 'email: not an email address.' },
  'IMPORT.emailTwice': { fr: 'L’adresse {email} figure deux fois dans le fichier.', en: 'The email {email} appears twice in the file.' },
  'IMPORT.names': { fr: 'firstName et lastName : de 1 à 100 caractères chacun.', en: 'firstName and lastName: 1 to 100 characters each.' },
  'IMPORT.unknownStructure': { fr: 'Aucune structure n’a le code « {code} », ni dans l’annuaire ni dans le fichier.', en: 'No structure has the code "{code}", in the directory or the file.' },
  'IMPORT.heldRole': {
    fr: 'Le rôle {role} n’est pas de ceux qu’une personne tient en propre (les rôles de correspondant viennent des désignations).',
    en: 'The role {role} is not one a person holds in their own right (correspondent roles come from assignments).',
  },
  'IMPORT.unknownPerson': { fr: 'Aucune personne n’a l’adresse « {email} », ni dans l’annuaire ni dans le fichier.', en: 'No person has the email "{email}", in the directory or the file.' },
  'IMPORT.since': { fr: 'since : ce n’est pas une date (AAAA-MM-JJ).', en: 'since: not a date (YYYY-MM-DD).' },
  'IMPORT.assignmentTwice': { fr: 'Cette désignation figure deux fois dans le fichier.', en: 'This assignment appears twice in the file.' },
});
