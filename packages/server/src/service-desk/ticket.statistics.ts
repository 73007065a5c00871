/** Aggregate measures of the service desk, computed in SQL (analysts, SN1, administrators). */
import type { EntityManager } from '@mikro-orm/postgresql';
import { statisticsStructureIds } from '../access/policies';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { Role, roleList } from '../core/roles';
import { pgArray, sqlList, sqlLiteral } from '../core/sql';
import { SupportLevel } from '../directory/directory.enums';
import { FINISHED_STATUSES, RESOLVED_STATUSES, TicketStatisticsDimension, TicketStatus } from './ticket.enums';
import { MEASURES_CTE } from './ticket.service';
import { TICKET_MESSAGES as M } from './ticket.messages';

export const STATISTICS_ROLES = [Role.ANALYST, Role.SN1_AGENT, Role.ADMINISTRATOR];

export function assertMayReadStatistics(viewer: Viewer): void {
  if (!STATISTICS_ROLES.some((r) => viewer.roles.has(r))) throw new DomainError(CoreErrorCode.FORBIDDEN, M['FORBIDDEN.statistics']({ roles: roleList(STATISTICS_ROLES) }));
}

export interface StatisticsFilter {
  openedFrom?: Date | null;
  openedTo?: Date | null;
  ministryId?: string | null;
  structureId?: string | null;
  domain?: string[] | null;
  application?: string[] | null;
  level?: SupportLevel[] | null;
}

function scopeSql(viewer: Viewer, f: StatisticsFilter): { sql: string; params: unknown[] } {
  const where = [`t.status <> ${sqlLiteral(TicketStatus.NEW)}`];
  const params: unknown[] = [];
  const perimeter = statisticsStructureIds(viewer);
  if (perimeter !== 'ALL') where.push('t.structure_id = any(?::uuid[])'), params.push(pgArray(perimeter));
  if (f.openedFrom) where.push('t.created_at >= ?'), params.push(f.openedFrom);
  if (f.openedTo) where.push('t.created_at < ?'), params.push(f.openedTo);
  if (f.ministryId) where.push('s.ministry_id = ?'), params.push(f.ministryId);
  if (f.structureId) where.push('t.structure_id = ?'), params.push(f.structureId);
  if (f.domain?.length) where.push('d.code = any(?::text[])'), params.push(pgArray(f.domain));
  if (f.application?.length) where.push('a.code = any(?::text[])'), params.push(pgArray(f.application));
  if (f.level?.length) where.push('t.level = any(?::text[])'), params.push(pgArray(f.level));
  return {
    sql: `select t.id from ticket t join structure s on s.id = t.structure_id join ticket_domain d on d.id = t.domain_id join ticket_application a on a.id = t.application_id where ${where.join(' and ')}`,
    params,
  };
}

const KEYS: Record<TicketStatisticsDimension, [string, string]> = {
  [TicketStatisticsDimension.LEVEL]: ['t.level', 't.level'],
  [TicketStatisticsDimension.DOMAIN]: ['d.code', 'd.name'],
  [TicketStatisticsDimension.APPLICATION]: ['a.code', 'a.name'],
  [TicketStatisticsDimension.STRUCTURE]: ['s.code', 's.name'],
  [TicketStatisticsDimension.MONTH]: [`to_char(t.created_at at time zone 'UTC', 'YYYY-MM')`, `to_char(t.created_at at time zone 'UTC', 'YYYY-MM')`],
};

export interface StatisticsRow {
  key: string;
  label: string;
  ticketCount: number;
  openCount: number;
  resolvedCount: number;
  escalatedCount: number;
  escalationRate: number;
  reopenCount: number;
  medianFirstResponseSeconds: number | null;
  medianResolutionSeconds: number | null;
  medianSecondsAtSn1: number | null;
  medianSecondsAtSn2: number | null;
  medianSecondsAtTechnical: number | null;
}

/** Groups by one dimension, sorted by key; keyset-paginated by key (`after`). */
export async function ticketStatistics(em: EntityManager, viewer: Viewer, by: TicketStatisticsDimension, f: StatisticsFilter, page: { first: number; after?: string | null }) {
  assertMayReadStatistics(viewer);
  const scope = scopeSql(viewer, f);
  const [key, label] = KEYS[by];
  const rows: Record<string, unknown>[] = await em.execute(
    `with scope as (${scope.sql}), ${MEASURES_CTE}
     select * from (
       select ${key} as key, ${label} as label,
         count(*)::int as ticket_count,
         count(*) filter (where t.status not in ${sqlList(FINISHED_STATUSES)})::int as open_count,
         count(*) filter (where t.status in ${sqlList(RESOLVED_STATUSES)})::int as resolved_count,
         count(*) filter (where t.escalation_count > 0)::int as escalated_count,
         coalesce(sum(t.reopen_count), 0)::int as reopen_count,
         percentile_cont(0.5) within group (order by m.first_response_seconds) as median_first_response_seconds,
         percentile_cont(0.5) within group (order by m.resolution_seconds) as median_resolution_seconds,
         percentile_cont(0.5) within group (order by nullif(m.seconds_at_sn1, 0)) as median_seconds_at_sn1,
         percentile_cont(0.5) within group (order by nullif(m.seconds_at_sn2, 0)) as median_seconds_at_sn2,
         percentile_cont(0.5) within group (order by nullif(m.seconds_at_technical, 0)) as median_seconds_at_technical
       from m join ticket t on t.id = m.ticket_id
         join structure s on s.id = t.structure_id join ticket_domain d on d.id = t.domain_id join ticket_application a on a.id = t.application_id
       group by 1, 2
     ) g
     where (?::text is null or g.key > ?)
     order by g.key
     limit ?`,
    [...scope.params, page.after ?? null, page.after ?? null, page.first + 1],
  );
  const items: StatisticsRow[] = rows.slice(0, page.first).map((r) => ({
    key: String(r.key),
    label: String(r.label),
    ticketCount: r.ticket_count as number,
    openCount: r.open_count as number,
    resolvedCount: r.resolved_count as number,
    escalatedCount: r.escalated_count as number,
    escalationRate: (r.ticket_count as number) ? (r.escalated_count as number) / (r.ticket_count as number) : 0,
    reopenCount: r.reopen_count as number,
    medianFirstResponseSeconds: r.median_first_response_seconds as number | null,
    medianResolutionSeconds: r.median_resolution_seconds as number | null,
    medianSecondsAtSn1: r.median_seconds_at_sn1 as number | null,
    medianSecondsAtSn2: r.median_seconds_at_sn2 as number | null,
    medianSecondsAtTechnical: r.median_seconds_at_technical as number | null,
  }));
  return { items, hasNextPage: rows.length > page.first, endKey: items.at(-1)?.key ?? null };
}

/** Open work by status and level (the backlog), and the overall escalation rate. */
export async function ticketBacklog(em: EntityManager, viewer: Viewer, f: StatisticsFilter) {
  assertMayReadStatistics(viewer);
  const scope = scopeSql(viewer, f);
  const rows: { status: TicketStatus; level: SupportLevel; count: number }[] = await em.execute(
    `select t.status, t.level, count(*)::int as count from ticket t where t.id in (${scope.sql}) group by t.status, t.level order by t.status, t.level`,
    scope.params,
  );
  const [totals]: { total: number; escalated: number }[] = await em.execute(`select count(*)::int as total, count(*) filter (where t.escalation_count > 0)::int as escalated from ticket t where t.id in (${scope.sql})`, scope.params);
  return { rows, total: totals.total, escalationRate: totals.total ? totals.escalated / totals.total : 0 };
}
