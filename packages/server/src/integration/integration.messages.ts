/** The texts of the integration module (applications, API keys, webhooks, filed incidents), French first. */
import { defineMessages } from '../core/i18n';

export const INTEGRATION_MESSAGES = defineMessages({
  // general texts, one per code
  APPLICATION_NAME_TAKEN: { fr: 'Une autre application porte déjà ce nom.', en: 'Another application already has this name.' },
  UNKNOWN_APPLICATION: { fr: 'Application inconnue.', en: 'Unknown application.' },
  UNKNOWN_API_KEY: { fr: 'Aucune clé d’API ne porte cet identifiant.', en: 'No API key has this id.' },
  API_KEY_NOT_USABLE: { fr: 'Cette clé est déjà révoquée ou expirée.', en: 'This key is already revoked or expired.' },
  STRUCTURE_OF_ANOTHER_MINISTRY: { fr: 'Une application ne dépose que pour les structures de son propre ministère.', en: 'An application files only for structures of its own ministry.' },
  WEBHOOK_URL_REFUSED: { fr: 'L’URL du webhook est refusée.', en: 'The webhook URL is refused.' },
  ONLY_APPLICATIONS_FILE: {
    fr: 'Seules les applications métier déposent des incidents ; les personnes ouvrent des tickets (openTicket).',
    en: 'Only business applications file incidents; people open tickets (openTicket).',
  },
  STRUCTURE_NOT_ALLOWED: { fr: 'Cette application n’est pas enregistrée pour déposer au nom de cette structure.', en: 'This application is not registered to file for that structure.' },
  IDEMPOTENCY_KEY_REUSED: { fr: 'Cette clé d’idempotence a déjà servi pour une autre demande.', en: 'This idempotency key was already used with a different request.' },
  OCCURRED_IN_FUTURE: { fr: 'La date ne peut pas être dans le futur.', en: 'The date cannot lie in the future.' },
  INVALID_ROUTING_PATTERN: { fr: 'Ce n’est pas une expression régulière valide.', en: 'This is not a valid regular expression.' },
  // precise situations
  'FORBIDDEN.manageApplications': { fr: 'La gestion des applications est réservée au rôle : {roles}.', en: 'Managing applications is for the role: {roles}.' },
  'FORBIDDEN.routingRules': { fr: 'La modification des règles de routage est réservée au rôle : {roles}.', en: 'Editing routing rules is for the role: {roles}.' },
  'NOT_FOUND.structures': { fr: 'L’une des structures n’existe pas.', en: 'One of the structures does not exist.' },
  'NOT_FOUND.ministry': { fr: 'Aucun ministère ne porte cet identifiant.', en: 'No ministry has this id.' },
  'NOT_FOUND.routingRule': { fr: 'Aucune règle de routage ne porte cet identifiant.', en: 'No routing rule has this id.' },
  'STRUCTURE_OF_ANOTHER_MINISTRY.codes': { fr: 'Ces structures relèvent d’un autre ministère : {codes}.', en: 'These structures belong to another ministry: {codes}.' },
  'APPLICATION_NAME_TAKEN.name': { fr: 'Une application s’appelle déjà {name}.', en: 'An application is already called {name}.' },
  'UNKNOWN_APPLICATION.id': { fr: 'Aucune application ne porte cet identifiant.', en: 'No application has this id.' },
  'WEBHOOK_URL_REFUSED.notUrl': { fr: 'Ce n’est pas une URL.', en: 'This is not a URL.' },
  'WEBHOOK_URL_REFUSED.scheme': { fr: 'L’URL doit utiliser http ou https.', en: 'The URL must use http or https.' },
  'WEBHOOK_URL_REFUSED.https': { fr: 'L’URL doit utiliser https.', en: 'The URL must use https.' },
  'WEBHOOK_URL_REFUSED.credentials': { fr: 'L’URL ne doit pas contenir d’identifiants.', en: 'The URL must not carry credentials.' },
  'WEBHOOK_URL_REFUSED.private': { fr: 'L’URL désigne une adresse privée ou locale.', en: 'The URL points or resolves to a private or local address.' },
  'WEBHOOK_URL_REFUSED.localName': { fr: 'L’URL désigne un nom d’hôte local.', en: 'The URL points at a local host name.' },
  'WEBHOOK_URL_REFUSED.unresolved': { fr: 'Le nom d’hôte de l’URL ne se résout pas.', en: 'The URL’s host name does not resolve.' },
  // why a filed incident went where it went (kept on the filing, in French: the support reads it)
  'ROUTING.default': { fr: 'Aucune règle de routage ne s’applique : le SN1 qualifie l’incident (par défaut).', en: 'No routing rule matched: SN1 qualifies it (default).' },
  'ROUTING.matched': {
    fr: 'Règle « {label} » appliquée : incident orienté vers {technical, select, true {CES-CHOREGIE (technique)} other {le SN1 (fonctionnel)}}.',
    en: 'Rule “{label}” matched: routed to {technical, select, true {CES-CHOREGIE (technical)} other {SN1 (functional)}}.',
  },
  'INVALID_FORMAT.flowId': { fr: 'De 3 à 64 lettres, chiffres, points, tirets ou soulignés.', en: '3 to 64 letters, digits, dots, dashes or underscores.' },
  'INVALID_FORMAT.flowType': { fr: 'De 2 à 40 lettres, chiffres ou soulignés.', en: '2 to 40 letters, digits or underscores.' },
  'INVALID_FORMAT.idempotencyKey': { fr: 'De 8 à 100 lettres, chiffres, points, tirets, deux-points ou soulignés.', en: '8 to 100 letters, digits, dots, dashes, colons or underscores.' },
});
