import { errorCodes } from '../core/errors';

/** Every rule of the service-level configuration that can refuse something. */
export enum ServiceLevelErrorCode {
  INVALID_TIME_ZONE = 'INVALID_TIME_ZONE',
  INVALID_WORKING_WINDOW = 'INVALID_WORKING_WINDOW',
  NO_WORKING_TIME = 'NO_WORKING_TIME',
  INVALID_CLOSED_DAY = 'INVALID_CLOSED_DAY',
  CALENDAR_CODE_TAKEN = 'CALENDAR_CODE_TAKEN',
  TARGET_LEVEL_MISMATCH = 'TARGET_LEVEL_MISMATCH',
  INVALID_TARGET = 'INVALID_TARGET',
}

export const SERVICE_LEVEL_ERROR_CODES = errorCodes(ServiceLevelErrorCode, {
  INVALID_TIME_ZONE: { kind: 'BAD_USER_INPUT', description: 'The time zone is not an IANA zone name (e.g. `Europe/Paris`, `America/Cayenne`, `Indian/Reunion`).' },
  INVALID_WORKING_WINDOW: { kind: 'BAD_USER_INPUT', description: 'A working window has a weekday outside 1–7, a time not written `HH:MM`, an end not after its start, or overlaps another window of its day.' },
  NO_WORKING_TIME: { kind: 'BAD_USER_INPUT', description: 'A calendar needs at least one working window, or no due date could ever be computed.' },
  INVALID_CLOSED_DAY: { kind: 'BAD_USER_INPUT', description: 'A closed day is not a date written `YYYY-MM-DD`.' },
  CALENDAR_CODE_TAKEN: { kind: 'CONFLICT', description: 'Another calendar already has this code.' },
  TARGET_LEVEL_MISMATCH: { kind: 'BAD_USER_INPUT', description: 'LEVEL_HOLD targets need a level; FIRST_RESPONSE and RESOLUTION targets take none.' },
  INVALID_TARGET: { kind: 'BAD_USER_INPUT', description: 'Priority must be 1–4, the target at least one second (at most a year), and the at-risk share strictly between 0 and 1.' },
});

declare module '../core/errors' {
  interface DomainErrorCodes {
    service_levels: ServiceLevelErrorCode;
  }
}
