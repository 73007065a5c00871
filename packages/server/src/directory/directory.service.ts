import { raw, UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import type { Viewer } from '../core/context';
import { CORE_MESSAGES, CoreErrorCode, DomainError, type DomainErrorCode } from '../core/errors';
import { readMany, type ChildList, type RelationTree } from '../core/read';
import { CORRESPONDENT_ROLES, Role, roleList } from '../core/roles';
import { likeContains, withoutAccents } from '../core/text';
import { CorrespondentAssignment } from './correspondent-assignment.entity';
import { CorrespondentKind, CorrespondentSource, StructureKind, TroubleDomain } from './directory.enums';
import { DirectoryErrorCode } from './directory.errors';
import { Ministry } from './ministry.entity';
import { Person } from './person.entity';
import { Structure } from './structure.entity';
import { AuditAction } from '../audit/audit.enums';
import { recordAudit, snapshot } from '../audit/audit.service';
import { DIRECTORY_MESSAGES as M } from './directory.messages';

/** What a missing object's refusal says: the code's own text, or which kind of object was not found. */
function notFoundText(code: DomainErrorCode, entity: string) {
  if (code === DirectoryErrorCode.UNKNOWN_MINISTRY) return M.UNKNOWN_MINISTRY();
  if (code === DirectoryErrorCode.UNKNOWN_STRUCTURE) return M.UNKNOWN_STRUCTURE();
  if (code === DirectoryErrorCode.UNKNOWN_PERSON) return M.UNKNOWN_PERSON();
  if (entity === 'Structure') return M['NOT_FOUND.structure']();
  if (entity === 'Person') return M['NOT_FOUND.person']();
  if (entity === 'CorrespondentAssignment') return M['NOT_FOUND.assignment']();
  return CORE_MESSAGES.NOT_FOUND();
}

/* ---------- who may change the directory ---------- */

/** Administrators manage the whole directory. */
export function assertMayManageDirectory(viewer: Viewer): void {
  if (!viewer.roles.has(Role.ADMINISTRATOR)) throw new DomainError(CoreErrorCode.FORBIDDEN, M['FORBIDDEN.manageDirectory']({ roles: roleList([Role.ADMINISTRATOR]) }));
}

/**
 * Administrators assign any correspondent role; the head of a Chorus platform designates
 * the CCHs of their own structure (source: "désignés par le responsable de la plate-forme").
 */
export function assertMayAssignCorrespondent(viewer: Viewer, kind: CorrespondentKind, structureId: string): void {
  if (viewer.roles.has(Role.ADMINISTRATOR)) return;
  if (viewer.roles.has(Role.PLATFORM_HEAD) && kind === CorrespondentKind.CCH) {
    if (viewer.structureId !== structureId) throw new DomainError(DirectoryErrorCode.NOT_YOUR_STRUCTURE, M['NOT_YOUR_STRUCTURE.platformHead'](), ['structureId']);
    return;
  }
  throw new DomainError(DirectoryErrorCode.ROLE_NOT_ASSIGNABLE, M['ROLE_NOT_ASSIGNABLE.role']({ role: roleList([kind as unknown as Role]) }), ['kind']);
}

/** The correspondent role that answers a domain of trouble. */
export const CORRESPONDENT_FOR_DOMAIN: Record<TroubleDomain, CorrespondentKind> = {
  [TroubleDomain.ACCESS_RIGHTS]: CorrespondentKind.CCH,
  [TroubleDomain.CONFIGURATION]: CorrespondentKind.CCP,
  [TroubleDomain.YEAR_END_WORKS]: CorrespondentKind.CCTFG,
  [TroubleDomain.FORMS]: CorrespondentKind.CCFP,
  [TroubleDomain.OTHER]: CorrespondentKind.CCA,
};

/** Roles a person may hold in their own right (the rest come from assignments or API keys). */
const HELD_ROLES = new Set<Role>(Object.values(Role).filter((r) => !(CORRESPONDENT_ROLES as readonly Role[]).includes(r) && r !== Role.APPLICATION));

/* ---------- reads ---------- */

/** Running = started and not ended; `at` defaults to now. */
export function runningAssignmentFilter(at = new Date()) {
  // two Date objects, not one twice: the read path keeps a filter's statement only when it can tell its values apart
  return { since: { $lte: at }, $or: [{ until: null }, { until: { $gt: new Date(at) } }] };
}

/** The key under which a person read with their page carries their running assignments. */
export const RUNNING_ASSIGNMENTS = 'correspondentAssignments:running';

/** A person's running assignments, oldest first, as a child list of the statement that reads the person. */
export function runningAssignmentList(): ChildList {
  return { key: RUNNING_ASSIGNMENTS, entity: 'CorrespondentAssignment', where: (a, p) => `${a}.person_id = ${p}.id`, filter: runningAssignmentFilter(), orderBy: ['since', 'id'] };
}

/** The running assignments of these people, oldest first, as read objects (with `relations` embedded). */
export async function runningAssignmentsOf(em: EntityManager, personIds: readonly string[], relations: RelationTree = {}): Promise<CorrespondentAssignment[]> {
  return readMany(em, CorrespondentAssignment, { person: { $in: [...personIds] }, ...runningAssignmentFilter() }, { orderBy: { since: 'asc', id: 'asc' }, relations });
}

/** Every role of a person: held ones plus those of running assignments. */
export function rolesOf(person: Person, running: CorrespondentAssignment[]): Role[] {
  const roles = new Set<Role>(person.heldRoles);
  for (const a of running) roles.add(a.kind as unknown as Role);
  return [...roles].sort();
}

export function peopleWhere(filter: { search?: string; role?: Role; structureId?: string | null } = {}): FilterQuery<Person> {
  const where: FilterQuery<Person>[] = [];
  if (filter.search?.trim()) {
    // "ines dubois" finds Inès Dubois: accents, case and the space between names don't matter
    const needle = likeContains(withoutAccents(filter.search.trim().toLowerCase()));
    where.push({
      [raw((alias) => `unaccent(lower(${alias}.first_name || ' ' || ${alias}.last_name || ' ' || ${alias}.email))`)]: { $like: needle },
    } as FilterQuery<Person>);
  }
  if (filter.structureId) where.push({ structure: filter.structureId });
  if (filter.role) {
    if ((CORRESPONDENT_ROLES as readonly Role[]).includes(filter.role)) {
      const now = new Date();
      where.push({
        assignments: { kind: filter.role as unknown as CorrespondentKind, since: { $lte: now }, $or: [{ until: null }, { until: { $gt: now } }] },
      } as FilterQuery<Person>);
    } else {
      where.push({ heldRoles: { $contains: [filter.role] } } as FilterQuery<Person>);
    }
  }
  return where.length ? { $and: where } : {};
}

/**
 * The structures to ask, nearest first: the structure, its parents up to the top, then its
 * Chorus platform (the shared-service centre under the nearest of those that has one).
 */
async function askingOrder(em: EntityManager, structureId: string): Promise<{ structure: Structure; source: CorrespondentSource }[]> {
  const chain: Structure[] = [];
  let next: string | null = structureId;
  // the directory refuses cycles (PARENT_CYCLE); the bound is a belt
  while (next && chain.length < 20 && !chain.some((s) => s.id === next)) {
    const s: Structure | null = await em.findOne(Structure, { id: next });
    if (!s) break;
    chain.push(s);
    next = s.parent?.id ?? null;
  }
  const order = chain.map((structure, i) => ({ structure, source: i === 0 ? CorrespondentSource.OWN_STRUCTURE : CorrespondentSource.PARENT_STRUCTURE }));
  if (!chain.some((s) => s.kind === StructureKind.SHARED_SERVICE_CENTRE)) {
    const platforms = await em.find(Structure, { kind: StructureKind.SHARED_SERVICE_CENTRE, parent: { $in: chain.map((s) => s.id) } }, { orderBy: { code: 'asc' } });
    const platform = chain.map((s) => platforms.find((p) => p.parent?.id === s.id)).find(Boolean);
    if (platform) order.push({ structure: platform, source: CorrespondentSource.CHORUS_PLATFORM });
  }
  return order;
}

/**
 * "Whom do I ask?": the running correspondents for the domain's role, else the CCAs, of the
 * nearest structure that has any: the structure itself, then its parents, then its Chorus
 * platform (a new EPLE or an académie has nobody of its own). Says which level answered.
 */
export async function whomToAsk(em: EntityManager, structureId: string, domain: TroubleDomain) {
  const wanted = CORRESPONDENT_FOR_DOMAIN[domain];
  const kinds = wanted === CorrespondentKind.CCA ? [wanted] : [wanted, CorrespondentKind.CCA];
  const order = await askingOrder(em, structureId);
  const running = await em.find(
    CorrespondentAssignment,
    { structure: { $in: order.map((o) => o.structure.id) }, kind: { $in: kinds }, ...runningAssignmentFilter(), person: { active: true } },
    { populate: ['person'], orderBy: { since: 'asc', id: 'asc' } },
  );
  for (const { structure, source } of order) {
    const here = running.filter((a) => a.structure.id === structure.id);
    const holders = here.filter((a) => a.kind === wanted);
    const chosen = holders.length ? holders : here.filter((a) => a.kind === CorrespondentKind.CCA);
    if (!chosen.length) continue;
    const kind = holders.length ? wanted : CorrespondentKind.CCA;
    return { domain, kind, source, answeredBy: structure, fallback: kind !== wanted || source !== CorrespondentSource.OWN_STRUCTURE, correspondents: chosen.map((a) => a.person.getEntity()) };
  }
  return { domain, kind: CorrespondentKind.CCA, source: CorrespondentSource.NONE, answeredBy: null, fallback: true, correspondents: [] as Person[] };
}

/* ---------- writes ---------- */

async function mustFind<T extends object>(em: EntityManager, entity: new () => T, id: string, code: DomainErrorCode, field: string): Promise<T> {
  const found = await em.findOne(entity, { id } as FilterQuery<T>);
  if (!found) throw new DomainError(code, notFoundText(code, entity.name), [field]);
  return found;
}

/** Runs a flush, turning the unique violations we expect into domain errors. */
async function flushExpecting(em: EntityManager, onUnique: (constraint: string) => DomainError): Promise<void> {
  try {
    await em.flush();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) {
      em.clear();
      throw onUnique(String((e as { constraint?: string }).constraint ?? e.message));
    }
    throw e;
  }
}

/** What the audit keeps of a structure, a person, an assignment. */
const STRUCTURE_AUDITED = ['code', 'name', 'kind', 'ministry', 'parent'] as const;
export const PERSON_AUDITED = ['firstName', 'lastName', 'email', 'structure', 'heldRoles', 'active'] as const;
const ASSIGNMENT_AUDITED = ['person', 'structure', 'kind', 'since', 'until', 'endReason'] as const;

export async function createStructure(em: EntityManager, viewer: Viewer, input: { code: string; name: string; kind: Structure['kind']; ministryId: string; parentId?: string | null }) {
  assertMayManageDirectory(viewer);
  const code = input.code.trim().toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9-]*$/.test(code)) throw new DomainError(CoreErrorCode.INVALID_FORMAT, M['INVALID_FORMAT.structureCode'](), ['code']);
  const ministry = await mustFind(em, Ministry, input.ministryId, DirectoryErrorCode.UNKNOWN_MINISTRY, 'ministryId');
  const parent = input.parentId ? await mustFind(em, Structure, input.parentId, DirectoryErrorCode.UNKNOWN_STRUCTURE, 'parentId') : null;
  if (await em.count(Structure, { code })) throw new DomainError(DirectoryErrorCode.STRUCTURE_CODE_TAKEN, M['STRUCTURE_CODE_TAKEN.code']({ code }), ['code']);
  const structure = em.create(Structure, { code, name: input.name.trim(), kind: input.kind, ministry, parent });
  recordAudit(em, viewer, { action: AuditAction.STRUCTURE_CREATED, target: structure, after: snapshot(structure, STRUCTURE_AUDITED) });
  await flushExpecting(em, () => new DomainError(DirectoryErrorCode.STRUCTURE_CODE_TAKEN, M['STRUCTURE_CODE_TAKEN.code']({ code }), ['code']));
  return structure;
}

export async function updateStructure(em: EntityManager, viewer: Viewer, id: string, input: { name?: string; kind?: Structure['kind']; parentId?: string | null }) {
  assertMayManageDirectory(viewer);
  const structure = await mustFind(em, Structure, id, CoreErrorCode.NOT_FOUND, 'id');
  const before = snapshot(structure, STRUCTURE_AUDITED);
  if (input.name !== undefined) structure.name = input.name.trim();
  if (input.kind) structure.kind = input.kind;
  if (input.parentId !== undefined) {
    if (input.parentId === null) structure.parent = null;
    else {
      const parent = await mustFind(em, Structure, input.parentId, DirectoryErrorCode.UNKNOWN_STRUCTURE, 'parentId');
      await assertNoCycle(em, structure, parent);
      structure.parent = em.getReference(Structure, parent.id, { wrapped: true });
    }
  }
  recordAudit(em, viewer, { action: AuditAction.STRUCTURE_UPDATED, target: structure, before, after: snapshot(structure, STRUCTURE_AUDITED) });
  await em.flush();
  return structure;
}

async function assertNoCycle(em: EntityManager, structure: Structure, parent: Structure): Promise<void> {
  // walk up from the new parent; a directory is a few levels deep
  for (let s: Structure | null = parent, depth = 0; s && depth < 50; depth++) {
    if (s.id === structure.id) throw new DomainError(DirectoryErrorCode.PARENT_CYCLE, M.PARENT_CYCLE(), ['parentId']);
    s = s.parent ? await s.parent.load() : null;
  }
}

function checkHeldRoles(roles: Role[]): Role[] {
  const bad = roles.filter((r) => !HELD_ROLES.has(r));
  if (bad.length) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, M['VALIDATION_FAILED.heldRoles']({ roles: roleList(bad) }), ['roles']);
  return [...new Set(roles)].sort();
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const emailTaken = (email: string) => new DomainError(DirectoryErrorCode.EMAIL_TAKEN, M['EMAIL_TAKEN.email']({ email }), ['email']);

export async function createPerson(em: EntityManager, viewer: Viewer, input: { firstName: string; lastName: string; email: string; structureId: string; roles: Role[] }) {
  assertMayManageDirectory(viewer);
  const email = normaliseEmail(input.email);
  const heldRoles = checkHeldRoles(input.roles);
  const structure = await mustFind(em, Structure, input.structureId, DirectoryErrorCode.UNKNOWN_STRUCTURE, 'structureId');
  if (await em.count(Person, { email })) throw emailTaken(email);
  const person = em.create(Person, { firstName: input.firstName.trim(), lastName: input.lastName.trim(), email, structure, heldRoles });
  recordAudit(em, viewer, { action: AuditAction.PERSON_CREATED, target: person, after: snapshot(person, PERSON_AUDITED) });
  await flushExpecting(em, () => emailTaken(email));
  return person;
}

export async function updatePerson(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  input: { firstName?: string; lastName?: string; email?: string; structureId?: string; roles?: Role[]; active?: boolean },
) {
  assertMayManageDirectory(viewer);
  const person = await mustFind(em, Person, id, CoreErrorCode.NOT_FOUND, 'id');
  const before = snapshot(person, PERSON_AUDITED);
  if (input.firstName !== undefined) person.firstName = input.firstName.trim();
  if (input.lastName !== undefined) person.lastName = input.lastName.trim();
  if (input.roles) person.heldRoles = checkHeldRoles(input.roles);
  if (input.active !== undefined && input.active !== null) person.active = input.active;
  if (input.structureId) {
    const structure = await mustFind(em, Structure, input.structureId, DirectoryErrorCode.UNKNOWN_STRUCTURE, 'structureId');
    person.structure = em.getReference(Structure, structure.id, { wrapped: true });
  }
  if (input.email !== undefined) {
    const email = normaliseEmail(input.email);
    if (email !== person.email && (await em.count(Person, { email, id: { $ne: person.id } }))) throw emailTaken(email);
    person.email = email;
  }
  recordAudit(em, viewer, { action: AuditAction.PERSON_UPDATED, target: person, before, after: snapshot(person, PERSON_AUDITED) });
  await flushExpecting(em, () => emailTaken(person.email));
  return person;
}

const duplicateAssignment = (kind: string) => new DomainError(DirectoryErrorCode.DUPLICATE_ASSIGNMENT, M['DUPLICATE_ASSIGNMENT.role']({ role: roleList([kind as Role]) }), ['kind']);

export async function assignCorrespondent(
  em: EntityManager,
  viewer: Viewer,
  input: { personId: string; structureId: string; kind: CorrespondentKind; since?: Date | null; until?: Date | null },
) {
  assertMayAssignCorrespondent(viewer, input.kind, input.structureId);
  const person = await mustFind(em, Person, input.personId, DirectoryErrorCode.UNKNOWN_PERSON, 'personId');
  const structure = await mustFind(em, Structure, input.structureId, DirectoryErrorCode.UNKNOWN_STRUCTURE, 'structureId');
  const since = input.since ?? new Date();
  if (input.until && input.until <= since) throw new DomainError(CoreErrorCode.OUT_OF_RANGE, M['OUT_OF_RANGE.untilBeforeSince'](), ['until']);
  const overlapping = await em.count(CorrespondentAssignment, {
    person,
    structure,
    kind: input.kind,
    $or: [{ until: null }, { until: { $gt: since } }],
  });
  if (overlapping) throw duplicateAssignment(input.kind);
  const assignment = em.create(CorrespondentAssignment, { person, structure, kind: input.kind, since, until: input.until ?? null });
  recordAudit(em, viewer, { action: AuditAction.CORRESPONDENT_ASSIGNED, target: assignment, after: snapshot(assignment, ASSIGNMENT_AUDITED) });
  await flushExpecting(em, () => duplicateAssignment(input.kind));
  return assignment;
}

export async function endCorrespondentAssignment(em: EntityManager, viewer: Viewer, id: string, reason?: string | null) {
  const assignment = await mustFind(em, CorrespondentAssignment, id, CoreErrorCode.NOT_FOUND, 'id');
  assertMayAssignCorrespondent(viewer, assignment.kind, assignment.structure.id);
  const now = new Date();
  if (assignment.until && assignment.until <= now) throw new DomainError(DirectoryErrorCode.ASSIGNMENT_ALREADY_ENDED, M.ASSIGNMENT_ALREADY_ENDED(), ['id']);
  const before = snapshot(assignment, ASSIGNMENT_AUDITED);
  assignment.until = now;
  assignment.endReason = reason?.trim() || null;
  recordAudit(em, viewer, { action: AuditAction.CORRESPONDENT_ASSIGNMENT_ENDED, target: assignment, before, after: snapshot(assignment, ASSIGNMENT_AUDITED) });
  await em.flush();
  return assignment;
}
