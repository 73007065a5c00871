import type { EntityManager } from '@mikro-orm/postgresql';
import type { TicketComment } from './ticket-comment.entity';
import type { TicketEvent } from './ticket-event.entity';
import type { Ticket } from './ticket.entity';

/** Runs as the transition is decided: what it creates or changes through `em` is written with it, atomically (it may read; it must not flush). */
export type StatusChangeListener = (em: EntityManager, ticket: Ticket, event: TicketEvent) => Promise<void> | void;

const listeners = new Set<StatusChangeListener>();

/** Other modules react to status changes (e.g. webhooks to the filing application) without the desk knowing them. */
export function onTicketStatusChange(listener: StatusChangeListener): void {
  listeners.add(listener);
}

export async function notifyStatusChange(em: EntityManager, ticket: Ticket, event: TicketEvent): Promise<void> {
  if (event.fromStatus === event.toStatus) return;
  for (const listener of listeners) await listener(em, ticket, event);
}

/* ---------- comments ---------- */

/** A comment written on a ticket (public or internal), inside the transaction that writes it (it may read; it must not flush). */
export type TicketCommentListener = (em: EntityManager, ticket: Ticket, comment: TicketComment) => Promise<void> | void;
const commentListeners = new Set<TicketCommentListener>();

/** E.g. integration sends a public comment to the application that filed the ticket. */
export function onTicketComment(listener: TicketCommentListener): void {
  commentListeners.add(listener);
}

export async function notifyTicketComment(em: EntityManager, ticket: Ticket, comment: TicketComment): Promise<void> {
  for (const listener of commentListeners) await listener(em, ticket, comment);
}

/* ---------- changes made through recordOnTicket and at opening ---------- */

/** An event recorded by another module through ticket.service `recordOnTicket` (service levels, known errors); inside its transaction. */
export type TicketNoticeListener = (em: EntityManager, ticket: Ticket, event: TicketEvent) => Promise<void> | void;
const noticeListeners = new Set<TicketNoticeListener>();

/** E.g. integration tells the filing application by webhook. */
export function onTicketNotice(listener: TicketNoticeListener): void {
  noticeListeners.add(listener);
}

export async function notifyTicketNotice(em: EntityManager, ticket: Ticket, event: TicketEvent): Promise<void> {
  for (const listener of noticeListeners) await listener(em, ticket, event);
}

/** What an opening listener asks the desk to record on the new ticket (the desk writes the events). */
export interface TicketNote {
  field: string;
  oldValue?: string | null;
  newValue?: string | null;
  reason?: string | null;
}

/** Runs inside the opening transaction, after the ticket row is created: e.g. known errors link the ticket to a matching anomaly. */
export type TicketOpenedListener = (em: EntityManager, ticket: Ticket) => Promise<TicketNote[]> | TicketNote[];
const openedListeners = new Set<TicketOpenedListener>();

export function onTicketOpened(listener: TicketOpenedListener): void {
  openedListeners.add(listener);
}

export async function notifyTicketOpened(em: EntityManager, ticket: Ticket): Promise<TicketNote[]> {
  const notes: TicketNote[] = [];
  for (const listener of openedListeners) notes.push(...(await listener(em, ticket)));
  return notes;
}
