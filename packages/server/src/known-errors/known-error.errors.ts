import { errorCodes } from '../core/errors';

export enum KnownErrorCode {
  NOT_A_KNOWN_ERROR = 'NOT_A_KNOWN_ERROR',
  KNOWN_ERROR_NOT_ACTIVE = 'KNOWN_ERROR_NOT_ACTIVE',
  NOT_LINKED = 'NOT_LINKED',
  ALREADY_LINKED = 'ALREADY_LINKED',
}

export const KNOWN_ERROR_CODES = errorCodes(KnownErrorCode, {
  NOT_A_KNOWN_ERROR: { kind: 'BAD_USER_INPUT', description: 'This knowledge item is not a major incident (known anomaly).' },
  KNOWN_ERROR_NOT_ACTIVE: { kind: 'CONFLICT', description: 'The known anomaly is not active: unpublished, archived, or already fixed.' },
  NOT_LINKED: { kind: 'CONFLICT', description: 'The ticket is linked to no known anomaly.' },
  ALREADY_LINKED: { kind: 'CONFLICT', description: 'The ticket is already linked to this known anomaly.' },
});

declare module '../core/errors' {
  interface DomainErrorCodes {
    known_errors: KnownErrorCode;
  }
}
