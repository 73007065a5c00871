import { errorCodes } from '../core/errors';

export enum IntegrationErrorCode {
  APPLICATION_NAME_TAKEN = 'APPLICATION_NAME_TAKEN',
  UNKNOWN_APPLICATION = 'UNKNOWN_APPLICATION',
  UNKNOWN_API_KEY = 'UNKNOWN_API_KEY',
  API_KEY_NOT_USABLE = 'API_KEY_NOT_USABLE',
  STRUCTURE_OF_ANOTHER_MINISTRY = 'STRUCTURE_OF_ANOTHER_MINISTRY',
  WEBHOOK_URL_REFUSED = 'WEBHOOK_URL_REFUSED',
}

export const INTEGRATION_ERROR_CODES = errorCodes(IntegrationErrorCode, {
  APPLICATION_NAME_TAKEN: { kind: 'CONFLICT', description: 'Another application already has this name.' },
  UNKNOWN_APPLICATION: { kind: 'NOT_FOUND', description: 'No application has this id.' },
  UNKNOWN_API_KEY: { kind: 'NOT_FOUND', description: 'No API key has this id.' },
  API_KEY_NOT_USABLE: { kind: 'CONFLICT', description: 'The key is already revoked or expired.' },
  STRUCTURE_OF_ANOTHER_MINISTRY: { kind: 'BAD_USER_INPUT', description: 'An application files only for structures of its own ministry.' },
  WEBHOOK_URL_REFUSED: { kind: 'BAD_USER_INPUT', description: 'The webhook URL is not http(s) (https in production), carries credentials, does not resolve (production), or points or resolves to a private or local address.' },
});

export enum IncidentErrorCode {
  ONLY_APPLICATIONS_FILE = 'ONLY_APPLICATIONS_FILE',
  STRUCTURE_NOT_ALLOWED = 'STRUCTURE_NOT_ALLOWED',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  OCCURRED_IN_FUTURE = 'OCCURRED_IN_FUTURE',
  INVALID_ROUTING_PATTERN = 'INVALID_ROUTING_PATTERN',
}

export const INCIDENT_ERROR_CODES = errorCodes(IncidentErrorCode, {
  ONLY_APPLICATIONS_FILE: { kind: 'FORBIDDEN', description: 'Only business applications file incidents (people open tickets).' },
  STRUCTURE_NOT_ALLOWED: { kind: 'FORBIDDEN', description: 'The application may not file for this structure (another ministry’s, or not registered for it).' },
  IDEMPOTENCY_KEY_REUSED: { kind: 'CONFLICT', description: 'This idempotency key was already used with a different request body.' },
  OCCURRED_IN_FUTURE: { kind: 'BAD_USER_INPUT', description: 'The occurrence time (or exchange date) lies in the future.' },
  INVALID_ROUTING_PATTERN: { kind: 'BAD_USER_INPUT', description: 'The routing pattern is not a valid regular expression.' },
});

declare module '../core/errors' {
  interface DomainErrorCodes {
    integration: IntegrationErrorCode;
    integration_1: IncidentErrorCode;
  }
}
