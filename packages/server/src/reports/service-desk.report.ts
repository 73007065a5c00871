/**
 * The service-desk report: tickets opened and resolved, the backlog by level and domain,
 * the median time spent at each level, month by month. Figures from ticket.statistics,
 * whose own check (analysts, SN1, administrators) guards them.
 */
import { requireViewer, type Context } from '../core/context';
import { FINISHED_STATUSES, TicketStatisticsDimension } from '../service-desk/ticket.enums';
import { statisticsFilter } from '../service-desk/ticket.resolver';
import { ticketBacklog, ticketStatistics, type StatisticsFilter, type StatisticsRow } from '../service-desk/ticket.statistics';
import { toCsv } from '../core/csv';
import { ServiceLevelStatisticsDimension } from '../service-levels/service-level.enums';
import { serviceLevelStatistics } from '../service-levels/service-level.service';
import { groupedBars } from './charts';
import { durationSeconds, int, percent } from './format';
import { serviceLevelMetricLabel, supportLevelLabel, t, ticketStatusLabel } from './labels';
import { chart, page, table, type Table } from './page';
import { periodText, type ReportQuery } from './query';

/** Finished statuses; everything else counted is the backlog (as ticket.statistics counts it). */
const FINISHED = new Set<string>(FINISHED_STATUSES);

function filterOf(q: ReportQuery): StatisticsFilter {
  return statisticsFilter({ openedFrom: q.from, openedTo: q.to, ministryId: q.ministryId, structureId: q.structureId } as Parameters<typeof statisticsFilter>[0]);
}

/** Every group of one dimension (the API pages them; a report wants them all). */
async function allGroups(ctx: Context, by: TicketStatisticsDimension, f: StatisticsFilter): Promise<StatisticsRow[]> {
  const rows: StatisticsRow[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await ticketStatistics(ctx.em, requireViewer(ctx), by, f, { first: 100, after });
    rows.push(...page.items);
    if (!page.hasNextPage) return rows;
    after = page.endKey;
  }
}

export async function serviceDeskData(ctx: Context, q: ReportQuery) {
  const f = filterOf(q);
  const backlog = await ticketBacklog(ctx.em, requireViewer(ctx), f); // checks the viewer first
  const [levels, domains, months] = [await allGroups(ctx, TicketStatisticsDimension.LEVEL, f), await allGroups(ctx, TicketStatisticsDimension.DOMAIN, f), await allGroups(ctx, TicketStatisticsDimension.MONTH, f)];
  // the figures serviceLevelStatistics gives, for the same period (of submission) and structure
  const serviceLevels = await serviceLevelStatistics(ctx.em, ServiceLevelStatisticsDimension.LEVEL, { submittedFrom: q.from, submittedTo: q.to, structureId: q.structureId });
  return { backlog, levels, domains, months, serviceLevels };
}

export function serviceDeskTables(d: Awaited<ReturnType<typeof serviceDeskData>>): Table[] {
  const opened = d.domains.reduce((n, r) => n + r.ticketCount, 0);
  const resolved = d.domains.reduce((n, r) => n + r.resolvedCount, 0);
  const open = d.domains.reduce((n, r) => n + r.openCount, 0);
  return [
    {
      id: 't-summary',
      caption: t('REPORT.serviceDesk.summary'),
      header: [t('REPORT.serviceDesk.col.indicator'), t('REPORT.serviceDesk.col.value')],
      rows: [
        [t('REPORT.serviceDesk.opened'), int(opened)],
        [t('REPORT.serviceDesk.resolved'), int(resolved)],
        [t('REPORT.serviceDesk.backlog'), int(open)],
        [t('REPORT.serviceDesk.escalationRate'), percent(d.backlog.escalationRate)],
      ],
    },
    {
      id: 't-levels',
      caption: t('REPORT.serviceDesk.byLevel'),
      header: [t('REPORT.serviceDesk.col.level'), t('REPORT.serviceDesk.col.tickets'), t('REPORT.serviceDesk.col.open'), t('REPORT.serviceDesk.col.resolved'), t('REPORT.serviceDesk.col.escalated')],
      rows: d.levels.map((r) => [supportLevelLabel(r.key), int(r.ticketCount), int(r.openCount), int(r.resolvedCount), int(r.escalatedCount)]),
    },
    {
      id: 't-domains',
      caption: t('REPORT.serviceDesk.byDomain'),
      header: [
        t('REPORT.serviceDesk.col.domain'),
        t('REPORT.serviceDesk.col.tickets'),
        t('REPORT.serviceDesk.col.open'),
        t('REPORT.serviceDesk.col.resolved'),
        t('REPORT.serviceDesk.col.escalated'),
        t('REPORT.serviceDesk.col.firstResponse'),
        t('REPORT.serviceDesk.col.resolution'),
        t('REPORT.serviceDesk.col.atSn1'),
        t('REPORT.serviceDesk.col.atSn2'),
        t('REPORT.serviceDesk.col.atTechnical'),
      ],
      rows: d.domains.map((r) => [
        r.label,
        int(r.ticketCount),
        int(r.openCount),
        int(r.resolvedCount),
        int(r.escalatedCount),
        durationSeconds(r.medianFirstResponseSeconds),
        durationSeconds(r.medianResolutionSeconds),
        durationSeconds(r.medianSecondsAtSn1),
        durationSeconds(r.medianSecondsAtSn2),
        durationSeconds(r.medianSecondsAtTechnical),
      ]),
    },
    {
      id: 't-months',
      caption: t('REPORT.serviceDesk.byMonth'),
      header: [t('REPORT.serviceDesk.col.month'), t('REPORT.serviceDesk.col.opened'), t('REPORT.serviceDesk.col.ofWhichResolved'), t('REPORT.serviceDesk.col.ofWhichOpen')],
      rows: d.months.map((r) => [r.key, int(r.ticketCount), int(r.resolvedCount), int(r.openCount)]),
    },
    {
      id: 't-service-levels',
      caption: t('REPORT.serviceDesk.serviceLevels'),
      header: [
        t('REPORT.serviceDesk.col.level'),
        t('REPORT.serviceDesk.col.target'),
        t('REPORT.serviceDesk.col.measured'),
        t('REPORT.serviceDesk.col.within'),
        t('REPORT.serviceDesk.col.breached'),
        t('REPORT.serviceDesk.col.withinShare'),
        t('REPORT.serviceDesk.col.running'),
      ],
      rows: d.serviceLevels.map((r) => [
        supportLevelLabel(r.key),
        serviceLevelMetricLabel(r.metric),
        int(r.measuredCount),
        int(r.withinTargetCount),
        int(r.breachedCount),
        r.withinTargetShare === null ? '' : percent(r.withinTargetShare),
        int(r.runningCount),
      ]),
    },
  ];
}

export async function serviceDeskReport(ctx: Context, q: ReportQuery): Promise<string> {
  const d = await serviceDeskData(ctx, q);
  const tables = serviceDeskTables(d);
  const openByLevel = d.backlog.rows.filter((r) => !FINISHED.has(r.status));
  const [months, backlog] = await Promise.all([
    groupedBars(
      t('REPORT.serviceDesk.chart.months'),
      d.months.flatMap((r) => [
        { category: r.key, series: t('REPORT.serviceDesk.chart.opened'), value: r.ticketCount },
        { category: r.key, series: t('REPORT.serviceDesk.chart.resolved'), value: r.resolvedCount },
      ]),
      { category: t('REPORT.serviceDesk.col.month'), value: t('REPORT.serviceDesk.col.tickets') },
    ),
    groupedBars(
      t('REPORT.serviceDesk.chart.backlog'),
      openByLevel.map((r) => ({ category: supportLevelLabel(r.level), series: ticketStatusLabel(r.status), value: r.count })),
      { category: t('REPORT.serviceDesk.col.level'), value: t('REPORT.serviceDesk.col.tickets') },
    ),
  ]);
  return page({
    title: t('REPORT.serviceDesk.title'),
    subtitle: periodText(q),
    csv: `service-desk.csv${q.search}`,
    sections: [table(tables[0]), table(tables[1]), chart('c-backlog', backlog), table(tables[2]), table(tables[3]), chart('c-months', months), table(tables[4])],
    notes: [
      t('REPORT.serviceDesk.note.medians'),
      t('REPORT.serviceDesk.note.serviceLevels'),
    ],
  });
}

export async function serviceDeskCsv(ctx: Context, q: ReportQuery): Promise<string> {
  const d = await serviceDeskData(ctx, q);
  // medians in whole seconds: PostgreSQL's microseconds are noise in a spreadsheet
  const s = (v: number | null) => (v === null ? null : Math.round(v));
  const line = (dimension: string, r: StatisticsRow) => [dimension, r.key, r.label, r.ticketCount, r.openCount, r.resolvedCount, r.escalatedCount, r.reopenCount, s(r.medianFirstResponseSeconds), s(r.medianResolutionSeconds), s(r.medianSecondsAtSn1), s(r.medianSecondsAtSn2), s(r.medianSecondsAtTechnical)];
  return toCsv(
    t('REPORT.serviceDesk.csv').split(';'),
    [...d.levels.map((r) => line('LEVEL', r)), ...d.domains.map((r) => line('DOMAIN', r)), ...d.months.map((r) => line('MONTH', r))],
  );
}
