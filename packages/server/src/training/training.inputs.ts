import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SafeText, TEXT } from '../core/validation';
import { CourseMode, ImportFormat, RegistrationStatus, SessionKind, SessionStatus } from './training.enums';

@InputType({ description: 'A new training domain.' })
export class CreateTrainingDomainInput {
  @Field({ description: 'Short unique code, e.g. `CFO` (letters, digits, dashes, underscores).' })
  @SafeText(20, { min: 2 })
  code!: string;

  @Field({ description: 'Name, e.g. "Chorus Formulaires".' })
  @SafeText(TEXT.name, { min: 1 })
  label!: string;

  @Field(() => Int, { nullable: true, description: 'Place in the catalogue, smallest first (0 to 1000, default 0).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number | null;
}

@InputType({ description: 'A new course.' })
export class CreateTrainingCourseInput {
  @Field(() => ID, { description: 'Global id of the TrainingDomain the course belongs to (e.g. CFO); it decides where the course appears in the catalogue and the statistics.' })
  domainId!: string;

  @Field({ description: 'Title as trainees read it on the planning (1 to 300 characters).' })
  @SafeText(TEXT.title, { min: 1 })
  title!: string;

  @Field(() => CourseMode, { description: 'Webinar or in person.' })
  mode!: CourseMode;

  @Field(() => Int, { description: 'Number of parts of every session, 1 to 5.' })
  @IsInt()
  @Min(1)
  @Max(5)
  partCount!: number;

  @Field(() => Int, { description: 'Nominal duration of a part, in minutes.' })
  @IsInt()
  @Min(15)
  @Max(600)
  partMinutes!: number;
}

@InputType({ description: 'The price of a part of a course from a year on.' })
export class SetTrainingPriceInput {
  @Field(() => ID, { description: 'Global id of the TrainingCourse to price.' })
  courseId!: string;

  @Field(() => Int, { description: 'Price of one part per trainee connected to it, in euro cents.' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  centsPerPart!: number;

  @Field(() => Int, { nullable: true, description: 'First calendar year the price applies to. Required: a price without a year is refused.' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  fromYear?: number | null;
}

@InputType({ description: 'The slot of one part.' })
export class SessionPartInput {
  @Field({ description: 'When the part begins (ISO 8601 date-time, UTC); the session starts at its first part.' })
  startsAt!: Date;

  @Field({ description: 'End (after the start).' })
  endsAt!: Date;
}

@InputType({ description: 'Seats of a session reserved for a ministry.' })
export class SeatQuotaInput {
  @Field(() => ID, { description: 'Global id of the Ministry whose trainees may take these seats.' })
  ministryId!: string;

  @Field(() => Int, { description: 'Seats reserved for that ministry (0 to 10000); registrations beyond them go to the waiting list.' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  seats!: number;
}

@InputType({ description: 'A new session of a course.' })
export class CreateTrainingSessionInput {
  @Field(() => ID, { description: 'Global id of the TrainingCourse; the session gets as many parts as the course has.' })
  courseId!: string;

  @Field({ description: 'Label as on the planning.' })
  @SafeText(TEXT.name, { min: 1 })
  label!: string;

  @Field(() => Int, { description: 'Seats in all (1 to 10000); the ministries’ reserved seats come out of it.' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  capacity!: number;

  @Field(() => SessionKind, { nullable: true, description: 'Standard (default), themed, or ordered by a ministry.' })
  kind?: SessionKind | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the ordering Ministry: required when `kind` is MINISTRY_ORDER (only its trainees may then ask for a seat), ignored otherwise.' })
  orderedByMinistryId?: string | null;

  @Field(() => SessionStatus, { nullable: true, description: 'PLANNED (default) or OPEN.' })
  status?: SessionStatus | null;

  @Field(() => [SessionPartInput], { description: 'One slot per part of the course, in order.' })
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  parts!: SessionPartInput[];

  @Field(() => [SeatQuotaInput], { nullable: true, description: 'Seats per ministry; none means the capacity is shared.' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(100)
  seats?: SeatQuotaInput[] | null;
}

@InputType({ description: 'Changes to a session; omitted fields stay as they are. A capacity or seat increase promotes the waiting list.' })
export class UpdateTrainingSessionInput {
  @Field(() => ID, { description: 'Global id of the TrainingSession to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New label.' })
  @IsOptional()
  @SafeText(TEXT.name, { min: 1 })
  label?: string | null;

  @Field(() => Int, { nullable: true, description: 'New capacity; never below the trainees registered.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  capacity?: number | null;

  @Field(() => SessionStatus, { nullable: true, description: 'New status (PLANNED ⇄ OPEN → HELD, or CANCELLED; FULL follows the seats).' })
  status?: SessionStatus | null;

  @Field(() => [SeatQuotaInput], { nullable: true, description: 'Replaces the seats per ministry.' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(100)
  seats?: SeatQuotaInput[] | null;
}

@InputType({ description: 'A registration to act on.' })
export class RegistrationRefInput {
  @Field(() => ID, { description: 'Global id of the TrainingRegistration; one the caller may not see is NOT_FOUND.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'An optional note kept in the history.' })
  @IsOptional()
  @SafeText(1000)
  note?: string | null;
}

@InputType({ description: "The DAF manager's decision on a request." })
export class DecideTrainingRequestInput {
  @Field(() => ID, { description: 'Global id of a REQUESTED TrainingRegistration within your DAF perimeter (your structure; for a rectorat, every structure of its académie).' })
  id!: string;

  @Field({ description: 'True to validate, false to refuse.' })
  approve!: boolean;

  @Field(() => String, { nullable: true, description: 'Why (required to refuse).' })
  @IsOptional()
  @SafeText(1000)
  reason?: string | null;
}

@InputType({ description: 'The result of the compatibility test of the webinar tool.' })
export class CompatibilityTestInput {
  @Field(() => ID, { description: 'Global id of the caller’s own TrainingRegistration (REGISTERED).' })
  id!: string;

  @Field({ description: 'Whether the test passed.' })
  passed!: boolean;
}

@InputType({ description: 'Why a trainee was absent.' })
export class JustifyAbsenceInput {
  @Field(() => ID, { description: 'Global id of the TrainingRegistration (REGISTERED or CONFIRMED): the trainee’s own, or any for the referent.' })
  id!: string;

  @Field({ description: 'Why the trainee missed the session, as they tell it (3 to 2000 characters); it makes the absence count as justified for the waiting-list rule.' })
  @SafeText(2000, { min: 3 })
  justification!: string;
}

@InputType({ description: 'Attendance of one trainee at one part, entered by hand.' })
export class RecordAttendanceInput {
  @Field(() => ID, { description: 'Global id of the TrainingRegistration the attendance is for.' })
  registrationId!: string;

  @Field(() => Int, { description: 'Number of the session part, 1 to the course’s part count (at most 5).' })
  @IsInt()
  @Min(1)
  @Max(5)
  part!: number;

  @Field({ description: 'Whether the trainee connected to the part at all; a connected part is billed.' })
  connected!: boolean;

  @Field(() => Int, { description: 'Minutes connected to the part (0 to 1440); must be 0 when `connected` is false.' })
  @IsInt()
  @Min(0)
  @Max(1440)
  minutes!: number;
}

@InputType({ description: "A webinar tool's attendance export for one session." })
export class ImportAttendanceInput {
  @Field(() => ID, { description: 'Global id of the TrainingSession the export is for; its rows are matched to its registrations by email.' })
  sessionId!: string;

  @Field(() => ImportFormat, { description: 'CSV or JSON.' })
  format!: ImportFormat;

  @Field({ description: 'The export: rows with email, part, join, leave (ISO date-times). Several rows per trainee and part are merged.' })
  @SafeText(2_000_000, { min: 1 })
  data!: string;

  @Field({ defaultValue: false, description: 'Apply nothing when any line is rejected.' })
  allOrNothing!: boolean;
}

@InputType({ description: 'The assiduity policy.' })
export class SetTrainingPolicyInput {
  @Field(() => Int, { description: 'A trainee with an unjustified absence within this many months goes behind others on waiting lists (0: off).' })
  @IsInt()
  @Min(0)
  @Max(60)
  unjustifiedAbsenceMonths!: number;

  @Field({ description: 'Whether unjustified partial attendance counts too.' })
  partialAttendanceCounts!: boolean;
}

@InputType({ description: 'Narrows the statistics; every field is optional and they combine.' })
export class TrainingStatisticsFilter {
  @Field({ nullable: true, description: 'Sessions starting at or after this instant.' })
  from?: Date;

  @Field({ nullable: true, description: 'Sessions starting before this instant.' })
  to?: Date;

  @Field(() => ID, { nullable: true, description: "The trainees' ministry." })
  ministryId?: string;

  @Field(() => ID, { nullable: true, description: "The trainees' structure." })
  structureId?: string;

  @Field(() => ID, { nullable: true, description: 'Only registrations for courses of this TrainingDomain (global id).' })
  domainId?: string;

  @Field(() => ID, { nullable: true, description: 'Only registrations for sessions of this TrainingCourse (global id).' })
  courseId?: string;

  @Field(() => ID, { nullable: true, description: 'Only registrations for this TrainingSession (global id).' })
  sessionId?: string;
}

@InputType({ description: 'Narrows a list of registrations.' })
export class TrainingRegistrationFilter {
  @Field(() => ID, { nullable: true, description: 'Only registrations for this TrainingSession (global id).' })
  sessionId?: string;

  @Field(() => [RegistrationStatus], { nullable: true, description: 'Only these statuses.' })
  statuses?: RegistrationStatus[];

  @Field(() => ID, { nullable: true, description: 'Only registrations of this trainee (a Person’s global id).' })
  traineeId?: string;
}

@InputType({ description: 'Narrows the session planning.' })
export class TrainingSessionFilter {
  @Field(() => ID, { nullable: true, description: 'Only sessions of this TrainingCourse (global id).' })
  courseId?: string;

  @Field(() => ID, { nullable: true, description: 'Only sessions of courses of this TrainingDomain (global id).' })
  domainId?: string;

  @Field(() => [SessionStatus], { nullable: true, description: 'Only these statuses.' })
  statuses?: SessionStatus[];

  @Field({ nullable: true, description: 'Sessions starting at or after this instant.' })
  from?: Date;
}
