import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ImportFormat } from '../core/bulk-import';
import { MAX_IMPORT_TEXT } from '../core/bulk-import.types';
import { SafeText, TEXT } from '../core/validation';
import { SupportLevel } from '../directory/directory.enums';
import { ServiceLevelMetric } from './service-level.enums';

@InputType({ description: 'A working window of a weekday, local time of the calendar’s zone.' })
export class WorkingWindowInput {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday!: number;

  @Field({ description: 'Start `HH:MM` (00:00–23:59).' })
  @SafeText(5, { min: 5 })
  start!: string;

  @Field({ description: 'End `HH:MM`, after the start (`24:00` for midnight).' })
  @SafeText(5, { min: 5 })
  end!: string;
}

@InputType({ description: 'A new business calendar (administrators).' })
export class CreateBusinessCalendarInput {
  @Field({ description: 'Unique code (upper-cased), e.g. `PARIS_OFFICE_HOURS`.' })
  @SafeText(40, { min: 1 })
  code!: string;

  @Field({ description: 'Display name.' })
  @SafeText(TEXT.name, { min: 1 })
  name!: string;

  @Field({ defaultValue: 'Europe/Paris', description: 'IANA time zone of the windows (default Europe/Paris).' })
  @SafeText(64, { min: 1 })
  timeZone!: string;

  @Field(() => [WorkingWindowInput], { description: 'Working windows (at least one; windows of one day must not overlap).' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  windows!: WorkingWindowInput[];

  @Field({ defaultValue: true, description: 'Close the French public holidays (default true).' })
  frenchHolidays!: boolean;

  @Field({ defaultValue: false, description: 'Also close Alsace-Moselle’s Good Friday and 26 December (default false).' })
  alsaceMoselle!: boolean;

  @Field(() => [String], { defaultValue: [], description: 'Extra closed days, `YYYY-MM-DD` (at most 500).' })
  @ArrayMaxSize(500)
  @SafeText(10, { each: true })
  closedDays!: string[];
}

@InputType({ description: 'Changes to a business calendar; omitted fields stay. Every ticket’s standing is recomputed after.' })
export class UpdateBusinessCalendarInput {
  @Field(() => ID, { description: 'Global id of the BusinessCalendar to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New display name.' })
  @IsOptional()
  @SafeText(TEXT.name, { min: 1 })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New IANA time zone.' })
  @IsOptional()
  @SafeText(64, { min: 1 })
  timeZone?: string | null;

  @Field(() => [WorkingWindowInput], { nullable: true, description: 'The new working windows (replace all).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  windows?: WorkingWindowInput[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Close the French public holidays.' })
  frenchHolidays?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Close Alsace-Moselle’s two extra days.' })
  alsaceMoselle?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'The extra closed days `YYYY-MM-DD` (replace all; at most 500).' })
  @IsOptional()
  @ArrayMaxSize(500)
  @SafeText(10, { each: true })
  closedDays?: string[] | null;
}

@InputType({ description: 'Creates or replaces the target of one priority, metric and level (administrators).' })
export class SetServiceLevelTargetInput {
  @Field(() => Int, { description: 'Ticket priority, 1 to 4.' })
  priority!: number;

  @Field(() => ServiceLevelMetric, { description: 'What is measured.' })
  metric!: ServiceLevelMetric;

  @Field(() => SupportLevel, { nullable: true, description: 'The level, for LEVEL_HOLD only.' })
  level?: SupportLevel | null;

  @Field(() => Int, { description: 'The target in business seconds (1 to 31 622 400), e.g. 14400 for 4 working hours.' })
  targetSeconds!: number;

  @Field(() => Float, { nullable: true, description: 'At-risk share, strictly between 0 and 1 (default 0.8).' })
  atRiskShare?: number | null;

  @Field(() => ID, { description: 'The calendar its time is counted on.' })
  calendarId!: string;
}

@InputType({ description: 'Removes a target: tickets stop being measured against it.' })
export class RemoveServiceLevelTargetInput {
  @Field(() => ID, { description: 'Global id of the ServiceLevelTarget to remove.' })
  id!: string;
}

@InputType({ description: 'Gives a structure its own time zone (overseas structures, DOM/COM), or takes it back (administrators).' })
export class SetStructureTimeZoneInput {
  @Field(() => ID, { description: 'Global id of the Structure whose tickets are counted in that zone’s working hours.' })
  structureId!: string;

  @Field(() => String, { nullable: true, description: 'IANA zone, e.g. `America/Cayenne`, `Indian/Reunion`, `Pacific/Noumea`; null: the calendars’ own zone again.' })
  @IsOptional()
  @SafeText(64, { min: 1 })
  timeZone?: string | null;
}

@InputType({ description: 'Narrows the at-risk queue.' })
export class ServiceLevelQueueFilter {
  @Field(() => [SupportLevel], { nullable: true, description: 'Only tickets at these levels now.' })
  level?: SupportLevel[] | null;

  @Field(() => [ServiceLevelMetric], { nullable: true, description: 'Only these measures.' })
  metric?: ServiceLevelMetric[] | null;

  @Field(() => ID, { nullable: true, description: 'Only tickets of this structure.' })
  structureId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only targets already breached (default: at risk or breached).' })
  breachedOnly?: boolean | null;
}

@InputType({ description: 'Narrows the standings counted by `serviceLevelStatistics`.' })
export class ServiceLevelStatisticsFilter {
  @Field(() => Date, { nullable: true, description: 'Tickets submitted at or after this instant.' })
  submittedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Tickets submitted before this instant.' })
  submittedTo?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Only tickets of this structure.' })
  structureId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only these domain codes.' })
  domain?: string[] | null;

  @Field(() => [ServiceLevelMetric], { nullable: true, description: 'Only these measures.' })
  metric?: ServiceLevelMetric[] | null;
}

@InputType({ description: 'Extra closed days of business calendars, as CSV or one JSON document (administrators). Days are added or relabelled, never removed.' })
export class ImportClosedDaysInput {
  @Field(() => ImportFormat, { description: 'CSV or JSON.' })
  format!: ImportFormat;

  @Field(() => String, { nullable: true, description: 'CSV, columns `calendar,date,label`: the calendar’s code, the local date `YYYY-MM-DD`, and what the day is (optional, at most 200 characters), e.g. `PARIS_OFFICE_HOURS,2027-05-07,Pont de l’Ascension`.' })
  @IsOptional()
  @MaxLength(MAX_IMPORT_TEXT)
  closedDays?: string | null;

  @Field(() => String, { nullable: true, description: 'JSON: `{ "closedDays": [{ "calendar": …, "date": …, "label": … }] }`.' })
  @IsOptional()
  @MaxLength(MAX_IMPORT_TEXT)
  json?: string | null;

  @Field({ defaultValue: true, description: 'True (the default): only report what would happen. False: apply, all or nothing (a single refused line: nothing is written).' })
  dryRun!: boolean;
}
