/**
 * The service desk's rules and data access, free of GraphQL: plain arguments in (viewer,
 * raw ids, inputs), entities or DomainErrors out. Every change to a ticket checks the
 * client's version, asks ticket.transitions whether it is allowed, appends history events
 * and is written atomically (see changeTicket).
 */
import { LockMode, raw, Reference, UniqueConstraintViolationException, wrap, type EntityManager, type Ref, type FilterQuery, type QueryOrderMap } from '@mikro-orm/postgresql';
import { ApplicationClient } from '../access/application-client.entity';
import { scopeFilter, ticketScope } from '../access/policies';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { decodeOptionalId } from '../core/ids';
import { countEach } from '../core/read';
import { writeAtOnce } from '../core/write';
import { Role } from '../core/roles';
import { pgArray, sqlList, sqlLiteral } from '../core/sql';
import { likeContains } from '../core/text';
import { SupportLevel } from '../directory/directory.enums';
import { Person } from '../directory/person.entity';
import { rolesOf, runningAssignmentsOf } from '../directory/directory.service';
import { TicketApplication, TicketDomain } from './reference-data.entity';
import { TicketComment } from './ticket-comment.entity';
import { TicketEvent } from './ticket-event.entity';
import { FRENCH_DOCUMENT, TICKET_SEARCH_DOCUMENT, TICKET_SEARCH_QUERY, Ticket } from './ticket.entity';
import { TicketErrorCode } from './ticket.errors';
import { FIRST_RESPONSE_TRANSITIONS, RESOLVED_STATUSES, SortDirection, TicketEventKind, TicketImpact, TicketNature, TicketOrderField, TicketStatus, TicketTransition, WITH_SUPPORT_STATUSES } from './ticket.enums';
import { notifyStatusChange, notifyTicketComment, notifyTicketNotice, notifyTicketOpened } from './ticket.hooks';
import {
  assertMayAssign,
  assertMayComment,
  assertMayEdit,
  assertMayFire,
  assertMayOpenFor,
  assertMayRate,
  assertMaySee,
  INTERNAL_ATTACHMENT_FIELD,
  maySeeInternalComments,
  TRANSITIONS,
  type TicketSettings,
} from './ticket.transitions';
import { TICKET_MESSAGES as M } from './ticket.messages';

/* ---------- references ---------- */

/**
 * The next references, numbered by the `ticket_reference_seq` sequence and formatted by
 * PostgreSQL — on the caller's transaction connection (em.execute), never a second one.
 */
export async function nextReferences(em: EntityManager, n = 1): Promise<string[]> {
  const rows: { reference: string }[] = await em.execute(`select 'FSD-' || to_char(now() at time zone 'Europe/Paris', 'YYYY') || '-' || lpad(nextval('ticket_reference_seq')::text, 6, '0') as reference from generate_series(1, ?)`, [n]);
  return rows.map((r) => r.reference);
}

/* ---------- visibility ---------- */

/** The ticket policy of the access module as a filter: every list and lookup of tickets goes through it. */
export function visibleTicketsWhere(viewer: Viewer): FilterQuery<Ticket> {
  return scopeFilter(ticketScope(viewer)) as FilterQuery<Ticket>;
}

export async function findVisibleTicket(em: EntityManager, viewer: Viewer, where: { id: string } | { reference: string }): Promise<Ticket | null> {
  return em.findOne(Ticket, { $and: [where, visibleTicketsWhere(viewer)] });
}

export async function findVisibleTickets(em: EntityManager, viewer: Viewer, ids: string[]): Promise<Ticket[]> {
  return ids.length ? em.find(Ticket, { $and: [{ id: { $in: ids } }, visibleTicketsWhere(viewer)] }) : [];
}

/* ---------- lists ---------- */

export interface TicketListFilter {
  search?: string | null;
  status?: TicketStatus[] | null;
  level?: SupportLevel[] | null;
  nature?: TicketNature | null;
  domain?: string[] | null;
  application?: string[] | null;
  structureId?: string | null;
  assigneeId?: string | null;
  requesterId?: string | null;
  unassigned?: boolean | null;
  openedFrom?: Date | null;
  openedTo?: Date | null;
  updatedFrom?: Date | null;
  updatedTo?: Date | null;
}

/** A ticket filter as the API takes it (`TicketFilter`, global ids), its ids decoded (INVALID_ID names the field). */
export function decodeTicketFilter(filter: (Omit<TicketListFilter, 'structureId' | 'assigneeId' | 'requesterId'> & { structureId?: string | null; assigneeId?: string | null; requesterId?: string | null }) | null | undefined): TicketListFilter {
  return {
    ...filter,
    structureId: decodeOptionalId(filter?.structureId, 'Structure', 'structureId'),
    assigneeId: decodeOptionalId(filter?.assigneeId, 'Person', 'assigneeId'),
    requesterId: decodeOptionalId(filter?.requesterId, 'Person', 'requesterId'),
  };
}

export function ticketsWhere(viewer: Viewer, f: TicketListFilter = {}): FilterQuery<Ticket> {
  const and: FilterQuery<Ticket>[] = [visibleTicketsWhere(viewer)];
  const q = f.search?.trim();
  if (q) {
    const like = likeContains(q);
    and.push({
      $or: [
        { [raw((a: string) => `${TICKET_SEARCH_DOCUMENT(a)} @@ ${TICKET_SEARCH_QUERY}`, [q])]: [] },
        { reference: { $ilike: like } },
        { errorMessage: { $ilike: like } },
        // comments too: public ones for everybody who sees the ticket, internal ones for the support levels
        {
          [raw(
            (a: string) =>
              `exists (select 1 from ticket_comment c where c.ticket_id = ${a}.id${maySeeInternalComments(viewer) ? '' : ' and not c.internal'} and ${FRENCH_DOCUMENT('c.body')} @@ ${TICKET_SEARCH_QUERY})`,
            [q],
          )]: [],
        },
      ],
    } as FilterQuery<Ticket>);
  }
  if (f.status?.length) and.push({ status: { $in: f.status } });
  if (f.level?.length) and.push({ level: { $in: f.level } });
  if (f.nature) and.push({ nature: f.nature });
  if (f.domain?.length) and.push({ domain: { code: { $in: f.domain } } });
  if (f.application?.length) and.push({ application: { code: { $in: f.application } } });
  if (f.structureId) and.push({ structure: f.structureId });
  if (f.assigneeId) and.push({ assignee: f.assigneeId });
  if (f.unassigned) and.push({ assignee: null });
  if (f.requesterId) and.push({ requester: f.requesterId });
  if (f.openedFrom) and.push({ createdAt: { $gte: f.openedFrom } });
  if (f.openedTo) and.push({ createdAt: { $lt: f.openedTo } });
  if (f.updatedFrom) and.push({ updatedAt: { $gte: f.updatedFrom } });
  if (f.updatedTo) and.push({ updatedAt: { $lt: f.updatedTo } });
  return { $and: and };
}

/**
 * How many tickets of the viewer's perimeter each filter holds, in one statement: the count
 * `tickets(filter:)` gives as its `totalCount` (e.g. the badges of a sidebar's saved views).
 */
export function countTickets(em: EntityManager, viewer: Viewer, filters: readonly TicketListFilter[]): Promise<number[]> {
  return countEach(em, Ticket, filters.map((f) => ticketsWhere(viewer, f)));
}

export function ticketOrder(field: TicketOrderField = TicketOrderField.UPDATED_AT, direction: SortDirection = SortDirection.DESC): QueryOrderMap<Ticket> {
  const d = direction === SortDirection.ASC ? 'asc' : 'desc';
  if (field === TicketOrderField.CREATED_AT) return { createdAt: d, id: d };
  if (field === TicketOrderField.PRIORITY) return { priority: d, updatedAt: d, id: d };
  return { updatedAt: d, id: d };
}

/* ---------- reference data ---------- */

async function activeApplication(em: EntityManager, code: string) {
  const a = await em.findOne(TicketApplication, { code, active: true });
  if (!a) throw new DomainError(TicketErrorCode.UNKNOWN_APPLICATION, M['UNKNOWN_APPLICATION.code']({ code }), ['application']);
  return a;
}

async function activeDomain(em: EntityManager, code: string) {
  const d = await em.findOne(TicketDomain, { code, active: true });
  if (!d) throw new DomainError(TicketErrorCode.UNKNOWN_DOMAIN, M['UNKNOWN_DOMAIN.code']({ code }), ['domain']);
  return d;
}

/* ---------- history ---------- */

export interface Actor {
  personId: string | null;
  applicationId: string | null;
  /** The acting person's email when the credentials told it: an event naming them need not read them. */
  email?: string | null;
}
/** The platform itself (service-level job, known-error notices): no person, no application. */
export const PLATFORM: Actor = { personId: null, applicationId: null };
export const actorOf = (viewer: Viewer): Actor =>
  viewer.kind === 'APPLICATION' ? { personId: null, applicationId: viewer.id } : { personId: viewer.id, applicationId: null, email: viewer.email };

/** Appends one event to a ticket's history (numbering it) and returns it. */
export function appendEvent(
  em: EntityManager,
  t: Ticket,
  actor: Actor,
  at: Date,
  e: { kind: TicketEventKind; transition?: TicketTransition | null; fromStatus?: TicketStatus | null; fromLevel?: SupportLevel | null; field?: string | null; oldValue?: string | null; newValue?: string | null; reason?: string | null },
): TicketEvent {
  t.eventCount += 1;
  return em.create(TicketEvent, {
    ticket: t,
    seq: t.eventCount,
    kind: e.kind,
    transition: e.transition ?? null,
    actor: actor.personId ? em.getReference(Person, actor.personId) : null,
    actorApplication: actor.applicationId ? em.getReference(ApplicationClient, actor.applicationId) : null,
    fromStatus: e.fromStatus ?? null,
    toStatus: t.status,
    fromLevel: e.fromLevel ?? null,
    toLevel: t.level,
    field: e.field ?? null,
    oldValue: e.oldValue ?? null,
    newValue: e.newValue ?? null,
    reason: e.reason?.trim() || null,
    createdAt: at,
    updatedAt: at,
  });
}

/**
 * How a history event writes a person: their email, the form every event uses (ASSIGNED,
 * TRANSITION, …) so old and new values read alike. The person must be loaded — see
 * loadTransitionParties; a bare reference would leave us with only a UUID — unless it is the
 * actor, whose email the credentials gave.
 */
export function personLabel(p: Ref<Person> | Person | null | undefined, actor?: Actor): string | null {
  if (!p) return null;
  if (actor?.email && p.id === actor.personId) return actor.email;
  const entity = Reference.isReference(p) ? p.unwrap() : p;
  if (!wrap(entity).isInitialized()) throw new Error(`personLabel: person ${entity.id} is not loaded; load the transition's parties first.`);
  return entity.email;
}

/**
 * Loads what applyTransition labels in its event (the current assignee, who escalated,
 * the acting person unless the credentials gave their email) into the caller's EntityManager, so the synchronous applyTransition
 * writes emails. One statement per missing person; nothing when all are loaded.
 */
export async function loadTransitionParties(em: EntityManager, t: Ticket, actor: Actor): Promise<void> {
  const ids = [t.assignee?.id, t.escalatedBy?.id, actor.email ? undefined : (actor.personId ?? undefined)].filter((id): id is string => !!id);
  const missing = [...new Set(ids)].filter((id) => {
    const loaded = em.getUnitOfWork().getById<Person>(Person.name, id);
    return !loaded || !wrap(loaded).isInitialized();
  });
  if (missing.length) await em.find(Person, { id: { $in: missing } });
}

/**
 * Applies a transition of the table to the row (status, level, nature, assignee,
 * counters, timestamps) and appends its event. No rule is checked here: callers check
 * `assertMayFire` first (the demo loader replays known-good histories). The people the
 * event names must be loaded (loadTransitionParties): an assignee change is written as
 * emails, old and new alike.
 */
export function applyTransition(em: EntityManager, t: Ticket, transition: TicketTransition, actor: Actor, at: Date, reason?: string | null, kind: TicketEventKind = TicketEventKind.TRANSITION): TicketEvent {
  const rule = TRANSITIONS[transition];
  const fromStatus = t.status;
  const fromLevel = t.level;
  const oldAssignee = t.assignee ?? null;
  t.status = rule.to;
  const effect = rule.effect ?? {};
  if (effect.level) t.level = effect.level;
  if (effect.nature) t.nature = effect.nature;
  if (effect.assignee === null) t.assignee = null;
  if (effect.assignee === 'ACTOR' && actor.personId) t.assignee = em.getReference(Person, actor.personId, { wrapped: true });
  if (effect.assignee === 'ESCALATED_BY') t.assignee = t.escalatedBy ?? null;
  switch (transition) {
    case TicketTransition.SUBMIT:
      t.submittedAt = at;
      break;
    case TicketTransition.TAKE:
      t.takenAt ??= at;
      break;
    case TicketTransition.ESCALATE:
      t.escalationCount += 1;
      t.escalatedBy = actor.personId ? em.getReference(Person, actor.personId, { wrapped: true }) : null;
      break;
    case TicketTransition.TRANSFER_TO_TECHNICAL:
    case TicketTransition.TRANSFER_TO_FUNCTIONAL:
      t.transferCount += 1;
      break;
    case TicketTransition.RESOLVE:
      t.resolvedAt = at;
      t.closedAt = null;
      break;
    case TicketTransition.CLOSE:
    case TicketTransition.MERGE:
      t.closedAt = at;
      break;
    case TicketTransition.REOPEN:
      t.reopenCount += 1;
      t.closedAt = null;
      // each resolution is rated once (as JSM and Zammad do): the next one starts unrated,
      // the earlier rating stays in the history (its RATED event)
      t.satisfactionScore = null;
      t.satisfactionComment = null;
      break;
  }
  t.updatedAt = at;
  const newAssignee = t.assignee ?? null;
  const assigneeChanged = (oldAssignee?.id ?? null) !== (newAssignee?.id ?? null);
  return appendEvent(em, t, actor, at, {
    kind,
    transition,
    fromStatus,
    fromLevel,
    reason,
    field: assigneeChanged ? 'assignee' : null,
    oldValue: assigneeChanged ? personLabel(oldAssignee, actor) : null,
    newValue: assigneeChanged ? personLabel(newAssignee, actor) : null,
  });
}

/**
 * How many writes of one statement a change tries when other writers move the ticket meanwhile
 * without changing its version (a comment, a platform notice); then it is decided under the row
 * lock, where nothing moves it (comments landing faster than it decides made it lose every time).
 * A setting so that a test can make the ticket outrun a change in one move.
 */
export const redecisions = { limit: 10 };

/**
 * Runs `work` on the ticket after checking that the viewer sees it and that `version` is the
 * current one; bumps the version. By default the change is written in one statement once
 * decided (core/write.ts): the ticket is read without a lock, and the write holds only if no
 * other writer moved it meanwhile (its version, and the counters the change adds to);
 * otherwise the change is decided again on a fresh read, where a moved version is CONFLICT.
 * After `redecisions.limit` lost writes it is decided once more under the row lock, which
 * waits its turn among the comments and cannot lose (a moved version is still CONFLICT there).
 * `work` then only creates and changes entities (no flush). `locked`: for work that must
 * flush or remove as it goes (another module's records), the whole change runs in one
 * transaction holding the ticket's row lock (SELECT … FOR UPDATE), as inside a caller's
 * transaction. Either way two agents sending the same version: the second gets CONFLICT.
 */
export async function changeTicket<T>(em: EntityManager, viewer: Viewer, id: string, version: number, work: (em: EntityManager, t: Ticket) => Promise<T> | T, { locked = false } = {}): Promise<{ ticket: Ticket; result: T }> {
  const decide = async (tem: EntityManager, t: Ticket | null) => {
    assertMaySee(viewer, t);
    if (t.version !== version) {
      throw new DomainError(CoreErrorCode.CONFLICT, M['CONFLICT.staleVersion']({ sent: version, current: t.version }), ['version']);
    }
    const result = await work(tem, t);
    t.version += 1;
    return { ticket: t, result };
  };
  const underLock = () =>
    em.transactional(async (tem) => {
      const done = await decide(tem, await tem.findOne(Ticket, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }));
      await tem.flush();
      return done;
    });
  if (locked || em.isInTransaction()) return underLock();
  for (let attempt = 1; attempt <= redecisions.limit; attempt++) {
    const tem = em.fork();
    const done = await decide(tem, await tem.findOne(Ticket, { id }));
    if (await writeAtOnce(tem, { entity: done.ticket, props: ['version'] })) return done;
  }
  // each fork's lost work was dropped with it: the locked pass decides from a fresh read
  return underLock();
}

/* ---------- opening ---------- */

export interface OpenTicketData {
  structureId?: string | null;
  requesterId?: string | null;
  application: string;
  domain: string;
  nature: TicketNature;
  title: string;
  description: string;
  errorMessage?: string | null;
  impact: TicketImpact;
  priority: number;
  flowId?: string | null;
  documentNumbers?: string[] | null;
  relatedTicketIds?: string[] | null;
  clientRequestId?: string | null;
  draft?: boolean | null;
}

/** Where a ticket goes when the caller names no structure: their only one, or a CCA's home structure when they are CCA there. */
function defaultStructureOf(viewer: Viewer): string | null {
  const own = viewer.kind === 'PERSON' ? viewer.ccaStructureIds : viewer.applicationStructureIds;
  if (own.length === 1) return own[0];
  if (viewer.kind === 'PERSON' && viewer.structureId && own.includes(viewer.structureId)) return viewer.structureId;
  return own.length ? null : viewer.structureId;
}

export async function openTicket(em: EntityManager, viewer: Viewer, settings: TicketSettings, input: OpenTicketData): Promise<{ ticket: Ticket; created: boolean }> {
  const structureId = input.structureId ?? defaultStructureOf(viewer);
  if (!structureId) throw new DomainError(CoreErrorCode.REQUIRED, M['REQUIRED.structure'](), ['structureId']);
  assertMayOpenFor(viewer, structureId);
  const actor = actorOf(viewer);
  if (viewer.kind === 'APPLICATION' && input.clientRequestId) {
    const existing = await em.findOne(Ticket, { openedByApplication: viewer.id, clientRequestId: input.clientRequestId });
    if (existing) return { ticket: existing, created: false };
  }
  // one after the other: the caller may hold a transaction (one connection), e.g. chatbot convertTicketRequest
  const application = await activeApplication(em, input.application);
  const domain = await activeDomain(em, input.domain);
  let requesterId: string | null = viewer.kind === 'PERSON' ? viewer.id : null;
  if (input.requesterId) {
    const requester = await em.findOne(Person, { id: input.requesterId, active: true });
    if (!requester || requester.structure.id !== structureId)
      throw new DomainError(TicketErrorCode.REQUESTER_NOT_IN_STRUCTURE, M.REQUESTER_NOT_IN_STRUCTURE(), ['requesterId']);
    requesterId = requester.id;
  }
  const related = input.relatedTicketIds?.length ? (await findVisibleTickets(em, viewer, [...new Set(input.relatedTicketIds)])).map((t) => t.id) : [];
  try {
    const ticket = await em.transactional(async (tem) => {
      const [reference] = await nextReferences(tem);
      const now = new Date();
      const t = tem.create(Ticket, {
        reference,
        application,
        domain,
        nature: input.nature,
        title: input.title.trim(),
        description: input.description,
        errorMessage: input.errorMessage?.trim() || null,
        impact: input.impact,
        priority: input.priority,
        requester: requesterId ? tem.getReference(Person, requesterId) : null,
        structure: structureId,
        openedBy: actor.personId ? tem.getReference(Person, actor.personId) : null,
        openedByApplication: actor.applicationId ?? null,
        clientRequestId: viewer.kind === 'APPLICATION' ? (input.clientRequestId ?? null) : null,
        status: TicketStatus.NEW,
        level: input.nature === TicketNature.TECHNICAL ? SupportLevel.TECHNICAL : SupportLevel.SN1,
        flowId: input.flowId?.trim() || null,
        documentNumbers: (input.documentNumbers ?? []).map((d) => d.trim()).filter(Boolean),
        relatedTicketIds: related,
        createdAt: now,
        updatedAt: now,
      });
      appendEvent(tem, t, actor, now, { kind: TicketEventKind.OPENED });
      if (!input.draft) {
        assertMayFire(viewer, t, TicketTransition.SUBMIT, settings, now);
        applyTransition(tem, t, TicketTransition.SUBMIT, actor, now);
      }
      for (const note of await notifyTicketOpened(tem, t)) {
        appendEvent(tem, t, PLATFORM, now, { kind: TicketEventKind.FIELD_CHANGED, fromStatus: t.status, fromLevel: t.level, ...note });
      }
      t.version = t.eventCount;
      await tem.flush();
      return t;
    });
    return { ticket, created: true };
  } catch (e) {
    // the same application request raced with itself: the other call created it
    if (e instanceof UniqueConstraintViolationException && viewer.kind === 'APPLICATION' && input.clientRequestId) {
      const existing = await em.fork().findOne(Ticket, { openedByApplication: viewer.id, clientRequestId: input.clientRequestId });
      if (existing) return { ticket: await em.findOneOrFail(Ticket, existing.id), created: false };
    }
    throw e;
  }
}

/* ---------- transitions ---------- */

export async function fireTransition(em: EntityManager, viewer: Viewer, settings: TicketSettings, id: string, version: number, transition: TicketTransition, reason?: string | null) {
  const { ticket, result: event } = await changeTicket(em, viewer, id, version, async (tem, t) => {
    // what the change reads first (the people its event names, the application that filed the
    // ticket, which status-change listeners tell), then its time: the moment it is decided and written
    await loadTransitionParties(tem, t, actorOf(viewer));
    await t.openedByApplication?.load();
    const now = new Date();
    assertMayFire(viewer, t, transition, settings, now, reason);
    const event = applyTransition(tem, t, transition, actorOf(viewer), now, reason);
    // the question, the answer and the resolution are also public comments the CCA reads
    const comment = reason?.trim() && TRANSITIONS[transition].publicReason ? addCommentRow(tem, t, actorOf(viewer), reason.trim(), false, now) : null;
    await notifyStatusChange(tem, t, event);
    if (comment) await notifyTicketComment(tem, t, comment);
    return event;
  });
  return { ticket, event };
}

/* ---------- edits ---------- */

export interface UpdateTicketData {
  title?: string | null;
  description?: string | null;
  errorMessage?: string | null;
  priority?: number | null;
  impact?: TicketImpact | null;
  domain?: string | null;
  application?: string | null;
  flowId?: string | null;
  documentNumbers?: string[] | null;
}

export async function updateTicket(em: EntityManager, viewer: Viewer, id: string, version: number, input: UpdateTicketData) {
  const { ticket, result: events } = await changeTicket(em, viewer, id, version, async (tem, t) => {
    assertMayEdit(viewer, t);
    const changes: [string, string | null, string | null, () => void][] = [];
    const text = (field: 'title' | 'description' | 'errorMessage' | 'flowId', value: string | null | undefined) => {
      if (value === undefined || value === null) return;
      const v = field === 'description' ? value : value.trim() || null;
      if ((t[field] ?? null) !== v) changes.push([field, t[field] ?? null, v, () => ((t as unknown as Record<string, unknown>)[field] = v)]);
    };
    text('title', input.title);
    text('description', input.description);
    text('errorMessage', input.errorMessage);
    text('flowId', input.flowId);
    if (input.priority != null && input.priority !== t.priority) changes.push(['priority', String(t.priority), String(input.priority), () => (t.priority = input.priority!)]);
    if (input.impact && input.impact !== t.impact) changes.push(['impact', t.impact, input.impact, () => (t.impact = input.impact!)]);
    if (input.domain) {
      const d = await activeDomain(tem, input.domain);
      const old = (await t.domain.load())!;
      if (old.id !== d.id) changes.push(['domain', old.code, d.code, () => (t.domain = tem.getReference(TicketDomain, d.id, { wrapped: true }))]);
    }
    if (input.application) {
      const a = await activeApplication(tem, input.application);
      const old = (await t.application.load())!;
      if (old.id !== a.id) changes.push(['application', old.code, a.code, () => (t.application = tem.getReference(TicketApplication, a.id, { wrapped: true }))]);
    }
    if (input.documentNumbers) {
      const docs = input.documentNumbers.map((d) => d.trim()).filter(Boolean);
      if (docs.join('\n') !== t.documentNumbers.join('\n')) changes.push(['documentNumbers', t.documentNumbers.join(', '), docs.join(', '), () => (t.documentNumbers = docs)]);
    }
    const now = new Date();
    const events = changes.map(([field, oldValue, newValue, apply]) => {
      apply();
      return appendEvent(tem, t, actorOf(viewer), now, { kind: TicketEventKind.FIELD_CHANGED, fromStatus: t.status, fromLevel: t.level, field, oldValue, newValue });
    });
    if (events.length) t.updatedAt = now;
    return events;
  });
  return { ticket, events };
}

export async function assignTicket(em: EntityManager, viewer: Viewer, id: string, version: number, assigneeId: string | null) {
  const { ticket, result: event } = await changeTicket(em, viewer, id, version, async (tem, t) => {
    let assignee: Person | null = null;
    let roles: Role[] = [];
    if (assigneeId) {
      assignee = await tem.findOne(Person, { id: assigneeId });
      if (!assignee) throw new DomainError(TicketErrorCode.ASSIGNEE_NOT_AT_LEVEL, M['ASSIGNEE_NOT_AT_LEVEL.unknown'](), ['assigneeId']);
      roles = rolesOf(assignee, await runningAssignmentsOf(tem, [assignee.id]));
    }
    assertMayAssign(viewer, t, assignee ? { roles, active: assignee.active } : null);
    if ((t.assignee?.id ?? null) === (assignee?.id ?? null)) return null;
    await loadTransitionParties(tem, t, PLATFORM);
    const old = personLabel(t.assignee);
    const now = new Date();
    t.assignee = assignee ? tem.getReference(Person, assignee.id, { wrapped: true }) : null;
    t.updatedAt = now;
    return appendEvent(tem, t, actorOf(viewer), now, { kind: TicketEventKind.ASSIGNED, fromStatus: t.status, fromLevel: t.level, field: 'assignee', oldValue: old, newValue: personLabel(assignee) });
  });
  return { ticket, event };
}

/* ---------- changes other modules make (service levels, known errors) ---------- */

/** An event (and optionally a public comment) another module records on a ticket. */
export interface TicketNotice {
  kind: TicketEventKind;
  field?: string | null;
  oldValue?: string | null;
  newValue?: string | null;
  reason?: string | null;
  /** Written as a public comment too, so the requesting side reads it with the others. */
  publicComment?: string | null;
}

/**
 * The door for another module's change to a ticket: under the ticket's row lock, events
 * appended and numbered like any other, comments counted, the notice listeners told
 * (webhooks). `as` = a person acting (e.g. an agent linking a known error): the
 * visibility and stale-version rules hold and the version is bumped. `as` = null: the
 * platform itself (a service-level crossing, a known error's news): no version check and
 * no bump, since nothing a client sent is overwritten. `work` returns null to record nothing.
 */
export async function recordOnTicket<T>(
  em: EntityManager,
  id: string,
  as: { viewer: Viewer; version: number } | null,
  work: (tem: EntityManager, t: Ticket) => Promise<{ notices: TicketNotice[]; result: T } | null>,
): Promise<{ ticket: Ticket; events: TicketEvent[]; result: T | null } | null> {
  const body = async (tem: EntityManager, t: Ticket) => {
    const done = await work(tem, t);
    if (!done) return { events: [] as TicketEvent[], result: null };
    const now = new Date();
    const actor = as ? actorOf(as.viewer) : PLATFORM;
    const comments: TicketComment[] = [];
    const events = done.notices.map((n) => {
      if (n.publicComment) comments.push(addCommentRow(tem, t, actor, n.publicComment, false, now));
      return appendEvent(tem, t, actor, now, { ...n, fromStatus: t.status, fromLevel: t.level });
    });
    if (as && events.length) t.updatedAt = now;
    for (const e of events) await notifyTicketNotice(tem, t, e);
    for (const c of comments) await notifyTicketComment(tem, t, c);
    return { events, result: done.result };
  };
  if (as) {
    // another module's work may flush and remove as it goes (known errors replace a link): under the row lock
    const { ticket, result } = await changeTicket(em, as.viewer, id, as.version, body, { locked: true });
    return { ticket, ...result };
  }
  return em.transactional(async (tem) => {
    const t = await tem.findOne(Ticket, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!t) return null;
    const out = await body(tem, t);
    await tem.flush();
    return { ticket: t, ...out };
  });
}

/* ---------- comments and rating ---------- */

export function addCommentRow(em: EntityManager, t: Ticket, actor: Actor, body: string, internal: boolean, at: Date): TicketComment {
  t.commentCount += 1;
  if (!internal) t.publicCommentCount += 1;
  return em.create(TicketComment, {
    ticket: t,
    author: actor.personId ? em.getReference(Person, actor.personId) : null,
    authorApplication: actor.applicationId ? em.getReference(ApplicationClient, actor.applicationId) : null,
    body,
    internal,
    createdAt: at,
    updatedAt: at,
  });
}

/** Comments take the row lock (counts stay exact) but no version: adding one never overwrites anything. */
export async function addComment(em: EntityManager, viewer: Viewer, ticketId: string, body: string, internal: boolean) {
  return em.transactional(async (tem) => {
    const t = await tem.findOne(Ticket, { id: ticketId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    assertMaySee(viewer, t);
    assertMayComment(viewer, t, internal);
    const now = new Date();
    const comment = addCommentRow(tem, t, actorOf(viewer), body.trim(), internal, now);
    t.updatedAt = now;
    await notifyTicketComment(tem, t, comment);
    await tem.flush();
    return { ticket: t, comment };
  });
}

export async function rateTicket(em: EntityManager, viewer: Viewer, id: string, version: number, score: number, comment?: string | null) {
  const { ticket, result: event } = await changeTicket(em, viewer, id, version, (tem, t) => {
    assertMayRate(viewer, t);
    t.satisfactionScore = score;
    t.satisfactionComment = comment?.trim() || null;
    return appendEvent(tem, t, actorOf(viewer), new Date(), { kind: TicketEventKind.RATED, fromStatus: t.status, fromLevel: t.level, field: 'satisfaction', newValue: String(score), reason: comment });
  });
  return { ticket, event };
}

/* ---------- attachments (attachments/ writes through here) ---------- */

export interface AttachmentChange {
  kind: 'ADDED' | 'REMOVED';
  name: string;
  internal: boolean;
  bytes: number;
}

/**
 * The one way attachments/ changes a ticket's files. Under the ticket's row lock, for a
 * viewer who sees the ticket and may comment on it (public or internal, the comments'
 * rule), `work` writes the attachment rows and says what changed (null: nothing, e.g. the
 * same bytes are already attached). Counts, bytes, the history event and the version
 * bump follow here. Like comments, no version is asked: adding a file overwrites nothing.
 */
export async function changeAttachments<T>(
  em: EntityManager,
  viewer: Viewer,
  ticketId: string,
  internal: boolean,
  work: (em: EntityManager, t: Readonly<Ticket>) => Promise<{ result: T; change: AttachmentChange | null }>,
): Promise<{ ticket: Ticket; event: TicketEvent | null; result: T }> {
  return em.transactional(async (tem) => {
    const t = await tem.findOne(Ticket, { id: ticketId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    assertMaySee(viewer, t);
    assertMayComment(viewer, t, internal, 'attachment');
    const { result, change } = await work(tem, t);
    let event: TicketEvent | null = null;
    if (change) {
      const sign = change.kind === 'ADDED' ? 1 : -1;
      t.attachmentCount += sign;
      if (!change.internal) t.publicAttachmentCount += sign;
      t.attachmentBytes += sign * change.bytes;
      const now = new Date();
      // an internal file's event is the support levels' (mayReadEvent); its name stays on the attachment itself
      const name = change.internal ? null : change.name;
      event = appendEvent(tem, t, actorOf(viewer), now, {
        kind: change.kind === 'ADDED' ? TicketEventKind.ATTACHMENT_ADDED : TicketEventKind.ATTACHMENT_REMOVED,
        fromStatus: t.status,
        fromLevel: t.level,
        field: change.internal ? INTERNAL_ATTACHMENT_FIELD : 'attachment',
        oldValue: change.kind === 'REMOVED' ? name : null,
        newValue: change.kind === 'ADDED' ? name : null,
      });
      t.updatedAt = now;
      t.version += 1;
    }
    await tem.flush();
    return { ticket: t, event, result };
  });
}

/* ---------- measures (SQL) ---------- */

export interface TicketMeasureRow {
  ticketId: string;
  firstResponseSeconds: number | null;
  resolutionSeconds: number | null;
  secondsAtSn1: number;
  secondsAtSn2: number;
  secondsAtTechnical: number;
  escalationCount: number;
  reopenCount: number;
}

/** A level's time: from each event that leaves the ticket at that level until the next event (or now), while it is with the support. */
const secondsAt = (level: SupportLevel) =>
  `coalesce(sum(extract(epoch from (coalesce(ev.next_at, now()) - ev.created_at))) filter (where ev.to_level = ${sqlLiteral(level)} and ev.to_status in ${sqlList(WITH_SUPPORT_STATUSES)}), 0)::float8 as seconds_at_${level.toLowerCase()}`;

/**
 * Per-ticket measures from the history, in one statement: the first response (the first of
 * FIRST_RESPONSE_TRANSITIONS after the submission), the resolution time of a resolved
 * ticket, and the time at each level.
 */
export const MEASURES_CTE = `
  ev as (
    select e.ticket_id, e.transition, e.to_status, e.to_level, e.created_at,
           lead(e.created_at) over (partition by e.ticket_id order by e.seq) as next_at
      from ticket_event e
     where e.ticket_id in (select id from scope)
  ),
  m as (
    select t.id as ticket_id,
      extract(epoch from (min(ev.created_at) filter (where ev.transition in ${sqlList(FIRST_RESPONSE_TRANSITIONS)})
                          - min(ev.created_at) filter (where ev.transition = ${sqlLiteral(TicketTransition.SUBMIT)})))::float8 as first_response_seconds,
      case when t.status in ${sqlList(RESOLVED_STATUSES)} then extract(epoch from (max(ev.created_at) filter (where ev.transition = ${sqlLiteral(TicketTransition.RESOLVE)}) - t.submitted_at))::float8 end as resolution_seconds,
      ${Object.values(SupportLevel).map(secondsAt).join(',\n      ')},
      t.escalation_count, t.reopen_count
    from ticket t join ev on ev.ticket_id = t.id
    where t.id in (select id from scope)
    group by t.id
  )`;

export async function measuresOf(em: EntityManager, ticketIds: readonly string[]): Promise<Map<string, TicketMeasureRow>> {
  const out = new Map<string, TicketMeasureRow>();
  if (!ticketIds.length) return out;
  const rows: Record<string, unknown>[] = await em.execute(`with scope as (select unnest(?::uuid[]) as id), ${MEASURES_CTE} select * from m`, [pgArray(ticketIds)]);
  for (const r of rows) {
    out.set(r.ticket_id as string, {
      ticketId: r.ticket_id as string,
      firstResponseSeconds: r.first_response_seconds as number | null,
      resolutionSeconds: r.resolution_seconds as number | null,
      secondsAtSn1: r.seconds_at_sn1 as number,
      secondsAtSn2: r.seconds_at_sn2 as number,
      secondsAtTechnical: r.seconds_at_technical as number,
      escalationCount: r.escalation_count as number,
      reopenCount: r.reopen_count as number,
    });
  }
  return out;
}
