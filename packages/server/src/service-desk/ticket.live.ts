import type { EntityManager } from '@mikro-orm/postgresql';
import { objectFromRow, readMany } from '../core/read';
import { TicketEvent } from './ticket-event.entity';
import { Ticket } from './ticket.entity';
import type { TicketChangedMessage } from './ticket.types';

/** A change as read from the database: the ticket now, and the event it records (if any). */
export interface ReadChange {
  ticket: Ticket | null;
  event: TicketEvent | null;
}

/**
 * One read per change per instance, shared by every subscriber of this instance: the
 * event bus hands all of its listeners the same message object, so the read is keyed on
 * that object and lives exactly as long as the message does (no clock, no eviction).
 * Each subscriber then decides visibility in memory, with the ticket policy's `holds`.
 */
const reads = new WeakMap<TicketChangedMessage, ReadChange | Promise<ReadChange>>();

/**
 * The change for this message, the same for every subscriber of the instance: at once from the
 * rows the notification carries, else read once (a promise).
 */
export function readChange(em: EntityManager, m: TicketChangedMessage): ReadChange | Promise<ReadChange> {
  let read = reads.get(m);
  if (!read) {
    const fork = em.fork();
    read = carried(fork, m) ?? load(fork, m);
    // a failed read is not kept: the next subscriber asks again
    if (read instanceof Promise) read.catch(() => reads.delete(m));
    reads.set(m, read);
  }
  return read;
}

/**
 * The change as its notification carries it, the same objects a read brings (the event with its
 * ticket and actor embedded): a burst's deliveries no longer wait for a read that waited behind
 * the instance's other work. Null when the notification carries no rows (too large for one) or
 * rows of another shape: the change is read.
 */
function carried(em: EntityManager, m: TicketChangedMessage): ReadChange | null {
  const rows = m.rows;
  if (!rows?.ticket) return null;
  if (!m.eventId) {
    const ticket = objectFromRow(em, Ticket, rows.ticket);
    return ticket ? { ticket, event: null } : null;
  }
  if (!rows.event) return null;
  const event = objectFromRow(em, TicketEvent, rows.event, { ticket: rows.ticket, actor: rows.actor });
  return event ? { ticket: event.ticket.getEntity(), event } : null;
}

/** Through the read path: one statement, no entities hydrated (subscribers only read the change). */
async function load(em: EntityManager, m: TicketChangedMessage): Promise<ReadChange> {
  if (m.eventId) {
    // the actor comes along, so subscribers selecting it do not each ask for it
    const [event] = await readMany(em, TicketEvent, { id: m.eventId }, { relations: { ticket: {}, actor: {}, actorApplication: {} } });
    if (event) return { ticket: event.ticket.getEntity(), event };
  }
  const [ticket] = await readMany(em, Ticket, { id: m.ticketId });
  return { ticket: ticket ?? null, event: null };
}
