/**
 * Bulk import of business calendars' extra closed days (rows: calendar code, date, label),
 * through the shared import engine (core/bulk-import): CSV or JSON, a dry run reported
 * line by line, an all-or-nothing apply, and a re-import that changes nothing. Days are
 * matched by calendar and date; the file adds days and changes labels, it never removes
 * a day. Each calendar is written once, by updateCalendar (its checks, and the standings
 * recomputed by the job).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ImportAction, ImportSection, readImportRows, runImport, type ImportFormat, type ImportReportData } from '../core/bulk-import';
import type { Viewer } from '../core/context';
import { BusinessCalendar } from './service-level.entity';
import { AuditAction } from '../audit/audit.enums';
import { auditImport } from '../audit/audit.service';
import { assertMayConfigure, isClosedDayDate, MAX_CLOSED_DAY_LABEL, MAX_CLOSED_DAYS, updateCalendar } from './service-level.service';
import { M } from './service-level.messages';

export interface ClosedDayImportInput {
  format: ImportFormat | 'CSV' | 'JSON';
  /** CSV, columns `calendar,date,label`. */
  closedDays?: string | null;
  /** JSON: `{ "closedDays": [{ "calendar", "date", "label" }] }`. */
  json?: string | null;
  dryRun: boolean;
}

export async function importClosedDays(em: EntityManager, viewer: Viewer, input: ClosedDayImportInput): Promise<ImportReportData> {
  assertMayConfigure(viewer);
  const S = ImportSection.CLOSED_DAYS;
  const rows = await readImportRows<typeof S>(input.format, [{ section: S, field: 'closedDays', csv: input.closedDays, jsonKey: 'closedDays' }], input.json);
  return runImport(em, input.dryRun, async (tx, log) => {
    const codes = [...new Set(rows.CLOSED_DAYS.map((r) => (r.data.calendar ?? '').trim().toUpperCase()).filter(Boolean))];
    const calendars = new Map((await tx.find(BusinessCalendar, { code: { $in: codes } })).map((c) => [c.code, c]));
    // what each touched calendar will hold
    const planned = new Map<string, { days: Set<string>; labels: Record<string, string> }>();
    const seen = new Set<string>();
    for (const { line, data } of rows.CLOSED_DAYS) {
      const code = (data.calendar ?? '').trim().toUpperCase();
      const date = (data.date ?? '').trim();
      const label = (data.label ?? '').trim().replace(/\s+/g, ' ');
      const key = `${code} ${date}`;
      const cal = calendars.get(code);
      if (!cal) { log.refuse(S, line, key, M['CLOSED_DAY_IMPORT.unknownCalendar']({ code: data.calendar ?? '' }).render()); continue; }
      if (!isClosedDayDate(date)) { log.refuse(S, line, key, M['CLOSED_DAY_IMPORT.date']().render()); continue; }
      if (label.length > MAX_CLOSED_DAY_LABEL) { log.refuse(S, line, key, M['CLOSED_DAY_IMPORT.label']({ max: MAX_CLOSED_DAY_LABEL }).render()); continue; }
      if (seen.has(key)) { log.refuse(S, line, key, M['CLOSED_DAY_IMPORT.twice']({ date, code }).render()); continue; }
      seen.add(key);
      let p = planned.get(cal.id);
      if (!p) planned.set(cal.id, (p = { days: new Set(cal.closedDays), labels: { ...cal.closedDayLabels } }));
      const before = cal.closedDayLabels[date] ?? '';
      if (!cal.closedDays.includes(date)) {
        if (p.days.size >= MAX_CLOSED_DAYS) { log.refuse(S, line, key, M['INVALID_CLOSED_DAY.tooMany']({ max: MAX_CLOSED_DAYS }).render()); continue; }
        log.record(S, line, key, ImportAction.CREATE);
      } else if (before !== label) log.record(S, line, key, ImportAction.CHANGE, [`label: ${before || '—'} → ${label || '—'}`]);
      else { log.record(S, line, key, ImportAction.UNCHANGED); continue; }
      p.days.add(date);
      if (label) p.labels[date] = label;
      else delete p.labels[date];
    }
    return async () => {
      for (const [id, p] of planned) {
        const cal = [...calendars.values()].find((c) => c.id === id)!;
        // a calendar whose lines are all unchanged is not written (its standings stay)
        if (p.days.size === cal.closedDays.length && JSON.stringify(p.labels) === JSON.stringify(cal.closedDayLabels)) continue;
        await updateCalendar(tx, viewer, id, { closedDays: [...p.days], closedDayLabels: p.labels });
      }
    };
  }, auditImport(viewer, AuditAction.CLOSED_DAYS_IMPORTED, 'ClosedDayImport'));
}
