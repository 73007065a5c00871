/** The training statistics tables as CSV files: the same numbers as the statistics API, in the source's French headings (English on request). */
import type { EntityManager } from '@mikro-orm/postgresql';
import { FixedDecimal, toCsv } from '../core/csv';
import { BillingGroup, StatisticsTable } from './training.enums';
import * as stats from './training.statistics';
import { M } from './training.messages';

/** A CSV heading row in the request's language. */
const heading = (key: 'TRAINING_CSV.registrationsByDomain' | 'TRAINING_CSV.attendanceByDomain' | 'TRAINING_CSV.participation' | 'TRAINING_CSV.billing' | 'TRAINING_CSV.assiduity') => M[key]().render().split(';');

/** Minutes as 1h05 (empty when unknown). */
export const hhmm = (m: number | null) => (m === null ? '' : `${Math.floor(m / 60)}h${String(Math.round(m % 60)).padStart(2, '0')}`);

export async function statisticsCsv(em: EntityManager, table: StatisticsTable, f: stats.StatisticsFilter, groupBy: BillingGroup): Promise<string> {
  switch (table) {
    case StatisticsTable.REGISTRATIONS_BY_DOMAIN: {
      const rows = await stats.domainTable(em, f);
      return toCsv(heading('TRAINING_CSV.registrationsByDomain'), rows.map((r) => [r.code ?? 'TOTAL', r.registrations, `${r.percent}%`]));
    }
    case StatisticsTable.ATTENDANCE_BY_DOMAIN: {
      const rows = await stats.domainTable(em, f);
      return toCsv(heading('TRAINING_CSV.attendanceByDomain'), rows.map((r) => [r.code ?? 'TOTAL', r.absents, r.presents, r.registrations]));
    }
    case StatisticsTable.PARTS_ATTENDED:
    case StatisticsTable.CONNECTION_TIMES: {
      const rows = await stats.participationTable(em, f);
      return toCsv(
        heading('TRAINING_CSV.participation'),
        rows.map((r) => [r.level, r.label, r.registrations, ...[5, 4, 3, 2, 1, 0].map((k) => r.byPartsAttended[k]), hhmm(r.partMinutes), hhmm(r.minMinutes), hhmm(r.maxMinutes), hhmm(r.meanMinutes === null ? null : Math.round(r.meanMinutes))]),
      );
    }
    case StatisticsTable.BILLING: {
      const rows = await stats.billingTable(em, f, groupBy);
      return toCsv(heading('TRAINING_CSV.billing'), rows.map((r) => [r.label, r.trainees, r.partsBilled, new FixedDecimal(r.amountCents / 100, 2)]));
    }
    case StatisticsTable.ASSIDUITY: {
      const rows = await stats.assiduityTable(em, f, 10_000);
      return toCsv(heading('TRAINING_CSV.assiduity'), rows.map((r) => [r.fullName, r.email, r.structureCode, r.sessionsHeld, r.absences, r.unjustifiedAbsences, r.partialAttendances, r.minutesConnected]));
    }
  }
}
