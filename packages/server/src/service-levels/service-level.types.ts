import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection } from '../core/connection';
import { ImportReport } from '../core/bulk-import.types';
import { MutationPayload } from '../core/mutation';
import { SupportLevel } from '../directory/directory.enums';
import { Structure } from '../directory/structure.entity';
import { BusinessCalendar, ServiceLevelQueueEntry, ServiceLevelTarget } from './service-level.entity';
import { ServiceLevelClock, ServiceLevelMetric, ServiceLevelState } from './service-level.enums';

@ObjectType({ description: 'Where a ticket stands against one service-level target, computed from its history when read.' })
export class TicketServiceLevel {
  targetId!: string;

  @Field(() => ServiceLevelMetric, { description: 'What is measured.' })
  metric!: ServiceLevelMetric;

  @Field(() => SupportLevel, { nullable: true, description: 'The level, for LEVEL_HOLD.' })
  level!: SupportLevel | null;

  @Field(() => Int, { description: 'The target, in business seconds.' })
  targetSeconds!: number;

  @Field(() => Int, { description: 'Business seconds counted so far (working hours of the calendar, in the structure’s zone; pauses and holidays excluded).' })
  elapsedSeconds!: number;

  @Field(() => Int, { description: 'Business seconds left before the target; negative once breached (by how much).' })
  remainingSeconds!: number;

  @Field(() => ServiceLevelClock, { description: 'Whether the clock counts now.' })
  clock!: ServiceLevelClock;

  @Field(() => ServiceLevelState, { description: 'On track, at risk or breached.' })
  state!: ServiceLevelState;

  @Field(() => Date, { nullable: true, description: 'When the at-risk share was or will be reached; null when the clock is paused or stopped before it.' })
  atRiskAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Due date: when the target was or will be reached; null when the clock is paused or stopped before it.' })
  dueAt!: Date | null;
}

@ObjectType({ description: 'One group of `serviceLevelStatistics`, for one metric.' })
export class ServiceLevelStatisticsRow {
  @Field({ description: 'Group key: level, domain code, structure code or month `YYYY-MM`.' })
  key!: string;

  @Field({ description: 'Readable label of the group.' })
  label!: string;

  @Field(() => ServiceLevelMetric, { description: 'The measure.' })
  metric!: ServiceLevelMetric;

  @Field(() => Int, { description: 'Standings decided: clock stopped, or target already reached.' })
  measuredCount!: number;

  @Field(() => Int, { description: 'Decided within the target.' })
  withinTargetCount!: number;

  @Field(() => Int, { description: 'Target reached (breached), stopped or not.' })
  breachedCount!: number;

  @Field(() => Float, { nullable: true, description: 'withinTargetCount / measuredCount, 0–1, four decimals; null when nothing is measured yet.' })
  withinTargetShare!: number | null;

  @Field(() => Int, { description: 'Still counting and not yet due: not in the share.' })
  runningCount!: number;
}

export const ServiceLevelQueueConnection = Connection(ServiceLevelQueueEntry);

@ObjectType({ description: 'Result of createBusinessCalendar / updateBusinessCalendar.' })
export class BusinessCalendarPayload extends MutationPayload {
  @Field(() => BusinessCalendar, { nullable: true, description: 'The calendar; null on error.' })
  calendar?: BusinessCalendar | null;
}

@ObjectType({ description: 'Result of setServiceLevelTarget.' })
export class SetServiceLevelTargetPayload extends MutationPayload {
  @Field(() => ServiceLevelTarget, { nullable: true, description: 'The target; null on error.' })
  target?: ServiceLevelTarget | null;
}

@ObjectType({ description: 'Result of removeServiceLevelTarget.' })
export class RemoveServiceLevelTargetPayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: 'Global id of the removed target; null on error.' })
  removedTargetId?: string | null;
}

@ObjectType({ description: 'Result of setStructureTimeZone.' })
export class SetStructureTimeZonePayload extends MutationPayload {
  @Field(() => Structure, { nullable: true, description: 'The structure; null on error.' })
  structure?: Structure | null;

  @Field(() => String, { nullable: true, description: 'Its own time zone now; null when it follows the calendars.' })
  timeZone?: string | null;
}

@ObjectType({ description: 'An extra closed day of a business calendar.' })
export class ClosedDay {
  @Field({ description: 'Local date `YYYY-MM-DD`.' })
  date!: string;

  @Field(() => String, { nullable: true, description: 'What the day is (e.g. "Pont de l’Ascension"); null when none was given.' })
  label!: string | null;
}

@ObjectType({ description: 'Result of importClosedDays.' })
export class ImportClosedDaysPayload extends MutationPayload {
  @Field(() => ImportReport, { nullable: true, description: 'The report; null when the file itself could not be read (see userErrors).' })
  report!: ImportReport | null;
}
