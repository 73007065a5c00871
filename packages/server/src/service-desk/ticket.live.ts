import type { EntityManager } from '@mikro-orm/postgresql';
import { objectFromRow, readMany } from '../core/read';
import { TicketComment } from './ticket-comment.entity';
import { TicketEvent } from './ticket-event.entity';
import { Ticket } from './ticket.entity';
import { TicketEventKind } from './ticket.enums';
import { INTERNAL_COMMENT_FIELD } from './ticket.transitions';
import type { TicketChangedMessage } from './ticket.types';

/**
 * A change as read from the database: the ticket now, and the event it records (if any). A
 * comment written on its own is told as a COMMENT_ADDED event that no history stores.
 */
export interface ReadChange {
  ticket: Ticket | null;
  event: TicketEvent | null;
}

/**
 * The live COMMENT_ADDED event of a comment written on its own: the ticket as it stands after
 * it, the comment's author and time; `field` says internal or public (mayReadEvent reads it).
 */
export function commentEvent(ticket: Ticket, comment: TicketComment): TicketEvent {
  const event = Object.create(TicketEvent.prototype) as TicketEvent;
  const values: Record<string, unknown> = {
    id: comment.id,
    createdAt: comment.createdAt,
    updatedAt: comment.createdAt,
    ticket: comment.ticket,
    seq: ticket.eventCount,
    kind: TicketEventKind.COMMENT_ADDED,
    transition: null,
    actor: comment.author ?? null,
    actorApplication: comment.authorApplication ?? null,
    fromStatus: ticket.status,
    toStatus: ticket.status,
    fromLevel: ticket.level,
    toLevel: ticket.level,
    field: comment.internal ? INTERNAL_COMMENT_FIELD : 'comment',
    oldValue: null,
    newValue: null,
    reason: null,
    comment,
  };
  // data properties over the class's: MikroORM's accessors must not run on an object it does not manage
  for (const [name, value] of Object.entries(values)) Object.defineProperty(event, name, { value, writable: true, enumerable: true, configurable: true });
  return event;
}

/** The comment a live event tells (COMMENT_ADDED), or null. */
export function commentOf(event: TicketEvent): TicketComment | null {
  return (event as TicketEvent & { comment?: TicketComment }).comment ?? null;
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
    if (!ticket) return null;
    if (!m.commentId || !m.standalone) return { ticket, event: null };
    const comment = rows.comment ? objectFromRow(em, TicketComment, rows.comment, { ticket: rows.ticket }) : null;
    return comment ? { ticket, event: commentEvent(ticket, comment) } : null;
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
  if (m.commentId && m.standalone) {
    // the comment brings its ticket along, as an event does
    const [comment] = await readMany(em, TicketComment, { id: m.commentId }, { relations: { ticket: {} } });
    if (comment) {
      const ticket = comment.ticket.getEntity();
      return { ticket, event: commentEvent(ticket, comment) };
    }
  }
  const [ticket] = await readMany(em, Ticket, { id: m.ticketId });
  return { ticket: ticket ?? null, event: null };
}
