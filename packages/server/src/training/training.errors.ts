import { errorCodes } from '../core/errors';

export enum TrainingErrorCode {
  UNKNOWN_DOMAIN = 'UNKNOWN_DOMAIN',
  DOMAIN_CODE_TAKEN = 'DOMAIN_CODE_TAKEN',
  UNKNOWN_COURSE = 'UNKNOWN_COURSE',
  UNKNOWN_SESSION = 'UNKNOWN_SESSION',
  PARTS_MISMATCH = 'PARTS_MISMATCH',
  PRICE_WITHOUT_YEAR = 'PRICE_WITHOUT_YEAR',
  CAPACITY_BELOW_REGISTERED = 'CAPACITY_BELOW_REGISTERED',
  SESSION_NOT_OPEN = 'SESSION_NOT_OPEN',
  SESSION_FULL = 'SESSION_FULL',
  ALREADY_REQUESTED = 'ALREADY_REQUESTED',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  NOT_YOUR_PERIMETER = 'NOT_YOUR_PERIMETER',
  TOO_LATE_TO_CANCEL = 'TOO_LATE_TO_CANCEL',
  COMPATIBILITY_TEST_REQUIRED = 'COMPATIBILITY_TEST_REQUIRED',
  UNKNOWN_PART = 'UNKNOWN_PART',
  UNKNOWN_TRAINEE = 'UNKNOWN_TRAINEE',
  LEAVE_BEFORE_JOIN = 'LEAVE_BEFORE_JOIN',
  BAD_IMPORT_LINE = 'BAD_IMPORT_LINE',
  IMPORT_REJECTED = 'IMPORT_REJECTED',
  SESSION_ALREADY_STARTED = 'SESSION_ALREADY_STARTED',
  LAST_PART_NOT_STARTED = 'LAST_PART_NOT_STARTED',
  SESSION_NOT_STARTED = 'SESSION_NOT_STARTED',
}

export const TRAINING_ERROR_CODES = errorCodes(TrainingErrorCode, {
  UNKNOWN_DOMAIN: { kind: 'BAD_USER_INPUT', description: 'No training domain has this id or code.' },
  DOMAIN_CODE_TAKEN: { kind: 'CONFLICT', description: 'Another training domain already has this code.' },
  UNKNOWN_COURSE: { kind: 'BAD_USER_INPUT', description: 'No course has this id.' },
  UNKNOWN_SESSION: { kind: 'NOT_FOUND', description: 'No session has this id.' },
  PARTS_MISMATCH: { kind: 'BAD_USER_INPUT', description: "A session needs exactly one slot per part of its course, each ending after it starts, in order." },
  PRICE_WITHOUT_YEAR: { kind: 'BAD_USER_INPUT', description: 'A price needs the year it applies from.' },
  CAPACITY_BELOW_REGISTERED: { kind: 'CONFLICT', description: 'The capacity (or a ministry’s seats) would fall below the trainees already registered.' },
  SESSION_NOT_OPEN: { kind: 'CONFLICT', description: 'The session is not open to requests (planned, held or cancelled).' },
  SESSION_FULL: { kind: 'CONFLICT', description: 'The session is full: no new request is taken.' },
  ALREADY_REQUESTED: { kind: 'CONFLICT', description: 'This trainee already has a live request or registration for this session.' },
  INVALID_TRANSITION: { kind: 'CONFLICT', description: 'The registration is not at a step where this action applies (e.g. registering a refused request).' },
  NOT_YOUR_PERIMETER: { kind: 'FORBIDDEN', description: 'The registration is outside your perimeter.' },
  TOO_LATE_TO_CANCEL: { kind: 'CONFLICT', description: 'The session has started: the trainee can no longer cancel.' },
  COMPATIBILITY_TEST_REQUIRED: { kind: 'CONFLICT', description: 'The trainee must pass the compatibility test before confirming.' },
  UNKNOWN_PART: { kind: 'BAD_USER_INPUT', description: 'The session has no such part.' },
  UNKNOWN_TRAINEE: { kind: 'BAD_USER_INPUT', description: 'No trainee registered on the session has this email.' },
  LEAVE_BEFORE_JOIN: { kind: 'BAD_USER_INPUT', description: 'A leave time comes before its join time.' },
  BAD_IMPORT_LINE: { kind: 'BAD_USER_INPUT', description: 'An import line is malformed (missing field, bad date, bad number).' },
  IMPORT_REJECTED: { kind: 'BAD_USER_INPUT', description: 'The all-or-nothing import found rejected lines and applied nothing.' },
  SESSION_ALREADY_STARTED: { kind: 'CONFLICT', description: 'The session has already begun (its first part has started): it takes no new registration request.' },
  LAST_PART_NOT_STARTED: { kind: 'CONFLICT', description: 'A session becomes HELD only once its last part has started.' },
  SESSION_NOT_STARTED: { kind: 'CONFLICT', description: 'The session (or the part) has not started yet by the server’s clock: no attendance nor absence justification is recorded for it.' },
});

declare module '../core/errors' {
  interface DomainErrorCodes {
    training: TrainingErrorCode;
  }
}
