/**
 * Canned answers (macros): who keeps them, and applying one to a ticket. Free of GraphQL.
 * Applying runs the desk's own service functions (addComment, fireTransition, updateTicket)
 * inside one transaction: each checks its own rule as its mutation does, and the first refusal
 * rolls everything back.
 */
import { UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { macroScope, mayManageMacro, scopeFilter } from '../access/policies';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { likeContains } from '../core/text';
import { AuditAction, recordAudit, snapshot } from '../audit';
import { Person } from '../directory/person.entity';
import { SupportTeam } from '../directory/support-team.entity';
import { addComment, findVisibleTicket, fireTransition, TICKET_TEXT, TicketComment, updateTicket, type Ticket, type TicketEvent } from '../service-desk';
import { ServiceLevelClock, ServiceLevelMetric, standingsFor, structureZones } from '../service-levels';
import { MACRO_STATUS_TRANSITION, MacroStatus } from './desk-tools.enums';
import { DeskToolsErrorCode } from './desk-tools.errors';
import { assertUsesDeskTools, teamOf } from './desk-tools.team';
import { Macro } from './macro.entity';
import { frenchDueDate, placeholdersOf, renderMacroText, type MacroPlaceholder } from './macro.template';
import type { Config } from '../core/config';
import { DESK_TOOLS_MESSAGES as M } from './desk-tools.messages';
import { TICKET_MESSAGES } from '../service-desk/ticket.messages';

type TicketSettings = Config['tickets'];

export interface MacroFields {
  name: string;
  body: string;
  internal: boolean;
  setStatus: MacroStatus | null;
  setPriority: number | null;
}

/** Rules on a macro's content, whoever writes it. */
function checkFields(f: MacroFields): void {
  placeholdersOf(f.body);
  if (f.internal && f.setStatus === MacroStatus.WAITING_FOR_INFO) {
    throw new DomainError(DeskToolsErrorCode.MACRO_INTERNAL_QUESTION, M.MACRO_INTERNAL_QUESTION(), ['internal']);
  }
}

function assertMayManage(viewer: Viewer, teamId: string | null, macro: { team?: { id: string } | null }): void {
  if (!mayManageMacro(viewer, teamId, macro)) {
    throw new DomainError(
      DeskToolsErrorCode.MACRO_NOT_YOURS,
      macro.team ? M['MACRO_NOT_YOURS.team']() : M['MACRO_NOT_YOURS.shared'](),
    );
  }
}

/** Writes a macro; a name its team (or the shared ones) already has is MACRO_NAME_TAKEN (the unique index decides, so two at once cannot both win). */
async function saveMacro(em: EntityManager, macro: Macro): Promise<Macro> {
  try {
    await em.flush();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) {
      em.clear();
      throw new DomainError(DeskToolsErrorCode.MACRO_NAME_TAKEN, M[macro.team ? 'MACRO_NAME_TAKEN.team' : 'MACRO_NAME_TAKEN.shared']({ name: macro.name }), ['name']);
    }
    throw e;
  }
  return macro;
}

/** The macros the viewer may see (and, for an agent, use). */
export async function macrosWhere(em: EntityManager, viewer: Viewer, f: { teamId?: string | null; shared?: boolean | null; search?: string | null } = {}): Promise<FilterQuery<Macro>> {
  assertUsesDeskTools(viewer, { macros: true });
  const and: FilterQuery<Macro>[] = [scopeFilter(macroScope(viewer, await teamOf(em, viewer))) as FilterQuery<Macro>];
  if (f.teamId) and.push({ team: f.teamId });
  if (f.shared === true) and.push({ team: null });
  if (f.shared === false) and.push({ team: { $ne: null } });
  const q = f.search?.trim();
  if (q) and.push({ name: { $ilike: likeContains(q) } });
  return { $and: and };
}

export async function findVisibleMacros(em: EntityManager, viewer: Viewer, ids: readonly string[]): Promise<Macro[]> {
  if (!ids.length) return [];
  return em.find(Macro, { $and: [{ id: { $in: [...ids] } }, await macrosWhere(em, viewer)] });
}

async function visibleMacro(em: EntityManager, viewer: Viewer, id: string, field = 'id'): Promise<Macro> {
  const [m] = await findVisibleMacros(em, viewer, [id]);
  if (!m) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.macro'](), [field]);
  return m;
}

/** What the audit keeps of a macro's changes. */
const MACRO_AUDITED = ['name', 'body', 'internal', 'setStatus', 'setPriority'] as const;

/**
 * A new macro: shared (administrators) or owned by a team (its members, administrators);
 * `teamId` null and not shared: the creator's own team.
 */
export async function createMacro(em: EntityManager, viewer: Viewer, f: MacroFields & { shared: boolean; teamId: string | null }): Promise<Macro> {
  assertUsesDeskTools(viewer, { macros: true });
  const myTeam = await teamOf(em, viewer);
  const teamId = f.shared ? null : (f.teamId ?? myTeam);
  if (!f.shared && !teamId) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, M['VALIDATION_FAILED.macroTeam'](), ['teamId']);
  if (teamId && !(await em.findOne(SupportTeam, { id: teamId }))) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.supportTeam'](), ['teamId']);
  assertMayManage(viewer, myTeam, { team: teamId ? { id: teamId } : null });
  checkFields(f);
  const macro = em.create(Macro, {
    name: f.name.trim(),
    body: f.body,
    internal: f.internal,
    setStatus: f.setStatus,
    setPriority: f.setPriority,
    team: teamId ? em.getReference(SupportTeam, teamId) : null,
    createdBy: em.getReference(Person, viewer.id),
  });
  recordAudit(em, viewer, { action: AuditAction.MACRO_CREATED, target: macro, before: null, after: snapshot(macro, MACRO_AUDITED) });
  return saveMacro(em, macro);
}

/** Replaces a macro's content (its team stays: delete and create to move it). */
export async function updateMacro(em: EntityManager, viewer: Viewer, id: string, f: MacroFields): Promise<Macro> {
  const macro = await visibleMacro(em, viewer, id);
  assertMayManage(viewer, await teamOf(em, viewer), macro);
  checkFields(f);
  const before = snapshot(macro, MACRO_AUDITED);
  macro.name = f.name.trim();
  macro.body = f.body;
  macro.internal = f.internal;
  macro.setStatus = f.setStatus;
  macro.setPriority = f.setPriority;
  recordAudit(em, viewer, { action: AuditAction.MACRO_UPDATED, target: macro, before, after: snapshot(macro, MACRO_AUDITED) });
  return saveMacro(em, macro);
}

export async function deleteMacro(em: EntityManager, viewer: Viewer, id: string): Promise<string> {
  const macro = await visibleMacro(em, viewer, id);
  assertMayManage(viewer, await teamOf(em, viewer), macro);
  recordAudit(em, viewer, { action: AuditAction.MACRO_DELETED, target: macro, before: snapshot(macro, MACRO_AUDITED), after: null });
  await em.remove(macro).flush();
  return id;
}

/* ---------- applying ---------- */

/** The values of the placeholders for one ticket, read before anything changes (a question pauses the due date's clock). */
async function placeholderValues(em: EntityManager, viewer: Viewer, t: Ticket, used: Set<MacroPlaceholder>): Promise<Record<MacroPlaceholder, string>> {
  const values: Record<MacroPlaceholder, string> = { 'requester.name': '', 'ticket.reference': t.reference, 'ticket.title': t.title, 'ticket.dueDate': '', 'agent.name': '' };
  if (used.has('requester.name')) {
    const requester = t.requester ? await em.findOne(Person, { id: t.requester.id }) : null;
    values['requester.name'] = requester?.fullName ?? 'Madame, Monsieur';
  }
  if (used.has('agent.name')) values['agent.name'] = (await em.findOne(Person, { id: viewer.id }))?.fullName ?? '';
  if (used.has('ticket.dueDate')) {
    const standings = (await standingsFor(em, [t])).get(t.id) ?? [];
    const resolution = standings.find((s) => s.metric === ServiceLevelMetric.RESOLUTION && s.clock === ServiceLevelClock.RUNNING && s.dueAt);
    const zone = (await structureZones(em, [t.structure.id])).get(t.structure.id) ?? 'Europe/Paris';
    values['ticket.dueDate'] = resolution?.dueAt ? frenchDueDate(resolution.dueAt, zone) : 'non définie';
  }
  return values;
}

export interface MacroApplication {
  ticket: Ticket;
  comment: TicketComment | null;
  events: TicketEvent[];
}

/**
 * Applies a macro to a ticket, all or nothing: its rendered text as a comment (public or
 * internal as the macro says; with WAITING_FOR_INFO it is the REQUEST_INFO question, which that
 * transition posts as a public comment), then its priority through `updateTicket`. Every step
 * is the desk's own function with its own rule; `version` is the ticket's as the caller read it
 * (needed when the macro changes the ticket, checked by the desk as for the single mutations).
 */
export async function applyMacro(em: EntityManager, viewer: Viewer, settings: TicketSettings, macroId: string, ticketId: string, version: number | null): Promise<MacroApplication> {
  assertUsesDeskTools(viewer);
  return em.transactional(async (tem) => {
    const macro = await visibleMacro(tem, viewer, macroId, 'macroId');
    const found = await findVisibleTicket(tem, viewer, { id: ticketId });
    if (!found) throw new DomainError(CoreErrorCode.NOT_FOUND, TICKET_MESSAGES['NOT_FOUND.ticket'](), ['ticketId']);
    const changes = macro.setStatus !== null || macro.setPriority !== null;
    if (changes && version === null) {
      throw new DomainError(DeskToolsErrorCode.MACRO_VERSION_REQUIRED, M.MACRO_VERSION_REQUIRED(), ['version']);
    }
    const text = renderMacroText(macro.body, await placeholderValues(tem, viewer, found, placeholdersOf(macro.body))).trim();
    if ([...text].length > TICKET_TEXT.comment) {
      throw new DomainError(DeskToolsErrorCode.MACRO_TEXT_TOO_LONG, M['MACRO_TEXT_TOO_LONG.max']({ max: TICKET_TEXT.comment }), ['macroId'], { max: TICKET_TEXT.comment });
    }
    let ticket: Ticket;
    let comment: TicketComment | null;
    const events: TicketEvent[] = [];
    if (macro.setStatus) {
      const done = await fireTransition(tem, viewer, settings, ticketId, version!, MACRO_STATUS_TRANSITION[macro.setStatus], text);
      ticket = done.ticket;
      events.push(done.event);
      comment = await tem.findOne(TicketComment, { ticket: ticketId, internal: false, createdAt: done.event.createdAt, body: text });
    } else {
      const done = await addComment(tem, viewer, ticketId, text, macro.internal);
      ticket = done.ticket;
      comment = done.comment;
    }
    if (macro.setPriority !== null) {
      // the version the caller read, unless this macro's transition just moved it (a comment does not)
      const done = await updateTicket(tem, viewer, ticketId, macro.setStatus ? ticket.version : version!, { priority: macro.setPriority });
      ticket = done.ticket;
      events.push(...done.events);
    }
    return { ticket, comment, events };
  });
}
