/**
 * Service levels, free of GraphQL: the administrator's configuration (calendars, targets,
 * structures' time zones), each ticket's standing computed from its history, the
 * snapshot the at-risk queue and the statistics read, and the crossings announced once.
 */
import { raw, UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import type { Text } from '../core/i18n';
import { M } from './service-level.messages';
import { serviceLevelCrossed } from '../core/metrics';
import { Role } from '../core/roles';
import { pgArray } from '../core/sql';
import { SupportLevel } from '../directory/directory.enums';
import { Structure } from '../directory/structure.entity';
import { Ticket } from '../service-desk/ticket.entity';
import { TicketEventKind, TicketStatus, TicketTransition } from '../service-desk/ticket.enums';
import { recordOnTicket, visibleTicketsWhere, type TicketNotice } from '../service-desk/ticket.service';
import { hasWorkingTime, isValidTimeZone, minutesOf, type CalendarRules, type WorkingWindow } from './calendar';
import { standingsOf, type HistoryStep, type ServiceLevelStanding, type TargetRule } from './service-level.compute';
import { BusinessCalendar, ServiceLevelTarget, StructureTimeZone, ServiceLevelQueueEntry } from './service-level.entity';
import { ServiceLevelClock, ServiceLevelMetric, ServiceLevelState, ServiceLevelStatisticsDimension } from './service-level.enums';
import { AuditAction } from '../audit/audit.enums';
import { recordAudit, snapshot } from '../audit/audit.service';
import { ServiceLevelErrorCode } from './service-level.errors';

/* ---------- who may do what ---------- */

export function assertMayConfigure(viewer: Viewer): void {
  if (!viewer.roles.has(Role.ADMINISTRATOR)) throw new DomainError(CoreErrorCode.FORBIDDEN, M['FORBIDDEN.serviceLevels']());
}

/** Who reads the at-risk queue: the support levels and the read-all roles (each sees the tickets the visibility rule lets them see). */
export const QUEUE_ROLES = [Role.SN1_AGENT, Role.SN2_AGENT, Role.TECHNICAL_AGENT, Role.ANALYST, Role.ADMINISTRATOR];

/* ---------- configuration ---------- */

export interface CalendarFields {
  code?: string;
  name?: string | null;
  timeZone?: string | null;
  windows?: WorkingWindow[] | null;
  frenchHolidays?: boolean | null;
  alsaceMoselle?: boolean | null;
  closedDays?: string[] | null;
  /** Labels by date; only the closed days' are kept. */
  closedDayLabels?: Record<string, string> | null;
}

/** Most extra closed days a calendar holds. */
export const MAX_CLOSED_DAYS = 500;
export const MAX_CLOSED_DAY_LABEL = 200;

function checkedZone(zone: string, field = 'timeZone'): string {
  const z = zone.trim();
  if (!isValidTimeZone(z)) throw new DomainError(ServiceLevelErrorCode.INVALID_TIME_ZONE, M['INVALID_TIME_ZONE.named']({ zone: z.slice(0, 64) }), [field]);
  return z;
}

function checkedWindows(windows: WorkingWindow[]): WorkingWindow[] {
  const bad = (m: Text, bounds: { min: number; max: number } | null = null) => new DomainError(ServiceLevelErrorCode.INVALID_WORKING_WINDOW, m, ['windows'], bounds);
  const out = windows.map((w) => ({ weekday: w.weekday, start: w.start.trim(), end: w.end.trim() }));
  for (const w of out) {
    const s = minutesOf(w.start);
    const e = minutesOf(w.end);
    if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7) throw bad(M['INVALID_WORKING_WINDOW.weekday']({ weekday: w.weekday }), { min: 1, max: 7 });
    if (s === null || e === null || w.start === '24:00') throw bad(M['INVALID_WORKING_WINDOW.time']({ start: w.start, end: w.end }));
    if (e <= s) throw bad(M['INVALID_WORKING_WINDOW.order']({ start: w.start, end: w.end }));
  }
  out.sort((a, b) => a.weekday - b.weekday || minutesOf(a.start)! - minutesOf(b.start)!);
  for (let i = 1; i < out.length; i++) {
    if (out[i].weekday === out[i - 1].weekday && minutesOf(out[i].start)! < minutesOf(out[i - 1].end)!) throw bad(M['INVALID_WORKING_WINDOW.overlap']({ weekday: out[i].weekday }));
  }
  if (!hasWorkingTime({ windows: out } as unknown as CalendarRules)) throw new DomainError(ServiceLevelErrorCode.NO_WORKING_TIME, M.NO_WORKING_TIME(), ['windows'], { min: 1 });
  return out;
}

/** A closed day's date, checked: a real calendar date written YYYY-MM-DD. */
export const isClosedDayDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && DateTime.fromISO(d).isValid;

function checkedDays(days: string[]): string[] {
  const out = [...new Set(days.map((d) => d.trim()))].sort();
  if (out.length > MAX_CLOSED_DAYS) throw new DomainError(ServiceLevelErrorCode.INVALID_CLOSED_DAY, M['INVALID_CLOSED_DAY.tooMany']({ max: MAX_CLOSED_DAYS }), ['closedDays'], { max: MAX_CLOSED_DAYS });
  for (const d of out) {
    if (!isClosedDayDate(d)) throw new DomainError(ServiceLevelErrorCode.INVALID_CLOSED_DAY, M['INVALID_CLOSED_DAY.date']({ date: d.slice(0, 20) }), ['closedDays']);
  }
  return out;
}

/** The labels of these days only, trimmed, empty ones dropped. */
function labelsOf(days: readonly string[], labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of days) {
    const l = labels[d]?.trim();
    if (l) out[d] = l.slice(0, MAX_CLOSED_DAY_LABEL);
  }
  return out;
}

/**
 * Held shared by every computation of standings (`refreshSnapshots`, in its transaction, before it
 * reads the rules) and exclusively by a rule change's invalidation.
 */
const STANDINGS_LOCK = 'service-levels:standings';

/**
 * Standings are projections: when the rules change every ticket is computed again by the job (see
 * ServiceLevelJob). Called once the new rules are committed. A computation under way may have read
 * the old ones: the exclusive lock waits for it to commit, then forgets its watermarks too (without
 * it, a computation finishing just after the delete marked its tickets computed, on the old rules).
 */
async function invalidateStandings(em: EntityManager): Promise<void> {
  await em.transactional(async (tem) => {
    await tem.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [STANDINGS_LOCK]);
    await tem.execute('delete from ticket_service_level_watermark', [], 'run');
  });
}

/** What the audit keeps of a calendar and of a target. */
const CALENDAR_AUDITED = ['code', 'name', 'timeZone', 'windows', 'frenchHolidays', 'alsaceMoselle', 'closedDays', 'closedDayLabels'] as const;
const TARGET_AUDITED = ['priority', 'metric', 'level', 'targetSeconds', 'atRiskShare', 'calendar'] as const;

export async function createCalendar(em: EntityManager, viewer: Viewer, f: CalendarFields & { code: string; name: string; windows: WorkingWindow[] }): Promise<BusinessCalendar> {
  assertMayConfigure(viewer);
  const cal = em.create(BusinessCalendar, {
    code: f.code.trim().toUpperCase(),
    name: f.name.trim(),
    timeZone: checkedZone(f.timeZone ?? 'Europe/Paris'),
    windows: checkedWindows(f.windows),
    frenchHolidays: f.frenchHolidays ?? true,
    alsaceMoselle: f.alsaceMoselle ?? false,
    closedDays: checkedDays(f.closedDays ?? []),
  });
  cal.closedDayLabels = labelsOf(cal.closedDays, f.closedDayLabels ?? {});
  recordAudit(em, viewer, { action: AuditAction.CALENDAR_CREATED, target: cal, after: snapshot(cal, CALENDAR_AUDITED) });
  try {
    await em.flush();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) throw new DomainError(ServiceLevelErrorCode.CALENDAR_CODE_TAKEN, M['CALENDAR_CODE_TAKEN.named']({ code: cal.code }), ['code']);
    throw e;
  }
  return cal;
}

export async function updateCalendar(em: EntityManager, viewer: Viewer, id: string, f: CalendarFields): Promise<BusinessCalendar> {
  assertMayConfigure(viewer);
  const cal = await em.findOne(BusinessCalendar, { id });
  if (!cal) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.calendar'](), ['id']);
  const before = snapshot(cal, CALENDAR_AUDITED);
  if (f.name != null) cal.name = f.name.trim();
  if (f.timeZone != null) cal.timeZone = checkedZone(f.timeZone);
  if (f.windows != null) cal.windows = checkedWindows(f.windows);
  if (f.frenchHolidays != null) cal.frenchHolidays = f.frenchHolidays;
  if (f.alsaceMoselle != null) cal.alsaceMoselle = f.alsaceMoselle;
  if (f.closedDays != null) cal.closedDays = checkedDays(f.closedDays);
  if (f.closedDayLabels != null || f.closedDays != null) cal.closedDayLabels = labelsOf(cal.closedDays, f.closedDayLabels ?? cal.closedDayLabels);
  recordAudit(em, viewer, { action: AuditAction.CALENDAR_UPDATED, target: cal, before, after: snapshot(cal, CALENDAR_AUDITED) });
  await em.flush();
  await invalidateStandings(em);
  return cal;
}

export interface TargetFields {
  priority: number;
  metric: ServiceLevelMetric;
  level?: SupportLevel | null;
  targetSeconds: number;
  atRiskShare?: number | null;
  calendarId: string;
}

/** Creates or replaces the target of (priority, metric, level). */
export async function setTarget(em: EntityManager, viewer: Viewer, f: TargetFields): Promise<ServiceLevelTarget> {
  assertMayConfigure(viewer);
  const level = f.level ?? null;
  if ((f.metric === ServiceLevelMetric.LEVEL_HOLD) !== (level !== null))
    throw new DomainError(ServiceLevelErrorCode.TARGET_LEVEL_MISMATCH, M.TARGET_LEVEL_MISMATCH(), ['level']);
  const share = f.atRiskShare ?? 0.8;
  if (!Number.isInteger(f.priority) || f.priority < 1 || f.priority > 4) throw new DomainError(ServiceLevelErrorCode.INVALID_TARGET, M['INVALID_TARGET.priority'](), ['priority'], { min: 1, max: 4 });
  if (!Number.isInteger(f.targetSeconds) || f.targetSeconds < 1 || f.targetSeconds > 366 * 86400) throw new DomainError(ServiceLevelErrorCode.INVALID_TARGET, M['INVALID_TARGET.seconds'](), ['targetSeconds'], { min: 1, max: 366 * 86400 });
  if (!(share > 0 && share < 1)) throw new DomainError(ServiceLevelErrorCode.INVALID_TARGET, M['INVALID_TARGET.atRiskShare'](), ['atRiskShare'], { min: 0, max: 1 });
  const calendar = await em.findOne(BusinessCalendar, { id: f.calendarId });
  if (!calendar) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.calendar'](), ['calendarId']);
  let target = await em.findOne(ServiceLevelTarget, { priority: f.priority, metric: f.metric, level });
  const before = target ? snapshot(target, TARGET_AUDITED) : null;
  target ??= em.create(ServiceLevelTarget, { priority: f.priority, metric: f.metric, level, targetSeconds: f.targetSeconds, calendar });
  Object.assign(target, { targetSeconds: f.targetSeconds, atRiskShare: share, calendar: em.getReference(BusinessCalendar, calendar.id, { wrapped: true }) });
  recordAudit(em, viewer, { action: AuditAction.SERVICE_LEVEL_TARGET_SET, target, before, after: snapshot(target, TARGET_AUDITED) });
  await em.flush();
  await invalidateStandings(em);
  return target;
}

export async function removeTarget(em: EntityManager, viewer: Viewer, id: string): Promise<string> {
  assertMayConfigure(viewer);
  const target = await em.findOne(ServiceLevelTarget, { id });
  if (!target) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.serviceLevelTarget'](), ['id']);
  recordAudit(em, viewer, { action: AuditAction.SERVICE_LEVEL_TARGET_REMOVED, target, before: snapshot(target, TARGET_AUDITED), after: null });
  await em.remove(target).flush();
  return id;
}

/** A structure's own time zone (DOM/COM), or null to follow the calendars' zone again. */
export async function setStructureTimeZone(em: EntityManager, viewer: Viewer, structureId: string, timeZone: string | null): Promise<Structure> {
  assertMayConfigure(viewer);
  const structure = await em.findOne(Structure, { id: structureId });
  if (!structure) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.serviceLevelStructure'](), ['structureId']);
  const existing = await em.findOne(StructureTimeZone, { structure });
  const before = { timeZone: existing?.timeZone ?? null };
  if (timeZone === null) {
    if (existing) em.remove(existing);
  } else if (existing) existing.timeZone = checkedZone(timeZone);
  else em.create(StructureTimeZone, { structure, timeZone: checkedZone(timeZone) });
  recordAudit(em, viewer, { action: AuditAction.STRUCTURE_TIME_ZONE_SET, target: structure, before, after: { timeZone } });
  await em.flush();
  await invalidateStandings(em);
  return structure;
}

export async function structureZones(em: EntityManager, structureIds: readonly string[]): Promise<Map<string, string>> {
  const rows = structureIds.length ? await em.find(StructureTimeZone, { structure: { $in: [...structureIds] } }) : [];
  return new Map(rows.map((r) => [r.structure.id, r.timeZone]));
}

/* ---------- standings ---------- */

export function rulesOf(cal: BusinessCalendar, zone?: string | null): CalendarRules {
  return { timeZone: zone ?? cal.timeZone, windows: cal.windows, frenchHolidays: cal.frenchHolidays, alsaceMoselle: cal.alsaceMoselle, closedDays: cal.closedDays };
}

interface TicketKey {
  id: string;
  priority: number;
  structure: { id: string };
}

/** The history steps of tickets, in order, in one statement. */
async function stepsOf(em: EntityManager, ids: readonly string[]): Promise<Map<string, HistoryStep[]>> {
  const out = new Map<string, HistoryStep[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows: { ticket_id: string; created_at: Date; transition: string | null; to_status: string; to_level: string }[] = await em.execute(
    'select ticket_id, created_at, transition, to_status, to_level from ticket_event where ticket_id = any(?::uuid[]) order by ticket_id, seq',
    [pgArray(ids)],
  );
  for (const r of rows) out.get(r.ticket_id)!.push({ at: new Date(r.created_at), transition: r.transition as TicketTransition | null, toStatus: r.to_status as TicketStatus, toLevel: r.to_level as SupportLevel });
  return out;
}

/** Every ticket's standing against each target of its priority, computed now from its history. */
export async function standingsFor(em: EntityManager, tickets: readonly TicketKey[], now = new Date()): Promise<Map<string, ServiceLevelStanding[]>> {
  const out = new Map<string, ServiceLevelStanding[]>();
  if (!tickets.length) return out;
  const targets = await em.find(ServiceLevelTarget, {}, { populate: ['calendar'], orderBy: { metric: 'asc', level: 'asc' } });
  const zones = await structureZones(em, [...new Set(tickets.map((t) => t.structure.id))]);
  const steps = await stepsOf(em, tickets.map((t) => t.id));
  for (const [i, t] of tickets.entries()) {
    // the calendar arithmetic is CPU work: let requests through between tickets of a big pass
    if (i && i % 10 === 0) await new Promise((r) => setImmediate(r));
    const zone = zones.get(t.structure.id);
    const rules: TargetRule[] = targets
      .filter((g) => g.priority === t.priority)
      .map((g) => ({ id: g.id, metric: g.metric, level: g.level, targetSeconds: g.targetSeconds, atRiskShare: g.atRiskShare, calendar: rulesOf(g.calendar.getEntity(), zone) }));
    out.set(t.id, standingsOf(steps.get(t.id) ?? [], rules, now));
  }
  return out;
}

/**
 * Writes the tickets' standings to the snapshot (upserts, so two instances may do it at
 * once) and moves their watermark. A (ticket, target) pair seen for the first time, for a
 * ticket submitted before the target was last set, records the crossings already past as
 * not announced: starting to track old tickets (or adding a target) floods nobody, while
 * every crossing of a ticket submitted under the current target is announced.
 */
export async function refreshSnapshots(em: EntityManager, tickets: readonly TicketKey[], now = new Date()): Promise<void> {
  if (!tickets.length) return;
  // before the rules are read, until the caller's transaction ends: a rule change waits for this (see invalidateStandings)
  await em.execute('select pg_advisory_xact_lock_shared(hashtextextended(?, 0))', [STANDINGS_LOCK]);
  const standings = await standingsFor(em, tickets, now);
  const rows = tickets.flatMap((t) => (standings.get(t.id) ?? []).map((s) => ({ ...s, ticketId: t.id })));
  const ids = tickets.map((t) => t.id);
  await em.execute(
    `delete from ticket_service_level s where s.ticket_id = any(?::uuid[]) and not exists (select 1 from jsonb_to_recordset(?::jsonb) as r("ticketId" uuid, "targetId" uuid) where r."ticketId" = s.ticket_id and r."targetId" = s.target_id)`,
    [pgArray(ids), JSON.stringify(rows.map((r) => ({ ticketId: r.ticketId, targetId: r.targetId })))],
    'run',
  );
  if (rows.length) {
    const inserted: { ticket_id: string; target_id: string; at_risk_at: Date | null; due_at: Date | null }[] = await em.execute(
      `insert into ticket_service_level (id, ticket_id, target_id, clock, state, elapsed_seconds, at_risk_at, due_at, computed_at)
       select gen_random_uuid(), r."ticketId", r."targetId", r.clock, r.state, r."elapsedSeconds", r."atRiskAt", r."dueAt", ?
         from jsonb_to_recordset(?::jsonb) as r("ticketId" uuid, "targetId" uuid, clock text, state text, "elapsedSeconds" int, "atRiskAt" timestamptz, "dueAt" timestamptz)
       on conflict (ticket_id, target_id) do update set clock = excluded.clock, state = excluded.state, elapsed_seconds = excluded.elapsed_seconds,
            at_risk_at = excluded.at_risk_at, due_at = excluded.due_at, computed_at = excluded.computed_at, updated_at = now()
       returning ticket_id, target_id, at_risk_at, due_at, (xmax = 0) as inserted`,
      [now, JSON.stringify(rows)],
    ).then((r) => (r as unknown as { inserted: boolean; ticket_id: string; target_id: string; at_risk_at: Date | null; due_at: Date | null }[]).filter((x) => x.inserted));
    const silent = inserted.flatMap((r) => [
      ...(r.at_risk_at && new Date(r.at_risk_at) <= now ? [{ ticketId: r.ticket_id, targetId: r.target_id, state: ServiceLevelState.AT_RISK, at: r.at_risk_at }] : []),
      ...(r.due_at && new Date(r.due_at) <= now ? [{ ticketId: r.ticket_id, targetId: r.target_id, state: ServiceLevelState.BREACHED, at: r.due_at }] : []),
    ]);
    if (silent.length) {
      await em.execute(
        `insert into service_level_crossing (id, ticket_id, target_id, state, crossed_at, announced)
         select gen_random_uuid(), r."ticketId", r."targetId", r.state, r.at, false from jsonb_to_recordset(?::jsonb) as r("ticketId" uuid, "targetId" uuid, state text, at timestamptz)
           join ticket t on t.id = r."ticketId" join service_level_target g on g.id = r."targetId"
          where t.submitted_at < g.updated_at
         on conflict (ticket_id, target_id, state) do nothing`,
        [JSON.stringify(silent)],
        'run',
      );
    }
  }
  await em.execute(
    `insert into ticket_service_level_watermark (ticket_id, computed_at) select unnest(?::uuid[]), ?
     on conflict (ticket_id) do update set computed_at = greatest(ticket_service_level_watermark.computed_at, excluded.computed_at)`,
    [pgArray(ids), now],
    'run',
  );
}

/* ---------- crossings ---------- */

const METRIC_WORDS: Record<ServiceLevelMetric, string> = {
  FIRST_RESPONSE: 'de première réponse',
  LEVEL_HOLD: 'de traitement au niveau',
  RESOLUTION: 'de résolution',
};

export const targetName = (s: Pick<ServiceLevelStanding, 'metric' | 'level'>) => (s.level ? `${s.metric}:${s.level}` : s.metric);

function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return h ? `${h} h${m ? ` ${String(m).padStart(2, '0')}` : ''}` : m ? `${m} min` : `${seconds} s`;
}

/**
 * Announces the crossings of one ticket that have happened by now and were not announced:
 * under the ticket's row lock (through the desk's recordOnTicket), each crossing first
 * claims its unique row; only the claimer appends the event, so a crossing is announced
 * once however many instances run the job. Returns the events written.
 */
export async function announceCrossings(em: EntityManager, ticketId: string, now = new Date()) {
  const done = await recordOnTicket(em, ticketId, null, async (tem, t) => {
    const standings = (await standingsFor(tem, [t], now)).get(t.id) ?? [];
    const notices: TicketNotice[] = [];
    for (const s of standings) {
      // a stopped clock (answered, resolved, cancelled, left the level) crosses nothing any
      // more: a later, tighter target only restates its past, it does not announce it
      if (s.clock === ServiceLevelClock.STOPPED) continue;
      const crossings: [ServiceLevelState, Date | null][] = [
        [ServiceLevelState.AT_RISK, s.atRiskAt],
        [ServiceLevelState.BREACHED, s.dueAt],
      ];
      for (const [state, at] of crossings) {
        if (!at || at > now) continue;
        const claimed: unknown[] = await tem.execute(
          `insert into service_level_crossing (id, ticket_id, target_id, state, crossed_at, announced) values (gen_random_uuid(), ?, ?, ?, ?, true)
           on conflict (ticket_id, target_id, state) do nothing returning id`,
          [t.id, s.targetId, state, at],
        );
        if (!claimed.length) continue;
        const what = `Objectif ${METRIC_WORDS[s.metric]}${s.level ? ` ${s.level}` : ''} (priorité ${t.priority}, ${duration(s.targetSeconds)} ouvrées)`;
        notices.push({
          kind: state === ServiceLevelState.AT_RISK ? TicketEventKind.SERVICE_LEVEL_AT_RISK : TicketEventKind.SERVICE_LEVEL_BREACHED,
          field: targetName(s),
          oldValue: state === ServiceLevelState.AT_RISK ? ServiceLevelState.ON_TRACK : ServiceLevelState.AT_RISK,
          newValue: state,
          reason: state === ServiceLevelState.AT_RISK ? `${what} : en risque, ${duration(Math.max(0, s.remainingSeconds))} restantes.` : `${what} : dépassé.`,
        });
      }
    }
    await refreshSnapshots(tem, [t], now);
    return notices.length ? { notices, result: null } : null;
  });
  // committed, and claimed by this instance only: each crossing is counted once
  for (const e of done?.events ?? []) serviceLevelCrossed(e.kind === TicketEventKind.SERVICE_LEVEL_BREACHED ? 'breached' : 'at_risk');
  return done?.events ?? [];
}

/**
 * Tickets with a crossing due and not yet claimed, on a clock still going (announceCrossings
 * skips stopped ones: picking them would fill every pass with the same tickets). Several
 * instances may pick the same ticket: announceCrossings' unique claim row decides who announces.
 */
export async function dueCrossings(em: EntityManager, limit = 50): Promise<string[]> {
  const rows: { ticket_id: string }[] = await em.execute(
    `select distinct s.ticket_id from ticket_service_level s
      where s.clock <> 'STOPPED' and ((s.at_risk_at <= now() and not exists (select 1 from service_level_crossing c where c.ticket_id = s.ticket_id and c.target_id = s.target_id and c.state = 'AT_RISK'))
         or (s.due_at <= now() and not exists (select 1 from service_level_crossing c where c.ticket_id = s.ticket_id and c.target_id = s.target_id and c.state = 'BREACHED')))
      limit ?`,
    [limit],
  );
  return rows.map((r) => r.ticket_id);
}

/** Tickets whose standing was never computed or is older than their last change. */
export async function staleTickets(em: EntityManager, limit = 200): Promise<TicketKey[]> {
  const rows: { id: string; priority: number; structure_id: string }[] = await em.execute(
    `select t.id, t.priority, t.structure_id from ticket t left join ticket_service_level_watermark w on w.ticket_id = t.id
      where t.submitted_at is not null and (w.computed_at is null or w.computed_at < t.updated_at)
      order by t.updated_at desc limit ?`,
    [limit],
  );
  return rows.map((r) => ({ id: r.id, priority: r.priority, structure: { id: r.structure_id } }));
}

/* ---------- the at-risk queue ---------- */

export interface QueueFilter {
  level?: SupportLevel[] | null;
  metric?: ServiceLevelMetric[] | null;
  structureId?: string | null;
  breachedOnly?: boolean | null;
}

/**
 * Running clocks at risk or breached now, of tickets the viewer may see (the desk's
 * visibility rule). A ticket changed since its snapshot was computed is left out until the
 * job computes it again (within one poll): the queue never shows a resolved ticket.
 */
export function queueWhere(viewer: Viewer, f: QueueFilter = {}, now = new Date()): FilterQuery<ServiceLevelQueueEntry> {
  const ticket: FilterQuery<Ticket>[] = [visibleTicketsWhere(viewer)];
  if (f.level?.length) ticket.push({ level: { $in: f.level } });
  if (f.structureId) ticket.push({ structure: f.structureId });
  const and: FilterQuery<ServiceLevelQueueEntry>[] = [
    { clock: ServiceLevelClock.RUNNING, dueAt: { $ne: null } },
    { [raw((a: string) => `${a}.computed_at >= (select t2.updated_at from ticket t2 where t2.id = ${a}.ticket_id)`)]: [] } as FilterQuery<ServiceLevelQueueEntry>,
    f.breachedOnly ? { dueAt: { $lte: now } } : { atRiskAt: { $lte: now } },
    { ticket: { $and: ticket } } as FilterQuery<ServiceLevelQueueEntry>,
  ];
  if (f.metric?.length) and.push({ target: { metric: { $in: f.metric } } });
  return { $and: and };
}

/* ---------- statistics ---------- */

export interface ServiceLevelStatisticsFilter {
  submittedFrom?: Date | null;
  submittedTo?: Date | null;
  structureId?: string | null;
  domain?: string[] | null;
  metric?: ServiceLevelMetric[] | null;
}

const GROUPS: Record<ServiceLevelStatisticsDimension, [string, string]> = {
  LEVEL: ['coalesce(g.level, t.level)', 'coalesce(g.level, t.level)'],
  DOMAIN: ['d.code', 'd.name'],
  STRUCTURE: ['st.code', 'st.name'],
  MONTH: [`to_char(t.submitted_at at time zone 'Europe/Paris', 'YYYY-MM')`, `to_char(t.submitted_at at time zone 'Europe/Paris', 'YYYY-MM')`],
};

export interface ServiceLevelStatisticsRow {
  key: string;
  label: string;
  metric: ServiceLevelMetric;
  measuredCount: number;
  withinTargetCount: number;
  breachedCount: number;
  withinTargetShare: number | null;
  runningCount: number;
}

/** At most this many groups are returned. */
export const MAX_STATISTICS_ROWS = 1000;

/**
 * Share within target per group and metric. A standing counts as measured once decided:
 * its clock stopped, or the target already reached (a running ticket past due is a
 * breach whatever comes next). Running ones not yet due are counted apart.
 */
export async function serviceLevelStatistics(em: EntityManager, by: ServiceLevelStatisticsDimension, f: ServiceLevelStatisticsFilter): Promise<ServiceLevelStatisticsRow[]> {
  const where = ['true'];
  const params: unknown[] = [];
  if (f.submittedFrom) where.push('t.submitted_at >= ?'), params.push(f.submittedFrom);
  if (f.submittedTo) where.push('t.submitted_at < ?'), params.push(f.submittedTo);
  if (f.structureId) where.push('t.structure_id = ?'), params.push(f.structureId);
  if (f.domain?.length) where.push('d.code = any(?::text[])'), params.push(pgArray(f.domain));
  if (f.metric?.length) where.push('g.metric = any(?::text[])'), params.push(pgArray(f.metric));
  const [key, label] = GROUPS[by];
  const rows: Record<string, unknown>[] = await em.execute(
    `select ${key} as key, min(${label}) as label, g.metric,
            count(*) filter (where s.clock = 'STOPPED' or s.due_at <= now())::int as measured,
            count(*) filter (where (s.clock = 'STOPPED' or s.due_at <= now()) and not coalesce(s.due_at <= now(), false))::int as within,
            count(*) filter (where s.due_at <= now())::int as breached,
            count(*) filter (where s.clock <> 'STOPPED' and not coalesce(s.due_at <= now(), false))::int as running
       from ticket_service_level s
       join service_level_target g on g.id = s.target_id
       join ticket t on t.id = s.ticket_id
       join structure st on st.id = t.structure_id
       join ticket_domain d on d.id = t.domain_id
      where ${where.join(' and ')}
      group by ${key}, g.metric
      order by 1, 3
      limit ${MAX_STATISTICS_ROWS}`,
    params,
  );
  return rows.map((r) => ({
    key: String(r.key),
    label: String(r.label),
    metric: r.metric as ServiceLevelMetric,
    measuredCount: r.measured as number,
    withinTargetCount: r.within as number,
    breachedCount: r.breached as number,
    withinTargetShare: (r.measured as number) ? Math.round(((r.within as number) / (r.measured as number)) * 10000) / 10000 : null,
    runningCount: r.running as number,
  }));
}
