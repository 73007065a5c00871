import { registerEnumType } from 'type-graphql';

export enum CourseMode {
  WEBINAR = 'WEBINAR',
  IN_PERSON = 'IN_PERSON',
}
registerEnumType(CourseMode, {
  name: 'CourseMode',
  description: 'How a course is delivered.',
  valuesConfig: {
    WEBINAR: { description: 'Remote, in a webinar tool that reports connections.' },
    IN_PERSON: { description: 'In a training centre.' },
  },
});

export enum SessionStatus {
  PLANNED = 'PLANNED',
  OPEN = 'OPEN',
  FULL = 'FULL',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SessionStatus, {
  name: 'SessionStatus',
  description: 'Where a session stands.',
  valuesConfig: {
    PLANNED: { description: 'On the planning, not yet open to requests.' },
    OPEN: { description: 'Open to registration requests.' },
    FULL: { description: 'Every seat is taken: new registrations go to the waiting list.' },
    HELD: { description: 'The session took place.' },
    CANCELLED: { description: 'The session will not take place.' },
  },
});

export enum SessionKind {
  STANDARD = 'STANDARD',
  THEMED = 'THEMED',
  MINISTRY_ORDER = 'MINISTRY_ORDER',
}
registerEnumType(SessionKind, {
  name: 'SessionKind',
  description: 'Why a session exists.',
  valuesConfig: {
    STANDARD: { description: 'A session of the AIFE standard offer.' },
    THEMED: { description: 'A themed webinar ("web à thème").' },
    MINISTRY_ORDER: { description: 'A session ordered specifically by one ministry.' },
  },
});

export enum RegistrationStatus {
  REQUESTED = 'REQUESTED',
  VALIDATED = 'VALIDATED',
  REFUSED = 'REFUSED',
  REGISTERED = 'REGISTERED',
  WAITLISTED = 'WAITLISTED',
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'Step of a registration: REQUESTED → VALIDATED / REFUSED (DAF manager) → REGISTERED / WAITLISTED (training referent) → CONFIRMED (trainee, after the compatibility test) or CANCELLED.',
  valuesConfig: {
    REQUESTED: { description: 'The trainee asked for a seat; waits for their DAF manager.' },
    VALIDATED: { description: 'The DAF manager approved; waits for the SN1 training referent.' },
    REFUSED: { description: 'The DAF manager refused (final).' },
    REGISTERED: { description: 'Holds a seat; the confirmation was sent to the trainee.' },
    WAITLISTED: { description: "The ministry's seats are taken: waits for a seat, in order." },
    CONFIRMED: { description: 'The trainee passed the compatibility test and confirmed.' },
    CANCELLED: { description: 'Cancelled by the trainee (before the start) or the referent.' },
  },
});

export enum RegistrationAction {
  REQUEST = 'REQUEST',
  VALIDATE = 'VALIDATE',
  REFUSE = 'REFUSE',
  REGISTER = 'REGISTER',
  WAITLIST = 'WAITLIST',
  PROMOTE = 'PROMOTE',
  COMPATIBILITY_TEST = 'COMPATIBILITY_TEST',
  CONFIRM = 'CONFIRM',
  CANCEL = 'CANCEL',
  JUSTIFY_ABSENCE = 'JUSTIFY_ABSENCE',
}
registerEnumType(RegistrationAction, {
  name: 'RegistrationAction',
  description: 'What happened to a registration, in its history.',
  valuesConfig: {
    REQUEST: { description: 'The trainee requested a seat.' },
    VALIDATE: { description: 'The DAF manager validated the request.' },
    REFUSE: { description: 'The DAF manager refused the request.' },
    REGISTER: { description: 'The referent registered the trainee on a seat.' },
    WAITLIST: { description: 'The referent put the trainee on the waiting list (no seat left).' },
    PROMOTE: { description: 'A seat freed up: the first of the waiting list got it.' },
    COMPATIBILITY_TEST: { description: 'The trainee ran the compatibility test of the webinar tool.' },
    CONFIRM: { description: 'The trainee confirmed their attendance.' },
    CANCEL: { description: 'The registration was cancelled.' },
    JUSTIFY_ABSENCE: { description: 'An absence justification was recorded.' },
  },
});

export enum AttendanceSource {
  MANUAL = 'MANUAL',
  IMPORT = 'IMPORT',
  DATASET = 'DATASET',
}
registerEnumType(AttendanceSource, {
  name: 'AttendanceSource',
  description: 'Where an attendance record came from.',
  valuesConfig: {
    MANUAL: { description: 'Entered by the referent.' },
    IMPORT: { description: "Imported from the webinar tool's attendance export." },
    DATASET: { description: 'Generated from the source document (first half of 2021).' },
  },
});

export enum ImportFormat {
  CSV = 'CSV',
  JSON = 'JSON',
}
registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'Format of an attendance export.',
  valuesConfig: {
    CSV: { description: 'A header line `email,part,join,leave` then one row per connection (comma or semicolon separated).' },
    JSON: { description: 'An array of objects `{ email, part, join, leave }`.' },
  },
});

export enum ImportLineStatus {
  APPLIED = 'APPLIED',
  REJECTED = 'REJECTED',
  SKIPPED = 'SKIPPED',
}
registerEnumType(ImportLineStatus, {
  name: 'ImportLineStatus',
  description: 'What the import did with one line.',
  valuesConfig: {
    APPLIED: { description: 'The line was merged into the attendance.' },
    REJECTED: { description: 'The line is wrong; see its reason.' },
    SKIPPED: { description: 'The line is fine but nothing was applied (all-or-nothing import with rejected lines).' },
  },
});

export enum StatisticsTable {
  REGISTRATIONS_BY_DOMAIN = 'REGISTRATIONS_BY_DOMAIN',
  ATTENDANCE_BY_DOMAIN = 'ATTENDANCE_BY_DOMAIN',
  PARTS_ATTENDED = 'PARTS_ATTENDED',
  CONNECTION_TIMES = 'CONNECTION_TIMES',
  BILLING = 'BILLING',
  ASSIDUITY = 'ASSIDUITY',
}
registerEnumType(StatisticsTable, {
  name: 'TrainingStatisticsTable',
  description: 'A statistics table, for CSV export.',
  valuesConfig: {
    REGISTRATIONS_BY_DOMAIN: { description: 'Registrations per domain, with their share of the total.' },
    ATTENDANCE_BY_DOMAIN: { description: 'Absent / present per domain.' },
    PARTS_ATTENDED: { description: 'Per course and session: trainees who attended 5, 4, 3, 2, 1, 0 parts.' },
    CONNECTION_TIMES: { description: 'Per course and session: minimum, maximum and mean connection time per part.' },
    BILLING: { description: 'Amounts billed per trainee (price × parts connected to).' },
    ASSIDUITY: { description: 'Trainees with unjustified absences or partial attendance.' },
  },
});

export enum BillingGroup {
  TRAINEE = 'TRAINEE',
  SESSION = 'SESSION',
  STRUCTURE = 'STRUCTURE',
  MINISTRY = 'MINISTRY',
}
registerEnumType(BillingGroup, {
  name: 'BillingGroup',
  description: 'How billing amounts are summed.',
  valuesConfig: {
    TRAINEE: { description: 'One line per registration (trainee and session).' },
    SESSION: { description: 'One line per session.' },
    STRUCTURE: { description: "One line per trainee's structure." },
    MINISTRY: { description: "One line per trainee's ministry." },
  },
});

/** Registrations that hold a seat ("inscrits"). */
export const SEATED: readonly RegistrationStatus[] = [RegistrationStatus.REGISTERED, RegistrationStatus.CONFIRMED];
/** Registrations still alive (a second request for the same session is refused while one exists). */
export const ALIVE: readonly RegistrationStatus[] = [RegistrationStatus.REQUESTED, RegistrationStatus.VALIDATED, RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED, RegistrationStatus.CONFIRMED];
