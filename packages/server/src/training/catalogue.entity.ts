import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { Ministry } from '../directory/ministry.entity';
import { CourseMode, SessionKind, SessionStatus } from './training.enums';

@Entity({ tableName: 'training_domain' })
@ObjectType({ implements: Node, description: 'A domain of the AIFE training catalogue (CFO, BUDGET, DCHORUS, ACTIFS, FDEPENSES…): data, not a frozen list.' })
export class TrainingDomain extends BaseEntity<'position'> {
  @Property({ type: 'string', length: 20 })
  @Unique()
  @Field({ description: 'Short unique code, e.g. `CFO`.' })
  code!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Name, e.g. "Chorus Formulaires".' })
  label!: string;

  @Property({ type: 'integer', default: 0 })
  @Field(() => Int, { description: 'Display order in the catalogue and the statistics tables.' })
  position: number = 0;
}

@Entity({ tableName: 'training_course' })
@Check({ name: 'training_course_parts_check', expression: '(part_count >= 1) AND (part_count <= 5)' })
@ObjectType({ implements: Node, description: 'A course of the catalogue; it runs as sessions split into 1 to 5 parts.' })
export class TrainingCourse extends BaseEntity<'sessions' | 'prices'> {
  @ManyToOne(() => TrainingDomain, { ref: true })
  domain!: Ref<TrainingDomain>;

  @Property({ type: 'string', length: 300 })
  @Field({ description: 'Title, e.g. "Chorus Formulaires utilisateurs".' })
  title!: string;

  @Enum({ items: () => CourseMode })
  @Field(() => CourseMode, { description: 'Webinar or in person.' })
  mode!: CourseMode;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Number of parts of every session (1 to 5).' })
  partCount!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Nominal duration of one part, in minutes (about 120).' })
  partMinutes!: number;

  @OneToMany(() => TrainingSession, (s) => s.course)
  sessions = new Collection<TrainingSession>(this);

  @OneToMany(() => TrainingPrice, (p) => p.course)
  prices = new Collection<TrainingPrice>(this);
}

@Entity({ tableName: 'training_price' })
@Unique({ properties: ['course', 'fromYear'] })
@ObjectType({ implements: Node, description: 'The price of one part of a course, from a calendar year on (webinars were free in 2021, billed from 2022).' })
export class TrainingPrice extends BaseEntity {
  @ManyToOne(() => TrainingCourse, { ref: true })
  course!: Ref<TrainingCourse>;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'First calendar year the price applies to (until a later price).' })
  fromYear!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Price of one part, in euro cents, per trainee connected to it.' })
  centsPerPart!: number;
}

@Entity({ tableName: 'training_session' })
@Index({ properties: ['startsAt'] })
@ObjectType({ implements: Node, description: 'One run of a course: one slot per part, a capacity, seats per ministry.' })
export class TrainingSession extends BaseEntity<'parts' | 'seats' | 'kind' | 'status'> {
  @ManyToOne(() => TrainingCourse, { ref: true })
  course!: Ref<TrainingCourse>;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Label as on the planning, e.g. "session du 09 au 11 mars 2021".' })
  label!: string;

  @Enum({ items: () => SessionKind, default: SessionKind.STANDARD })
  @Field(() => SessionKind, { description: 'Standard offer, themed webinar, or ordered by one ministry.' })
  kind: SessionKind = SessionKind.STANDARD;

  @ManyToOne(() => Ministry, { ref: true, nullable: true })
  orderedBy?: Ref<Ministry> | null;

  @Enum({ items: () => SessionStatus, default: SessionStatus.PLANNED })
  @Field(() => SessionStatus, { description: 'Planned, open, full, held or cancelled.' })
  status: SessionStatus = SessionStatus.PLANNED;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Seats in all ministries together.' })
  capacity!: number;

  /** Start of the first part, kept here for period filters. */
  @Property({ type: 'datetime' })
  @Field({ description: 'Start of the first part: the trainee may cancel until then.' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  @Field({ description: 'End of the last part.' })
  endsAt!: Date;

  @OneToMany(() => TrainingSessionPart, (p) => p.session, { orderBy: { number: 'asc' } })
  parts = new Collection<TrainingSessionPart>(this);

  @OneToMany(() => TrainingSeatQuota, (q) => q.session)
  seats = new Collection<TrainingSeatQuota>(this);
}

@Entity({ tableName: 'training_session_part' })
@Unique({ properties: ['session', 'number'] })
@ObjectType({ implements: Node, description: 'One part (about 2 h) of a session, with its slot.' })
export class TrainingSessionPart extends BaseEntity {
  @ManyToOne(() => TrainingSession, { ref: true })
  session!: Ref<TrainingSession>;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Part number, from 1.' })
  number!: number;

  @Property({ type: 'datetime' })
  @Field({ description: 'Start of the slot.' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  @Field({ description: 'End of the slot.' })
  endsAt!: Date;
}

@Entity({ tableName: 'training_seat_quota' })
@Unique({ properties: ['session', 'ministry'] })
@ObjectType({ implements: Node, description: 'Seats of a session reserved for one ministry. A session without quotas shares its capacity among all ministries.' })
export class TrainingSeatQuota extends BaseEntity {
  @ManyToOne(() => TrainingSession, { ref: true })
  session!: Ref<TrainingSession>;

  @ManyToOne(() => Ministry, { ref: true })
  ministry!: Ref<Ministry>;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Seats for this ministry.' })
  seats!: number;
}
