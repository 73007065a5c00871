import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { sqlList } from '../core/sql';
import { Ministry } from '../directory/ministry.entity';
import { Person } from '../directory/person.entity';
import { Structure } from '../directory/structure.entity';
import { TrainingSession, TrainingSessionPart } from './catalogue.entity';
import { ALIVE, AttendanceSource, RegistrationAction, RegistrationStatus } from './training.enums';

@Entity({ tableName: 'training_registration' })
@Index({ properties: ['session', 'status'] })
@Index({ properties: ['trainee'] })
@Index({ properties: ['structure'] })
// the registrations list's default order (oldest request first): a page without a sort of every row
@Index({ properties: ['requestedAt', 'id'] })
// one live request per trainee and session (the service checks first; this is the guard)
@Unique({
  name: 'training_registration_live_unique',
  expression: `create unique index "training_registration_live_unique" on "training_registration" ("session_id", "trainee_id") where "status" in ${sqlList(ALIVE)}`,
})
@ObjectType({ implements: Node, description: 'A trainee’s request for a seat in a session, and its course through validation, registration, confirmation or cancellation.' })
export class TrainingRegistration extends BaseEntity<'status' | 'waitlistPriority' | 'partsConnected' | 'minutesConnected'> {
  @ManyToOne(() => TrainingSession, { ref: true })
  session!: Ref<TrainingSession>;

  @ManyToOne(() => Person, { ref: true })
  trainee!: Ref<Person>;

  /** The trainee's structure and ministry when they asked: perimeters and statistics use these. */
  @ManyToOne(() => Structure, { ref: true })
  structure!: Ref<Structure>;

  @ManyToOne(() => Ministry, { ref: true })
  ministry!: Ref<Ministry>;

  @Enum({ items: () => RegistrationStatus, default: RegistrationStatus.REQUESTED })
  @Field(() => RegistrationStatus, { description: 'Current step.' })
  status: RegistrationStatus = RegistrationStatus.REQUESTED;

  @Property({ type: 'datetime' })
  @Field({ description: 'When the trainee asked.' })
  requestedAt!: Date;

  @Property({ type: 'string', length: 1000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the DAF manager refused.' })
  refusalReason?: string | null;

  /** 0 normally; 1 when the assiduity policy puts the trainee behind others on the waiting list. */
  @Property({ type: 'integer', default: 0 })
  @Field(() => Int, { description: 'Waiting-list priority class: 0 first, 1 behind (assiduity policy).' })
  waitlistPriority: number = 0;

  /** Order of arrival on the waiting list (a database sequence, taken under the session lock). */
  @Property({ type: 'integer', nullable: true })
  waitlistSeq?: number | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the trainee ran the compatibility test.' })
  compatibilityTestedAt?: Date | null;

  @Property({ type: 'boolean', nullable: true })
  @Field(() => Boolean, { nullable: true, description: 'Whether the compatibility test passed; null before it ran.' })
  compatibilityPassed?: boolean | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the trainee confirmed.' })
  confirmedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the registration was cancelled.' })
  cancelledAt?: Date | null;

  /*
   * Roll-up of the attendance rows, kept by database triggers on training_attendance
   * (whatever writes them): the statistics read one row per registration, not one per part.
   */
  @Property({ type: 'integer', default: 0 })
  @Field(() => Int, { description: 'Parts the trainee connected to (0: absent).' })
  partsConnected: number = 0;

  @Property({ type: 'integer', default: 0 })
  @Field(() => Int, { description: 'Minutes connected over all parts.' })
  minutesConnected: number = 0;

  @Property({ type: 'integer', nullable: true })
  minPartMinutes?: number | null;

  @Property({ type: 'integer', nullable: true })
  maxPartMinutes?: number | null;

  @Property({ type: 'string', length: 2000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the trainee was absent, when justified.' })
  absenceJustification?: string | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the absence was justified.' })
  absenceJustifiedAt?: Date | null;
}

@Entity({ tableName: 'training_registration_event' })
@Index({ properties: ['registration', 'at'] })
@ObjectType({ implements: Node, description: 'One step in a registration’s append-only history: who, when, from which status to which, why.' })
export class TrainingRegistrationEvent extends BaseEntity {
  @ManyToOne(() => TrainingRegistration, { ref: true })
  registration!: Ref<TrainingRegistration>;

  @Property({ type: 'datetime' })
  @Field({ description: 'When it happened.' })
  at!: Date;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  actor?: Ref<Person> | null;

  @Enum({ items: () => RegistrationAction })
  @Field(() => RegistrationAction, { description: 'What happened.' })
  action!: RegistrationAction;

  @Enum({ items: () => RegistrationStatus, nullable: true })
  @Field(() => RegistrationStatus, { nullable: true, description: 'Status before; null for the request itself.' })
  fromStatus?: RegistrationStatus | null;

  @Enum({ items: () => RegistrationStatus })
  @Field(() => RegistrationStatus, { description: 'Status after.' })
  toStatus!: RegistrationStatus;

  @Property({ type: 'string', length: 2000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Reason or note given with the step.' })
  note?: string | null;
}

@Entity({ tableName: 'training_attendance' })
@Unique({ properties: ['registration', 'part'] })
@Index({ name: 'training_attendance_connected_index', expression: 'create index "training_attendance_connected_index" on "training_attendance" ("registration_id") include ("minutes") where "connected"' })
@ObjectType({ implements: Node, description: 'Attendance of one registered trainee at one part: connected or not, minutes connected.' })
export class TrainingAttendance extends BaseEntity<'intervals'> {
  @ManyToOne(() => TrainingRegistration, { ref: true })
  registration!: Ref<TrainingRegistration>;

  @ManyToOne(() => TrainingSessionPart, { ref: true })
  part!: Ref<TrainingSessionPart>;

  @Property({ type: 'boolean' })
  @Field({ description: 'Connected to this part at all (billing starts at connection).' })
  connected!: boolean;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Minutes connected (overlapping connections counted once).' })
  minutes!: number;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'First join time, when the webinar tool gives it.' })
  firstJoinAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Last leave time, when the webinar tool gives it.' })
  lastLeaveAt?: Date | null;

  /** Merged connection intervals [[joinIso, leaveIso], …]: a re-import merges instead of adding. */
  @Property({ type: 'json', default: '[]' })
  intervals: [string, string][] = [];

  @Enum({ items: () => AttendanceSource })
  @Field(() => AttendanceSource, { description: 'Entered, imported, or generated from the source.' })
  source!: AttendanceSource;
}

@Entity({ tableName: 'training_policy' })
@ObjectType({ implements: Node, description: 'The assiduity policy applied to waiting lists (one row).' })
export class TrainingPolicy extends BaseEntity<'key' | 'unjustifiedAbsenceMonths' | 'partialAttendanceCounts'> {
  @Property({ type: 'string', length: 20 })
  @Unique()
  key: string = 'default';

  @Property({ type: 'integer', default: 12 })
  @Field(() => Int, { description: 'A trainee with an unjustified absence within this many months goes behind others on waiting lists; 0 turns the rule off.' })
  unjustifiedAbsenceMonths: number = 12;

  @Property({ type: 'boolean', default: false })
  @Field({ description: 'Whether partial attendance (some parts missed, unjustified) also counts against the trainee.' })
  partialAttendanceCounts: boolean = false;
}
