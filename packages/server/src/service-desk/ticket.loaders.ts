import { bringListWith, type ChildList } from '../core/read';
import { requireViewer, type Context } from '../core/context';
import { internalEventsHiddenSql, maySeeInternalComments } from './ticket.transitions';
import type { Ticket } from './ticket.entity';
import { findVisibleTickets } from './ticket.service';

/** Tickets by id that the viewer sees (the ticket policy), one batch per request: null for the others. */
export const visibleTicketLoader = (ctx: Context) =>
  ctx.loader<string, Ticket | null>('visibleTicketById', async (ids) => {
    const rows = await findVisibleTickets(ctx.em, requireViewer(ctx), [...ids]);
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });

/** Most events `history(last:)` returns, and what it returns when `last` is not given. */
export const MAX_HISTORY = 200;

/** How many events `history(last:)` reads; null when `last` is outside 1 to MAX_HISTORY (or not an integer). */
export function historySize(last: unknown): number | null {
  const n = last == null ? MAX_HISTORY : last;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_HISTORY ? n : null;
}

/**
 * A ticket's last `n` events as a child list of the ticket's own statement (the `(ticket_id, seq)`
 * index reads exactly them): all of them, or without those about internal objects (`mayReadEvent`).
 */
export function historyList(n: number, withInternal: boolean): ChildList {
  return {
    key: `history:${n}:${withInternal ? 'all' : 'public'}`,
    entity: 'TicketEvent',
    where: (e, t) => `${e}.ticket_id = ${t}.id and ${e}.seq > ${t}.event_count - ${n}${withInternal ? '' : ` and ${internalEventsHiddenSql(e)}`}`,
    orderBy: ['seq'],
  };
}

bringListWith('Ticket', 'history', (args, context) => {
  const n = historySize(args.last);
  return n === null || !context ? null : historyList(n, maySeeInternalComments(requireViewer(context as Context)));
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
