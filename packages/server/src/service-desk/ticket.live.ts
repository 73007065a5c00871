import type { EntityManager } from '@mikro-orm/postgresql';
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

async function load(em: EntityManager, m: TicketChangedMessage): Promise<ReadChange> {
  if (m.eventId) {
    // the actor comes along, so subscribers selecting it do not each ask for it
    const event = await em.findOne(TicketEvent, { id: m.eventId }, { populate: ['ticket', 'actor', 'actorApplication'] });
    if (event) return { ticket: event.ticket.getEntity(), event };
  }
  return { ticket: await em.findOne(Ticket, { id: m.ticketId }), event: null };
}
