import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Info, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Min } from 'class-validator';
import { connectionComplexity, ConnectionArgs, paginate } from '../core/connection';
import { requireViewer, type Context } from '../core/context';
import { decodeId } from '../core/ids';
import { MutationPayload, runMutation } from '../core/mutation';
import { Role } from '../core/roles';
import { KnowledgeItem } from '../knowledge/knowledge-item.entity';
import { TicketEvent } from '../service-desk/ticket-event.entity';
import { Ticket } from '../service-desk/ticket.entity';
import { ticketOrder } from '../service-desk/ticket.service';
import { STATISTICS_ROLES } from '../service-desk/ticket.statistics';
import { TicketConnection } from '../service-desk/ticket.types';
import { KnownErrorLink } from './known-error.entity';
import * as known from './known-error.service';

@InputType({ description: 'Links a ticket to a known anomaly (SN1, SN2); replaces its current link if any.' })
class LinkTicketToKnownErrorInput {
  @Field(() => ID, { description: 'Global id of the Ticket to gather under the anomaly; its requesting side then hears of the workaround and the fix.' })
  ticketId!: string;

  @Field(() => Int, { description: 'The ticket version you read (stale: CONFLICT).' })
  @Min(1)
  version!: number;

  @Field(() => ID, { description: 'The known anomaly: an active (published, not fixed) major-incident knowledge item.' })
  knownErrorId!: string;
}

@InputType({ description: 'Takes a ticket out of its known anomaly (SN1, SN2).' })
class UnlinkTicketFromKnownErrorInput {
  @Field(() => ID, { description: 'Global id of a Ticket now linked to a known anomaly.' })
  ticketId!: string;

  @Field(() => Int, { description: 'The ticket version you read (stale: CONFLICT).' })
  @Min(1)
  version!: number;
}

@InputType({ description: 'Narrows knownErrorStatistics.' })
class KnownErrorStatisticsFilter {
  @Field(() => Date, { nullable: true, description: 'Tickets opened at or after this instant.' })
  openedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Tickets opened before this instant.' })
  openedTo?: Date | null;
}

@ObjectType({ description: 'Result of linkTicketToKnownError / unlinkTicketFromKnownError.' })
class KnownErrorLinkPayload extends MutationPayload {
  @Field(() => Ticket, { nullable: true, description: 'The ticket (new version); null on error.' })
  ticket?: Ticket | null;

  @Field(() => TicketEvent, { nullable: true, description: 'The FIELD_CHANGED event on field `knownError` (old and new values are anomaly titles).' })
  event?: TicketEvent | null;
}

@ObjectType({ description: 'Tickets gathered by one known anomaly.' })
class KnownErrorStatisticsRow {
  itemId!: string;

  @Field(() => Int, { description: 'Tickets linked now.' })
  linkedCount!: number;

  @Field(() => Int, { description: 'Of which not yet resolved, closed or cancelled.' })
  openCount!: number;

  @Field(() => Int, { description: 'Of which linked automatically from their error message at opening.' })
  automaticCount!: number;
}


@Resolver()
export class KnownErrorResolver {
  @Authorized()
  @Mutation(() => KnownErrorLinkPayload, { description: 'Links a ticket you see to an active known anomaly (SN1, SN2 agents). One history event; the version is bumped.' })
  linkTicketToKnownError(@Arg('input', { validate: false, description: 'The ticket and anomaly.' }) input: LinkTicketToKnownErrorInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const r = await known.linkTicket(ctx.em, requireViewer(ctx), decodeId(input.ticketId, 'Ticket', 'ticketId'), input.version, decodeId(input.knownErrorId, 'KnowledgeItem', 'knownErrorId'));
      return { ticket: r.ticket, event: r.event };
    });
  }

  @Authorized()
  @Mutation(() => KnownErrorLinkPayload, { description: 'Takes a ticket out of its known anomaly (SN1, SN2 agents). One history event; the version is bumped.' })
  unlinkTicketFromKnownError(@Arg('input', { validate: false, description: 'The linked ticket and the version you read.' }) input: UnlinkTicketFromKnownErrorInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const r = await known.unlinkTicket(ctx.em, requireViewer(ctx), decodeId(input.ticketId, 'Ticket', 'ticketId'), input.version);
      return { ticket: r.ticket, event: r.event };
    });
  }

  @Authorized(...STATISTICS_ROLES, Role.SN2_AGENT, Role.KNOWLEDGE_EDITOR)
  @Query(() => [KnownErrorStatisticsRow], { description: 'Tickets per known anomaly, most linked first (at most 500 anomalies; analysts, SN1, SN2, knowledge editors, administrators).' })
  knownErrorStatistics(@Arg('filter', () => KnownErrorStatisticsFilter, { nullable: true, description: 'Narrows the tickets counted.' }) filter: KnownErrorStatisticsFilter | null, @Ctx() ctx: Context) {
    return known.knownErrorStatistics(ctx.em, filter ?? {});
  }
}

@Resolver(() => KnownErrorStatisticsRow)
export class KnownErrorStatisticsRowResolver {
  @FieldResolver(() => KnowledgeItem, { description: 'The known anomaly (major-incident knowledge item).' })
  knownError(@Root() r: KnownErrorStatisticsRow, @Ctx() ctx: Context) {
    return ctx.em.findOneOrFail(KnowledgeItem, { id: r.itemId });
  }
}

const linkLoader = (ctx: Context) =>
  ctx.loader<string, KnownErrorLink | null>('knownErrorLinkByTicket', async (ids) => {
    const rows = await ctx.em.find(KnownErrorLink, { ticket: { $in: [...ids] } }, { populate: ['item'] });
    return ids.map((id) => rows.find((r) => r.ticket.id === id) ?? null);
  });

@Resolver(() => Ticket)
export class TicketKnownErrorFieldsResolver {
  @FieldResolver(() => KnowledgeItem, {
    nullable: true,
    description: 'The known anomaly (major incident) this ticket is linked to: set at opening when the pasted error message matches an active one — read it in the openTicket answer to tell the opener — or by SN1/SN2. Null when none.',
  })
  async knownError(@Root() t: Ticket, @Ctx() ctx: Context) {
    return (await linkLoader(ctx).load(t.id))?.item.getEntity() ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'True when the known-error link was made automatically from the error message (false when by an agent, or none).' })
  async knownErrorLinkedAutomatically(@Root() t: Ticket, @Ctx() ctx: Context) {
    return (await linkLoader(ctx).load(t.id))?.automatic ?? false;
  }
}

@Resolver(() => KnowledgeItem)
export class KnowledgeItemKnownErrorFieldsResolver {
  @FieldResolver(() => Int, { description: 'Major incidents: how many tickets are linked to it now (all of them, whoever asks); 0 for other items.' })
  linkedTicketCount(@Root() item: KnowledgeItem, @Ctx() ctx: Context) {
    return ctx
      .loader<string, number>('knownErrorLinkCount', (ids) => known.linkedTicketCounts(ctx.em, ids))
      .load(item.id);
  }

  @FieldResolver(() => TicketConnection, { complexity: connectionComplexity, description: 'Major incidents: the linked tickets you may see (the desk’s visibility rule), last change first.' })
  linkedTickets(@Root() item: KnowledgeItem, @Args() page: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const where = known.visibleLinkedTicketsWhere(requireViewer(ctx), item.id);
    return paginate(ctx.em, Ticket, where, ticketOrder(), page, info);
  }

  @FieldResolver(() => [String], {
    deprecationReason: 'Use linkedTickets (a connection) or linkedTicketCount.',
    description: 'Major incidents: references of linked tickets you may see (at most 100, last change first).',
  })
  async linkedTicketRefs(@Root() item: KnowledgeItem, @Ctx() ctx: Context) {
    const where = known.visibleLinkedTicketsWhere(requireViewer(ctx), item.id);
    return (await ctx.em.find(Ticket, where, { orderBy: ticketOrder(), limit: 100, fields: ['reference'] })).map((t) => t.reference);
  }
}

