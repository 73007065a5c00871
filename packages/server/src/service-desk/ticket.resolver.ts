import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { connectionComplexity, ConnectionArgs, paginate, PAGE } from '../core/connection';
import { requireViewer, type Context } from '../core/context';
import { CORE_MESSAGES, CoreErrorCode, DomainError, toGraphQLError } from '../core/errors';
import { decodeId, decodeOptionalId } from '../core/ids';
import { runMutation } from '../core/mutation';

import { Person } from '../directory/person.entity';
import { Structure } from '../directory/structure.entity';
import { TicketApplication, TicketDomain } from './reference-data.entity';
import { TicketComment } from './ticket-comment.entity';
import { TicketEvent } from './ticket-event.entity';
import { Ticket } from './ticket.entity';
import { TicketStatisticsDimension, TicketTransition, transitionMutationName } from './ticket.enums';
import {
  AddTicketCommentInput,
  AssignTicketInput,
  OpenTicketInput,
  RateTicketInput,
  TicketEventsFilter,
  TicketFilter,
  TicketOrder,
  TicketStatisticsFilter,
  GENERIC_TRANSITIONS,
  TRANSITION_INPUTS,
  UpdateTicketInput,
  type TransitionInputShape,
} from './ticket.inputs';
import * as desk from './ticket.service';
import { ticketBacklog, ticketStatistics } from './ticket.statistics';
import { allowedTransitions, describeTransition, maySee, mayReadEvent, maySeeInternalComments, TRANSITIONS } from './ticket.transitions';
import {
  AddTicketCommentPayload,
  AssignTicketPayload,
  OpenTicketPayload,
  RateTicketPayload,
  TICKET_CHANGED,
  TicketBacklog,
  TicketConnection,
  TicketMeasures,
  TicketSatisfaction,
  TicketStatisticsPage,
  TRANSITION_PAYLOADS,
  UpdateTicketPayload,
  type TicketChangedMessage,
} from './ticket.types';
import { STATISTICS_ROLES } from './ticket.statistics';
import { FIELD_RELATIONS } from './ticket.populate';
import { childListOf, readsProperties } from '../core/read';
import { commentList, historyList, historySize, MAX_HISTORY } from './ticket.loaders';
import { commentOf, readChange, type ReadChange } from './ticket.live';
import { visibleTicketLoader } from './ticket.loaders';
import { TICKET_MESSAGES as M } from './ticket.messages';

/**
 * One mutation per transition of the table (submitTicket, takeTicket…), each with its own
 * input and payload types, described from the table's rule: the same body behind each.
 */
function transitionResolver(transition: TicketTransition) {
  const rule = TRANSITIONS[transition];
  @Resolver()
  class TransitionResolver {
    @Authorized()
    @Mutation(() => TRANSITION_PAYLOADS[transition], { name: transitionMutationName(transition), description: describeTransition(rule) })
    fire(
      @Arg('input', () => TRANSITION_INPUTS[transition], { validate: false, description: `Which ticket, the version you read, and ${rule.needsReason ? 'the reason' : 'an optional note'}.` }) input: TransitionInputShape,
      @Ctx() ctx: Context,
    ) {
      return runMutation(input, async () => {
        const { ticket, event } = await desk.fireTransition(ctx.em, requireViewer(ctx), ctx.config.tickets, decodeId(input.id, 'Ticket'), input.version, transition, input.reason);
        return { ticket, event };
      });
    }
  }
  return TransitionResolver;
}

export const TicketTransitionResolvers = GENERIC_TRANSITIONS.map(transitionResolver);

@Resolver()
export class TicketResolver {
  /* ---------- queries ---------- */

  @Authorized()
  @Query(() => TicketConnection, { complexity: connectionComplexity, description: 'Tickets you may see, newest change first by default (keyset paginated).' })
  tickets(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => TicketFilter, { nullable: true, description: 'Narrows the list.' }) filter: TicketFilter | null,
    @Arg('orderBy', () => TicketOrder, { nullable: true, description: 'Sort order (default: last change, newest first).' }) orderBy: TicketOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ticketPage(ctx, page, filter, orderBy, info);
  }

  @Authorized()
  @Query(() => Ticket, { nullable: true, description: 'A ticket by its reference (e.g. `FSD-2026-000123`); null when it does not exist or you may not see it.' })
  ticket(@Arg('reference', { description: 'The readable reference, `FSD-<year>-<6 digits>`; case and surrounding spaces do not matter.' }) reference: string, @Ctx() ctx: Context) {
    if (reference.length > 40) return null;
    return desk.findVisibleTicket(ctx.em, requireViewer(ctx), { reference: reference.trim().toUpperCase() });
  }

  @Authorized()
  @Query(() => [TicketApplication], { description: 'Applications a ticket may concern (active ones first, by display order).' })
  ticketApplications(@Ctx() ctx: Context) {
    return ctx.em.find(TicketApplication, {}, { orderBy: { active: 'desc', position: 'asc', code: 'asc' } });
  }

  @Authorized()
  @Query(() => [TicketDomain], { description: 'Domains a ticket may concern (active ones first, by display order).' })
  ticketDomains(@Ctx() ctx: Context) {
    return ctx.em.find(TicketDomain, {}, { orderBy: { active: 'desc', position: 'asc', code: 'asc' } });
  }

  @Authorized(...STATISTICS_ROLES)
  @Query(() => TicketStatisticsPage, { description: 'Ticket measures grouped by level, domain, application, structure or month (analysts, SN1, administrators).' })
  async ticketStatistics(
    @Arg('groupBy', () => TicketStatisticsDimension, { description: 'What one row stands for: a level, domain, application, structure or month of opening.' }) groupBy: TicketStatisticsDimension,
    @Arg('filter', () => TicketStatisticsFilter, { nullable: true, description: 'Narrows the tickets counted.' }) filter: TicketStatisticsFilter | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `Groups per page (at most ${PAGE.max}).` }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Key of the last group of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    if (first < 1 || first > PAGE.max) throw new DomainError(CoreErrorCode.OUT_OF_RANGE, CORE_MESSAGES.OUT_OF_RANGE({ min: 1, max: PAGE.max }), ['first'], { min: 1, max: PAGE.max });
    const page = await ticketStatistics(ctx.em, requireViewer(ctx), groupBy, statisticsFilter(filter), { first, after });
    return { rows: page.items, hasNextPage: page.hasNextPage, endKey: page.endKey };
  }

  @Authorized(...STATISTICS_ROLES)
  @Query(() => TicketBacklog, { description: 'Tickets by status and level, with the escalation rate (analysts, SN1, administrators).' })
  ticketBacklog(@Arg('filter', () => TicketStatisticsFilter, { nullable: true, description: 'Narrows the tickets counted.' }) filter: TicketStatisticsFilter | null, @Ctx() ctx: Context) {
    return ticketBacklog(ctx.em, requireViewer(ctx), statisticsFilter(filter));
  }

  /* ---------- mutations ---------- */

  @Authorized()
  @Mutation(() => OpenTicketPayload, { description: 'Opens a ticket (CCAs for their structure, applications for theirs). Submitted to the support at once unless `draft`.' })
  openTicket(@Arg('input', { validate: false, description: 'The difficulty to record: application, domain, nature, title, description, the raw error message, impact, priority, the requesting user and structure; an application retrying with the same `clientRequestId` gets the first ticket back.' }) input: OpenTicketInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const { ticket, created } = await desk.openTicket(ctx.em, requireViewer(ctx), ctx.config.tickets, {
        ...input,
        structureId: decodeOptionalId(input.structureId, 'Structure', 'structureId'),
        requesterId: decodeOptionalId(input.requesterId, 'Person', 'requesterId'),
        relatedTicketIds: input.relatedTicketIds?.map((id) => decodeId(id, 'Ticket', 'relatedTicketIds')),
      });
      return { ticket, event: null };
    });
  }

  @Authorized()
  @Mutation(() => UpdateTicketPayload, { description: 'Changes description fields (requesting side until resolution; the current level until closing). One history event per changed field.' })
  updateTicket(@Arg('input', { validate: false, description: 'The ticket, the version you read, and only the description fields to change.' }) input: UpdateTicketInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const { ticket, events } = await desk.updateTicket(ctx.em, requireViewer(ctx), decodeId(input.id, 'Ticket'), input.version, input);
      return { ticket, events };
    });
  }

  @Authorized()
  @Mutation(() => AssignTicketPayload, { description: 'Assigns a ticket to an agent of its current level (agents of that level).' })
  assignTicket(@Arg('input', { validate: false, description: 'The ticket, the version you read, and the agent of its current level (none: unassign).' }) input: AssignTicketInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const { ticket, event } = await desk.assignTicket(ctx.em, requireViewer(ctx), decodeId(input.id, 'Ticket'), input.version, decodeOptionalId(input.assigneeId, 'Person', 'assigneeId'));
      return { ticket, event };
    });
  }

  @Authorized()
  @Mutation(() => AddTicketCommentPayload, { description: 'Adds a public comment (requesting side, support) or an internal one (support levels only).' })
  addTicketComment(@Arg('input', { validate: false, description: 'The ticket, the text, and whether only support may read it.' }) input: AddTicketCommentInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const { ticket, comment } = await desk.addComment(ctx.em, requireViewer(ctx), decodeId(input.ticketId, 'Ticket', 'ticketId'), input.body, input.internal);
      return { ticket, comment };
    });
  }

  @Authorized()
  @Mutation(() => RateTicketPayload, { description: 'Rates the current resolution from 1 to 5 (requesting side, once per resolution).' })
  rateTicket(@Arg('input', { validate: false, description: 'The resolved ticket, the version you read, a score from 1 to 5 and an optional comment; each resolution is rated once (after a reopening, the next resolution can be rated again).' }) input: RateTicketInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const { ticket, event } = await desk.rateTicket(ctx.em, requireViewer(ctx), decodeId(input.id, 'Ticket'), input.version, input.score, input.comment);
      return { ticket, event };
    });
  }

  /* ---------- subscriptions ---------- */

  @Authorized()
  @Subscription(() => Ticket, {
    description: 'The ticket, each time it changes (any server instance). Refused as NOT_FOUND when you may not see it.',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const viewer = requireViewer(ctx);
      let id: string;
      try {
        id = decodeId(args.id as string, 'Ticket');
      } catch (e) {
        throw toGraphQLError(e as DomainError);
      }
      if (!(await desk.findVisibleTicket(ctx.em.fork(), viewer, { id }))) throw toGraphQLError(new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.ticket'](), ['id']));
      return visibleChanges(ctx, (m) => m.ticketId === id && (!m.internal || maySeeInternalComments(viewer)));
    },
  })
  ticketUpdated(@Arg('id', () => ID, { description: 'Global id of a Ticket the caller may see (NOT_FOUND otherwise); internal changes reach support agents only.' }) _id: string, @Root() change: VisibleChange): Ticket {
    return change.ticket;
  }

  @Authorized()
  @Subscription(() => TicketEvent, {
    description: 'History events of the tickets you may see, and their comments written on their own (COMMENT_ADDED; internal ones for those who may read them), optionally only a level’s queue or a structure’s tickets (any server instance).',
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      const f = (args.filter ?? {}) as TicketEventsFilter;
      let structureId: string | null;
      try {
        structureId = decodeOptionalId(f.structureId, 'Structure', 'structureId');
      } catch (e) {
        throw toGraphQLError(e as DomainError);
      }
      const viewer = requireViewer(ctx);
      return visibleChanges(
        ctx,
        // history events, and comments written on their own (their live COMMENT_ADDED event); an internal one only for its readers
        (m) => m.eventId !== null || (m.standalone === true && (!m.internal || maySeeInternalComments(viewer))),
        true,
        (c) => !!c.event && (!f.level?.length || f.level.includes(c.ticket.level)) && (!f.status?.length || f.status.includes(c.ticket.status)) && (!structureId || c.ticket.structure.id === structureId),
      );
    },
  })
  ticketEvents(@Arg('filter', () => TicketEventsFilter, { nullable: true, description: 'Only events of tickets at these levels or statuses after the event, or of one structure; omitted: every event the caller may see.' }) _filter: TicketEventsFilter | null, @Root() change: VisibleChange): TicketEvent {
    return change.event!;
  }
}

/** A change a subscriber may see: the ticket, and the event when the subscription delivers events. */
interface VisibleChange {
  ticket: Ticket;
  event: TicketEvent | null;
}

/**
 * Changes of tickets the subscriber may see *now*: each change is read once per instance
 * for all its subscribers (`readChange`), and visibility is decided here, in memory, with
 * the ticket policy the lists use.
 */
function visibleChanges(ctx: Context, accept: (m: TicketChangedMessage) => boolean, withEvent = false, keep: (c: VisibleChange) => boolean = () => true) {
  const viewer = requireViewer(ctx);
  // every subscriber of an event's delivery shares the change read, not a copy each
  const decide = (_m: TicketChangedMessage, read: ReadChange): VisibleChange | null => {
    if (!read.ticket || !maySee(viewer, read.ticket)) return null;
    // a change that records an event the viewer may not read is not told (as an internal comment is not)
    if (read.event && !mayReadEvent(viewer, read.event)) return null;
    const change: VisibleChange = withEvent ? (read as VisibleChange) : { ticket: read.ticket, event: null };
    return keep(change) ? change : null;
  };
  // one read per change for every subscriber of the instance, then each decides
  return ctx.pubSub.subscribeWhere<TicketChangedMessage, ReadChange, VisibleChange>(TICKET_CHANGED, accept, (m) => readChange(ctx.em, m), decide);
}

/**
 * THE read of a ticket list: the viewer's perimeter, the filter and the order, keyset
 * paginated on the one read path. `tickets` and every other list of tickets (a saved view's)
 * go through it, so they cannot show different tickets for the same filter.
 */
export function ticketPage(ctx: Context, page: ConnectionArgs, filter: TicketFilter | null | undefined, orderBy: Pick<TicketOrder, 'field' | 'direction'> | null | undefined, info?: GraphQLResolveInfo) {
  const where = desk.ticketsWhere(requireViewer(ctx), desk.decodeTicketFilter(filter));
  const order = desk.ticketOrder(orderBy?.field, orderBy?.direction);
  return paginate(ctx.em, Ticket, where, order, page, info, { aliases: FIELD_RELATIONS, context: ctx });
}

export function statisticsFilter(f: TicketStatisticsFilter | null) {
  return {
    ...f,
    ministryId: decodeOptionalId(f?.ministryId, 'Ministry', 'ministryId'),
    structureId: decodeOptionalId(f?.structureId, 'Structure', 'structureId'),
  };
}

/* ---------- nested fields: refs load in one batch per request; the rest through loaders ---------- */

@Resolver(() => Ticket)
export class TicketFieldsResolver {
  @FieldResolver(() => TicketApplication, { description: 'The application concerned.' })
  application(@Root() t: Ticket) {
    return t.application.load();
  }

  @FieldResolver(() => TicketDomain, { description: 'The functional domain of the difficulty (EJ, habilitation, connexion, …), from `ticketDomains`.' })
  domain(@Root() t: Ticket) {
    return t.domain.load();
  }

  @FieldResolver(() => Structure, { description: 'The structure the difficulty belongs to.' })
  structure(@Root() t: Ticket) {
    return t.structure.load();
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The requesting user.' })
  requester(@Root() t: Ticket) {
    return t.requester ? t.requester.load() : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The CCA who opened it; null when an application did.' })
  openedBy(@Root() t: Ticket) {
    return t.openedBy ? t.openedBy.load() : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the business application that opened it, if one did.' })
  async openedByApplicationName(@Root() t: Ticket) {
    return t.openedByApplication ? ((await t.openedByApplication.load())?.name ?? null) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The agent of the current level in charge.' })
  assignee(@Root() t: Ticket) {
    return t.assignee ? t.assignee.load() : null;
  }

  @FieldResolver(() => [TicketEvent], { complexity: ({ args, childComplexity }) => 1 + childComplexity * Math.min(Number(args.last) || 50, MAX_HISTORY), description: 'The history, oldest first: every event, or only the last `last` ones. Events about internal files only for the support levels (as internal comments).' })
  history(@Root() t: Ticket, @Arg('last', () => Int, { nullable: true, description: 'Only the last N events (1 to 200).' }) last: number | null, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const n = historySize(last);
    if (n === null) throw new DomainError(CoreErrorCode.OUT_OF_RANGE, CORE_MESSAGES.OUT_OF_RANGE({ min: 1, max: MAX_HISTORY }), ['last'], { min: 1, max: MAX_HISTORY });
    // brought with the page's own statement when the list read it (see historyList), else one batch for the page
    return childListOf<TicketEvent>(ctx, 'Ticket', t, historyList(n, maySeeInternalComments(requireViewer(ctx))).key, info, FIELD_RELATIONS);
  }

  @FieldResolver(() => [TicketComment], { description: 'Comments, oldest first. Internal ones only for the support levels.' })
  comments(@Root() t: Ticket, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return childListOf<TicketComment>(ctx, 'Ticket', t, commentList(maySeeInternalComments(requireViewer(ctx))).key, info, FIELD_RELATIONS);
  }

  @FieldResolver(() => Int, { description: 'Number of comments you may read.' })
  commentCount(@Root() t: Ticket, @Ctx() ctx: Context): number {
    return maySeeInternalComments(requireViewer(ctx)) ? t.commentCount : t.publicCommentCount;
  }

  @FieldResolver(() => Int, { description: 'Number of history events.' })
  eventCount(@Root() t: Ticket): number {
    return t.eventCount;
  }

  @FieldResolver(() => TicketMeasures, { description: 'Measures computed from the history (first response, time per level, resolution).' })
  async measures(@Root() t: Ticket, @Ctx() ctx: Context) {
    const m = await ctx
      .loader<string, TicketMeasures | null>('ticketMeasures', async (ids) => {
        const rows = await desk.measuresOf(ctx.em, ids);
        return ids.map((id) => rows.get(id) ?? null);
      })
      .load(t.id);
    return m ?? { firstResponseSeconds: null, resolutionSeconds: null, secondsAtSn1: 0, secondsAtSn2: 0, secondsAtTechnical: 0, escalationCount: t.escalationCount, reopenCount: t.reopenCount };
  }

  @FieldResolver(() => [TicketTransition], { description: 'The transitions you may fire now, from the transition table (those needing a reason still need one).' })
  allowedTransitions(@Root() t: Ticket, @Ctx() ctx: Context) {
    return allowedTransitions(requireViewer(ctx), t, ctx.config.tickets);
  }

  @FieldResolver(() => TicketSatisfaction, { nullable: true, description: 'The requesting side’s rating of the current resolution, once given; a reopening clears it (earlier ratings stay in `history` as RATED events).' })
  satisfaction(@Root() t: Ticket): TicketSatisfaction | null {
    return t.satisfactionScore == null ? null : { score: t.satisfactionScore, comment: t.satisfactionComment ?? null };
  }

  @FieldResolver(() => [Ticket], { description: 'Related tickets you may see.' })
  relatedTickets(@Root() t: Ticket, @Ctx() ctx: Context) {
    if (!t.relatedTicketIds.length) return [];
    return visibleTicketLoader(ctx)
      .loadMany(t.relatedTicketIds)
      .then((rows) => rows.filter((r): r is Ticket => r instanceof Ticket));
  }
}

// what the fields above read of a ticket beyond its key and its relations' keys (the read path brings only that; see readsProperties)
for (const relation of ['application', 'domain', 'structure', 'requester', 'openedBy', 'assignee']) readsProperties('Ticket', relation, [relation]);
readsProperties('Ticket', 'openedByApplicationName', ['openedByApplication']);
readsProperties('Ticket', 'history', ['eventCount']);
readsProperties('Ticket', 'comments', []);
readsProperties('Ticket', 'commentCount', ['commentCount', 'publicCommentCount']);
readsProperties('Ticket', 'eventCount', ['eventCount']);
readsProperties('Ticket', 'measures', ['escalationCount', 'reopenCount']);
readsProperties('Ticket', 'satisfaction', ['satisfactionScore', 'satisfactionComment']);
readsProperties('Ticket', 'relatedTickets', ['relatedTicketIds']);

@Resolver(() => TicketEvent)
export class TicketEventFieldsResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The person who acted; null for an application.' })
  actor(@Root() e: TicketEvent) {
    return e.actor ? e.actor.load() : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The business application that acted, if one did.' })
  async actorApplicationName(@Root() e: TicketEvent) {
    return e.actorApplication ? ((await e.actorApplication.load())?.name ?? null) : null;
  }

  @FieldResolver(() => Ticket, { description: 'The ticket whose history this event belongs to, as it is now (not as it was at the event).' })
  ticket(@Root() e: TicketEvent) {
    return e.ticket.load();
  }

  @FieldResolver(() => TicketComment, { nullable: true, description: 'For a COMMENT_ADDED event (live, `ticketEvents`): the comment written. Null for every other kind.' })
  comment(@Root() e: TicketEvent): TicketComment | null {
    return commentOf(e);
  }
}

@Resolver(() => TicketComment)
export class TicketCommentFieldsResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The author; null for an application.' })
  author(@Root() c: TicketComment) {
    return c.author ? c.author.load() : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The business application that wrote it, if one did.' })
  async authorApplicationName(@Root() c: TicketComment) {
    return c.authorApplication ? ((await c.authorApplication.load())?.name ?? null) : null;
  }
}

// each loads its relation and reads nothing else
for (const relation of ['actor', 'ticket']) readsProperties('TicketEvent', relation, [relation]);
readsProperties('TicketEvent', 'actorApplicationName', ['actorApplication']);
readsProperties('TicketEvent', 'comment', []);
readsProperties('TicketComment', 'author', ['author']);
readsProperties('TicketComment', 'authorApplicationName', ['authorApplication']);

/** node(id:) for tickets, their events and comments: same visibility as everywhere else. */
export const ticketNodeFetcher = async (ctx: Context, ids: string[]) => {
  return desk.findVisibleTickets(ctx.em, requireViewer(ctx), ids);
};

export const ticketEventNodeFetcher = async (ctx: Context, ids: string[]) => {
  const events = await ctx.em.find(TicketEvent, { id: { $in: ids } });
  const visible = new Set((await desk.findVisibleTickets(ctx.em, requireViewer(ctx), [...new Set(events.map((e) => e.ticket.id))])).map((t) => t.id));
  const viewer = requireViewer(ctx);
  return events.filter((e) => visible.has(e.ticket.id) && mayReadEvent(viewer, e));
};

export const ticketCommentNodeFetcher = async (ctx: Context, ids: string[]) => {
  const comments = await ctx.em.find(TicketComment, { id: { $in: ids } });
  const visible = new Set((await desk.findVisibleTickets(ctx.em, requireViewer(ctx), [...new Set(comments.map((c) => c.ticket.id))])).map((t) => t.id));
  const internalOk = maySeeInternalComments(requireViewer(ctx));
  return comments.filter((c) => visible.has(c.ticket.id) && (internalOk || !c.internal));
};

export const referenceNodeFetcher = (entity: typeof TicketApplication | typeof TicketDomain) => async (ctx: Context, ids: string[]) => {
  return ctx.em.find(entity as typeof TicketApplication, { id: { $in: ids } });
};



