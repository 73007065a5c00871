/** Why a caller is not let in (UNAUTHENTICATED) or not allowed (FORBIDDEN): the texts of access/. */
import { defineMessages } from '../core/i18n';

export const ACCESS_MESSAGES = defineMessages({
  'UNAUTHENTICATED.bearerFormat': { fr: 'L’en-tête Authorization doit contenir « Bearer » suivi du jeton.', en: 'The Authorization header must hold "Bearer" followed by the token.' },
  'UNAUTHENTICATED.noPerson': { fr: 'Le jeton ne désigne aucune personne.', en: 'The token names no person.' },
  'UNAUTHENTICATED.inactivePerson': { fr: 'Le jeton ne désigne aucune personne active.', en: 'The token names no active person.' },
  'UNAUTHENTICATED.demoAccount': { fr: 'Les comptes de démonstration ne se connectent pas à un serveur de production.', en: 'Demo accounts do not sign in to a production server.' },
  'UNAUTHENTICATED.apiKeyMalformed': { fr: 'La clé d’API est mal formée.', en: 'The API key is malformed.' },
  'UNAUTHENTICATED.apiKeyUnknown': { fr: 'La clé d’API est inconnue.', en: 'The API key is unknown.' },
  'UNAUTHENTICATED.demoApiKey': { fr: 'Les clés d’API de démonstration ne fonctionnent pas sur un serveur de production.', en: 'Demo API keys do not work on a production server.' },
  'UNAUTHENTICATED.apiKeyRevoked': { fr: 'La clé d’API a été révoquée.', en: 'The API key has been revoked.' },
  'UNAUTHENTICATED.apiKeyExpired': { fr: 'La clé d’API a expiré.', en: 'The API key has expired.' },
  'UNAUTHENTICATED.applicationSuspended': { fr: 'L’application est suspendue.', en: 'The application is suspended.' },
  'UNAUTHENTICATED.tokenExpired': { fr: 'Le jeton a expiré.', en: 'The token has expired.' },
  'UNAUTHENTICATED.tokenNoExpiry': {
    fr: 'Le jeton n’a pas de date d’expiration (claim exp) : ce serveur n’accepte que des jetons qui expirent.',
    en: 'The token has no expiry (exp claim): this server accepts only tokens that expire.',
  },
  'UNAUTHENTICATED.tokenClaim': { fr: 'Le jeton n’est pas valable ici ({claim}).', en: 'The token is not valid here ({claim}).' },
  'UNAUTHENTICATED.tokenInvalid': { fr: 'Le jeton n’est pas valide.', en: 'The token is invalid.' },
  'UNAUTHENTICATED.tokenTooLong': { fr: 'La durée de vie du jeton dépasse les {max} s que ce serveur accepte.', en: 'The token lives longer than the {max} s this server accepts.' },
  'UNAUTHENTICATED.tokenFuture': {
    fr: 'Le jeton est émis dans le futur (claim iat) : vérifiez l’horloge de l’émetteur.',
    en: 'The token is issued in the future (iat claim): check the issuer’s clock.',
  },
  'FORBIDDEN.role': { fr: 'Cette opération est réservée au rôle : {roles}.', en: 'This operation is for the role: {roles}.' },
});
