import type { RelationTree } from '../core/read';
import type { Context } from '../core/context';
import type { TicketEvent } from './ticket-event.entity';
import type { Ticket } from './ticket.entity';
import { lastEventsOf } from './ticket.service';

/** The request-scoped loader of each ticket's last `n` events (one statement per batch, relations of the first caller's selection). */
export function historyLoader(ctx: Context, n: number, relations: () => RelationTree = () => ({})) {
  return ctx.loader<Ticket, TicketEvent[]>(`ticketHistory:${n}`, async (tickets) => {
    const byTicket = await lastEventsOf(ctx.em, tickets, n, relations());
    return tickets.map((x) => byTicket.get(x.id) ?? []);
  });
}
