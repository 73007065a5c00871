import { registerErrorCodes } from '../core/errors';

export enum IntegrationErrorCode {
  APPLICATION_NAME_TAKEN = 'APPLICATION_NAME_TAKEN',
  UNKNOWN_APPLICATION = 'UNKNOWN_APPLICATION',
  UNKNOWN_API_KEY = 'UNKNOWN_API_KEY',
  API_KEY_NOT_USABLE = 'API_KEY_NOT_USABLE',
  STRUCTURE_OF_ANOTHER_MINISTRY = 'STRUCTURE_OF_ANOTHER_MINISTRY',
  WEBHOOK_URL_REFUSED = 'WEBHOOK_URL_REFUSED',
}

registerErrorCodes(IntegrationErrorCode, {
  APPLICATION_NAME_TAKEN: { kind: 'CONFLICT', description: 'Another application already has this name.' },
  UNKNOWN_APPLICATION: { kind: 'NOT_FOUND', description: 'No application has this id.' },
  UNKNOWN_API_KEY: { kind: 'NOT_FOUND', description: 'No API key has this id.' },
  API_KEY_NOT_USABLE: { kind: 'CONFLICT', description: 'The key is already revoked or expired.' },
  STRUCTURE_OF_ANOTHER_MINISTRY: { kind: 'BAD_USER_INPUT', description: 'An application files only for structures of its own ministry.' },
  WEBHOOK_URL_REFUSED: { kind: 'BAD_USER_INPUT', description: 'The webhook URL is not http(s), carries credentials, or points at a private or local address.' },
});
