/** The training statistics tables as CSV files: the same numbers as the statistics API, in the source's French headings. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { FixedDecimal, toCsv } from '../core/csv';
import { BillingGroup, StatisticsTable } from './training.enums';
import * as stats from './training.statistics';

/** Minutes as 1h05 (empty when unknown). */
export const hhmm = (m: number | null) => (m === null ? '' : `${Math.floor(m / 60)}h${String(Math.round(m % 60)).padStart(2, '0')}`);

export async function statisticsCsv(em: EntityManager, table: StatisticsTable, f: stats.StatisticsFilter, groupBy: BillingGroup): Promise<string> {
  switch (table) {
    case StatisticsTable.REGISTRATIONS_BY_DOMAIN: {
      const rows = await stats.domainTable(em, f);
      return toCsv(['domaine', 'inscrits', 'pourcentage'], rows.map((r) => [r.code ?? 'TOTAL', r.registrations, `${r.percent}%`]));
    }
    case StatisticsTable.ATTENDANCE_BY_DOMAIN: {
      const rows = await stats.domainTable(em, f);
      return toCsv(['domaine', 'absents', 'présents', 'inscrits'], rows.map((r) => [r.code ?? 'TOTAL', r.absents, r.presents, r.registrations]));
    }
    case StatisticsTable.PARTS_ATTENDED:
    case StatisticsTable.CONNECTION_TIMES: {
      const rows = await stats.participationTable(em, f);
      return toCsv(
        ['niveau', 'formation', 'inscriptions', '5 parties', '4 parties', '3 parties', '2 parties', '1 partie', '0 partie', 'durée partie', 'connexion min', 'connexion max', 'connexion moyenne'],
        rows.map((r) => [r.level, r.label, r.registrations, ...[5, 4, 3, 2, 1, 0].map((k) => r.byPartsAttended[k]), hhmm(r.partMinutes), hhmm(r.minMinutes), hhmm(r.maxMinutes), hhmm(r.meanMinutes === null ? null : Math.round(r.meanMinutes))]),
      );
    }
    case StatisticsTable.BILLING: {
      const rows = await stats.billingTable(em, f, groupBy);
      return toCsv(['ligne', 'stagiaires', 'parties facturées', 'montant (EUR)'], rows.map((r) => [r.label, r.trainees, r.partsBilled, new FixedDecimal(r.amountCents / 100, 2)]));
    }
    case StatisticsTable.ASSIDUITY: {
      const rows = await stats.assiduityTable(em, f, 10_000);
      return toCsv(['stagiaire', 'email', 'structure', 'sessions', 'absences', 'absences non justifiées', 'participations partielles', 'minutes connectées'], rows.map((r) => [r.fullName, r.email, r.structureCode, r.sessionsHeld, r.absences, r.unjustifiedAbsences, r.partialAttendances, r.minutesConnected]));
    }
  }
}
