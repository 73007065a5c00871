import { visibleTicketLoader } from './ticket.loaders';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import { TICKET_LINKERS } from '../access/policies';
import { connectionComplexity, ConnectionArgs, paginate } from '../core/connection';
import { requireViewer, type Context } from '../core/context';
import { decodeId, decodeOptionalId } from '../core/ids';
import { runMutation } from '../core/mutation';
import { readsProperties } from '../core/read';
import { TicketLink } from './ticket-link.entity';
import { Ticket } from './ticket.entity';
import { TicketLinkDirection, TicketLinkKind, TicketTransition } from './ticket.enums';
import { LinkTicketsInput, MergeTicketInput, SetParentTicketInput, UnlinkTicketsInput } from './ticket.inputs';
import * as links from './ticket-links.service';
import { FIELD_RELATIONS } from './ticket.populate';
import { findVisibleTickets, ticketOrder, visibleTicketsWhere } from './ticket.service';
import { describeTransition, TRANSITIONS } from './ticket.transitions';
import { MergeTicketPayload, SetParentTicketPayload, TicketConnection, TicketLinkPayload, TicketLinkView } from './ticket.types';

const WHO = `Support levels only (${TICKET_LINKERS.join(', ')}), on tickets they see: others get LINK_RESERVED_TO_SUPPORT; a ticket that does not exist or that the caller may not see gets NOT_FOUND, the same answer.`;

@Resolver()
export class TicketLinkResolver {
  @Authorized()
  @Mutation(() => TicketLinkPayload, { description: `Links two tickets: RELATED (both ways), DUPLICATE_OF or CAUSED_BY (from \`ticketId\` to \`otherTicketId\`). Linking twice is one link; a ticket is never linked to itself (TICKET_LINK_SELF), and a DUPLICATE_OF or CAUSED_BY link never closes a cycle (TICKET_LINK_CYCLE). The tickets' versions and histories do not change. ${WHO}` })
  linkTickets(@Arg('input', { validate: false, description: 'The two tickets and what the link says.' }) input: LinkTicketsInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const r = await links.linkTickets(ctx.em, requireViewer(ctx), decodeId(input.ticketId, 'Ticket', 'ticketId'), decodeId(input.otherTicketId, 'Ticket', 'otherTicketId'), input.kind);
      return { ticket: r.ticket, otherTicket: r.other, changed: r.changed };
    });
  }

  @Authorized()
  @Mutation(() => TicketLinkPayload, { description: `Removes a link between two tickets (the DUPLICATE_OF link a merge made too; the merge itself stays). Removing a link that is not there changes nothing. ${WHO}` })
  unlinkTickets(@Arg('input', { validate: false, description: 'The two tickets and the kind of the link to remove.' }) input: UnlinkTicketsInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const r = await links.unlinkTickets(ctx.em, requireViewer(ctx), decodeId(input.ticketId, 'Ticket', 'ticketId'), decodeId(input.otherTicketId, 'Ticket', 'otherTicketId'), input.kind);
      return { ticket: r.ticket, otherTicket: r.other, changed: r.changed };
    });
  }

  @Authorized()
  @Mutation(() => MergeTicketPayload, { name: 'mergeTicket', description: describeTransition(TRANSITIONS[TicketTransition.MERGE]) })
  mergeTicket(@Arg('input', { validate: false, description: 'The duplicate, the version you read, its original and an optional reason.' }) input: MergeTicketInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const r = await links.mergeTicket(ctx.em, requireViewer(ctx), ctx.config.tickets, decodeId(input.id, 'Ticket'), input.version, decodeId(input.intoId, 'Ticket', 'intoId'), input.reason);
      return { ticket: r.ticket, into: r.into, event: r.event, intoEvent: r.intoEvent };
    });
  }

  @Authorized()
  @Mutation(() => SetParentTicketPayload, { description: `Sets or clears a ticket's parent: one incident hitting many structures gathers their tickets as the children of one ticket (read them in \`Ticket.children\`). Never the ticket itself (TICKET_LINK_SELF) nor one of its descendants (TICKET_PARENT_CYCLE), never a merged ticket (TICKET_ALREADY_MERGED). The child's version is bumped; no history event (the parent may be outside some of the child's readers' perimeter). ${WHO}` })
  setParentTicket(@Arg('input', { validate: false, description: 'The child, the version you read, and the parent (null: none).' }) input: SetParentTicketInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const r = await links.setParentTicket(ctx.em, requireViewer(ctx), decodeId(input.id, 'Ticket'), input.version, decodeOptionalId(input.parentId, 'Ticket', 'parentId'));
      return { ticket: r.ticket };
    });
  }
}


interface LinkRow {
  ticket_id: string;
  other_id: string;
  kind: TicketLinkKind;
  outgoing: boolean;
  created_at: Date;
}

@Resolver(() => Ticket)
export class TicketLinkFieldsResolver {
  @FieldResolver(() => [TicketLinkView], { description: 'Links to other tickets, oldest first: only those to tickets you may see (the ticket policy); the others are not listed.' })
  async links(@Root() t: Ticket, @Ctx() ctx: Context): Promise<TicketLinkView[]> {
    const rows = await ctx
      .loader<string, LinkRow[]>('ticketLinks', async (ids) => {
        const found = await ctx.em.find(TicketLink, { $or: [{ from: { $in: [...ids] } }, { to: { $in: [...ids] } }] }, { orderBy: { createdAt: 'asc', id: 'asc' } });
        return ids.map((id) =>
          found
            .filter((l) => l.from.id === id || l.to.id === id)
            .map((l) => ({ ticket_id: id, other_id: l.from.id === id ? l.to.id : l.from.id, kind: l.kind, outgoing: l.from.id === id, created_at: l.createdAt })),
        );
      })
      .load(t.id);
    const others = await visibleTicketLoader(ctx).loadMany(rows.map((r) => r.other_id));
    return rows.flatMap((r, i) => {
      const other = others[i];
      if (!(other instanceof Ticket)) return [];
      const direction = r.kind === TicketLinkKind.RELATED ? TicketLinkDirection.MUTUAL : r.outgoing ? TicketLinkDirection.OUTGOING : TicketLinkDirection.INCOMING;
      return [{ kind: r.kind, direction, ticket: other, linkedAt: r.created_at }];
    });
  }

  @FieldResolver(() => Ticket, { nullable: true, description: 'The parent ticket (one incident hitting many structures): null when there is none or you may not see it.' })
  parent(@Root() t: Ticket, @Ctx() ctx: Context) {
    return t.parent ? visibleTicketLoader(ctx).load(t.parent.id) : null;
  }

  @FieldResolver(() => TicketConnection, { complexity: connectionComplexity, description: 'The child tickets you may see (the ticket policy), last change first (keyset paginated).' })
  children(@Root() t: Ticket, @Args() page: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const where = { $and: [{ parent: t.id }, visibleTicketsWhere(requireViewer(ctx))] };
    return paginate(ctx.em, Ticket, where, ticketOrder(), page, info, { aliases: FIELD_RELATIONS, context: ctx });
  }

  @FieldResolver(() => Ticket, { nullable: true, description: 'For a duplicate merged into its original (`mergeTicket`): the original, which holds its comments and files now; null when not merged or when you may not see the original.' })
  mergedInto(@Root() t: Ticket, @Ctx() ctx: Context) {
    return t.mergedInto ? visibleTicketLoader(ctx).load(t.mergedInto.id) : null;
  }
}

readsProperties('Ticket', 'links', []);
readsProperties('Ticket', 'children', []);
readsProperties('Ticket', 'parent', ['parent']);
readsProperties('Ticket', 'mergedInto', ['mergedInto']);
