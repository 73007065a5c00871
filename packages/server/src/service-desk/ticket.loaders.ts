import { bringListWith, type ChildList, type RelationTree } from '../core/read';
import { requireViewer, type Context } from '../core/context';
import type { TicketEvent } from './ticket-event.entity';
import type { Ticket } from './ticket.entity';
import { lastEventsOf } from './ticket.service';
import { maySeeInternalComments } from './ticket.transitions';

/** Most events `history(last:)` returns, and what it returns when `last` is not given. */
export const MAX_HISTORY = 200;

/** How many events `history(last:)` reads; null when `last` is outside 1 to MAX_HISTORY (or not an integer). */
export function historySize(last: unknown): number | null {
  const n = last == null ? MAX_HISTORY : last;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_HISTORY ? n : null;
}

/** A ticket's last `n` events as a child list of the ticket's own statement (the `(ticket_id, seq)` index reads exactly them). */
export function historyList(n: number): ChildList {
  return { key: `history:${n}`, entity: 'TicketEvent', where: (e, t) => `${e}.ticket_id = ${t}.id and ${e}.seq > ${t}.event_count - ${n}`, orderBy: ['seq'] };
}

bringListWith('Ticket', 'history', (args) => {
  const n = historySize(args.last);
  return n === null ? null : historyList(n);
});

/** A ticket's comments, oldest first, as a child list: all of them, or the public ones only (`maySeeInternalComments` decides which). */
export function commentList(withInternal: boolean): ChildList {
  return {
    key: withInternal ? 'comments:all' : 'comments:public',
    entity: 'TicketComment',
    where: (c, t) => `${c}.ticket_id = ${t}.id${withInternal ? '' : ` and not ${c}.internal`}`,
    orderBy: ['createdAt', 'id'],
  };
}

bringListWith('Ticket', 'comments', (_args, context) => (context ? commentList(maySeeInternalComments(requireViewer(context as Context))) : null));

/** The request-scoped loader of each ticket's last `n` events (one statement per batch, relations of the first caller's selection). */
export function historyLoader(ctx: Context, n: number, relations: () => RelationTree = () => ({})) {
  return ctx.loader<Ticket, TicketEvent[]>(`ticketHistory:${n}`, async (tickets) => {
    const byTicket = await lastEventsOf(ctx.em, tickets, n, relations());
    return tickets.map((x) => byTicket.get(x.id) ?? []);
  });
}
