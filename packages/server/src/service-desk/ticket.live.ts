import type { EntityManager } from '@mikro-orm/postgresql';
import { readMany } from '../core/read';
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
const reads = new WeakMap<TicketChangedMessage, Promise<ReadChange>>();

/** The change as read once for this message; every subscriber of the instance gets the same promise. */
export function readChange(em: EntityManager, m: TicketChangedMessage): Promise<ReadChange> {
  let read = reads.get(m);
  if (!read) {
    read = load(em.fork(), m);
    // a failed read is not kept: the next subscriber asks again
    read.catch(() => reads.delete(m));
    reads.set(m, read);
  }
  return read;
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
