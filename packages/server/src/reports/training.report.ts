/**
 * The training bilan ("bilan des participations"), laid out as the source's half-year
 * report: registrations per domain with their share, absents and presents per domain, the
 * participation synthesis (trainees per number of parts attended, connection times), and
 * its two charts. Every figure comes from training.statistics (the statistics API's SQL).
 */
import type { Context } from '../core/context';
import { TrainingCourse } from '../training/catalogue.entity';
import { BillingGroup, StatisticsTable } from '../training/training.enums';
import { statisticsCsv } from '../training/training.csv';
import { statisticsFilter } from '../training/training.resolver';
import { domainTable, participationTable, type StatisticsFilter } from '../training/training.statistics';
import { donut, groupedBars } from './charts';
import { duration, int } from './format';
import { chart, esc, page, table, type Table } from './page';
import { periodText, type ReportQuery } from './query';
import { t } from './labels';

export const TRAINING_TABLES = Object.values(StatisticsTable);

function filterOf(q: ReportQuery): StatisticsFilter {
  return statisticsFilter({ from: q.from, to: q.to, ministryId: q.ministryId, structureId: q.structureId } as Parameters<typeof statisticsFilter>[0]);
}

export async function trainingTables(ctx: Context, q: ReportQuery): Promise<{ tables: Table[]; domains: Awaited<ReturnType<typeof domainTable>> }> {
  const f = filterOf(q);
  const [domains, participation] = await Promise.all([domainTable(ctx.em, f), participationTable(ctx.em, f)]);
  const courseIds = [...new Set(participation.map((r) => r.courseId).filter((id): id is string => id !== null))];
  const courses = new Map((await ctx.em.find(TrainingCourse, { id: { $in: courseIds } })).map((c) => [c.id, c]));
  const sessionsPerCourse = new Map<string, number>();
  for (const r of participation) if (r.level === 'SESSION') sessionsPerCourse.set(r.courseId!, (sessionsPerCourse.get(r.courseId!) ?? 0) + 1);

  const label = (code: string | null) => code ?? t('REPORT.total');
  const lastIndex = (rows: unknown[]) => [rows.length - 1];
  // as the source: a course given once in the period is one line (its session's), a course
  // given several times has a line of counts then one line per session with the times
  const lines = participation.filter((r) => !(r.level === 'SESSION' && sessionsPerCourse.get(r.courseId!) === 1));
  const partsCells = (r: (typeof participation)[number]) => {
    const partCount = r.courseId ? courses.get(r.courseId)?.partCount ?? 5 : 5;
    return [5, 4, 3, 2, 1, 0].map((k) => (k > partCount ? '' : int(r.byPartsAttended[k])));
  };
  const timed = (r: (typeof participation)[number]) => r.level === 'SESSION' || (r.level === 'COURSE' && sessionsPerCourse.get(r.courseId!) === 1);
  const tables: Table[] = [
    {
      id: 't-domains',
      caption: t('REPORT.training.byDomain'),
      header: [t('REPORT.training.col.domains'), t('REPORT.training.col.registeredCount'), t('REPORT.training.col.percent')],
      rows: domains.map((r) => [label(r.code), int(r.registrations), `${r.percent}%`]),
      totals: lastIndex(domains),
    },
    {
      id: 't-attendance',
      caption: t('REPORT.training.byAttendance'),
      header: [t('REPORT.training.col.domains'), t('REPORT.training.col.absents'), t('REPORT.training.col.presents'), t('REPORT.training.col.registered')],
      rows: domains.map((r) => [label(r.code), int(r.absents), int(r.presents), int(r.registrations)]),
      totals: lastIndex(domains),
    },
    {
      id: 't-participation',
      caption: t('REPORT.training.synthesis'),
      header: [
        t('REPORT.training.col.courses'),
        t('REPORT.training.col.registrations'),
        ...[5, 4, 3, 2, 1, 0].map((parts) => t('REPORT.training.col.parts', { parts })),
        t('REPORT.training.col.courseLength'),
        t('REPORT.training.col.minConnection'),
        t('REPORT.training.col.maxConnection'),
        t('REPORT.training.col.meanConnection'),
      ],
      rows: lines.map((r) => [
        r.label,
        int(r.registrations),
        ...partsCells(r),
        ...(timed(r) ? [duration(r.partMinutes), duration(r.minMinutes), duration(r.maxMinutes), duration(r.meanMinutes)] : ['', '', '', '']),
      ]),
      totals: lastIndex(lines),
    },
  ];
  return { tables, domains };
}

export async function trainingReport(ctx: Context, q: ReportQuery): Promise<string> {
  const data = await trainingTables(ctx, q);
  const tables = data.tables;
  const domains = data.domains.filter((r) => r.code !== null && r.registrations > 0);
  const [shares, attendance] = await Promise.all([
    donut(
      t('REPORT.training.chart.shares'),
      domains.map((r) => ({ label: r.code!, value: r.registrations, text: `${r.percent}%` })),
    ),
    groupedBars(
      t('REPORT.training.chart.attendance'),
      domains.flatMap((r) => [
        { category: r.code!, series: t('REPORT.training.col.absents'), value: r.absents },
        { category: r.code!, series: t('REPORT.training.col.presents'), value: r.presents },
      ]),
      { category: t('REPORT.training.chart.domain'), value: t('REPORT.training.col.registered') },
    ),
  ]);
  return page({
    title: t('REPORT.training.title'),
    subtitle: periodText(q),
    csv: `training.csv${q.search}`,
    sections: [
      `<h2>${esc(t('REPORT.training.section'))}</h2>`,
      table(tables[0]),
      chart('c-domains', shares),
      table(tables[1]),
      chart('c-attendance', attendance),
      table(tables[2]),
    ],
    notes: [t('REPORT.training.note')],
  });
}

/** The same tables as the statistics API's CSV export (one table per file). */
export function trainingCsv(ctx: Context, q: ReportQuery, which: StatisticsTable): Promise<string> {
  return statisticsCsv(ctx.em, which, filterOf(q), BillingGroup.SESSION);
}
