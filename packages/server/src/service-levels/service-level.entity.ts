import { Entity, Enum, Index, ManyToOne, OneToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { SupportLevel } from '../directory/directory.enums';
import { Structure } from '../directory/structure.entity';
import { Ticket } from '../service-desk/ticket.entity';
import type { WorkingWindow } from './calendar';
import { ServiceLevelClock, ServiceLevelMetric, ServiceLevelState } from './service-level.enums';

@ObjectType({ description: 'A working window of a weekday, in the calendar’s (or the structure’s) time zone.' })
export class WorkingWindowType implements WorkingWindow {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday!: number;

  @Field({ description: 'Local start time `HH:MM`.' })
  start!: string;

  @Field({ description: 'Local end time `HH:MM` (`24:00` for midnight), after `start`.' })
  end!: string;
}

@Entity({ tableName: 'business_calendar' })
@ObjectType({ implements: Node, description: 'A named business calendar: working windows per weekday, a time zone, French public holidays and extra closed days. Service-level targets count time on one.' })
export class BusinessCalendar extends BaseEntity<'timeZone' | 'frenchHolidays' | 'alsaceMoselle' | 'closedDays' | 'closedDayLabels'> {
  @Property({ type: 'string', length: 40 })
  @Unique()
  @Field({ description: 'Short unique code, e.g. `PARIS_OFFICE_HOURS`.' })
  code!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Display name.' })
  name!: string;

  @Property({ type: 'string', length: 64, default: 'Europe/Paris' })
  @Field({ description: 'IANA time zone of the windows (default Europe/Paris). A structure with its own zone (DOM/COM) reads the same windows in its zone.' })
  timeZone: string = 'Europe/Paris';

  @Property({ type: 'json' })
  @Field(() => [WorkingWindowType], { description: 'Working windows, by weekday then start time. A day without a window is closed.' })
  windows!: WorkingWindow[];

  @Property({ type: 'boolean', default: true })
  @Field({ description: 'French public holidays are closed: 1 Jan, Easter Monday, 1 May, 8 May, Ascension, Whit Monday, 14 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec.' })
  frenchHolidays: boolean = true;

  @Property({ type: 'boolean', default: false })
  @Field({ description: 'Also closes Alsace-Moselle’s Good Friday and 26 December (only with `frenchHolidays`).' })
  alsaceMoselle: boolean = false;

  @Property({ type: 'json' })
  @Field(() => [String], { description: 'Extra closed days, local dates `YYYY-MM-DD`, sorted.' })
  closedDays: string[] = [];

  /** What each extra closed day is (e.g. "Pont de l'Ascension"), by date; shown in `closedDayList`. */
  @Property({ type: 'json', default: '{}' })
  closedDayLabels: Record<string, string> = {};
}

@Entity({ tableName: 'service_level_target' })
// one target per priority, metric and level; a null level counts as one value
@Index({ name: 'service_level_target_key_unique', expression: `create unique index "service_level_target_key_unique" on "service_level_target" ("priority", "metric", coalesce("level", ''))` })
@ObjectType({ implements: Node, description: 'A service-level target: for tickets of one priority, how much business time one measure may take.' })
export class ServiceLevelTarget extends BaseEntity<'atRiskShare' | 'level'> {
  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'Ticket priority it applies to, 1 (most urgent) to 4.' })
  priority!: number;

  @Enum({ items: () => ServiceLevelMetric })
  @Field(() => ServiceLevelMetric, { description: 'What it measures.' })
  metric!: ServiceLevelMetric;

  /** Only for LEVEL_HOLD; null for the whole-ticket measures. */
  @Enum({ items: () => SupportLevel, nullable: true })
  @Field(() => SupportLevel, { nullable: true, description: 'The level, for LEVEL_HOLD; null for FIRST_RESPONSE and RESOLUTION.' })
  level: SupportLevel | null = null;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'The target, in business seconds of its calendar (e.g. 28800 = one 8-hour working day).' })
  targetSeconds!: number;

  @Property({ type: 'double', default: 0.8 })
  @Field(() => Float, { description: 'Share of the target (0 < share < 1) from which the ticket is AT_RISK.' })
  atRiskShare: number = 0.8;

  @ManyToOne(() => BusinessCalendar, { ref: true })
  calendar!: Ref<BusinessCalendar>;
}

/** A structure that keeps its own time (DOM/COM): every calendar's windows are read in this zone for its tickets. */
@Entity({ tableName: 'structure_time_zone' })
export class StructureTimeZone extends BaseEntity {
  @OneToOne(() => Structure, { ref: true, owner: true, unique: true, deleteRule: 'cascade' })
  structure!: Ref<Structure>;

  @Property({ type: 'string', length: 64 })
  timeZone!: string;
}

/**
 * A ticket's standing against one target as last computed by the service-level job (for
 * the tickets changed since its last pass): the at-risk queue and the statistics read it. Crossing
 * instants are absolute, so "at risk now" is `at_risk_at <= now()` without recomputing.
 */
@Entity({ tableName: 'ticket_service_level' })
@Unique({ name: 'ticket_service_level_unique', properties: ['ticket', 'target'] })
@Index({ name: 'ticket_service_level_queue_index', properties: ['clock', 'dueAt', 'id'] })
@ObjectType({ implements: Node, description: 'A ticket in the at-risk queue for one of its targets.' })
export class ServiceLevelQueueEntry extends BaseEntity {
  @ManyToOne(() => Ticket, { ref: true, deleteRule: 'cascade' })
  ticket!: Ref<Ticket>;

  @ManyToOne(() => ServiceLevelTarget, { ref: true, deleteRule: 'cascade' })
  target!: Ref<ServiceLevelTarget>;

  @Enum({ items: () => ServiceLevelClock })
  clock!: ServiceLevelClock;

  /** State when computed; for a RUNNING clock compare the instants with now instead. */
  @Enum({ items: () => ServiceLevelState })
  state!: ServiceLevelState;

  @Property({ type: 'integer' })
  elapsedSeconds!: number;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the ticket became (or will become) AT_RISK for this target.' })
  atRiskAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the target is (or was) reached: the queue’s order, soonest (or most overdue) first.' })
  dueAt: Date | null = null;

  @Property({ type: 'datetime' })
  computedAt!: Date;
}

/** One crossing of one threshold by one ticket for one target: the unique key is what makes it announced once, whatever the number of instances. */
@Entity({ tableName: 'service_level_crossing' })
@Unique({ name: 'service_level_crossing_unique', properties: ['ticket', 'target', 'state'] })
export class ServiceLevelCrossing extends BaseEntity {
  @ManyToOne(() => Ticket, { ref: true, deleteRule: 'cascade' })
  ticket!: Ref<Ticket>;

  @ManyToOne(() => ServiceLevelTarget, { ref: true, deleteRule: 'cascade' })
  target!: Ref<ServiceLevelTarget>;

  /** AT_RISK or BREACHED. */
  @Enum({ items: () => ServiceLevelState })
  state!: ServiceLevelState;

  @Property({ type: 'datetime' })
  crossedAt!: Date;

  /** False for crossings found when tracking began (old tickets, a changed target): recorded, never announced. */
  @Property({ type: 'boolean' })
  announced!: boolean;
}

/** Up to when a ticket's standings were computed: the job recomputes tickets changed since (or never computed). */
@Entity({ tableName: 'ticket_service_level_watermark' })
export class TicketServiceLevelWatermark {
  @OneToOne(() => Ticket, { primary: true, ref: true, deleteRule: 'cascade' })
  ticket!: Ref<Ticket>;

  @Property({ type: 'datetime' })
  computedAt!: Date;
}

export const serviceLevelEntities = [BusinessCalendar, ServiceLevelTarget, StructureTimeZone, ServiceLevelQueueEntry, ServiceLevelCrossing, TicketServiceLevelWatermark];
