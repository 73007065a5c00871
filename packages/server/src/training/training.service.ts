/**
 * Training rules: the catalogue, and the registration workflow
 * REQUESTED → VALIDATED / REFUSED (DAF manager) → REGISTERED / WAITLISTED (training referent)
 * → CONFIRMED (trainee, after the compatibility test) / CANCELLED.
 * Seats are counted under a row lock on the session, so concurrent registrations never
 * oversell a ministry's seats and the waiting list keeps the order the lock served them in.
 */
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { DAF_PERIMETER_SQL, inScope, registrationScope, scopeFilter } from '../access/policies';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { Role } from '../core/roles';
import { pgArray } from '../core/sql';
import { Ministry } from '../directory/ministry.entity';
import { Person } from '../directory/person.entity';
import { TrainingCourse, TrainingDomain, TrainingPrice, TrainingSeatQuota, TrainingSession, TrainingSessionPart } from './catalogue.entity';
import { TrainingPolicy, TrainingRegistration, TrainingRegistrationEvent } from './registration.entity';
import { ALIVE, CourseMode, RegistrationAction, RegistrationStatus, SEATED, SessionKind, SessionStatus } from './training.enums';
import { TrainingErrorCode } from './training.errors';
import { localDateTime, M } from './training.messages';
import type { Text } from '../core/i18n';
import { AuditAction } from '../audit/audit.enums';
import { recordAudit, snapshot } from '../audit/audit.service';
import { HELD_REGISTRATIONS_SQL, SEATED_SQL } from './training.queries';

/* ---------- who may do what ---------- */

const CATALOGUE_MANAGERS = [Role.TRAINING_REFERENT, Role.ADMINISTRATOR];
const has = (viewer: Viewer, roles: readonly Role[]) => roles.some((r) => viewer.roles.has(r));

export function assertMayManageCatalogue(viewer: Viewer): void {
  if (!has(viewer, CATALOGUE_MANAGERS)) throw new DomainError(CoreErrorCode.FORBIDDEN, M['FORBIDDEN.trainingCatalogue']());
}

/** The viewer's DAF perimeter (the access module's definition), empty for anyone but a DAF manager. */
export async function dafPerimeter(em: EntityManager, viewer: Viewer): Promise<Set<string>> {
  if (!viewer.roles.has(Role.DAF_MANAGER) || !viewer.structureId) return new Set();
  const rows: { id: string }[] = await em.execute(DAF_PERIMETER_SQL, [viewer.structureId]);
  return new Set(rows.map((r) => r.id));
}

/** Whether the viewer may see a registration at all; outside it, a registration does not exist for them. */
export function maySee(viewer: Viewer, registration: TrainingRegistration, perimeter: Set<string>): boolean {
  return inScope(registrationScope(viewer, perimeter), registration);
}

/** The registrations the viewer may see, as a filter (the same policy as `maySee`). */
export function visibleRegistrationsWhere(viewer: Viewer, perimeter: Set<string>): Record<string, unknown> {
  return scopeFilter(registrationScope(viewer, perimeter));
}

export function assertMayValidate(viewer: Viewer, registration: TrainingRegistration, perimeter: Set<string>): void {
  if (!viewer.roles.has(Role.DAF_MANAGER)) throw new DomainError(CoreErrorCode.FORBIDDEN, M['FORBIDDEN.trainingDecision']());
  if (!perimeter.has(registration.structure.id)) throw notFound();
  assertStatus(registration, [RegistrationStatus.REQUESTED], 'validate or refuse');
}

export function assertMayRegister(viewer: Viewer, registration: TrainingRegistration): void {
  if (!viewer.roles.has(Role.TRAINING_REFERENT)) throw new DomainError(CoreErrorCode.FORBIDDEN, M['FORBIDDEN.trainingRegister']());
  assertStatus(registration, [RegistrationStatus.VALIDATED], 'register');
}

export function assertMayActAsTrainee(viewer: Viewer, registration: TrainingRegistration): void {
  if (viewer.kind !== 'PERSON' || registration.trainee.id !== viewer.id) throw new DomainError(CoreErrorCode.FORBIDDEN, M['FORBIDDEN.traineeOnly']());
}

/** The trainee cancels until the session starts; the referent at any time before it is held. */
export function assertMayCancel(viewer: Viewer, registration: TrainingRegistration, session: TrainingSession, now: Date): void {
  assertStatus(registration, ALIVE, 'cancel');
  if (viewer.roles.has(Role.TRAINING_REFERENT)) return;
  assertMayActAsTrainee(viewer, registration);
  if (session.startsAt <= now) throw new DomainError(TrainingErrorCode.TOO_LATE_TO_CANCEL, M.TOO_LATE_TO_CANCEL());
}

export function assertMayJustifyAbsence(viewer: Viewer, registration: TrainingRegistration): void {
  if (!viewer.roles.has(Role.TRAINING_REFERENT)) assertMayActAsTrainee(viewer, registration);
  assertStatus(registration, SEATED, 'justify an absence for');
}

function assertStatus(registration: TrainingRegistration, allowed: readonly RegistrationStatus[], what: string): void {
  if (!allowed.includes(registration.status)) {
    throw new DomainError(TrainingErrorCode.INVALID_TRANSITION, M['INVALID_TRANSITION.registration']({ status: registration.status }), ['id']);
  }
}

const notFound = () => new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.registration'](), ['id']);

/* ---------- catalogue ---------- */

export async function createDomain(em: EntityManager, viewer: Viewer, input: { code: string; label: string; position?: number | null }) {
  assertMayManageCatalogue(viewer);
  const code = input.code.trim().toUpperCase();
  if (!/^[A-Z0-9_-]{2,20}$/.test(code)) throw new DomainError(CoreErrorCode.INVALID_FORMAT, M['INVALID_FORMAT.trainingDomainCode'](), ['code'], { min: 2, max: 20 });
  if (await em.count(TrainingDomain, { code })) throw new DomainError(TrainingErrorCode.DOMAIN_CODE_TAKEN, M.DOMAIN_CODE_TAKEN(), ['code']);
  const domain = em.create(TrainingDomain, { code, label: input.label.trim(), position: input.position ?? 0 });
  recordAudit(em, viewer, { action: AuditAction.TRAINING_DOMAIN_CREATED, target: domain, after: snapshot(domain, ['code', 'label', 'position']) });
  try {
    await em.flush();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) throw new DomainError(TrainingErrorCode.DOMAIN_CODE_TAKEN, M.DOMAIN_CODE_TAKEN(), ['code']);
    throw e;
  }
  return domain;
}

export async function createCourse(em: EntityManager, viewer: Viewer, input: { domainId: string; title: string; mode: CourseMode; partCount: number; partMinutes: number }) {
  assertMayManageCatalogue(viewer);
  const domain = await em.findOne(TrainingDomain, { id: input.domainId });
  if (!domain) throw new DomainError(TrainingErrorCode.UNKNOWN_DOMAIN, M['UNKNOWN_DOMAIN.training'](), ['domainId']);
  const course = em.create(TrainingCourse, { domain, title: input.title.trim(), mode: input.mode, partCount: input.partCount, partMinutes: input.partMinutes });
  recordAudit(em, viewer, { action: AuditAction.TRAINING_COURSE_CREATED, target: course, after: snapshot(course, ['domain', 'title', 'mode', 'partCount', 'partMinutes']) });
  await em.flush();
  return course;
}

/** Sets the price of a part of a course from a year on (a second price for the same year replaces it). */
export async function setCoursePrice(em: EntityManager, viewer: Viewer, input: { courseId: string; centsPerPart: number; fromYear?: number | null }) {
  assertMayManageCatalogue(viewer);
  if (input.fromYear == null) throw new DomainError(TrainingErrorCode.PRICE_WITHOUT_YEAR, M.PRICE_WITHOUT_YEAR(), ['fromYear']);
  const course = await em.findOne(TrainingCourse, { id: input.courseId });
  if (!course) throw new DomainError(TrainingErrorCode.UNKNOWN_COURSE, M.UNKNOWN_COURSE(), ['courseId']);
  const existing = await em.findOne(TrainingPrice, { course, fromYear: input.fromYear });
  const before = existing ? snapshot(existing, ['course', 'fromYear', 'centsPerPart']) : null;
  if (existing) existing.centsPerPart = input.centsPerPart;
  const price = existing ?? em.create(TrainingPrice, { course, fromYear: input.fromYear, centsPerPart: input.centsPerPart });
  recordAudit(em, viewer, { action: AuditAction.TRAINING_PRICE_SET, target: price, before, after: snapshot(price, ['course', 'fromYear', 'centsPerPart']) });
  await em.flush();
  return price;
}

export interface SlotInput {
  startsAt: Date;
  endsAt: Date;
}

/** What the audit keeps of a session (its seats per ministry beside). */
const SESSION_AUDITED = ['course', 'label', 'capacity', 'status', 'startsAt', 'endsAt'] as const;

export async function createSession(
  em: EntityManager,
  viewer: Viewer,
  input: { courseId: string; label: string; capacity: number; kind?: SessionKind | null; orderedByMinistryId?: string | null; status?: SessionStatus | null; parts: SlotInput[]; seats?: { ministryId: string; seats: number }[] | null },
) {
  assertMayManageCatalogue(viewer);
  const course = await em.findOne(TrainingCourse, { id: input.courseId });
  if (!course) throw new DomainError(TrainingErrorCode.UNKNOWN_COURSE, M.UNKNOWN_COURSE(), ['courseId']);
  checkSlots(course, input.parts);
  const kind = input.kind ?? SessionKind.STANDARD;
  let orderedBy: Ministry | null = null;
  if (kind === SessionKind.MINISTRY_ORDER) {
    if (!input.orderedByMinistryId) throw new DomainError(CoreErrorCode.REQUIRED, M['REQUIRED.orderingMinistry'](), ['orderedByMinistryId']);
    orderedBy = await em.findOne(Ministry, { id: input.orderedByMinistryId });
    if (!orderedBy) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, M['VALIDATION_FAILED.unknownMinistry'](), ['orderedByMinistryId']);
  }
  if (input.status && ![SessionStatus.PLANNED, SessionStatus.OPEN].includes(input.status)) {
    throw new DomainError(CoreErrorCode.VALIDATION_FAILED, M['VALIDATION_FAILED.newSessionStatus'](), ['status']);
  }
  const session = em.create(TrainingSession, {
    course,
    label: input.label.trim(),
    kind,
    orderedBy,
    capacity: input.capacity,
    status: input.status ?? SessionStatus.PLANNED,
    startsAt: input.parts[0].startsAt,
    endsAt: input.parts[input.parts.length - 1].endsAt,
  });
  input.parts.forEach((p, i) => em.create(TrainingSessionPart, { session, number: i + 1, startsAt: p.startsAt, endsAt: p.endsAt }));
  const seats = await resolveSeats(em, input.seats ?? [], input.capacity);
  for (const s of seats) em.create(TrainingSeatQuota, { session, ministry: s.ministry, seats: s.seats });
  recordAudit(em, viewer, {
    action: AuditAction.TRAINING_SESSION_CREATED,
    target: session,
    after: { ...snapshot(session, SESSION_AUDITED), kind, orderedBy: orderedBy?.id ?? null, parts: input.parts, seats: seats.map((s) => ({ ministry: s.ministry.id, seats: s.seats })) },
  });
  await em.flush();
  return session;
}

function checkSlots(course: TrainingCourse, parts: SlotInput[]): void {
  if (parts.length !== course.partCount) {
    throw new DomainError(TrainingErrorCode.PARTS_MISMATCH, M['PARTS_MISMATCH.count']({ partCount: course.partCount, given: parts.length }), ['parts']);
  }
  parts.forEach((p, i) => {
    if (!(p.endsAt > p.startsAt)) throw new DomainError(TrainingErrorCode.PARTS_MISMATCH, M['PARTS_MISMATCH.endBeforeStart']({ part: i + 1 }), ['parts', String(i)]);
    if (i > 0 && p.startsAt < parts[i - 1].endsAt) throw new DomainError(TrainingErrorCode.PARTS_MISMATCH, M['PARTS_MISMATCH.overlap']({ part: i + 1, previous: i }), ['parts', String(i)]);
  });
}

async function resolveSeats(em: EntityManager, seats: { ministryId: string; seats: number }[], capacity: number) {
  const ids = [...new Set(seats.map((s) => s.ministryId))];
  if (ids.length !== seats.length) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, M['VALIDATION_FAILED.seatsTwice'](), ['seats']);
  const ministries = await em.find(Ministry, { id: { $in: ids } });
  if (ministries.length !== ids.length) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, M['VALIDATION_FAILED.seatsMinistry'](), ['seats']);
  if (seats.reduce((n, s) => n + s.seats, 0) > capacity) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, M['VALIDATION_FAILED.seatsOverCapacity'](), ['seats'], { max: capacity });
  return seats.map((s) => ({ ministry: ministries.find((m) => m.id === s.ministryId)!, seats: s.seats }));
}

/** Locks the session row: every seat count and waiting-list move of a session runs under it. */
async function lockSession(em: EntityManager, sessionId: string): Promise<TrainingSession> {
  const rows = await em.execute('select id from training_session where id = ? for update', [sessionId]);
  if (!rows.length) throw new DomainError(TrainingErrorCode.UNKNOWN_SESSION, M.UNKNOWN_SESSION(), ['sessionId']);
  return em.findOneOrFail(TrainingSession, { id: sessionId }, { refresh: true });
}

interface SeatCounts {
  total: number;
  byMinistry: Map<string, number>;
  quotas: Map<string, number> | null;
}

async function seatCounts(em: EntityManager, session: TrainingSession): Promise<SeatCounts> {
  const rows: { ministry_id: string; n: string }[] = await em.execute(
    `select ministry_id, count(*) n from training_registration where session_id = ? and status in ${SEATED_SQL} group by ministry_id`,
    [session.id],
  );
  const byMinistry = new Map(rows.map((r) => [r.ministry_id, Number(r.n)]));
  const quotaRows = await em.find(TrainingSeatQuota, { session }, { refresh: true });
  return {
    total: [...byMinistry.values()].reduce((a, b) => a + b, 0),
    byMinistry,
    quotas: quotaRows.length ? new Map(quotaRows.map((q) => [q.ministry.id, q.seats])) : null,
  };
}

function hasFreeSeat(session: TrainingSession, counts: SeatCounts, ministryId: string): boolean {
  if (counts.total >= session.capacity) return false;
  if (!counts.quotas) return true;
  return (counts.byMinistry.get(ministryId) ?? 0) < (counts.quotas.get(ministryId) ?? 0);
}

function take(counts: SeatCounts, ministryId: string): void {
  counts.total++;
  counts.byMinistry.set(ministryId, (counts.byMinistry.get(ministryId) ?? 0) + 1);
}

/** Keeps FULL in step with the seats: full when the capacity is reached, open again when a seat frees. */
function syncFull(session: TrainingSession, counts: SeatCounts): void {
  if (session.status === SessionStatus.OPEN && counts.total >= session.capacity) session.status = SessionStatus.FULL;
  else if (session.status === SessionStatus.FULL && counts.total < session.capacity) session.status = SessionStatus.OPEN;
}

/** Gives freed seats to the waiting list, in order (priority class, then arrival), skipping ministries without a seat. */
async function promoteWaitingList(em: EntityManager, session: TrainingSession, counts: SeatCounts, actor: Person | null): Promise<TrainingRegistration[]> {
  const promoted: TrainingRegistration[] = [];
  if (counts.total >= session.capacity) return promoted;
  const waiting = await em.find(TrainingRegistration, { session, status: RegistrationStatus.WAITLISTED }, { orderBy: { waitlistPriority: 'asc', waitlistSeq: 'asc', id: 'asc' }, refresh: true });
  for (const r of waiting) {
    if (!hasFreeSeat(session, counts, r.ministry.id)) continue;
    take(counts, r.ministry.id);
    transition(em, r, RegistrationAction.PROMOTE, RegistrationStatus.REGISTERED, actor, 'A seat freed up.');
    r.waitlistSeq = null;
    promoted.push(r);
  }
  return promoted;
}

export async function updateSession(
  em: EntityManager,
  viewer: Viewer,
  sessionId: string,
  input: { label?: string | null; capacity?: number | null; status?: SessionStatus | null; seats?: { ministryId: string; seats: number }[] | null },
) {
  assertMayManageCatalogue(viewer);
  const actor = await em.findOne(Person, { id: viewer.id });
  return em.transactional(async (tx) => {
    const session = await lockSession(tx, sessionId);
    const counts = await seatCounts(tx, session);
    const before = { ...snapshot(session, SESSION_AUDITED), seats: counts.quotas ? Object.fromEntries(counts.quotas) : null };
    if (input.label) session.label = input.label.trim();
    if (input.capacity != null) {
      if (input.capacity < counts.total) throw new DomainError(TrainingErrorCode.CAPACITY_BELOW_REGISTERED, M['CAPACITY_BELOW_REGISTERED.capacity']({ count: counts.total }), ['capacity'], { min: counts.total });
      session.capacity = input.capacity;
    }
    if (input.seats) {
      const seats = await resolveSeats(tx, input.seats, session.capacity);
      for (const s of seats) {
        const seated = counts.byMinistry.get(s.ministry.id) ?? 0;
        if (s.seats < seated) throw new DomainError(TrainingErrorCode.CAPACITY_BELOW_REGISTERED, M['CAPACITY_BELOW_REGISTERED.seats']({ count: seated, ministry: s.ministry.code }), ['seats'], { min: seated });
      }
      for (const [ministryId, seated] of counts.byMinistry) {
        if (seated > 0 && !seats.some((s) => s.ministry.id === ministryId)) throw new DomainError(TrainingErrorCode.CAPACITY_BELOW_REGISTERED, M['CAPACITY_BELOW_REGISTERED.ministryKept'](), ['seats']);
      }
      await tx.nativeDelete(TrainingSeatQuota, { session });
      for (const s of seats) tx.create(TrainingSeatQuota, { session, ministry: s.ministry, seats: s.seats });
      counts.quotas = seats.length ? new Map(seats.map((s) => [s.ministry.id, s.seats])) : null;
    }
    if (input.status && input.status !== session.status) await changeSessionStatus(tx, session, input.status, actor);
    if (session.status === SessionStatus.OPEN || session.status === SessionStatus.FULL) {
      await promoteWaitingList(tx, session, counts, actor);
      syncFull(session, counts);
    }
    recordAudit(tx, viewer, { action: AuditAction.TRAINING_SESSION_UPDATED, target: session, before, after: { ...snapshot(session, SESSION_AUDITED), seats: counts.quotas ? Object.fromEntries(counts.quotas) : null } });
    await tx.flush();
    return session;
  });
}

const STATUS_MOVES: Record<SessionStatus, SessionStatus[]> = {
  [SessionStatus.PLANNED]: [SessionStatus.OPEN, SessionStatus.CANCELLED],
  [SessionStatus.OPEN]: [SessionStatus.PLANNED, SessionStatus.HELD, SessionStatus.CANCELLED],
  [SessionStatus.FULL]: [SessionStatus.HELD, SessionStatus.CANCELLED],
  [SessionStatus.HELD]: [],
  [SessionStatus.CANCELLED]: [],
};

async function changeSessionStatus(em: EntityManager, session: TrainingSession, to: SessionStatus, actor: Person | null) {
  if (to === SessionStatus.FULL || !STATUS_MOVES[session.status].includes(to)) {
    throw new DomainError(TrainingErrorCode.INVALID_TRANSITION, to === SessionStatus.FULL ? M['INVALID_TRANSITION.sessionFull']() : M['INVALID_TRANSITION.session']({ from: session.status, to }), ['status']);
  }
  if (to === SessionStatus.HELD) await assertLastPartStarted(em, session);
  session.status = to;
  if (to === SessionStatus.CANCELLED) {
    const live = await em.find(TrainingRegistration, { session, status: { $in: [...ALIVE] } });
    for (const r of live) {
      r.cancelledAt = new Date();
      transition(em, r, RegistrationAction.CANCEL, RegistrationStatus.CANCELLED, actor, 'The session was cancelled.');
    }
  }
}

/** A session is held once its last part has started, not before (a webinar in five parts is not held after the first). */
async function assertLastPartStarted(em: EntityManager, session: TrainingSession): Promise<void> {
  const [last] = await em.find(TrainingSessionPart, { session }, { orderBy: { number: 'desc' }, limit: 1 });
  const startsAt = last?.startsAt ?? session.startsAt;
  if (startsAt > new Date()) {
    throw new DomainError(TrainingErrorCode.LAST_PART_NOT_STARTED, M['LAST_PART_NOT_STARTED.at']({ when: localDateTime(startsAt) }), ['status']);
  }
}

/**
 * Attendance and absences exist only for what has begun: a part (or a session, by its
 * first part) starting after `now` (the server's clock) takes neither.
 */
export function notStartedYet(startsAt: Date, now: Date, what: 'session' | { part: number }): Text | null {
  if (startsAt <= now) return null;
  const when = localDateTime(startsAt);
  return what === 'session' ? M['SESSION_NOT_STARTED.session']({ when }) : M['SESSION_NOT_STARTED.part']({ part: what.part, when });
}

export function assertHasStarted(startsAt: Date, now: Date, what: 'session' | { part: number }, field: string[]): void {
  const refusal = notStartedYet(startsAt, now, what);
  if (refusal) throw new DomainError(TrainingErrorCode.SESSION_NOT_STARTED, refusal, field);
}

/** A request comes before the session's first part: once it has begun (even still OPEN), no new one. */
function assertNotYetBegun(session: TrainingSession, now: Date): void {
  if (session.startsAt <= now) throw new DomainError(TrainingErrorCode.SESSION_ALREADY_STARTED, M.SESSION_ALREADY_STARTED(), ['sessionId']);
}

/* ---------- registration workflow ---------- */

function transition(em: EntityManager, r: TrainingRegistration, action: RegistrationAction, to: RegistrationStatus, actor: Person | null, note?: string | null) {
  em.create(TrainingRegistrationEvent, { registration: r, at: new Date(), actor, action, fromStatus: r.status, toStatus: to, note: note ?? null });
  r.status = to;
}

function record(em: EntityManager, r: TrainingRegistration, action: RegistrationAction, actor: Person | null, note?: string | null) {
  em.create(TrainingRegistrationEvent, { registration: r, at: new Date(), actor, action, fromStatus: r.status, toStatus: r.status, note: note ?? null });
}

async function actorOf(em: EntityManager, viewer: Viewer): Promise<Person> {
  if (viewer.kind !== 'PERSON') throw new DomainError(CoreErrorCode.FORBIDDEN, M['FORBIDDEN.registrationPerson']());
  return em.findOneOrFail(Person, { id: viewer.id }, { populate: ['structure'] });
}

/** A person asks for a seat for themself. */
export async function requestRegistration(em: EntityManager, viewer: Viewer, sessionId: string) {
  const trainee = await actorOf(em, viewer);
  const session = await em.findOne(TrainingSession, { id: sessionId });
  if (!session) throw new DomainError(TrainingErrorCode.UNKNOWN_SESSION, M.UNKNOWN_SESSION(), ['sessionId']);
  if (session.status === SessionStatus.FULL) throw new DomainError(TrainingErrorCode.SESSION_FULL, M.SESSION_FULL(), ['sessionId']);
  if (session.status !== SessionStatus.OPEN) throw new DomainError(TrainingErrorCode.SESSION_NOT_OPEN, M['SESSION_NOT_OPEN.status']({ status: session.status }), ['sessionId']);
  assertNotYetBegun(session, new Date());
  const orderedBy = session.orderedBy?.id;
  const structure = trainee.structure.getEntity();
  if (orderedBy && structure.ministry.id !== orderedBy) throw new DomainError(TrainingErrorCode.SESSION_NOT_OPEN, M['SESSION_NOT_OPEN.otherMinistry'](), ['sessionId']);
  const duplicate = () => new DomainError(TrainingErrorCode.ALREADY_REQUESTED, M.ALREADY_REQUESTED(), ['sessionId']);
  if (await em.count(TrainingRegistration, { session, trainee, status: { $in: [...ALIVE] } })) throw duplicate();
  const r = em.create(TrainingRegistration, { session, trainee, structure, ministry: structure.ministry, requestedAt: new Date() });
  em.create(TrainingRegistrationEvent, { registration: r, at: r.requestedAt, actor: trainee, action: RegistrationAction.REQUEST, fromStatus: null, toStatus: RegistrationStatus.REQUESTED });
  try {
    await em.flush();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) {
      em.clear();
      throw duplicate();
    }
    throw e;
  }
  return r;
}

/** Loads a registration the viewer may see (NOT_FOUND otherwise). */
export async function visibleRegistration(em: EntityManager, viewer: Viewer, id: string, perimeter?: Set<string>): Promise<TrainingRegistration> {
  const r = await em.findOne(TrainingRegistration, { id });
  if (!r || !maySee(viewer, r, perimeter ?? (await dafPerimeter(em, viewer)))) throw notFound();
  return r;
}

export async function decideRequest(em: EntityManager, viewer: Viewer, id: string, approve: boolean, reason?: string | null) {
  const perimeter = await dafPerimeter(em, viewer);
  const r = await visibleRegistration(em, viewer, id, perimeter);
  assertMayValidate(viewer, r, perimeter);
  if (!approve && !reason?.trim()) throw new DomainError(CoreErrorCode.REQUIRED, M['REQUIRED.trainingRefusalReason'](), ['reason']);
  const actor = await actorOf(em, viewer);
  // the status check and the update in one statement: two managers acting at once cannot both decide
  const to = approve ? RegistrationStatus.VALIDATED : RegistrationStatus.REFUSED;
  const changed = await em.nativeUpdate(TrainingRegistration, { id: r.id, status: RegistrationStatus.REQUESTED }, { status: to, refusalReason: approve ? null : reason!.trim() });
  if (!changed) throw new DomainError(TrainingErrorCode.INVALID_TRANSITION, M['INVALID_TRANSITION.decidedMeanwhile'](), ['id']);
  em.create(TrainingRegistrationEvent, { registration: r, at: new Date(), actor, action: approve ? RegistrationAction.VALIDATE : RegistrationAction.REFUSE, fromStatus: RegistrationStatus.REQUESTED, toStatus: to, note: reason?.trim() || null });
  await em.flush();
  return em.refreshOrFail(r);
}

/**
 * The referent registers a validated request: a seat if the session and the trainee's
 * ministry have one left, else the waiting list (behind others when the assiduity policy says so).
 */
export async function registerTrainee(em: EntityManager, viewer: Viewer, id: string, note?: string | null) {
  const actor = await actorOf(em, viewer);
  const found = await visibleRegistration(em, viewer, id);
  assertMayRegister(viewer, found);
  return em.transactional(async (tx) => {
    const session = await lockSession(tx, found.session.id);
    const r = await tx.findOneOrFail(TrainingRegistration, { id }, { refresh: true });
    assertMayRegister(viewer, r);
    if (session.status !== SessionStatus.OPEN && session.status !== SessionStatus.FULL) {
      throw new DomainError(TrainingErrorCode.SESSION_NOT_OPEN, M['SESSION_NOT_OPEN.register']({ status: session.status }), ['id']);
    }
    const counts = await seatCounts(tx, session);
    const txActor = tx.getReference(Person, actor.id);
    if (hasFreeSeat(session, counts, r.ministry.id)) {
      take(counts, r.ministry.id);
      transition(tx, r, RegistrationAction.REGISTER, RegistrationStatus.REGISTERED, txActor, note);
    } else {
      const [{ seq }] = await tx.execute(`select nextval('training_waitlist_seq')::int seq`, []);
      r.waitlistSeq = seq;
      r.waitlistPriority = (await hasAssiduityPenalty(tx, r.trainee.id, r.id)) ? 1 : 0;
      transition(tx, r, RegistrationAction.WAITLIST, RegistrationStatus.WAITLISTED, txActor, note ?? 'No seat left for the ministry.');
    }
    syncFull(session, counts);
    await tx.flush();
    return r;
  });
}

/** The trainee reports the compatibility test of the webinar tool. */
export async function recordCompatibilityTest(em: EntityManager, viewer: Viewer, id: string, passed: boolean) {
  const r = await visibleRegistration(em, viewer, id);
  assertMayActAsTrainee(viewer, r);
  assertStatus(r, [RegistrationStatus.REGISTERED], 'record a compatibility test for');
  r.compatibilityTestedAt = new Date();
  r.compatibilityPassed = passed;
  record(em, r, RegistrationAction.COMPATIBILITY_TEST, await actorOf(em, viewer), passed ? 'passed' : 'failed');
  await em.flush();
  return r;
}

export async function confirmRegistration(em: EntityManager, viewer: Viewer, id: string) {
  const r = await visibleRegistration(em, viewer, id);
  assertMayActAsTrainee(viewer, r);
  assertStatus(r, [RegistrationStatus.REGISTERED], 'confirm');
  if (!r.compatibilityPassed) throw new DomainError(TrainingErrorCode.COMPATIBILITY_TEST_REQUIRED, M.COMPATIBILITY_TEST_REQUIRED(), ['id']);
  r.confirmedAt = new Date();
  transition(em, r, RegistrationAction.CONFIRM, RegistrationStatus.CONFIRMED, await actorOf(em, viewer));
  await em.flush();
  return r;
}

/** Cancels; a freed seat goes to the waiting list at once. */
export async function cancelRegistration(em: EntityManager, viewer: Viewer, id: string, reason?: string | null) {
  const actor = await actorOf(em, viewer);
  const found = await visibleRegistration(em, viewer, id);
  return em.transactional(async (tx) => {
    const session = await lockSession(tx, found.session.id);
    const r = await tx.findOneOrFail(TrainingRegistration, { id }, { refresh: true });
    const now = new Date();
    assertMayCancel(viewer, r, session, now);
    const freed = SEATED.includes(r.status);
    r.cancelledAt = now;
    r.waitlistSeq = null;
    const txActor = tx.getReference(Person, actor.id);
    transition(tx, r, RegistrationAction.CANCEL, RegistrationStatus.CANCELLED, txActor, reason);
    if (freed && session.startsAt > now) {
      await tx.flush();
      const counts = await seatCounts(tx, session);
      await promoteWaitingList(tx, session, counts, txActor);
      syncFull(session, counts);
    }
    await tx.flush();
    return r;
  });
}

export async function justifyAbsence(em: EntityManager, viewer: Viewer, id: string, justification: string) {
  const r = await visibleRegistration(em, viewer, id);
  assertMayJustifyAbsence(viewer, r);
  assertHasStarted((await em.findOneOrFail(TrainingSession, r.session.id)).startsAt, new Date(), 'session', ['id']);
  r.absenceJustification = justification.trim();
  r.absenceJustifiedAt = new Date();
  record(em, r, RegistrationAction.JUSTIFY_ABSENCE, await actorOf(em, viewer), r.absenceJustification);
  await em.flush();
  return r;
}

/* ---------- assiduity ---------- */

export async function currentPolicy(em: EntityManager): Promise<TrainingPolicy> {
  return (await em.findOne(TrainingPolicy, { key: 'default' })) ?? em.create(TrainingPolicy, {}, { persist: false });
}

export async function setPolicy(em: EntityManager, viewer: Viewer, input: { unjustifiedAbsenceMonths: number; partialAttendanceCounts: boolean }) {
  assertMayManageCatalogue(viewer);
  const policy = (await em.findOne(TrainingPolicy, { key: 'default' })) ?? em.create(TrainingPolicy, {});
  const before = snapshot(policy, ['unjustifiedAbsenceMonths', 'partialAttendanceCounts']);
  policy.unjustifiedAbsenceMonths = input.unjustifiedAbsenceMonths;
  policy.partialAttendanceCounts = input.partialAttendanceCounts;
  recordAudit(em, viewer, { action: AuditAction.TRAINING_POLICY_SET, target: policy, before, after: snapshot(policy, ['unjustifiedAbsenceMonths', 'partialAttendanceCounts']) });
  await em.flush();
  return policy;
}

async function hasAssiduityPenalty(em: EntityManager, traineeId: string, exceptId: string): Promise<boolean> {
  const policy = await currentPolicy(em);
  if (!policy.unjustifiedAbsenceMonths) return false;
  const rows = await em.execute(
    `select 1 from (${HELD_REGISTRATIONS_SQL} and r.trainee_id = ? and r.id <> ?) h
      where h.starts_at >= now() - make_interval(months => ?) and not h.justified
        and (h.parts_connected = 0 or (? and h.parts_connected < h.part_count))
      limit 1`,
    [traineeId, exceptId, policy.unjustifiedAbsenceMonths, policy.partialAttendanceCounts],
  );
  return rows.length > 0;
}

export interface TraineeRecord {
  traineeId: string;
  sessionsHeld: number;
  absences: number;
  unjustifiedAbsences: number;
  partialAttendances: number;
  minutesConnected: number;
  penalised: boolean;
}

/** Each trainee's attendance record over the policy window, in one query for the batch. */
export async function traineeRecords(em: EntityManager, traineeIds: readonly string[]): Promise<Map<string, TraineeRecord>> {
  const policy = await currentPolicy(em);
  const months = policy.unjustifiedAbsenceMonths || 12;
  const rows: Record<string, string | number | boolean>[] = await em.execute(
    `select h.trainee_id,
            count(*)::int sessions_held,
            count(*) filter (where h.parts_connected = 0)::int absences,
            count(*) filter (where h.parts_connected = 0 and not h.justified)::int unjustified,
            count(*) filter (where h.parts_connected between 1 and h.part_count - 1)::int partial,
            coalesce(sum(h.minutes_connected), 0)::int minutes,
            bool_or(not h.justified and (h.parts_connected = 0 or (? and h.parts_connected < h.part_count))) penalised
       from (${HELD_REGISTRATIONS_SQL} and r.trainee_id = any(?::uuid[])) h
      where h.starts_at >= now() - make_interval(months => ?)
      group by h.trainee_id`,
    [policy.partialAttendanceCounts, pgArray(traineeIds), months],
  );
  const out = new Map<string, TraineeRecord>();
  for (const id of traineeIds) out.set(id, { traineeId: id, sessionsHeld: 0, absences: 0, unjustifiedAbsences: 0, partialAttendances: 0, minutesConnected: 0, penalised: false });
  for (const r of rows) {
    out.set(String(r.trainee_id), {
      traineeId: String(r.trainee_id),
      sessionsHeld: Number(r.sessions_held),
      absences: Number(r.absences),
      unjustifiedAbsences: Number(r.unjustified),
      partialAttendances: Number(r.partial),
      minutesConnected: Number(r.minutes),
      penalised: !!policy.unjustifiedAbsenceMonths && !!r.penalised,
    });
  }
  return out;
}
