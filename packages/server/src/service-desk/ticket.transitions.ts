/**
 * THE life cycle of a ticket: one table of allowed transitions, each with who may fire
 * it, and the named rules every change goes through. Pure functions of the viewer and
 * the ticket's row; the service calls them under a row lock, the resolver calls
 * `allowedTransitions` to tell a front end which buttons to show.
 */
import { actsAsCcaFor, inScope as inPolicyScope, READ_ALL_ROLES, TICKET_LINKERS, ticketScope } from '../access/policies';
import type { Config } from '../core/config';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { Role, roleList } from '../core/roles';
import { SupportLevel } from '../directory/directory.enums';
import { TicketErrorCode } from './ticket.errors';
import { RESOLVED_STATUSES, TicketNature, TicketStatus, TicketTransition } from './ticket.enums';
import { actionLabel, levelLabel, statusLabel, TICKET_MESSAGES as M } from './ticket.messages';

/**
 * For whom a role may fire a transition:
 * - OWN_STRUCTURE: a CCA, on a ticket of their structure;
 * - OPENER: the very person or application that opened the ticket;
 * - CURRENT_LEVEL: an agent of the level that holds the ticket now;
 * - ANY: any ticket the viewer sees.
 */
export type Scope = 'OWN_STRUCTURE' | 'OPENER' | 'CURRENT_LEVEL' | 'ANY';

/** The service desk's settings (core/config.ts validates them at start). */
export type TicketSettings = Config['tickets'];

/** The fields of a ticket the rules read (the entity satisfies it). */
export interface TicketFacts {
  status: TicketStatus;
  level: SupportLevel;
  nature: TicketNature;
  structure: { id: string };
  requester?: { id: string } | null;
  openedBy?: { id: string } | null;
  openedByApplication?: { id: string } | null;
  escalationCount: number;
  takenAt?: Date | null;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  satisfactionScore?: number | null;
  /** Set once the ticket was merged into another: it never changes again. */
  mergedInto?: { id: string } | null;
  /** Who follows it besides its requester (see access/policies ticketScope). */
  watcherIds?: readonly string[] | null;
}

/** What a transition does besides changing the status. */
export interface TransitionEffect {
  level?: SupportLevel;
  nature?: TicketNature;
  /** 'ACTOR' = the agent firing it; 'ESCALATED_BY' = the SN1 agent who escalated; null = nobody. */
  assignee?: 'ACTOR' | 'ESCALATED_BY' | null;
}

export interface TransitionRule {
  transition: TicketTransition;
  from: readonly TicketStatus[];
  to: TicketStatus;
  actors: readonly { role: Role; scope: Scope }[];
  /** Levels the ticket must be at (default: any). */
  atLevels?: readonly SupportLevel[];
  /** The transition needs a text: the question, the answer, the reason or the resolution. */
  needsReason?: boolean;
  /** The text is also posted as a public comment, for the requesting side to read. */
  publicReason?: boolean;
  /** A check of its own after status and level: REOPEN_DELAY (within the reopening delay of the resolution), NOT_TAKEN_YET (the support has not taken it). */
  guard?: 'REOPEN_DELAY' | 'NOT_TAKEN_YET';
  effect?: TransitionEffect;
  /** Who refuses when the role is wrong, when that rule has a name of its own. */
  roleRuleCode?: TicketErrorCode;
  /** Fired only by a mutation of its own (which asks for more than a reason), not by a generic transition mutation. */
  dedicatedMutation?: boolean;
  /** What else it does, in words, for its documentation. */
  note?: string;
}

const S = TicketStatus;
const AGENTS = [
  { role: Role.SN1_AGENT, scope: 'CURRENT_LEVEL' },
  { role: Role.SN2_AGENT, scope: 'CURRENT_LEVEL' },
  { role: Role.TECHNICAL_AGENT, scope: 'CURRENT_LEVEL' },
] as const;
const REQUESTING_SIDE = [
  { role: Role.CCA, scope: 'OWN_STRUCTURE' },
  { role: Role.APPLICATION, scope: 'OPENER' },
] as const;

export const TRANSITIONS: Record<TicketTransition, TransitionRule> = {
  SUBMIT: { transition: TicketTransition.SUBMIT, from: [S.NEW], to: S.SUBMITTED, actors: REQUESTING_SIDE },
  TAKE: { transition: TicketTransition.TAKE, from: [S.SUBMITTED, S.ESCALATED, S.REOPENED], to: S.IN_PROGRESS, actors: AGENTS, effect: { assignee: 'ACTOR' } },
  REQUEST_INFO: { transition: TicketTransition.REQUEST_INFO, from: [S.IN_PROGRESS], to: S.WAITING_FOR_INFO, actors: AGENTS, needsReason: true, publicReason: true },
  PROVIDE_INFO: { transition: TicketTransition.PROVIDE_INFO, from: [S.WAITING_FOR_INFO], to: S.IN_PROGRESS, actors: REQUESTING_SIDE, needsReason: true, publicReason: true },
  ESCALATE: {
    transition: TicketTransition.ESCALATE,
    from: [S.IN_PROGRESS],
    to: S.ESCALATED,
    actors: [{ role: Role.SN1_AGENT, scope: 'CURRENT_LEVEL' }],
    atLevels: [SupportLevel.SN1],
    needsReason: true,
    effect: { level: SupportLevel.SN2, assignee: null },
    roleRuleCode: TicketErrorCode.ESCALATION_RESERVED_TO_SN1,
  },
  RETURN_TO_SN1: {
    transition: TicketTransition.RETURN_TO_SN1,
    from: [S.ESCALATED, S.IN_PROGRESS],
    to: S.IN_PROGRESS,
    actors: [{ role: Role.SN2_AGENT, scope: 'CURRENT_LEVEL' }],
    atLevels: [SupportLevel.SN2],
    needsReason: true,
    publicReason: true,
    effect: { level: SupportLevel.SN1, assignee: 'ESCALATED_BY' },
  },
  TRANSFER_TO_TECHNICAL: {
    transition: TicketTransition.TRANSFER_TO_TECHNICAL,
    from: [S.SUBMITTED, S.IN_PROGRESS, S.REOPENED],
    to: S.SUBMITTED,
    actors: [{ role: Role.SN1_AGENT, scope: 'CURRENT_LEVEL' }],
    atLevels: [SupportLevel.SN1],
    needsReason: true,
    effect: { level: SupportLevel.TECHNICAL, nature: TicketNature.TECHNICAL, assignee: null },
  },
  TRANSFER_TO_FUNCTIONAL: {
    transition: TicketTransition.TRANSFER_TO_FUNCTIONAL,
    from: [S.SUBMITTED, S.IN_PROGRESS, S.REOPENED],
    to: S.SUBMITTED,
    actors: [{ role: Role.TECHNICAL_AGENT, scope: 'CURRENT_LEVEL' }],
    atLevels: [SupportLevel.TECHNICAL],
    needsReason: true,
    effect: { level: SupportLevel.SN1, nature: TicketNature.FUNCTIONAL, assignee: null },
  },
  RESOLVE: { transition: TicketTransition.RESOLVE, from: [S.IN_PROGRESS], to: S.RESOLVED, actors: AGENTS, needsReason: true, publicReason: true },
  CLOSE: { transition: TicketTransition.CLOSE, from: [S.RESOLVED], to: S.CLOSED, actors: [...REQUESTING_SIDE, { role: Role.SN1_AGENT, scope: 'ANY' }] },
  REOPEN: { transition: TicketTransition.REOPEN, from: [S.RESOLVED, S.CLOSED], to: S.REOPENED, actors: REQUESTING_SIDE, needsReason: true, publicReason: true, guard: 'REOPEN_DELAY', effect: { assignee: null } },
  CANCEL: {
    transition: TicketTransition.CANCEL,
    from: [S.NEW, S.SUBMITTED],
    to: S.CANCELLED,
    actors: [
      { role: Role.CCA, scope: 'OPENER' },
      { role: Role.APPLICATION, scope: 'OPENER' },
    ],
    guard: 'NOT_TAKEN_YET',
  },
  MERGE: {
    transition: TicketTransition.MERGE,
    from: [S.NEW, S.SUBMITTED, S.IN_PROGRESS, S.WAITING_FOR_INFO, S.ESCALATED, S.REOPENED, S.RESOLVED],
    to: S.CLOSED,
    actors: TICKET_LINKERS.map((role) => ({ role, scope: 'ANY' as const })),
    dedicatedMutation: true,
    note:
      'Fired on the duplicate by mergeTicket, with its original (`intoId`): a ticket of the same structure that the agent sees too, neither merged nor closed nor cancelled (NOT_FOUND when it does not exist or is not visible). In one transaction: the duplicate is closed with `mergedInto` set, a DUPLICATE_OF link made, its comments and files carried over to the original (files whose bytes the original already has stay), its requester and opening application made watchers of the original (they see it), its children given to the original; a MERGED_INTO event on the duplicate and a MERGED_FROM event on the original, broadcast like any other. A merged ticket never changes again (TICKET_ALREADY_MERGED), not even by reopening.',
  },
};

/** The agent role of each level. */
export const LEVEL_ROLE: Record<SupportLevel, Role> = {
  [SupportLevel.SN1]: Role.SN1_AGENT,
  [SupportLevel.SN2]: Role.SN2_AGENT,
  [SupportLevel.TECHNICAL]: Role.TECHNICAL_AGENT,
};

const SUPPORT_ROLES = [Role.SN1_AGENT, Role.SN2_AGENT, Role.TECHNICAL_AGENT];

/* ---------- the table in words (the transition mutations' descriptions) ---------- */

const SCOPE_WORDS: Record<Scope, string> = {
  OWN_STRUCTURE: 'of the ticket’s structure',
  OPENER: 'that opened it',
  CURRENT_LEVEL: 'of the level that holds it',
  ANY: 'on any ticket they see',
};
const ASSIGNEE_WORDS = { ACTOR: 'the agent who fires it', ESCALATED_BY: 'the SN1 agent who escalated it', none: 'nobody' } as const;
const GUARD_WORDS: Record<NonNullable<TransitionRule['guard']>, string> = {
  REOPEN_DELAY: 'Only within the reopening delay (TICKET_REOPEN_DELAY_DAYS) of the resolution or closing.',
  NOT_TAKEN_YET: 'Only while no agent has taken the ticket yet.',
};
const or = (words: readonly string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`);

/**
 * What a rule of the table says, in words: from which statuses to which (at which levels),
 * who fires it, what else it changes, its own check, and its text. Written from the table,
 * so the API's documentation cannot drift from the rules.
 */
export function describeTransition(rule: TransitionRule): string {
  const byScope = new Map<Scope, Role[]>();
  for (const a of rule.actors) byScope.set(a.scope, [...(byScope.get(a.scope) ?? []), a.role]);
  const effect = rule.effect ?? {};
  const changes = [
    effect.level && `level → ${effect.level}`,
    effect.nature && `nature → ${effect.nature}`,
    effect.assignee !== undefined && `assignee → ${ASSIGNEE_WORDS[effect.assignee ?? 'none']}`,
  ].filter((c): c is string => !!c);
  return [
    `${rule.transition}: ${or(rule.from)} → ${rule.to}${rule.atLevels ? `, for a ticket at ${or(rule.atLevels)}` : ''}.`,
    `Who: ${[...byScope].map(([scope, roles]) => `${or(roles)} ${SCOPE_WORDS[scope]}`).join('; ')}.`,
    changes.length ? `Also: ${changes.join('; ')}.` : '',
    rule.guard ? GUARD_WORDS[rule.guard] : '',
    rule.needsReason ? `Reason: required${rule.publicReason ? ', also posted as a public comment' : ''}.` : 'Reason: an optional note.',
    rule.note ?? '',
  ]
    .filter(Boolean)
    .join(' ');
}

const has = (v: Viewer, r: Role) => v.roles.has(r);
const isPerson = (v: Viewer, id: string | undefined | null) => v.kind === 'PERSON' && !!id && v.id === id;

/* ---------- seeing ---------- */

/** Who sees a ticket: the access module's ticket policy (its SQL form filters every list). */
export function maySee(viewer: Viewer, t: TicketFacts): boolean {
  return inPolicyScope(ticketScope(viewer), t);
}

/** A ticket the viewer may not see must look like no ticket at all. */
export function assertMaySee(viewer: Viewer, t: TicketFacts | null): asserts t is TicketFacts {
  if (!t || !maySee(viewer, t)) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.ticket'](), ['id']);
}

/** Internal comments are for the support levels (and the read-all roles). */
export function maySeeInternalComments(viewer: Viewer): boolean {
  return [...SUPPORT_ROLES, ...READ_ALL_ROLES].some((r) => has(viewer, r));
}

/** The `field` of the history events about an internal file (ATTACHMENT_ADDED / ATTACHMENT_REMOVED). */
export const INTERNAL_ATTACHMENT_FIELD = 'internalAttachment';

/** The `field` of the live COMMENT_ADDED events of internal comments (`comment` for public ones); never stored in a history. */
export const INTERNAL_COMMENT_FIELD = 'internalComment';

/**
 * History events about internal objects follow the objects' visibility: an internal file's
 * events (and an internal comment's live event) reach whoever may see internal comments, nobody else (the history field, node(id:),
 * ticketUpdated and ticketEvents all ask here). `internalEventsHiddenSql` is the same rule
 * for the statement that reads a history.
 */
export function mayReadEvent(viewer: Viewer, e: { field?: string | null }): boolean {
  return (e.field !== INTERNAL_ATTACHMENT_FIELD && e.field !== INTERNAL_COMMENT_FIELD) || maySeeInternalComments(viewer);
}

/** SQL over a ticket_event alias: the events a viewer who may not see internal objects reads. */
export const internalEventsHiddenSql = (event: string) => `${event}.field is distinct from '${INTERNAL_ATTACHMENT_FIELD}'`;

/* ---------- acting ---------- */

function inScope(viewer: Viewer, t: TicketFacts, role: Role, scope: Scope): boolean {
  if (!has(viewer, role)) return false;
  switch (scope) {
    case 'ANY':
      return true;
    case 'OWN_STRUCTURE':
      return actsAsCcaFor(viewer, t.structure.id);
    case 'OPENER':
      return viewer.kind === 'APPLICATION' ? t.openedByApplication?.id === viewer.id : isPerson(viewer, t.openedBy?.id);
    case 'CURRENT_LEVEL':
      return LEVEL_ROLE[t.level] === role;
  }
}

/** Refuses read-only viewers first, so an analyst learns why rather than a rule detail. */
function assertMayChangeSomething(viewer: Viewer): void {
  const actsSomewhere = [Role.CCA, Role.APPLICATION, ...SUPPORT_ROLES].some((r) => has(viewer, r));
  if (!actsSomewhere) throw new DomainError(TicketErrorCode.READ_ONLY_ROLE, M.READ_ONLY_ROLE());
}

/** A closed ticket changes only by reopening; a cancelled or merged one never. */
export function assertNotFinished(t: TicketFacts, transition?: TicketTransition): void {
  if (t.mergedInto) throw new DomainError(TicketErrorCode.TICKET_ALREADY_MERGED, M['TICKET_ALREADY_MERGED.act']());
  if (t.status === S.CLOSED && transition !== TicketTransition.REOPEN)
    throw new DomainError(TicketErrorCode.TICKET_CLOSED, M.TICKET_CLOSED());
  if (t.status === S.CANCELLED) throw new DomainError(TicketErrorCode.TICKET_FINISHED, M['TICKET_FINISHED.cancelled']());
}

/**
 * Whether `viewer` may fire `transition` on `t` now; throws the DomainError of the first
 * rule that refuses, its code naming the rule. Order: finished ticket, role, scope,
 * status, then the transition's own guards.
 */
export function assertMayFire(viewer: Viewer, t: TicketFacts, transition: TicketTransition, settings: TicketSettings, now = new Date(), reason?: string | null): void {
  const rule = TRANSITIONS[transition];
  assertMayChangeSomething(viewer);
  assertNotFinished(t, transition);
  const candidates = rule.actors.filter((a) => has(viewer, a.role));
  if (!candidates.length) {
    const roles = roleList([...new Set(rule.actors.map((a) => a.role))]);
    if (rule.roleRuleCode) throw new DomainError(rule.roleRuleCode, M[rule.roleRuleCode]());
    throw new DomainError(TicketErrorCode.ROLE_MAY_NOT_FIRE_TRANSITION, M['ROLE_MAY_NOT_FIRE_TRANSITION.roles']({ action: actionLabel(transition), roles }));
  }
  if (!candidates.some((a) => inScope(viewer, t, a.role, a.scope))) {
    const scope = candidates[0].scope;
    if (scope === 'CURRENT_LEVEL') throw new DomainError(TicketErrorCode.NOT_AT_YOUR_LEVEL, M['NOT_AT_YOUR_LEVEL.act']({ level: levelLabel(t.level) }));
    if (scope === 'OPENER') throw new DomainError(TicketErrorCode.NOT_THE_OPENER, M['NOT_THE_OPENER.action']({ action: actionLabel(transition) }));
    throw new DomainError(TicketErrorCode.NOT_YOUR_STRUCTURE, M['NOT_YOUR_STRUCTURE.cca']());
  }
  if (!rule.from.includes(t.status)) {
    throw new DomainError(TicketErrorCode.TRANSITION_NOT_ALLOWED_FROM_STATUS, M['TRANSITION_NOT_ALLOWED_FROM_STATUS.action']({ action: actionLabel(transition), from: statusLabel(...rule.from), status: statusLabel(t.status) }));
  }
  if (rule.atLevels && !rule.atLevels.includes(t.level)) {
    throw new DomainError(TicketErrorCode.NOT_AT_YOUR_LEVEL, M['NOT_AT_YOUR_LEVEL.action']({ action: actionLabel(transition), levels: levelLabel(...rule.atLevels), level: levelLabel(t.level) }));
  }
  if (rule.guard === 'REOPEN_DELAY') assertWithinReopenDelay(t, settings, now);
  if (rule.guard === 'NOT_TAKEN_YET' && t.takenAt) {
    throw new DomainError(TicketErrorCode.CANCEL_AFTER_TAKEN, M.CANCEL_AFTER_TAKEN());
  }
  if (rule.needsReason && !reason?.trim()) throw new DomainError(TicketErrorCode.REASON_REQUIRED, M['REASON_REQUIRED.action']({ action: actionLabel(transition) }), ['reason']);
}

export function assertWithinReopenDelay(t: TicketFacts, settings: TicketSettings, now = new Date()): void {
  const since = t.closedAt ?? t.resolvedAt;
  if (since && now.getTime() - since.getTime() > settings.reopenDelayMs) {
    const days = Math.round(settings.reopenDelayMs / 86_400_000);
    throw new DomainError(TicketErrorCode.REOPEN_DELAY_EXPIRED, M['REOPEN_DELAY_EXPIRED.days']({ days }));
  }
}

/** The transitions the viewer may fire now (for the buttons of a front end); reasons are asked for later. */
export function allowedTransitions(viewer: Viewer, t: TicketFacts, settings: TicketSettings, now = new Date()): TicketTransition[] {
  return Object.values(TicketTransition).filter((tr) => {
    try {
      assertMayFire(viewer, t, tr, settings, now, 'x');
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Only CCAs (for their own structure) and applications (for their structures) open
 * tickets; everybody else, support levels included, is refused.
 */
export function assertMayOpenFor(viewer: Viewer, structureId: string): void {
  if (viewer.kind === 'APPLICATION' && has(viewer, Role.APPLICATION)) {
    if (!viewer.applicationStructureIds.includes(structureId))
      throw new DomainError(TicketErrorCode.NOT_YOUR_STRUCTURE, M['NOT_YOUR_STRUCTURE.application'](), ['structureId']);
    return;
  }
  if (!has(viewer, Role.CCA)) throw new DomainError(TicketErrorCode.ONLY_CCA_OR_APPLICATION_OPENS, M.ONLY_CCA_OR_APPLICATION_OPENS());
  if (!actsAsCcaFor(viewer, structureId))
    throw new DomainError(TicketErrorCode.NOT_YOUR_STRUCTURE, M['NOT_YOUR_STRUCTURE.open'](), ['structureId']);
}

/**
 * Editing the description fields: the requesting side (CCA of the structure, opening
 * application) while the ticket is not resolved; agents of the current level at any time
 * until it is closed.
 */
export function assertMayEdit(viewer: Viewer, t: TicketFacts): void {
  assertMayChangeSomething(viewer);
  assertNotFinished(t);
  const agent = SUPPORT_ROLES.some((r) => inScope(viewer, t, r, 'CURRENT_LEVEL'));
  const requesting = inScope(viewer, t, Role.CCA, 'OWN_STRUCTURE') || inScope(viewer, t, Role.APPLICATION, 'OPENER');
  if (!agent && !requesting) throw new DomainError(TicketErrorCode.NOT_AT_YOUR_LEVEL, M['NOT_AT_YOUR_LEVEL.edit']({ level: levelLabel(t.level) }));
  if (!agent && t.status === S.RESOLVED) throw new DomainError(TicketErrorCode.TICKET_FINISHED, M['TICKET_FINISHED.resolved']());
}

/** Assigning: an agent of the current level, to an active agent of that level (or to nobody). */
export function assertMayAssign(viewer: Viewer, t: TicketFacts, assignee: { roles: Role[]; active: boolean } | null): void {
  assertMayChangeSomething(viewer);
  assertNotFinished(t);
  if (!SUPPORT_ROLES.some((r) => inScope(viewer, t, r, 'CURRENT_LEVEL')))
    throw new DomainError(TicketErrorCode.NOT_AT_YOUR_LEVEL, M['NOT_AT_YOUR_LEVEL.assign']({ level: levelLabel(t.level) }));
  if (t.status === S.NEW || t.status === S.RESOLVED) throw new DomainError(TicketErrorCode.TRANSITION_NOT_ALLOWED_FROM_STATUS, M['TRANSITION_NOT_ALLOWED_FROM_STATUS.assign']({ status: statusLabel(t.status) }));
  if (assignee && (!assignee.active || !assignee.roles.includes(LEVEL_ROLE[t.level])))
    throw new DomainError(TicketErrorCode.ASSIGNEE_NOT_AT_LEVEL, M['ASSIGNEE_NOT_AT_LEVEL.role']({ role: roleList([LEVEL_ROLE[t.level]]) }), ['assigneeId']);
}

/**
 * Comments and files: the requesting side adds public ones; agents of any level that sees
 * the ticket add public or internal ones. Read-only roles add none. `what` only names the
 * thing refused (its own code), the rule is the same for both.
 */
export function assertMayComment(viewer: Viewer, t: TicketFacts, internal: boolean, what: 'comment' | 'attachment' = 'comment'): void {
  assertMayChangeSomething(viewer);
  assertNotFinished(t);
  const agent = SUPPORT_ROLES.some((r) => has(viewer, r));
  if (internal && !agent) {
    if (what === 'attachment')
      throw new DomainError(TicketErrorCode.INTERNAL_ATTACHMENT_NOT_ALLOWED, M.INTERNAL_ATTACHMENT_NOT_ALLOWED(), ['internal']);
    throw new DomainError(TicketErrorCode.INTERNAL_COMMENT_NOT_ALLOWED, M.INTERNAL_COMMENT_NOT_ALLOWED(), ['internal']);
  }
  const requesting = inScope(viewer, t, Role.CCA, 'OWN_STRUCTURE') || inScope(viewer, t, Role.APPLICATION, 'OPENER');
  if (!agent && !requesting) throw new DomainError(TicketErrorCode.NOT_YOUR_STRUCTURE, M['NOT_YOUR_STRUCTURE.comment']());
}

/** The requesting side rates each resolution once (a reopening clears the rating: applyTransition). */
export function assertMayRate(viewer: Viewer, t: TicketFacts): void {
  assertMayChangeSomething(viewer);
  if (!(inScope(viewer, t, Role.CCA, 'OWN_STRUCTURE') || inScope(viewer, t, Role.APPLICATION, 'OPENER')))
    throw new DomainError(TicketErrorCode.NOT_YOUR_STRUCTURE, M['NOT_YOUR_STRUCTURE.rate']());
  if (!RESOLVED_STATUSES.includes(t.status)) throw new DomainError(TicketErrorCode.NOT_RESOLVED, M.NOT_RESOLVED());
  if (t.satisfactionScore != null) throw new DomainError(TicketErrorCode.ALREADY_RATED, M.ALREADY_RATED());
}
