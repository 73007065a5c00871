import { errorCodes } from '../core/errors';

export enum DirectoryErrorCode {
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  STRUCTURE_CODE_TAKEN = 'STRUCTURE_CODE_TAKEN',
  UNKNOWN_STRUCTURE = 'UNKNOWN_STRUCTURE',
  UNKNOWN_MINISTRY = 'UNKNOWN_MINISTRY',
  UNKNOWN_PERSON = 'UNKNOWN_PERSON',
  PARENT_CYCLE = 'PARENT_CYCLE',
  DUPLICATE_ASSIGNMENT = 'DUPLICATE_ASSIGNMENT',
  ASSIGNMENT_ALREADY_ENDED = 'ASSIGNMENT_ALREADY_ENDED',
  NOT_YOUR_STRUCTURE = 'NOT_YOUR_STRUCTURE',
  ROLE_NOT_ASSIGNABLE = 'ROLE_NOT_ASSIGNABLE',
}

export const DIRECTORY_ERROR_CODES = errorCodes(DirectoryErrorCode, {
  EMAIL_TAKEN: { kind: 'CONFLICT', description: 'Another person already has this email.' },
  STRUCTURE_CODE_TAKEN: { kind: 'CONFLICT', description: 'Another structure already has this code.' },
  UNKNOWN_STRUCTURE: { kind: 'BAD_USER_INPUT', description: 'No structure has this id.' },
  UNKNOWN_MINISTRY: { kind: 'BAD_USER_INPUT', description: 'No ministry has this id.' },
  UNKNOWN_PERSON: { kind: 'BAD_USER_INPUT', description: 'No person has this id.' },
  PARENT_CYCLE: { kind: 'BAD_USER_INPUT', description: 'A structure cannot be its own ancestor.' },
  DUPLICATE_ASSIGNMENT: { kind: 'CONFLICT', description: 'The person already holds this correspondent role for this structure.' },
  ASSIGNMENT_ALREADY_ENDED: { kind: 'CONFLICT', description: 'The correspondent assignment is no longer running: its end date has passed.' },
  NOT_YOUR_STRUCTURE: { kind: 'FORBIDDEN', description: 'A platform head acts only for their own structure.' },
  ROLE_NOT_ASSIGNABLE: { kind: 'FORBIDDEN', description: 'Your role may not grant this role.' },
});

declare module '../core/errors' {
  interface DomainErrorCodes {
    directory: DirectoryErrorCode;
  }
}
