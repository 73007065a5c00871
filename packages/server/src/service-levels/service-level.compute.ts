/**
 * Where a ticket stands against its targets, from its history: pure, so the field on
 * Ticket, the at-risk queue's snapshots and the crossing job all compute it the same way.
 */
import { SupportLevel } from '../directory/directory.enums';
import { FINISHED_STATUSES, FIRST_RESPONSE_TRANSITIONS, TicketStatus, TicketTransition } from '../service-desk/ticket.enums';
import { addBusinessMs, businessMsBetween, type CalendarRules } from './calendar';
import { ServiceLevelClock, ServiceLevelMetric, ServiceLevelState } from './service-level.enums';

/** One step of the history: the ticket's status and level from `at` until the next step. */
export interface HistoryStep {
  at: Date;
  transition: TicketTransition | null;
  toStatus: TicketStatus;
  toLevel: SupportLevel;
}

export interface TargetRule {
  id: string;
  metric: ServiceLevelMetric;
  level: SupportLevel | null;
  targetSeconds: number;
  atRiskShare: number;
  calendar: CalendarRules;
}

export interface ServiceLevelStanding {
  targetId: string;
  metric: ServiceLevelMetric;
  level: SupportLevel | null;
  targetSeconds: number;
  elapsedSeconds: number;
  /** Target minus elapsed; negative once breached. */
  remainingSeconds: number;
  clock: ServiceLevelClock;
  state: ServiceLevelState;
  /** When the at-risk share was (or, while running, will be) reached; null when paused or stopped before it. */
  atRiskAt: Date | null;
  /** When the target was (or, while running, will be) reached; null when paused or stopped before it. */
  dueAt: Date | null;
}

/** With the support and not waiting for the requester: the statuses that count. */
const COUNTING = new Set([TicketStatus.SUBMITTED, TicketStatus.IN_PROGRESS, TicketStatus.ESCALATED, TicketStatus.REOPENED]);
const FINISHED = new Set(FINISHED_STATUSES);
const RESPONSES = new Set(FIRST_RESPONSE_TRANSITIONS);

/** The targets that apply to a ticket of this priority; `byPriority` holds every configured target. */
export function standingsOf(steps: readonly HistoryStep[], rules: readonly TargetRule[], now: Date): ServiceLevelStanding[] {
  const out: ServiceLevelStanding[] = [];
  const submitted = steps.findIndex((s) => s.transition === TicketTransition.SUBMIT);
  if (submitted < 0) return out;
  const responded = steps.findIndex((s) => s.transition !== null && RESPONSES.has(s.transition));
  const last = steps[steps.length - 1];
  for (const rule of rules) {
    const counts = (i: number): boolean => {
      if (i < submitted || !COUNTING.has(steps[i].toStatus)) return false;
      if (rule.metric === ServiceLevelMetric.FIRST_RESPONSE) return responded < 0 || i < responded;
      if (rule.metric === ServiceLevelMetric.LEVEL_HOLD) return steps[i].toLevel === rule.level;
      return true;
    };
    if (rule.metric === ServiceLevelMetric.LEVEL_HOLD && !steps.some((_, i) => counts(i))) continue;
    out.push(standing(steps, rule, counts, clockOf(rule, last, responded >= 0), now));
  }
  return out;
}

function clockOf(rule: TargetRule, last: HistoryStep, responded: boolean): ServiceLevelClock {
  if (FINISHED.has(last.toStatus)) return ServiceLevelClock.STOPPED;
  if (rule.metric === ServiceLevelMetric.FIRST_RESPONSE && responded) return ServiceLevelClock.STOPPED;
  if (rule.metric === ServiceLevelMetric.LEVEL_HOLD && last.toLevel !== rule.level) return ServiceLevelClock.STOPPED;
  return COUNTING.has(last.toStatus) ? ServiceLevelClock.RUNNING : ServiceLevelClock.PAUSED;
}

function standing(steps: readonly HistoryStep[], rule: TargetRule, counts: (i: number) => boolean, clock: ServiceLevelClock, now: Date): ServiceLevelStanding {
  const targetMs = rule.targetSeconds * 1000;
  const riskMs = Math.ceil(targetMs * rule.atRiskShare);
  let elapsed = 0;
  let atRiskAt: Date | null = null;
  let dueAt: Date | null = null;
  for (let i = 0; i < steps.length; i++) {
    if (!counts(i)) continue;
    const from = steps[i].at;
    const to = i + 1 < steps.length ? steps[i + 1].at : now;
    const gained = businessMsBetween(rule.calendar, from, to);
    // a threshold crossed inside this step: the exact instant, for the crossing job and the queue's order
    if (!atRiskAt && elapsed + gained >= riskMs) atRiskAt = addBusinessMs(rule.calendar, from, riskMs - elapsed);
    if (!dueAt && elapsed + gained >= targetMs) dueAt = addBusinessMs(rule.calendar, from, targetMs - elapsed);
    elapsed += gained;
  }
  if (clock === ServiceLevelClock.RUNNING) {
    atRiskAt ??= addBusinessMs(rule.calendar, now, riskMs - elapsed);
    dueAt ??= addBusinessMs(rule.calendar, now, targetMs - elapsed);
  }
  const state = elapsed >= targetMs ? ServiceLevelState.BREACHED : elapsed >= riskMs ? ServiceLevelState.AT_RISK : ServiceLevelState.ON_TRACK;
  return {
    targetId: rule.id,
    metric: rule.metric,
    level: rule.level,
    targetSeconds: rule.targetSeconds,
    elapsedSeconds: Math.floor(elapsed / 1000),
    remainingSeconds: Math.ceil((targetMs - elapsed) / 1000),
    clock,
    state,
    atRiskAt,
    dueAt,
  };
}
