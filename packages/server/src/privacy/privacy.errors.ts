import { errorCodes } from '../core/errors';

export enum PrivacyErrorCode {
  PERSON_ALREADY_ERASED = 'PERSON_ALREADY_ERASED',
  CANNOT_ERASE_YOURSELF = 'CANNOT_ERASE_YOURSELF',
}

export const PRIVACY_ERROR_CODES = errorCodes(PrivacyErrorCode, {
  PERSON_ALREADY_ERASED: { kind: 'CONFLICT', description: 'This person’s personal data has already been erased.' },
  CANNOT_ERASE_YOURSELF: { kind: 'BAD_USER_INPUT', description: 'An administrator does not erase their own account: another administrator does.' },
});

declare module '../core/errors' {
  interface DomainErrorCodes {
    privacy: PrivacyErrorCode;
  }
}
