import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionComplexity, ConnectionArgs, paginate } from '../core/connection';
import { requireViewer, type Context } from '../core/context';
import { decodeId, decodeOptionalId, toGlobalId } from '../core/ids';
import { reportOf } from '../core/bulk-import.types';
import { runMutation } from '../core/mutation';
import { Role } from '../core/roles';
import { Structure } from '../directory/structure.entity';
import { Ticket } from '../service-desk/ticket.entity';
import { findVisibleTickets } from '../service-desk/ticket.service';
import { STATISTICS_ROLES } from '../service-desk/ticket.statistics';
import type { ServiceLevelStanding } from './service-level.compute';
import { BusinessCalendar, ServiceLevelQueueEntry, ServiceLevelTarget } from './service-level.entity';
import { ServiceLevelStatisticsDimension } from './service-level.enums';
import {
  CreateBusinessCalendarInput,
  ImportClosedDaysInput,
  RemoveServiceLevelTargetInput,
  ServiceLevelQueueFilter,
  ServiceLevelStatisticsFilter,
  SetServiceLevelTargetInput,
  SetStructureTimeZoneInput,
  UpdateBusinessCalendarInput,
} from './service-level.inputs';
import { importClosedDays } from './closed-day.import';
import * as sl from './service-level.service';
import {
  BusinessCalendarPayload,
  ClosedDay,
  ImportClosedDaysPayload,
  RemoveServiceLevelTargetPayload,
  ServiceLevelQueueConnection,
  ServiceLevelStatisticsRow,
  SetServiceLevelTargetPayload,
  SetStructureTimeZonePayload,
  TicketServiceLevel,
} from './service-level.types';

/** Every person (machine clients read their tickets' standings through `Ticket.serviceLevels`). */
const PEOPLE = Object.values(Role).filter((r) => r !== Role.APPLICATION);

/** The live standings of a ticket, batched per request. */
function standingsLoader(ctx: Context) {
  return ctx.loader<Ticket, ServiceLevelStanding[]>('ticketServiceLevels', async (tickets) => {
    const map = await sl.standingsFor(ctx.em, tickets);
    return tickets.map((t) => map.get(t.id) ?? []);
  });
}

@Resolver()
export class ServiceLevelResolver {
  @Authorized(...PEOPLE)
  @Query(() => [BusinessCalendar], { description: 'Business calendars, by code.' })
  businessCalendars(@Ctx() ctx: Context) {
    return ctx.em.find(BusinessCalendar, {}, { orderBy: { code: 'asc' } });
  }

  @Authorized(...PEOPLE)
  @Query(() => [ServiceLevelTarget], { description: 'Every service-level target, by priority, metric and level.' })
  serviceLevelTargets(@Ctx() ctx: Context) {
    return ctx.em.find(ServiceLevelTarget, {}, { orderBy: { priority: 'asc', metric: 'asc', level: 'asc' } });
  }

  @Authorized(...sl.QUEUE_ROLES)
  @Query(() => ServiceLevelQueueConnection, {
    complexity: connectionComplexity,
    description:
      'The at-risk queue: running targets at risk or breached now, of tickets you may see, least remaining business time first (most overdue first), keyset paginated. One entry per ticket and target, as the service-level job last computed it (every SERVICE_LEVEL_POLL_MS); a ticket changed since is left out until then.',
  })
  serviceLevelQueue(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => ServiceLevelQueueFilter, { nullable: true, description: 'Narrows the queue.' }) filter: ServiceLevelQueueFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = sl.queueWhere(requireViewer(ctx), { ...filter, structureId: decodeOptionalId(filter?.structureId, 'Structure', 'structureId') });
    return paginate(ctx.em, ServiceLevelQueueEntry, where, { dueAt: 'asc', id: 'asc' }, page, info);
  }

  @Authorized(...STATISTICS_ROLES)
  @Query(() => [ServiceLevelStatisticsRow], { description: `Share of tickets within target, per group and metric (analysts, SN1, administrators); at most ${sl.MAX_STATISTICS_ROWS} rows, by key then metric.` })
  serviceLevelStatistics(
    @Arg('groupBy', () => ServiceLevelStatisticsDimension, { description: 'What one row stands for besides its metric: a domain, level, month of submission or structure.' }) groupBy: ServiceLevelStatisticsDimension,
    @Arg('filter', () => ServiceLevelStatisticsFilter, { nullable: true, description: 'Narrows the tickets counted.' }) filter: ServiceLevelStatisticsFilter | null,
    @Ctx() ctx: Context,
  ) {
    return sl.serviceLevelStatistics(ctx.em, groupBy, { ...filter, structureId: decodeOptionalId(filter?.structureId, 'Structure', 'structureId') });
  }

  @Authorized()
  @Mutation(() => BusinessCalendarPayload, { description: 'Creates a business calendar (administrators).' })
  createBusinessCalendar(@Arg('input', { validate: false, description: 'Code, name, time zone, weekly working windows and closed days of the new calendar.' }) input: CreateBusinessCalendarInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ calendar: await sl.createCalendar(ctx.em, requireViewer(ctx), input) }));
  }

  @Authorized()
  @Mutation(() => BusinessCalendarPayload, { description: 'Changes a business calendar: hours, zone, holidays, closed days (administrators). Standings are recomputed.' })
  updateBusinessCalendar(@Arg('input', { validate: false, description: 'The calendar and only what changes: name, zone, working windows, holidays, extra closed days.' }) input: UpdateBusinessCalendarInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ calendar: await sl.updateCalendar(ctx.em, requireViewer(ctx), decodeId(input.id, 'BusinessCalendar'), input) }));
  }

  @Authorized()
  @Mutation(() => ImportClosedDaysPayload, {
    description:
      'Loads extra closed days of business calendars in bulk (administrators): each line adds a day or changes its label, matched by calendar code and date. Dry run by default: a report line by line. Applied: all or nothing, each calendar changed once (standings recomputed); importing the same file again changes nothing.',
  })
  importClosedDays(@Arg('input', { validate: false, description: 'The file and options.' }) input: ImportClosedDaysInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ report: reportOf(await importClosedDays(ctx.em, requireViewer(ctx), input)) }));
  }

  @Authorized()
  @Mutation(() => SetServiceLevelTargetPayload, { description: 'Creates or replaces the target of a priority, metric and level (administrators). Standings are recomputed.' })
  setServiceLevelTarget(@Arg('input', { validate: false, description: 'Priority, metric, level (LEVEL_HOLD only), the time allowed in business seconds, the at-risk share and the calendar.' }) input: SetServiceLevelTargetInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ target: await sl.setTarget(ctx.em, requireViewer(ctx), { ...input, calendarId: decodeId(input.calendarId, 'BusinessCalendar', 'calendarId') }) }));
  }

  @Authorized()
  @Mutation(() => RemoveServiceLevelTargetPayload, { description: 'Removes a target (administrators).' })
  removeServiceLevelTarget(@Arg('input', { validate: false, description: 'The target to remove; tickets stop being measured against it.' }) input: RemoveServiceLevelTargetInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ removedTargetId: toGlobalId('ServiceLevelTarget', await sl.removeTarget(ctx.em, requireViewer(ctx), decodeId(input.id, 'ServiceLevelTarget'))) }));
  }

  @Authorized()
  @Mutation(() => SetStructureTimeZonePayload, { description: 'Gives a structure its own time zone, e.g. an overseas rectorat (administrators). Standings are recomputed.' })
  setStructureTimeZone(@Arg('input', { validate: false, description: 'The structure and its IANA time zone (null: back to the calendars’ zone).' }) input: SetStructureTimeZoneInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const structure = await sl.setStructureTimeZone(ctx.em, requireViewer(ctx), decodeId(input.structureId, 'Structure', 'structureId'), input.timeZone?.trim() || null);
      return { structure, timeZone: input.timeZone?.trim() || null };
    });
  }
}

@Resolver(() => Ticket)
export class TicketServiceLevelFieldsResolver {
  @FieldResolver(() => [TicketServiceLevel], {
    description: 'Where the ticket stands against each service-level target of its priority (first response, time at each level it reached, resolution): due dates, elapsed and remaining business time, state. Empty for a draft.',
  })
  serviceLevels(@Root() t: Ticket, @Ctx() ctx: Context) {
    return standingsLoader(ctx).load(t);
  }
}

@Resolver(() => TicketServiceLevel)
export class TicketServiceLevelResolver {
  @FieldResolver(() => ServiceLevelTarget, { description: 'The target this standing is measured against: its time allowed, at-risk share and calendar.' })
  target(@Root() s: TicketServiceLevel, @Ctx() ctx: Context) {
    return ctx.loader<string, ServiceLevelTarget>('serviceLevelTarget', async (ids) => {
      const rows = await ctx.em.find(ServiceLevelTarget, { id: { $in: [...ids] } });
      return ids.map((id) => rows.find((r) => r.id === id) ?? new Error('target removed'));
    }).load(s.targetId);
  }
}

@Resolver(() => ServiceLevelTarget)
export class ServiceLevelTargetFieldsResolver {
  @FieldResolver(() => BusinessCalendar, { description: 'The calendar its time is counted on.' })
  calendar(@Root() t: ServiceLevelTarget) {
    return t.calendar.load();
  }
}

@Resolver(() => ServiceLevelQueueEntry)
export class ServiceLevelQueueEntryFieldsResolver {
  @FieldResolver(() => Ticket, { description: 'The ticket at risk of, or past, its target.' })
  ticket(@Root() e: ServiceLevelQueueEntry) {
    return e.ticket.load();
  }

  @FieldResolver(() => ServiceLevelTarget, { description: 'The target at risk or breached.' })
  target(@Root() e: ServiceLevelQueueEntry) {
    return e.target.load();
  }

  @FieldResolver(() => TicketServiceLevel, { nullable: true, description: 'The ticket’s standing against that target, computed now (null if the target was removed meanwhile).' })
  async serviceLevel(@Root() e: ServiceLevelQueueEntry, @Ctx() ctx: Context) {
    const ticket = await e.ticket.loadOrFail();
    return (await standingsLoader(ctx).load(ticket)).find((s) => s.targetId === e.target.id) ?? null;
  }
}

@Resolver(() => Structure)
export class StructureTimeZoneFieldsResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The structure’s own time zone for service levels (overseas structures); null when it follows the calendars’ zone.' })
  serviceTimeZone(@Root() s: Structure, @Ctx() ctx: Context) {
    return ctx
      .loader<string, string | null>('structureTimeZone', async (ids) => {
        const zones = await sl.structureZones(ctx.em, ids);
        return ids.map((id) => zones.get(id) ?? null);
      })
      .load(s.id);
  }
}

/** node(id:) for queue entries: those of tickets the viewer sees. */
export const queueEntryNodeFetcher = async (ctx: Context, ids: string[]) => {
  const rows = await ctx.em.find(ServiceLevelQueueEntry, { id: { $in: ids } });
  const visible = new Set((await findVisibleTickets(ctx.em, requireViewer(ctx), [...new Set(rows.map((r) => r.ticket.id))])).map((t) => t.id));
  return rows.filter((r) => visible.has(r.ticket.id));
};

@Resolver(() => BusinessCalendar)
export class BusinessCalendarFieldsResolver {
  @FieldResolver(() => [ClosedDay], { description: 'The extra closed days with their labels, by date (the same days as `closedDays`).' })
  closedDayList(@Root() c: BusinessCalendar): ClosedDay[] {
    return c.closedDays.map((date) => ({ date, label: c.closedDayLabels?.[date] ?? null }));
  }
}
