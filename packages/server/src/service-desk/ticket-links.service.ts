/**
 * Links between tickets, the merge of a duplicate into its original, and parent/child: the
 * desk's rules for them, free of GraphQL. Who may: `mayLinkTickets` (access/policies). What
 * may be reached: only tickets the viewer sees (the ticket policy, through findVisibleTicket);
 * any other id gets the answer a ticket that does not exist gets (NOT_FOUND), so nothing leaks.
 */
import { TICKET_MESSAGES as M } from './ticket.messages';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { mayLinkTickets } from '../access/policies';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { TicketLink } from './ticket-link.entity';
import { Ticket } from './ticket.entity';
import { TicketErrorCode } from './ticket.errors';
import { DIRECTED_LINK_KINDS, TicketEventKind, TicketLinkKind, TicketTransition } from './ticket.enums';
import { notifyStatusChange, notifyTicketNotice } from './ticket.hooks';
import { actorOf, appendEvent, applyTransition, changeTicket, findVisibleTicket, loadTransitionParties } from './ticket.service';
import { assertMayFire, assertMaySee, assertNotFinished, type TicketSettings } from './ticket.transitions';

/* ---------- the rules ---------- */

export function assertMayLink(viewer: Viewer): void {
  if (!mayLinkTickets(viewer))
    throw new DomainError(TicketErrorCode.LINK_RESERVED_TO_SUPPORT, M.LINK_RESERVED_TO_SUPPORT());
}

function assertNotSelf(a: string, b: string, field: string): void {
  if (a === b) throw new DomainError(TicketErrorCode.TICKET_LINK_SELF, M.TICKET_LINK_SELF(), [field]);
}

/** The same answer for a ticket that does not exist and one the viewer may not see. */
const notFound = (field: string) => new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.ticket'](), [field]);

async function visibleOrNotFound(em: EntityManager, viewer: Viewer, id: string, field: string): Promise<Ticket> {
  const t = await findVisibleTicket(em, viewer, { id });
  if (!t) throw notFound(field);
  return t;
}

/** A RELATED link is one row per pair whichever way it was made: the smaller id first. */
function stored(fromId: string, toId: string, kind: TicketLinkKind): { from: string; to: string } {
  return kind === TicketLinkKind.RELATED && toId < fromId ? { from: toId, to: fromId } : { from: fromId, to: toId };
}

/**
 * Links of one directed kind, and parents, change one at a time (transaction-scoped advisory
 * locks), so two changes made at once in opposite directions cannot both pass the cycle check.
 * Taken first, before any ticket row is locked, and always in this order (links, then parents):
 * a change waiting for one never holds a row another change needs.
 */
const LINKS_OF = (kind: TicketLinkKind) => `ticket_link:${kind}`;
const PARENTS = 'ticket_parent';
async function serialise(em: EntityManager, ...keys: string[]): Promise<void> {
  for (const key of keys) await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [key]);
}

/** Whether `start` reaches `target` through links of `kind` (from → to). */
async function reaches(em: EntityManager, kind: TicketLinkKind, start: string, target: string): Promise<boolean> {
  const rows: unknown[] = await em.execute(
    `with recursive reach(id) as (
       select ?::uuid
       union
       select l.to_id from ticket_link l join reach r on l.from_id = r.id where l.kind = ?
     )
     select 1 from reach where id = ?::uuid limit 1`,
    [start, kind, target],
  );
  return rows.length > 0;
}

function assertNoLinkCycle(cycle: boolean, kind: TicketLinkKind): void {
  if (cycle)
    throw new DomainError(
      TicketErrorCode.TICKET_LINK_CYCLE,
      kind === TicketLinkKind.DUPLICATE_OF
        ? M['TICKET_LINK_CYCLE.duplicate']()
        : M['TICKET_LINK_CYCLE.cause'](),
      ['kind'],
    );
}

/** Whether `ancestor` is `ticket` itself or one of its ancestors (through parents). */
async function isAncestorOrSelf(em: EntityManager, ancestor: string, ticket: string): Promise<boolean> {
  const rows: unknown[] = await em.execute(
    `with recursive up(id, depth) as (
       select ?::uuid, 0
       union all
       select t.parent_id, up.depth + 1 from ticket t join up on t.id = up.id where t.parent_id is not null and up.depth < 1000
     )
     select 1 from up where id = ?::uuid limit 1`,
    [ticket, ancestor],
  );
  return rows.length > 0;
}

/* ---------- links ---------- */

export interface LinkResult {
  ticket: Ticket;
  other: Ticket;
  changed: boolean;
}

/**
 * Links two tickets the viewer sees. Linking twice is one link (the unique key); a directed
 * link that would close a cycle of its kind is refused. The tickets themselves do not change
 * (no version, no history event: the other ticket may be outside some of their readers' perimeter).
 */
export async function linkTickets(em: EntityManager, viewer: Viewer, ticketId: string, otherId: string, kind: TicketLinkKind): Promise<LinkResult> {
  assertMayLink(viewer);
  assertNotSelf(ticketId, otherId, 'otherTicketId');
  return em.transactional(async (tem) => {
    const directed = DIRECTED_LINK_KINDS.includes(kind);
    if (directed) await serialise(tem, LINKS_OF(kind));
    const ticket = await visibleOrNotFound(tem, viewer, ticketId, 'ticketId');
    const other = await visibleOrNotFound(tem, viewer, otherId, 'otherTicketId');
    const { from, to } = stored(ticketId, otherId, kind);
    if (directed) assertNoLinkCycle(await reaches(tem, kind, to, from), kind);
    const rows: unknown[] = await tem.execute(
      `insert into ticket_link (id, from_id, to_id, kind, created_by_id) values (?, ?, ?, ?, ?) on conflict on constraint ticket_link_from_to_kind_unique do nothing returning id`,
      [randomUUID(), from, to, kind, viewer.id],
    );
    return { ticket, other, changed: rows.length > 0 };
  });
}

/** Removes a link between two tickets the viewer sees; none of that kind: nothing changes. */
export async function unlinkTickets(em: EntityManager, viewer: Viewer, ticketId: string, otherId: string, kind: TicketLinkKind): Promise<LinkResult> {
  assertMayLink(viewer);
  assertNotSelf(ticketId, otherId, 'otherTicketId');
  const ticket = await visibleOrNotFound(em, viewer, ticketId, 'ticketId');
  const other = await visibleOrNotFound(em, viewer, otherId, 'otherTicketId');
  const { from, to } = stored(ticketId, otherId, kind);
  const removed = await em.nativeDelete(TicketLink, { from, to, kind });
  return { ticket, other, changed: removed > 0 };
}

/* ---------- merge ---------- */

/**
 * Merges the duplicate `id` into the original `intoId`, in one transaction holding both rows'
 * locks (taken in id order, so two merges of the same pair cannot deadlock): the duplicate is
 * closed by the MERGE transition with `mergedInto` set and a DUPLICATE_OF link; its comments and
 * files move to the original (a file whose bytes the original already has stays); its requester
 * and opening application become watchers of the original; its children become the original's.
 * Each ticket gets its event (MERGED_INTO, MERGED_FROM), told to the desk's listeners like any
 * other (webhooks, notifications, subscriptions through the database's triggers).
 */
export async function mergeTicket(em: EntityManager, viewer: Viewer, settings: TicketSettings, id: string, version: number, intoId: string, reason?: string | null) {
  assertMayLink(viewer);
  assertNotSelf(id, intoId, 'intoId');
  return em.transactional(async (tem) => {
    await serialise(tem, LINKS_OF(TicketLinkKind.DUPLICATE_OF), PARENTS);
    const locked = await tem.find(Ticket, { id: { $in: [id, intoId] } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true });
    const dup = locked.find((t) => t.id === id) ?? null;
    const into = locked.find((t) => t.id === intoId) ?? null;
    assertMaySee(viewer, dup);
    if (!into || !(await findVisibleTicket(tem, viewer, { id: intoId }))) throw notFound('intoId');
    if (dup.version !== version) {
      throw new DomainError(CoreErrorCode.CONFLICT, M['CONFLICT.staleVersion']({ sent: version, current: dup.version }), ['version']);
    }
    if (into.mergedInto)
      throw new DomainError(TicketErrorCode.TICKET_ALREADY_MERGED, M['TICKET_ALREADY_MERGED.into'](), ['intoId']);
    assertNotFinished(into);
    if (into.structure.id !== dup.structure.id)
      throw new DomainError(TicketErrorCode.MERGE_ACROSS_STRUCTURES, M.MERGE_ACROSS_STRUCTURES(), ['intoId']);
    await loadTransitionParties(tem, dup, actorOf(viewer));
    await dup.openedByApplication?.load();
    await into.openedByApplication?.load();
    const now = new Date();
    assertMayFire(viewer, dup, TicketTransition.MERGE, settings, now, reason);
    assertNoLinkCycle(await reaches(tem, TicketLinkKind.DUPLICATE_OF, intoId, id), TicketLinkKind.DUPLICATE_OF);
    if (await isAncestorOrSelf(tem, id, intoId))
      throw new DomainError(TicketErrorCode.TICKET_PARENT_CYCLE, M['TICKET_PARENT_CYCLE.merge'](), ['intoId']);

    // what moves: comments, then files (not those whose bytes the original already holds)
    const comments: { internal: boolean }[] = await tem.execute(`update ticket_comment set ticket_id = ? where ticket_id = ? returning internal`, [intoId, id]);
    const files: { internal: boolean; size: number }[] = await tem.execute(
      `update ticket_attachment a set ticket_id = ? where a.ticket_id = ? and not exists (select 1 from ticket_attachment b where b.ticket_id = ? and b.sha256 = a.sha256) returning a.internal, a.size`,
      [intoId, id, intoId],
    );
    const publicComments = comments.filter((c) => !c.internal).length;
    const publicFiles = files.filter((f) => !f.internal).length;
    const bytes = files.reduce((n, f) => n + Number(f.size), 0);
    into.commentCount += comments.length;
    into.publicCommentCount += publicComments;
    dup.commentCount -= comments.length;
    dup.publicCommentCount -= publicComments;
    into.attachmentCount += files.length;
    into.publicAttachmentCount += publicFiles;
    into.attachmentBytes += bytes;
    dup.attachmentCount -= files.length;
    dup.publicAttachmentCount -= publicFiles;
    dup.attachmentBytes -= bytes;

    // who followed the duplicate follows the original (the ticket policy's watchers)
    const followers = [...dup.watcherIds, dup.requester?.id, dup.openedByApplication?.id].filter((w): w is string => !!w);
    const own = new Set([into.requester?.id, into.openedByApplication?.id, ...into.watcherIds].filter(Boolean));
    const added = [...new Set(followers)].filter((w) => !own.has(w));
    if (added.length) into.watcherIds = [...into.watcherIds, ...added];

    // the duplicate's children are the original's now
    await tem.execute(`update ticket set parent_id = ? where parent_id = ? and id <> ?`, [intoId, id, intoId]);
    await tem.execute(`insert into ticket_link (id, from_id, to_id, kind, created_by_id) values (?, ?, ?, ?, ?) on conflict on constraint ticket_link_from_to_kind_unique do nothing`, [
      randomUUID(),
      id,
      intoId,
      TicketLinkKind.DUPLICATE_OF,
      viewer.id,
    ]);

    const actor = actorOf(viewer);
    const event = applyTransition(tem, dup, TicketTransition.MERGE, actor, now, reason, TicketEventKind.MERGED_INTO);
    dup.mergedInto = tem.getReference(Ticket, intoId, { wrapped: true });
    const intoEvent = appendEvent(tem, into, actor, now, { kind: TicketEventKind.MERGED_FROM, fromStatus: into.status, fromLevel: into.level, field: 'mergedFrom', reason });
    into.updatedAt = now;
    dup.version += 1;
    into.version += 1;
    await notifyStatusChange(tem, dup, event);
    await notifyTicketNotice(tem, into, intoEvent);
    await tem.flush();
    return { ticket: dup, into, event, intoEvent };
  });
}

/* ---------- parent ---------- */

/**
 * Sets (or clears, `parentId` null) the parent of a ticket the viewer sees, to a ticket they
 * see; never to itself or one of its descendants. Parents change one at a time (an advisory
 * lock, taken before the child's row), so two changes at once cannot make a cycle. The version is bumped; no history event
 * (the parent may be outside some of the child's readers' perimeter).
 */
export async function setParentTicket(em: EntityManager, viewer: Viewer, id: string, version: number, parentId: string | null) {
  assertMayLink(viewer);
  if (parentId) assertNotSelf(id, parentId, 'parentId');
  // the parents' lock before the child's row (changeTicket takes it inside this transaction)
  const { ticket } = await em.transactional(async (outer) => {
    await serialise(outer, PARENTS);
    return changeTicket(outer, viewer, id, version, async (tem, t) => {
      if (t.mergedInto) throw new DomainError(TicketErrorCode.TICKET_ALREADY_MERGED, M.TICKET_ALREADY_MERGED(), ['id']);
      if (!parentId) {
        t.parent = null;
        return;
      }
      const parent = await visibleOrNotFound(tem, viewer, parentId, 'parentId');
      if (parent.mergedInto)
        throw new DomainError(TicketErrorCode.TICKET_ALREADY_MERGED, M['TICKET_ALREADY_MERGED.parent'](), ['parentId']);
      if (await isAncestorOrSelf(tem, id, parentId))
        throw new DomainError(TicketErrorCode.TICKET_PARENT_CYCLE, M.TICKET_PARENT_CYCLE(), ['parentId']);
      t.parent = tem.getReference(Ticket, parentId, { wrapped: true });
    });
  });
  return { ticket };
}
