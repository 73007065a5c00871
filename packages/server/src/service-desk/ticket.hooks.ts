import type { EntityManager } from '@mikro-orm/postgresql';
import type { TicketEvent } from './ticket-event.entity';
import type { Ticket } from './ticket.entity';

/** Runs inside the transition's transaction: what it writes commits (or rolls back) with it. */
export type StatusChangeListener = (em: EntityManager, ticket: Ticket, event: TicketEvent) => Promise<void> | void;

const listeners: StatusChangeListener[] = [];

/** Other modules react to status changes (e.g. webhooks to the filing application) without the desk knowing them. */
export function onTicketStatusChange(listener: StatusChangeListener): void {
  listeners.push(listener);
}

export async function notifyStatusChange(em: EntityManager, ticket: Ticket, event: TicketEvent): Promise<void> {
  if (event.fromStatus === event.toStatus) return;
  for (const listener of listeners) await listener(em, ticket, event);
}
