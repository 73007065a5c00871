/**
 * What a viewer may see, one policy per aggregate, each written once as a list of
 * clauses: every clause has its query filter and its in-memory test side by side, so the
 * SQL that lists rows and the check on a row already in hand cannot drift apart.
 */
import type { Viewer } from '../core/context';
import { Role } from '../core/roles';

/** Roles that read every row of every aggregate and change none of them (besides administration). */
export const READ_ALL_ROLES: readonly Role[] = [Role.ANALYST, Role.ADMINISTRATOR];

export function readsEverything(viewer: Viewer): boolean {
  return READ_ALL_ROLES.some((r) => viewer.roles.has(r));
}

/**
 * Who reads the audit of administrative changes: administrators (whose acts it records) and
 * analysts (read-only control). Not the other roles: it names people and what changed.
 */
export const AUDIT_READERS: readonly Role[] = [Role.ADMINISTRATOR, Role.ANALYST];

/** Who erases a person's personal data (RGPD): administrators only. */
export const PERSONAL_DATA_ERASERS: readonly Role[] = [Role.ADMINISTRATOR];

/** Who reads the mail outbox (notifications' subjects and bodies: personal data, so not the analysts). */
export const OUTBOX_READERS: readonly Role[] = [Role.ADMINISTRATOR];

/** Structures where the person acts as CCA: opens tickets, follows them, takes chatbot requests. */
export function actsAsCcaFor(viewer: Viewer, structureId: string): boolean {
  return viewer.kind === 'PERSON' && viewer.roles.has(Role.CCA) && viewer.ccaStructureIds.includes(structureId);
}

/** One clause of a policy: the rows it admits, as a MikroORM filter and as a test on a row. */
export interface Clause<F> {
  where: Record<string, unknown>;
  holds(row: F): boolean;
}

/** A policy's verdict: every row, or the rows admitted by at least one clause (none when there is no clause). */
export type Scope<F> = 'ALL' | Clause<F>[];

/** The MikroORM filter of a scope. */
export function scopeFilter<F>(scope: Scope<F>): Record<string, unknown> {
  if (scope === 'ALL') return {};
  if (!scope.length) return { id: { $in: [] } };
  return { $or: scope.map((c) => c.where) };
}

/** Whether a row in hand is within the scope. */
export function inScope<F>(scope: Scope<F>, row: F): boolean {
  return scope === 'ALL' || scope.some((c) => c.holds(row));
}

const structureClause = <F extends { structure: { id: string } }>(ids: readonly string[]): Clause<F> => ({
  where: { structure: { $in: [...ids] } },
  holds: (r) => ids.includes(r.structure.id),
});

/* ---------- tickets ---------- */

/** What the ticket policy reads of a ticket (the entity and the event payloads satisfy it). */
export interface TicketScopeFacts {
  structure: { id: string };
  requester?: { id: string } | null;
  openedByApplication?: { id: string } | null;
  escalationCount: number;
  nature: string;
  level: string;
  /** Who follows the ticket besides its requester (the requesters and applications of the duplicates merged into it); absent = nobody. */
  watcherIds?: readonly string[] | null;
}

/**
 * Who sees a ticket: analysts and administrators all; an SN1 agent their ministry's
 * structures' tickets (SN1 is a ministry's own support); SN2 (AIFE, every ministry) what was
 * escalated to it; the technical team technical tickets and those at its level; a CCA the
 * tickets of the structures they are CCA for; an application those it opened; anybody the
 * tickets they requested; and anybody (person or application) a ticket they followed was
 * merged into: its watchers.
 */
export function ticketScope(viewer: Viewer): Scope<TicketScopeFacts> {
  let scope = ticketScopes.get(viewer);
  if (!scope) ticketScopes.set(viewer, (scope = ticketScopeOf(viewer)));
  return scope;
}

/** A viewer's scope is a function of the viewer alone: a live subscription checks it for every change of every ticket. */
const ticketScopes = new WeakMap<Viewer, Scope<TicketScopeFacts>>();

function ticketScopeOf(viewer: Viewer): Scope<TicketScopeFacts> {
  const has = (r: Role) => viewer.roles.has(r);
  if (viewer.kind === 'APPLICATION') {
    if (!has(Role.APPLICATION)) return [];
    return [{ where: { openedByApplication: viewer.id }, holds: (t) => t.openedByApplication?.id === viewer.id }, watcherClause(viewer.id)];
  }
  if (readsEverything(viewer)) return 'ALL';
  const clauses: Clause<TicketScopeFacts>[] = [{ where: { requester: viewer.id }, holds: (t) => t.requester?.id === viewer.id }, watcherClause(viewer.id)];
  const structures = new Set<string>();
  if (has(Role.SN1_AGENT)) viewer.sn1StructureIds.forEach((s) => structures.add(s));
  if (has(Role.CCA)) viewer.ccaStructureIds.forEach((s) => structures.add(s));
  if (structures.size) clauses.push(structureClause([...structures]));
  if (has(Role.SN2_AGENT)) clauses.push({ where: { escalationCount: { $gt: 0 } }, holds: (t) => t.escalationCount > 0 });
  if (has(Role.TECHNICAL_AGENT)) {
    clauses.push({ where: { nature: 'TECHNICAL' }, holds: (t) => t.nature === 'TECHNICAL' }, { where: { level: 'TECHNICAL' }, holds: (t) => t.level === 'TECHNICAL' });
  }
  return clauses;
}

/** The tickets a person or application follows as a watcher (a duplicate of theirs was merged into it). */
const watcherClause = (id: string): Clause<TicketScopeFacts> => ({ where: { watcherIds: { $contains: [id] } }, holds: (t) => !!t.watcherIds?.includes(id) });

/**
 * Who links tickets, merges a duplicate into its original and sets a ticket's parent: the
 * support levels (SN1, SN2, the technical team), on tickets they see — both of them. The
 * requesting side (CCA, applications) asks the support to, read-only roles never do.
 */
export const TICKET_LINKERS: readonly Role[] = [Role.SN1_AGENT, Role.SN2_AGENT, Role.TECHNICAL_AGENT];

/** A person holding one of the support levels' roles: who links tickets and who uses the desk's tools. */
function isSupportAgent(viewer: Viewer): boolean {
  return viewer.kind === 'PERSON' && TICKET_LINKERS.some((r) => viewer.roles.has(r));
}

export function mayLinkTickets(viewer: Viewer): boolean {
  return isSupportAgent(viewer);
}

/**
 * The tickets service-desk statistics count: every ticket for the read-all roles, an SN1
 * agent's ministry's for SN1 (the same structures as their ticket scope).
 */
export function statisticsStructureIds(viewer: Viewer): 'ALL' | readonly string[] {
  return readsEverything(viewer) ? 'ALL' : viewer.roles.has(Role.SN1_AGENT) ? viewer.sn1StructureIds : [];
}

/* ---------- chatbot ticket requests ---------- */

export interface TicketRequestScopeFacts {
  structure: { id: string };
  requester: { id: string };
}

/** A ticket request is seen by whoever made it, the CCAs of its structure, its ministry's SN1, and the read-all roles. */
export function ticketRequestScope(viewer: Viewer): Scope<TicketRequestScopeFacts> {
  if (readsEverything(viewer)) return 'ALL';
  if (viewer.kind !== 'PERSON') return [];
  const clauses: Clause<TicketRequestScopeFacts>[] = [{ where: { requester: viewer.id }, holds: (r) => r.requester.id === viewer.id }];
  const structures = new Set<string>();
  if (viewer.roles.has(Role.SN1_AGENT)) viewer.sn1StructureIds.forEach((s) => structures.add(s));
  if (viewer.roles.has(Role.CCA)) viewer.ccaStructureIds.forEach((s) => structures.add(s));
  if (structures.size) clauses.push(structureClause([...structures]));
  return clauses;
}

/* ---------- training registrations ---------- */

export interface RegistrationScopeFacts {
  structure: { id: string };
  trainee: { id: string };
}

/** Roles that see every registration (read-only for analysts). */
export const SEES_ALL_REGISTRATIONS: readonly Role[] = [Role.TRAINING_REFERENT, ...READ_ALL_ROLES];

/**
 * A registration is seen by its trainee, by the DAF manager whose perimeter holds the
 * trainee's structure (`dafPerimeter`), and by the referent and the read-all roles.
 */
export function registrationScope(viewer: Viewer, dafPerimeter: ReadonlySet<string>): Scope<RegistrationScopeFacts> {
  if (SEES_ALL_REGISTRATIONS.some((r) => viewer.roles.has(r))) return 'ALL';
  if (viewer.kind !== 'PERSON') return [];
  const clauses: Clause<RegistrationScopeFacts>[] = [{ where: { trainee: viewer.id }, holds: (r) => r.trainee.id === viewer.id }];
  if (dafPerimeter.size) clauses.push(structureClause([...dafPerimeter]));
  return clauses;
}

/**
 * The structures a DAF manager answers for: their own, and when it is a rectorat, every
 * structure of its académie (the académie itself, its platform, …) — "le responsable DAF du rectorat".
 */
export const DAF_PERIMETER_SQL = `
  select s.id from structure mine
    join structure s on s.id = mine.id
      or (mine.kind = 'RECTORAT' and mine.parent_id is not null and (s.id = mine.parent_id or s.parent_id = mine.parent_id))
   where mine.id = ?`;

/* ---------- the desk's working tools: canned answers (macros) and saved ticket views ---------- */

/**
 * Who works with the desk's tools (applies canned answers, keeps saved ticket views): the
 * agents of the support levels. A CCA, an application, an analyst do not.
 */
export const DESK_TOOL_USERS: readonly Role[] = TICKET_LINKERS;

/** Who manages every canned answer (shared ones, any team's) besides each team's members for their own team's: the administrators. */
export const MACRO_ADMINISTRATORS: readonly Role[] = [Role.ADMINISTRATOR];

export function usesDeskTools(viewer: Viewer): boolean {
  return isSupportAgent(viewer);
}

export function administersMacros(viewer: Viewer): boolean {
  return viewer.kind === 'PERSON' && MACRO_ADMINISTRATORS.some((r) => viewer.roles.has(r));
}

/** What the macro policy reads of a macro: its team (null: shared with every support agent). */
export interface MacroScopeFacts {
  team?: { id: string } | null;
}

/**
 * Which canned answers a viewer sees: an administrator every one (to manage them); a support
 * agent the shared ones and their own team's (`teamId`: the person's support team); nobody else any.
 */
export function macroScope(viewer: Viewer, teamId: string | null): Scope<MacroScopeFacts> {
  if (administersMacros(viewer)) return 'ALL';
  if (!usesDeskTools(viewer)) return [];
  const clauses: Clause<MacroScopeFacts>[] = [{ where: { team: null }, holds: (m) => !m.team }];
  if (teamId) clauses.push({ where: { team: teamId }, holds: (m) => m.team?.id === teamId });
  return clauses;
}

/** Who changes a canned answer: an administrator any; a team's member their team's; a shared one, administrators only. */
export function mayManageMacro(viewer: Viewer, teamId: string | null, macro: MacroScopeFacts): boolean {
  if (administersMacros(viewer)) return true;
  return usesDeskTools(viewer) && !!macro.team && macro.team.id === teamId;
}

/** What the saved-view policy reads of a view. */
export interface SavedViewScopeFacts {
  owner: { id: string };
  visibility: string;
  team?: { id: string } | null;
}

/**
 * Which saved ticket views a viewer reads: a support agent their own, and the TEAM views of
 * their support team (`teamId`). Reading a view never widens what its tickets show: they are
 * listed under the reader's own ticket scope.
 */
export function savedViewScope(viewer: Viewer, teamId: string | null): Scope<SavedViewScopeFacts> {
  if (!usesDeskTools(viewer)) return [];
  const clauses: Clause<SavedViewScopeFacts>[] = [{ where: { owner: viewer.id }, holds: (v) => v.owner.id === viewer.id }];
  if (teamId) clauses.push({ where: { visibility: 'TEAM', team: teamId }, holds: (v) => v.visibility === 'TEAM' && v.team?.id === teamId });
  return clauses;
}
