import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../core/connection';
import { MutationPayload } from '../core/mutation';
import { Person } from '../directory/person.entity';
import { TrainingCourse, TrainingDomain, TrainingPrice, TrainingSession } from './catalogue.entity';
import { TrainingAttendance, TrainingPolicy, TrainingRegistration } from './registration.entity';
import { ImportLineStatus } from './training.enums';
import type { StatisticsFilter } from './training.statistics';

export const TrainingSessionConnection = Connection(TrainingSession);
export const TrainingRegistrationConnection = Connection(TrainingRegistration);

@ObjectType({ description: 'Result of a training-domain mutation.' })
export class TrainingDomainPayload extends MutationPayload {
  @Field(() => TrainingDomain, { nullable: true, description: 'The domain; null on failure.' })
  domain!: TrainingDomain | null;
}

@ObjectType({ description: 'Result of a course mutation.' })
export class TrainingCoursePayload extends MutationPayload {
  @Field(() => TrainingCourse, { nullable: true, description: 'The course; null on failure.' })
  course!: TrainingCourse | null;
}

@ObjectType({ description: 'Result of a price mutation.' })
export class TrainingPricePayload extends MutationPayload {
  @Field(() => TrainingPrice, { nullable: true, description: 'The price; null on failure.' })
  price!: TrainingPrice | null;
}

@ObjectType({ description: 'Result of a session mutation.' })
export class TrainingSessionPayload extends MutationPayload {
  @Field(() => TrainingSession, { nullable: true, description: 'The session; null on failure.' })
  session!: TrainingSession | null;
}

@ObjectType({ description: 'Result of a registration step.' })
export class TrainingRegistrationPayload extends MutationPayload {
  @Field(() => TrainingRegistration, { nullable: true, description: 'The registration after the step; null on failure.' })
  registration!: TrainingRegistration | null;
}

@ObjectType({ description: 'Result of an attendance entry.' })
export class TrainingAttendancePayload extends MutationPayload {
  @Field(() => TrainingAttendance, { nullable: true, description: 'The attendance row; null on failure.' })
  attendance!: TrainingAttendance | null;
}

@ObjectType({ description: 'Result of a policy change.' })
export class TrainingPolicyPayload extends MutationPayload {
  @Field(() => TrainingPolicy, { nullable: true, description: 'The policy; null on failure.' })
  policy!: TrainingPolicy | null;
}

@ObjectType({ description: 'What the import did with one line of the export.' })
export class AttendanceImportLine {
  @Field(() => Int, { description: 'Line number (CSV: in the file, header = 1; JSON: index in the array, from 1).' })
  line!: number;

  @Field(() => ImportLineStatus, { description: 'Applied, rejected, or skipped (all-or-nothing).' })
  status!: ImportLineStatus;

  @Field(() => String, { nullable: true, description: 'The email read on the line.' })
  email!: string | null;

  @Field(() => Int, { nullable: true, description: 'The part read on the line.' })
  part!: number | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected (a UserErrorCode value).' })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected, for a person to read.' })
  message!: string | null;
}

@ObjectType({ description: 'Line-by-line report of an attendance import.' })
export class AttendanceImportReport {
  @Field({ description: 'Whether anything was written (false for an all-or-nothing import with rejected lines).' })
  applied!: boolean;

  @Field(() => Int, { description: 'Lines that were fine.' })
  acceptedCount!: number;

  @Field(() => Int, { description: 'Lines rejected.' })
  rejectedCount!: number;

  @Field(() => Int, { description: 'Attendance rows (trainee × part) written.' })
  attendancesWritten!: number;

  @Field(() => [AttendanceImportLine], { description: 'Every line, in order.' })
  lines!: AttendanceImportLine[];
}

@ObjectType({ description: 'Result of an attendance import.' })
export class ImportAttendancePayload extends MutationPayload {
  @Field(() => AttendanceImportReport, { nullable: true, description: 'The report; null when the input itself was refused.' })
  report!: AttendanceImportReport | null;
}

@ObjectType({ description: "A trainee's attendance record over the assiduity policy's window, for the referent." })
export class TraineeRecord {
  @Field(() => Int, { description: 'Held sessions the trainee was registered on.' })
  sessionsHeld!: number;

  @Field(() => Int, { description: 'Of which connected to no part.' })
  absences!: number;

  @Field(() => Int, { description: 'Absences without justification.' })
  unjustifiedAbsences!: number;

  @Field(() => Int, { description: 'Sessions where some parts were missed.' })
  partialAttendances!: number;

  @Field(() => Int, { description: 'Minutes connected in all.' })
  minutesConnected!: number;

  @Field({ description: 'Whether the policy puts the trainee behind others on waiting lists.' })
  penalised!: boolean;
}

@ObjectType({ description: 'One row of a per-domain table (the TOTAL row has no domain).' })
export class DomainStatisticsRow {
  @Field(() => TrainingDomain, { nullable: true, description: 'The domain; null on the TOTAL row.' })
  domain!: TrainingDomain | null;

  @Field({ description: 'Domain code, or TOTAL.' })
  code!: string;

  @Field(() => Int, { description: 'Registrations (registered or confirmed trainees).' })
  registrations!: number;

  @Field(() => Float, { description: 'Share of the total, 0 to 1.' })
  share!: number;

  @Field(() => Int, { description: 'Share of the total in percent, rounded (as the source shows it).' })
  percent!: number;

  @Field(() => Int, { description: 'Trainees connected to no part.' })
  absents!: number;

  @Field(() => Int, { description: 'Trainees connected to at least one part.' })
  presents!: number;
}

export enum ParticipationLevelEnum {
  SESSION = 'SESSION',
  COURSE = 'COURSE',
  TOTAL = 'TOTAL',
}
registerEnumType(ParticipationLevelEnum, {
  name: 'ParticipationLevel',
  description: 'What a participation row sums.',
  valuesConfig: { SESSION: { description: 'The registrations of one session (`sessionId` set).' }, COURSE: { description: 'Every session of a course.' }, TOTAL: { description: 'Everything filtered.' } },
});

@ObjectType({ description: 'One row of the participation table: trainees by number of parts attended, and connection times per connected part.' })
export class ParticipationRow {
  @Field(() => ParticipationLevelEnum, { description: 'Session, course or total.' })
  level!: ParticipationLevelEnum;

  @Field({ description: 'Session label, course title, or TOTAL.' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'Domain code of the course.' })
  domainCode!: string | null;

  @Field(() => ID, { nullable: true, description: 'The course (null on TOTAL).' })
  courseId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The session (SESSION rows only).' })
  sessionId!: string | null;

  @Field(() => Int, { description: 'Registrations counted in the row, whatever their attendance (every part count below sums to it).' })
  registrations!: number;

  @Field(() => [Int], { description: 'Index k (0 to 5): trainees connected to exactly k parts.' })
  byPartsAttended!: number[];

  @Field(() => Int, { description: 'Trainees connected to 5 parts.' })
  parts5!: number;
  @Field(() => Int, { description: 'Trainees connected to 4 parts.' })
  parts4!: number;
  @Field(() => Int, { description: 'Trainees connected to 3 parts.' })
  parts3!: number;
  @Field(() => Int, { description: 'Trainees connected to 2 parts.' })
  parts2!: number;
  @Field(() => Int, { description: 'Trainees connected to 1 part.' })
  parts1!: number;
  @Field(() => Int, { description: 'Trainees connected to no part (absents).' })
  parts0!: number;

  @Field(() => Int, { nullable: true, description: 'Nominal duration of a part, minutes.' })
  partMinutes!: number | null;

  @Field(() => Int, { description: 'Connected parts in all.' })
  connectedParts!: number;

  @Field(() => Int, { nullable: true, description: 'Shortest connection to a part, minutes.' })
  minMinutes!: number | null;

  @Field(() => Int, { nullable: true, description: 'Longest connection to a part, minutes.' })
  maxMinutes!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean connection to a part, minutes (one decimal).' })
  meanMinutes!: number | null;
}

@ObjectType({ description: 'One billing line (the TOTAL line has no key).' })
export class BillingRow {
  @Field(() => ID, { nullable: true, description: 'Raw id of the registration, session, structure or ministry; null on TOTAL.' })
  key!: string | null;

  @Field({ description: 'What the line is about.' })
  label!: string;

  @Field(() => Int, { description: 'Trainees billed: registrations connected to at least one part (the others cost nothing and are not listed).' })
  trainees!: number;

  @Field(() => Int, { description: 'Parts connected to, hence billed.' })
  partsBilled!: number;

  @Field(() => Int, { description: 'Amount in euro cents.' })
  amountCents!: number;
}

@ObjectType({ description: 'A trainee with unjustified absences or partial attendance.' })
export class AssiduityRow {
  @Field(() => ID, { description: 'Global id of the trainee (a Person).' })
  traineeId!: string;

  @Field({ description: 'The trainee’s email address in the directory.' })
  email!: string;

  @Field({ description: 'First and last name of the trainee, as in the directory.' })
  fullName!: string;

  @Field({ description: 'Code of the trainee’s current structure in the directory (e.g. `RECT-LYON`).' })
  structureCode!: string;

  @Field(() => Int, { description: 'Sessions of the filter now HELD that the trainee was registered for.' })
  sessionsHeld!: number;

  @Field(() => Int, { description: 'Connected to no part.' })
  absences!: number;

  @Field(() => Int, { description: 'Absences without justification.' })
  unjustifiedAbsences!: number;

  @Field(() => Int, { description: 'Sessions with missed parts.' })
  partialAttendances!: number;

  @Field(() => Int, { description: 'Minutes connected in all.' })
  minutesConnected!: number;

  /** Raw id, for the history field. */
  rawTraineeId!: string;
}

@ObjectType({ description: 'Training statistics over a filter; each field is one SQL query.' })
export class TrainingStatistics {
  filter!: StatisticsFilter;
}

@ObjectType({ description: "A person's attendance, session by session, for the referent." })
export class AttendanceReport {
  @Field(() => Person, { description: 'The person the report is about (whose `personId` was asked for).' })
  trainee!: Person;

  @Field(() => [TrainingRegistration], { description: 'Their registrations, latest session first.' })
  registrations!: TrainingRegistration[];

  @Field(() => TraineeRecord, { description: 'Their record over the policy window.' })
  record!: TraineeRecord;
}
