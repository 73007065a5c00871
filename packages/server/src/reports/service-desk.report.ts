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
import { labelOf, SERVICE_LEVEL_METRIC_LABEL, SUPPORT_LEVEL_LABEL, TICKET_STATUS_LABEL } from './labels';
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
      caption: 'Synthèse',
      header: ['Indicateur', 'Valeur'],
      rows: [
        ['Tickets ouverts sur la période', int(opened)],
        ['Tickets résolus', int(resolved)],
        ['Tickets en cours (stock)', int(open)],
        ['Taux d’escalade vers le SN2', percent(d.backlog.escalationRate)],
      ],
    },
    {
      id: 't-levels',
      caption: 'Stock par niveau',
      header: ['Niveau', 'Tickets', 'En cours', 'Résolus', 'Escaladés'],
      rows: d.levels.map((r) => [labelOf(SUPPORT_LEVEL_LABEL, r.key), int(r.ticketCount), int(r.openCount), int(r.resolvedCount), int(r.escalatedCount)]),
    },
    {
      id: 't-domains',
      caption: 'Par domaine : volumes et temps médians',
      header: ['Domaine', 'Tickets', 'En cours', 'Résolus', 'Escaladés', 'Première réponse', 'Résolution', 'Temps au SN1', 'Temps au SN2', 'Temps à l’équipe technique'],
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
      caption: 'Par mois d’ouverture',
      header: ['Mois', 'Tickets ouverts', 'Dont résolus', 'Dont en cours'],
      rows: d.months.map((r) => [r.key, int(r.ticketCount), int(r.resolvedCount), int(r.openCount)]),
    },
    {
      id: 't-service-levels',
      caption: 'Respect des niveaux de service, par niveau et objectif',
      header: ['Niveau', 'Objectif', 'Mesurés', 'Dans l’objectif', 'Dépassés', 'Part dans l’objectif', 'En cours'],
      rows: d.serviceLevels.map((r) => [
        labelOf(SUPPORT_LEVEL_LABEL, r.key),
        labelOf(SERVICE_LEVEL_METRIC_LABEL, r.metric),
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
    groupedBars('Tickets ouverts et résolus, par mois d’ouverture', d.months.flatMap((r) => [{ category: r.key, series: 'Ouverts', value: r.ticketCount }, { category: r.key, series: 'Résolus', value: r.resolvedCount }]), { category: 'Mois', value: 'Tickets' }),
    groupedBars('Stock de tickets en cours, par niveau et statut', openByLevel.map((r) => ({ category: labelOf(SUPPORT_LEVEL_LABEL, r.level), series: labelOf(TICKET_STATUS_LABEL, r.status), value: r.count })), { category: 'Niveau', value: 'Tickets' }),
  ]);
  return page({
    title: 'Centre de services — rapport d’activité',
    subtitle: periodText(q),
    csv: `service-desk.csv${q.search}`,
    sections: [table(tables[0]), table(tables[1]), chart('c-backlog', backlog), table(tables[2]), table(tables[3]), chart('c-months', months), table(tables[4])],
    notes: [
      'Temps médians sur les tickets concernés (un ticket jamais passé par un niveau ne compte pas pour ce niveau). Les brouillons ne sont pas comptés.',
      'Niveaux de service : un ticket compte comme mesuré une fois son délai arrêté (réponse, résolution, annulation) ou son objectif dépassé ; en heures ouvrées du calendrier de chaque objectif, tickets soumis sur la période.',
    ],
  });
}

export async function serviceDeskCsv(ctx: Context, q: ReportQuery): Promise<string> {
  const d = await serviceDeskData(ctx, q);
  // medians in whole seconds: PostgreSQL's microseconds are noise in a spreadsheet
  const s = (v: number | null) => (v === null ? null : Math.round(v));
  const line = (dimension: string, r: StatisticsRow) => [dimension, r.key, r.label, r.ticketCount, r.openCount, r.resolvedCount, r.escalatedCount, r.reopenCount, s(r.medianFirstResponseSeconds), s(r.medianResolutionSeconds), s(r.medianSecondsAtSn1), s(r.medianSecondsAtSn2), s(r.medianSecondsAtTechnical)];
  return toCsv(
    ['regroupement', 'clé', 'libellé', 'tickets', 'en cours', 'résolus', 'escaladés', 'réouvertures', 'médiane première réponse (s)', 'médiane résolution (s)', 'médiane SN1 (s)', 'médiane SN2 (s)', 'médiane technique (s)'],
    [...d.levels.map((r) => line('LEVEL', r)), ...d.domains.map((r) => line('DOMAIN', r)), ...d.months.map((r) => line('MONTH', r))],
  );
}
