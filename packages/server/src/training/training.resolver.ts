import type { EntityClass } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionComplexity, ConnectionArgs, paginate } from '../core/connection';
import { bringListWith, childListOf, COLUMNS, readMany, readsProperties, type ChildList } from '../core/read';
import { groupByKey, memoKey, requireViewer, type Context, type Viewer } from '../core/context';
import { findByIds } from '../core/base.entity';
import { CORE_MESSAGES, CoreErrorCode, DomainError } from '../core/errors';
import { M } from './training.messages';
import { decodeId, decodeOptionalId, toGlobalId } from '../core/ids';
import { runMutation } from '../core/mutation';
import type { NodeFetcher } from '../core/node-registry';
import { Role } from '../core/roles';
import { Ministry } from '../directory/ministry.entity';
import { Person } from '../directory/person.entity';
import { Structure } from '../directory/structure.entity';
import { TrainingCourse, TrainingDomain, TrainingPrice, TrainingSeatQuota, TrainingSession, TrainingSessionPart } from './catalogue.entity';
import { TrainingAttendance, TrainingPolicy, TrainingRegistration, TrainingRegistrationEvent } from './registration.entity';
import * as attendance from './training.attendance';
import { statisticsCsv } from './training.csv';
import { BillingGroup, RegistrationStatus, StatisticsTable } from './training.enums';
import {
  CompatibilityTestInput,
  CreateTrainingCourseInput,
  CreateTrainingDomainInput,
  CreateTrainingSessionInput,
  DecideTrainingRequestInput,
  ImportAttendanceInput,
  JustifyAbsenceInput,
  RecordAttendanceInput,
  RegistrationRefInput,
  SetTrainingPolicyInput,
  SetTrainingPriceInput,
  TrainingRegistrationFilter,
  TrainingSessionFilter,
  TrainingStatisticsFilter,
  UpdateTrainingSessionInput,
} from './training.inputs';
import * as queries from './training.queries';
import * as training from './training.service';
import * as stats from './training.statistics';
import {
  AssiduityRow,
  AttendanceReport,
  BillingRow,
  DomainStatisticsRow,
  ImportAttendancePayload,
  ParticipationLevelEnum,
  ParticipationRow,
  TraineeRecord,
  TrainingAttendancePayload,
  TrainingCoursePayload,
  TrainingDomainPayload,
  TrainingPolicyPayload,
  TrainingPricePayload,
  TrainingRegistrationConnection,
  TrainingRegistrationPayload,
  TrainingSessionConnection,
  TrainingSessionPayload,
  TrainingStatistics,
} from './training.types';

/** Everybody but machine clients reads the catalogue and asks for seats. */
const PEOPLE = Object.values(Role).filter((r) => r !== Role.APPLICATION);
export const STATISTICS_READERS = [Role.ANALYST, Role.TRAINING_REFERENT, Role.ADMINISTRATOR];


export function statisticsFilter(f: TrainingStatisticsFilter | null): stats.StatisticsFilter {
  if (f?.from && f?.to && f.to <= f.from) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, M['VALIDATION_FAILED.statisticsPeriodOrder'](), ['filter', 'to']);
  return {
    from: f?.from ?? null,
    to: f?.to ?? null,
    ministryId: decodeOptionalId(f?.ministryId, 'Ministry', 'ministryId'),
    structureId: decodeOptionalId(f?.structureId, 'Structure', 'structureId'),
    domainId: decodeOptionalId(f?.domainId, 'TrainingDomain', 'domainId'),
    courseId: decodeOptionalId(f?.courseId, 'TrainingCourse', 'courseId'),
    sessionId: decodeOptionalId(f?.sessionId, 'TrainingSession', 'sessionId'),
  };
}

const PERIMETER = memoKey<Set<string>>('training.perimeter');

/** The viewer's DAF perimeter, computed once per request. */
function perimeterOf(ctx: Context): Promise<Set<string>> {
  return ctx.memo(PERIMETER, () => training.dafPerimeter(ctx.em, requireViewer(ctx)));
}

@Resolver()
export class TrainingResolver {
  /* ----- catalogue ----- */

  @Authorized(...PEOPLE)
  @Query(() => [TrainingDomain], { description: 'The training domains, in catalogue order.' })
  trainingDomains(@Ctx() ctx: Context) {
    return ctx.em.find(TrainingDomain, {}, { orderBy: { position: 'asc', code: 'asc' } });
  }

  @Authorized(...PEOPLE)
  @Query(() => [TrainingCourse], { description: 'The courses of the catalogue, optionally of one domain.' })
  trainingCourses(@Arg('domainId', () => ID, { nullable: true, description: 'Only this domain.' }) domainId: string | null, @Ctx() ctx: Context) {
    const where = domainId ? { domain: decodeId(domainId, 'TrainingDomain', 'domainId') } : {};
    return ctx.em.find(TrainingCourse, where, { orderBy: { title: 'asc', id: 'asc' } });
  }

  @Authorized(...PEOPLE)
  @Query(() => TrainingSessionConnection, { complexity: connectionComplexity, description: 'The session planning, by start.' })
  trainingSessions(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => TrainingSessionFilter, { nullable: true, description: 'Narrows the planning.' }) filter: TrainingSessionFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where: Record<string, unknown>[] = [];
    if (filter?.courseId) where.push({ course: decodeId(filter.courseId, 'TrainingCourse', 'courseId') });
    if (filter?.domainId) where.push({ course: { domain: decodeId(filter.domainId, 'TrainingDomain', 'domainId') } });
    if (filter?.statuses?.length) where.push({ status: { $in: filter.statuses } });
    if (filter?.from) where.push({ startsAt: { $gte: filter.from } });
    return paginate(ctx.em, TrainingSession, where.length ? { $and: where } : {}, { startsAt: 'asc', id: 'asc' }, page, info);
  }

  @Authorized(...PEOPLE)
  @Query(() => TrainingRegistrationConnection, {
    complexity: connectionComplexity,
    description: 'Registrations you may see: your own; your perimeter as a DAF manager; all for the referent and analysts. Oldest request first.',
  })
  async trainingRegistrations(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => TrainingRegistrationFilter, { nullable: true, description: 'Narrows the list.' }) filter: TrainingRegistrationFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const viewer = requireViewer(ctx);
    const where: Record<string, unknown>[] = [];
    where.push(training.visibleRegistrationsWhere(viewer, await perimeterOf(ctx)));
    if (filter?.sessionId) where.push({ session: decodeId(filter.sessionId, 'TrainingSession', 'sessionId') });
    if (filter?.traineeId) where.push({ trainee: decodeId(filter.traineeId, 'Person', 'traineeId') });
    if (filter?.statuses?.length) where.push({ status: { $in: filter.statuses } });
    return paginate(ctx.em, TrainingRegistration, where.length ? { $and: where } : {}, { requestedAt: 'asc', id: 'asc' }, page, info);
  }

  @Authorized(...PEOPLE)
  @Query(() => TrainingPolicy, { description: 'The assiduity policy in force.' })
  trainingPolicy(@Ctx() ctx: Context) {
    return training.currentPolicy(ctx.em);
  }

  /* ----- statistics ----- */

  @Authorized(...STATISTICS_READERS)
  @Query(() => TrainingStatistics, { description: 'Training statistics (analysts, the referent), computed in SQL over the filter.' })
  trainingStatistics(@Arg('filter', () => TrainingStatisticsFilter, { nullable: true, description: 'Period, ministry, structure, domain, course, session.' }) filter: TrainingStatisticsFilter | null): TrainingStatistics {
    return { filter: statisticsFilter(filter) };
  }

  @Authorized(...STATISTICS_READERS)
  @Query(() => String, { description: 'A statistics table as CSV (semicolon separated, UTF-8): the same numbers as `trainingStatistics`.' })
  async trainingStatisticsCsv(
    @Arg('table', () => StatisticsTable, { description: 'The table to export: registrations or attendance by domain, parts attended, connection times, billing or assiduity.' }) table: StatisticsTable,
    @Arg('filter', () => TrainingStatisticsFilter, { nullable: true, description: 'Period, ministry, structure, domain, course, session.' }) filter: TrainingStatisticsFilter | null,
    @Arg('billingGroupBy', () => BillingGroup, { defaultValue: BillingGroup.SESSION, description: 'Grouping of the BILLING table.' }) billingGroupBy: BillingGroup,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return statisticsCsv(ctx.em, table, statisticsFilter(filter), billingGroupBy);
  }

  @Authorized(Role.TRAINING_REFERENT, Role.ANALYST, Role.ADMINISTRATOR)
  @Query(() => AttendanceReport, { nullable: true, description: "A person's attendance, session by session, with their assiduity record." })
  async trainingAttendanceReport(@Arg('personId', () => ID, { description: 'Global id of the Person; the answer is null when no person has it.' }) personId: string, @Ctx() ctx: Context): Promise<AttendanceReport | null> {
    const id = decodeId(personId, 'Person', 'personId');
    const trainee = await ctx.em.findOne(Person, { id });
    if (!trainee) return null;
    const registrations = await ctx.em.find(TrainingRegistration, { trainee }, { populate: ['session'], orderBy: { session: { startsAt: 'desc' }, id: 'asc' } });
    const record = (await training.traineeRecords(ctx.em, [id])).get(id)!;
    return { trainee, registrations, record };
  }

  /* ----- catalogue mutations ----- */

  @Authorized(Role.TRAINING_REFERENT, Role.ADMINISTRATOR)
  @Mutation(() => TrainingDomainPayload, { description: 'Adds a training domain.' })
  createTrainingDomain(@Arg('input', { validate: false, description: 'Code, label and display order of the new domain; a code already in use is refused.' }) input: CreateTrainingDomainInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ domain: await training.createDomain(ctx.em, requireViewer(ctx), input) }));
  }

  @Authorized(Role.TRAINING_REFERENT, Role.ADMINISTRATOR)
  @Mutation(() => TrainingCoursePayload, { description: 'Adds a course.' })
  createTrainingCourse(@Arg('input', { validate: false, description: 'The course: its domain, title, mode and the shape of every session (1 to 5 parts and their nominal length).' }) input: CreateTrainingCourseInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({
      course: await training.createCourse(ctx.em, requireViewer(ctx), { ...input, domainId: decodeId(input.domainId, 'TrainingDomain', 'domainId') }),
    }));
  }

  @Authorized(Role.TRAINING_REFERENT, Role.ADMINISTRATOR)
  @Mutation(() => TrainingPricePayload, { description: 'Sets the price of a part of a course from a year on.' })
  setTrainingPrice(@Arg('input', { validate: false, description: 'Course, price per connected part in euro cents, and the first year it applies to; it replaces the price of that year.' }) input: SetTrainingPriceInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({
      price: await training.setCoursePrice(ctx.em, requireViewer(ctx), { ...input, courseId: decodeId(input.courseId, 'TrainingCourse', 'courseId') }),
    }));
  }

  @Authorized(Role.TRAINING_REFERENT, Role.ADMINISTRATOR)
  @Mutation(() => TrainingSessionPayload, { description: 'Plans a session: one slot per part, capacity, seats per ministry.' })
  createTrainingSession(@Arg('input', { validate: false, description: 'Course, label, capacity, one slot per part of the course, and optional seats per ministry.' }) input: CreateTrainingSessionInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({
      session: await training.createSession(ctx.em, requireViewer(ctx), {
        ...input,
        courseId: decodeId(input.courseId, 'TrainingCourse', 'courseId'),
        orderedByMinistryId: decodeOptionalId(input.orderedByMinistryId, 'Ministry', 'orderedByMinistryId'),
        seats: input.seats?.map((s) => ({ ministryId: decodeId(s.ministryId, 'Ministry', 'seats'), seats: s.seats })),
      }),
    }));
  }

  @Authorized(Role.TRAINING_REFERENT, Role.ADMINISTRATOR)
  @Mutation(() => TrainingSessionPayload, { description: 'Changes a session (capacity, seats, status); more seats promote the waiting list.' })
  updateTrainingSession(@Arg('input', { validate: false, description: 'The session and only the fields to change.' }) input: UpdateTrainingSessionInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({
      session: await training.updateSession(ctx.em, requireViewer(ctx), decodeId(input.id, 'TrainingSession'), {
        ...input,
        seats: input.seats?.map((s) => ({ ministryId: decodeId(s.ministryId, 'Ministry', 'seats'), seats: s.seats })),
      }),
    }));
  }

  @Authorized(Role.TRAINING_REFERENT, Role.ADMINISTRATOR)
  @Mutation(() => TrainingPolicyPayload, { description: 'Sets the assiduity policy.' })
  setTrainingPolicy(@Arg('input', { validate: false, description: 'The whole policy: the look-back window in months (0 turns it off) and whether partial attendance counts.' }) input: SetTrainingPolicyInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ policy: await training.setPolicy(ctx.em, requireViewer(ctx), input) }));
  }

  /* ----- workflow ----- */

  @Authorized(...PEOPLE)
  @Mutation(() => TrainingRegistrationPayload, { description: 'Asks for a seat in an open session, for yourself; your DAF manager validates it.' })
  requestTrainingRegistration(@Arg('sessionId', () => ID, { description: 'Global id of an OPEN TrainingSession that has not begun (and, for a session ordered by a ministry, of the caller’s ministry).' }) sessionId: string, @Ctx() ctx: Context) {
    return runMutation(null, async () => ({ registration: await training.requestRegistration(ctx.em, requireViewer(ctx), decodeId(sessionId, 'TrainingSession', 'sessionId')) }));
  }

  @Authorized(Role.DAF_MANAGER)
  @Mutation(() => TrainingRegistrationPayload, { description: "Validates or refuses (with a reason) a request of your structure's trainees (DAF manager)." })
  decideTrainingRequest(@Arg('input', { validate: false, description: 'The REQUESTED registration, the decision, and the reason (required to refuse).' }) input: DecideTrainingRequestInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({
      registration: await training.decideRequest(ctx.em, requireViewer(ctx), decodeId(input.id, 'TrainingRegistration'), input.approve, input.reason),
    }));
  }

  @Authorized(Role.TRAINING_REFERENT)
  @Mutation(() => TrainingRegistrationPayload, { description: "Registers a validated request (SN1 training referent): a seat, or the waiting list when the ministry's seats are taken." })
  registerTrainee(@Arg('input', { validate: false, description: 'The VALIDATED registration to register, and an optional note for its history.' }) input: RegistrationRefInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ registration: await training.registerTrainee(ctx.em, requireViewer(ctx), decodeId(input.id, 'TrainingRegistration'), input.note) }));
  }

  @Authorized(...PEOPLE)
  @Mutation(() => TrainingRegistrationPayload, { description: 'Records the compatibility test of the webinar tool (the trainee).' })
  recordCompatibilityTest(@Arg('input', { validate: false, description: 'The caller’s REGISTERED registration and whether the webinar tool worked.' }) input: CompatibilityTestInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ registration: await training.recordCompatibilityTest(ctx.em, requireViewer(ctx), decodeId(input.id, 'TrainingRegistration'), input.passed) }));
  }

  @Authorized(...PEOPLE)
  @Mutation(() => TrainingRegistrationPayload, { description: 'Confirms a registration after a passed compatibility test (the trainee).' })
  confirmTrainingRegistration(@Arg('input', { validate: false, description: 'The caller’s REGISTERED registration whose compatibility test passed.' }) input: RegistrationRefInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ registration: await training.confirmRegistration(ctx.em, requireViewer(ctx), decodeId(input.id, 'TrainingRegistration')) }));
  }

  @Authorized(...PEOPLE)
  @Mutation(() => TrainingRegistrationPayload, { description: 'Cancels a registration: the trainee until the session starts, the referent any time. The seat goes to the waiting list.' })
  cancelTrainingRegistration(@Arg('input', { validate: false, description: 'The registration to cancel, and an optional note (why) for its history.' }) input: RegistrationRefInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ registration: await training.cancelRegistration(ctx.em, requireViewer(ctx), decodeId(input.id, 'TrainingRegistration'), input.note) }));
  }

  @Authorized(...PEOPLE)
  @Mutation(() => TrainingRegistrationPayload, { description: 'Records why the trainee was absent (the trainee or the referent).' })
  justifyTrainingAbsence(@Arg('input', { validate: false, description: 'The registration and the reason the trainee gives.' }) input: JustifyAbsenceInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ registration: await training.justifyAbsence(ctx.em, requireViewer(ctx), decodeId(input.id, 'TrainingRegistration'), input.justification) }));
  }

  /* ----- attendance ----- */

  @Authorized(Role.TRAINING_REFERENT)
  @Mutation(() => TrainingAttendancePayload, { description: 'Records attendance at one part by hand (referent).' })
  recordTrainingAttendance(@Arg('input', { validate: false, description: 'The registration, the part number and the minutes connected (0 when not connected).' }) input: RecordAttendanceInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({
      attendance: await attendance.recordAttendance(ctx.em, requireViewer(ctx), { ...input, registrationId: decodeId(input.registrationId, 'TrainingRegistration', 'registrationId') }),
    }));
  }

  @Authorized(Role.TRAINING_REFERENT)
  @Mutation(() => ImportAttendancePayload, { description: "Imports a session's attendance export (referent): a line-by-line report; all-or-nothing on request." })
  importTrainingAttendance(@Arg('input', { validate: false, description: 'The session, the export’s format and text, and whether one rejected line stops everything.' }) input: ImportAttendanceInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({
      report: await attendance.importAttendance(ctx.em, requireViewer(ctx), { ...input, sessionId: decodeId(input.sessionId, 'TrainingSession', 'sessionId') }),
    }));
  }
}

@Resolver(() => TrainingStatistics)
export class TrainingStatisticsResolver {
  @FieldResolver(() => [DomainStatisticsRow], { description: 'Per domain: registrations, share of the total, absents and presents; TOTAL last.' })
  async byDomain(@Root() root: TrainingStatistics, @Ctx() ctx: Context): Promise<DomainStatisticsRow[]> {
    const rows = await stats.domainTable(ctx.em, root.filter);
    return rows.map((r) => ({ ...r, code: r.code ?? 'TOTAL', domain: r.domainId ? ctx.em.getReference(TrainingDomain, r.domainId) : null }));
  }

  @FieldResolver(() => [ParticipationRow], { description: 'Per session, per course and in total: trainees by number of parts attended, and connection times per connected part.' })
  async participation(@Root() root: TrainingStatistics, @Ctx() ctx: Context): Promise<ParticipationRow[]> {
    const rows = await stats.participationTable(ctx.em, root.filter);
    return rows.map((r) => ({
      ...r,
      level: r.level as ParticipationLevelEnum,
      courseId: r.courseId && toGlobalId('TrainingCourse', r.courseId),
      sessionId: r.sessionId && toGlobalId('TrainingSession', r.sessionId),
      parts0: r.byPartsAttended[0], parts1: r.byPartsAttended[1], parts2: r.byPartsAttended[2],
      parts3: r.byPartsAttended[3], parts4: r.byPartsAttended[4], parts5: r.byPartsAttended[5],
    }));
  }

  @FieldResolver(() => [BillingRow], { description: 'Amounts billed (price × parts connected to) for priced sessions, grouped as asked; TOTAL last. Only trainees connected to at least one part are billed, and counted in trainees.' })
  billing(
    @Root() root: TrainingStatistics,
    @Arg('groupBy', () => BillingGroup, { defaultValue: BillingGroup.SESSION, description: 'One line per session (default), registration (TRAINEE), structure or ministry, then a TOTAL line.' }) groupBy: BillingGroup,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most this many lines before TOTAL (1 to 1000), largest amounts first.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<BillingRow[]> {
    if (first < 1 || first > 1000) throw new DomainError(CoreErrorCode.OUT_OF_RANGE, CORE_MESSAGES.OUT_OF_RANGE({ min: 1, max: 1000 }), ['first'], { min: 1, max: 1000 });
    return stats.billingTable(ctx.em, root.filter, groupBy, first);
  }

  @FieldResolver(() => [AssiduityRow], { description: 'Trainees with unjustified absences or partial attendance, worst first.' })
  async assiduity(
    @Root() root: TrainingStatistics,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most this many trainees (1 to 1000).' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<AssiduityRow[]> {
    if (first < 1 || first > 1000) throw new DomainError(CoreErrorCode.OUT_OF_RANGE, CORE_MESSAGES.OUT_OF_RANGE({ min: 1, max: 1000 }), ['first'], { min: 1, max: 1000 });
    const rows = await stats.assiduityTable(ctx.em, root.filter, first);
    return rows.map((r) => ({ ...r, rawTraineeId: r.traineeId, traineeId: toGlobalId('Person', r.traineeId) }));
  }
}

@Resolver(() => AssiduityRow)
export class AssiduityRowResolver {
  @FieldResolver(() => [TrainingRegistration], { description: 'The trainee’s registrations (their history), latest session first.' })
  history(@Root() row: AssiduityRow, @Ctx() ctx: Context) {
    return registrationsOfTrainees(ctx).load(row.rawTraineeId);
  }
}

function registrationsOfTrainees(ctx: Context) {
  return ctx.loader<string, TrainingRegistration[]>('training.registrationsOfTrainee', async (ids) => {
    const rows = await ctx.em.find(TrainingRegistration, { trainee: { $in: [...ids] } }, { orderBy: { session: { startsAt: 'desc' }, id: 'asc' } });
    return groupByKey(ids, rows, (r) => r.trainee.id);
  });
}

@Resolver(() => DomainStatisticsRow)
export class DomainStatisticsRowResolver {
  @FieldResolver(() => TrainingDomain, { nullable: true, description: 'The domain; null on the TOTAL row.' })
  domain(@Root() row: { domain: TrainingDomain | null }, @Ctx() ctx: Context) {
    return row.domain ? ctx.em.findOne(TrainingDomain, { id: row.domain.id }) : null;
  }
}

@Resolver(() => TrainingCourse)
export class TrainingCourseFieldsResolver {
  @FieldResolver(() => TrainingDomain, { description: 'The catalogue domain (CFO, BUDGET, DCHORUS, ACTIFS, FDEPENSES…) the course is listed under.' })
  domain(@Root() c: TrainingCourse) {
    return c.domain.load();
  }

  @FieldResolver(() => [TrainingPrice], { description: 'Its prices per part, by year.' })
  async prices(@Root() c: TrainingCourse) {
    const items = await c.prices.load();
    return [...items].sort((a, b) => a.fromYear - b.fromYear);
  }
}

@Resolver(() => TrainingSession)
export class TrainingSessionFieldsResolver {
  @FieldResolver(() => TrainingCourse, { description: 'The course this session runs: its parts, their length and its price come from it.' })
  course(@Root() s: TrainingSession) {
    return s.course.load();
  }

  @FieldResolver(() => Ministry, { nullable: true, description: 'The ministry that ordered the session, whose trainees alone may request it; null unless `kind` is MINISTRY_ORDER.' })
  orderedBy(@Root() s: TrainingSession) {
    return s.orderedBy ? s.orderedBy.load() : null;
  }

  @FieldResolver(() => [TrainingSessionPart], { description: 'One slot per part, in order.' })
  async parts(@Root() s: TrainingSession) {
    return [...(await s.parts.load())].sort((a, b) => a.number - b.number);
  }

  @FieldResolver(() => [TrainingSeatQuota], { description: 'Seats per ministry (empty: the capacity is shared).' })
  async seats(@Root() s: TrainingSession) {
    return [...(await s.seats.load())];
  }

  @FieldResolver(() => Int, { description: 'Seats taken (registered or confirmed).' })
  async seatsTaken(@Root() s: TrainingSession, @Ctx() ctx: Context) {
    return (await sessionCounts(ctx).load(s.id)).seated;
  }

  @FieldResolver(() => Int, { description: 'Trainees on the waiting list.' })
  async waitingListLength(@Root() s: TrainingSession, @Ctx() ctx: Context) {
    return (await sessionCounts(ctx).load(s.id)).waitlisted;
  }

  @FieldResolver(() => TrainingPrice, { nullable: true, description: "The price in force for the session's year (null: free)." })
  async price(@Root() s: TrainingSession, @Ctx() ctx: Context) {
    return ctx.loader<string, TrainingPrice | null>('training.sessionPrice', async (ids) => {
      const sessions = await ctx.em.find(TrainingSession, { id: { $in: [...ids] } });
      const prices = await ctx.em.find(TrainingPrice, { course: { $in: sessions.map((x) => x.course.id) } }, { orderBy: { fromYear: 'desc' } });
      return ids.map((id) => {
        const session = sessions.find((x) => x.id === id)!;
        const year = session.startsAt.getUTCFullYear();
        return prices.find((p) => p.course.id === session.course.id && p.fromYear <= year) ?? null;
      });
    }).load(s.id);
  }
}

function sessionCounts(ctx: Context) {
  return ctx.loader<string, queries.SessionCounts>('training.sessionCounts', (ids) => queries.sessionCounts(ctx.em, ids));
}

@Resolver(() => TrainingSeatQuota)
export class TrainingSeatQuotaFieldsResolver {
  @FieldResolver(() => Ministry, { description: 'The ministry whose trainees these seats are kept for.' })
  ministry(@Root() q: TrainingSeatQuota) {
    return q.ministry.load();
  }
}

@Resolver(() => TrainingPrice)
export class TrainingPriceFieldsResolver {
  @FieldResolver(() => TrainingCourse, { description: 'The course this price applies to.' })
  course(@Root() p: TrainingPrice) {
    return p.course.load();
  }
}

// what these fields read of a row beyond its key (the read path brings only that; see readsProperties)
for (const relation of ['session', 'trainee', 'structure', 'ministry']) readsProperties('TrainingRegistration', relation, [relation]);
readsProperties('TrainingRegistration', 'waitingListPosition', ['status']);
readsProperties('TrainingRegistration', 'traineeRecord', ['trainee']);
for (const list of ['history', 'attendance']) readsProperties('TrainingRegistration', list, []);
for (const relation of ['course', 'orderedBy']) readsProperties('TrainingSession', relation, [relation]);
readsProperties('TrainingCourse', 'domain', ['domain']);
readsProperties('TrainingRegistrationEvent', 'actor', ['actor']);
readsProperties('TrainingAttendance', 'partNumber', ['part']);

/** A registration's attendance, part by part, as a child list of the registration's own statement (its part comes along: the order reads its number). */
const ATTENDANCE: ChildList = {
  key: 'attendance',
  entity: 'TrainingAttendance',
  where: (a, r) => `${a}.registration_id = ${r}.id`,
  embed: { part: { [COLUMNS]: new Set(['number']) } },
  orderBy: ['part.number'],
};
bringListWith('TrainingRegistration', 'attendance', () => ATTENDANCE);

@Resolver(() => TrainingRegistration)
export class TrainingRegistrationFieldsResolver {
  @FieldResolver(() => TrainingSession, { description: 'The session the seat is asked for or held in.' })
  session(@Root() r: TrainingRegistration) {
    return r.session.load();
  }

  @FieldResolver(() => Person, { description: 'The person who asked for the seat and follows the training.' })
  trainee(@Root() r: TrainingRegistration) {
    return r.trainee.load();
  }

  @FieldResolver(() => Structure, { description: "The trainee's structure when they asked." })
  structure(@Root() r: TrainingRegistration) {
    return r.structure.load();
  }

  @FieldResolver(() => Ministry, { description: "The trainee's ministry when they asked." })
  ministry(@Root() r: TrainingRegistration) {
    return r.ministry.load();
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Position on the waiting list, from 1 (WAITLISTED only). When the session shares its seats out per ministry, the position in the queue of the trainee’s ministry (the order in which its freed seats are given).' })
  waitingListPosition(@Root() r: TrainingRegistration, @Ctx() ctx: Context) {
    if (r.status !== RegistrationStatus.WAITLISTED) return null;
    return ctx.loader<string, number | null>('training.waitlistPosition', (ids) => queries.waitingListPositions(ctx.em, ids)).load(r.id);
  }

  @FieldResolver(() => [TrainingRegistrationEvent], { description: 'The append-only history, oldest first.' })
  history(@Root() r: TrainingRegistration, @Ctx() ctx: Context) {
    return ctx.loader<string, TrainingRegistrationEvent[]>('training.history', async (ids) => {
      const rows = await readMany(ctx.em, TrainingRegistrationEvent, { registration: { $in: [...ids] } }, { orderBy: { at: 'asc', createdAt: 'asc', id: 'asc' } });
      return groupByKey(ids, rows, (e) => e.registration.id);
    }).load(r.id);
  }

  @FieldResolver(() => [TrainingAttendance], { description: 'Attendance per part (parts without a row: not connected).' })
  attendance(@Root() r: TrainingRegistration, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return childListOf<TrainingAttendance>(ctx, 'TrainingRegistration', r, ATTENDANCE.key, info);
  }

  @FieldResolver(() => TraineeRecord, { nullable: true, description: "The trainee's assiduity record, for the referent, analysts and DAF managers (null for others)." })
  async traineeRecord(@Root() r: TrainingRegistration, @Ctx() ctx: Context) {
    const v: Viewer = requireViewer(ctx);
    if (![Role.TRAINING_REFERENT, Role.ANALYST, Role.ADMINISTRATOR, Role.DAF_MANAGER].some((x) => v.roles.has(x))) return null;
    return ctx.loader<string, training.TraineeRecord>('training.traineeRecord', async (ids) => {
      const map = await training.traineeRecords(ctx.em, ids);
      return ids.map((id) => map.get(id)!);
    }).load(r.trainee.id);
  }
}

@Resolver(() => TrainingRegistrationEvent)
export class TrainingRegistrationEventFieldsResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'Who did it (null for the system).' })
  actor(@Root() e: TrainingRegistrationEvent) {
    return e.actor ? e.actor.load() : null;
  }
}

@Resolver(() => TrainingAttendance)
export class TrainingAttendanceFieldsResolver {
  @FieldResolver(() => Int, { description: 'Which part of the session this attendance is for, from 1 (the parts’ order in time).' })
  partNumber(@Root() a: TrainingAttendance) {
    // brought with the list (the usual case): no promise per row
    return a.part.isInitialized() ? a.part.getEntity().number : a.part.loadOrFail().then((p) => p.number);
  }
}

/** node(id:) for registrations applies the same visibility as the list. */
export const registrationNodeFetcher: NodeFetcher = async (ctx, ids) => {
  const viewer = ctx.viewer;
  if (!viewer) return [];
  const perimeter = await perimeterOf(ctx);
  return ctx.em.find(TrainingRegistration, { $and: [{ id: { $in: ids } }, training.visibleRegistrationsWhere(viewer, perimeter)] });
};

export function catalogueNodeFetcher(entity: EntityClass<{ id: string }>): NodeFetcher {
  return async (ctx, ids) => {
    if (!ctx.viewer || ctx.viewer.kind !== 'PERSON') return [];
    return findByIds(ctx.em, entity, ids);
  };
}
