/**
 * Attendance per registration and part, and the import of a webinar tool's export:
 * each line is checked on its own; the accepted lines of one trainee and part are merged
 * with what is already stored, so overlapping connections (and a re-import of the same
 * export) are counted once.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { CsvError } from 'csv-parse/sync';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { MAX_IMPORT_ROWS, parseJsonWithin, readCsvWithin } from '../core/import-text';
import { Role } from '../core/roles';
import { TrainingSession, TrainingSessionPart } from './catalogue.entity';
import { TrainingAttendance, TrainingRegistration } from './registration.entity';
import { AttendanceSource, ImportFormat, ImportLineStatus, SEATED } from './training.enums';
import { TrainingErrorCode } from './training.errors';
import { M } from './training.messages';
import type { Text } from '../core/i18n';
import { AuditAction } from '../audit/audit.enums';
import { recordAudit } from '../audit/audit.service';
import { assertHasStarted, notStartedYet, visibleRegistration } from './training.service';

export function assertMayRecordAttendance(viewer: Viewer): void {
  if (!viewer.roles.has(Role.TRAINING_REFERENT)) throw new DomainError(CoreErrorCode.FORBIDDEN, M['FORBIDDEN.trainingAttendance']());
}

type Interval = [number, number];

/** Union of intervals (ms), sorted and merged: overlaps and repeats count once. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

export const minutesOf = (merged: Interval[]) => Math.round(merged.reduce((n, [s, e]) => n + (e - s), 0) / 60_000);

export async function recordAttendance(em: EntityManager, viewer: Viewer, input: { registrationId: string; part: number; connected: boolean; minutes: number }) {
  assertMayRecordAttendance(viewer);
  const r = await visibleRegistration(em, viewer, input.registrationId);
  if (!SEATED.includes(r.status)) throw new DomainError(TrainingErrorCode.INVALID_TRANSITION, M['INVALID_TRANSITION.noAttendance']({ status: r.status }), ['registrationId']);
  const part = await em.findOne(TrainingSessionPart, { session: r.session.id, number: input.part });
  if (!part) throw new DomainError(TrainingErrorCode.UNKNOWN_PART, M['UNKNOWN_PART.number']({ part: input.part }), ['part']);
  assertHasStarted(part.startsAt, new Date(), { part: part.number }, ['part']);
  if (!input.connected && input.minutes > 0) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, M['VALIDATION_FAILED.minutesWithoutConnection'](), ['minutes']);
  const row = (await em.findOne(TrainingAttendance, { registration: r, part })) ?? em.create(TrainingAttendance, { registration: r, part, connected: false, minutes: 0, source: AttendanceSource.MANUAL });
  row.connected = input.connected;
  row.minutes = input.minutes;
  row.source = AttendanceSource.MANUAL;
  await em.flush();
  return row;
}

export interface ImportLine {
  line: number;
  status: ImportLineStatus;
  email: string | null;
  part: number | null;
  code: string | null;
  message: string | null;
}

export interface ImportReport {
  applied: boolean;
  acceptedCount: number;
  rejectedCount: number;
  attendancesWritten: number;
  lines: ImportLine[];
}

interface RawRow {
  line: number;
  email?: unknown;
  part?: unknown;
  join?: unknown;
  leave?: unknown;
}

/** The rows of an export, read within the import bounds (core/import-text.ts): a nesting or row count past them is VALIDATION_FAILED. */
async function parseRows(format: ImportFormat, data: string): Promise<RawRow[]> {
  if (format === ImportFormat.JSON) {
    let parsed: unknown;
    try {
      parsed = parseJsonWithin(data, { field: 'data', rowDepth: 1 });
    } catch (e) {
      if (e instanceof DomainError) throw e;
      throw new DomainError(TrainingErrorCode.BAD_IMPORT_LINE, M['BAD_IMPORT_LINE.json'](), ['data']);
    }
    if (!Array.isArray(parsed)) throw new DomainError(TrainingErrorCode.BAD_IMPORT_LINE, M['BAD_IMPORT_LINE.jsonArray'](), ['data']);
    return parsed.map((o, i) => (o && typeof o === 'object' ? { line: i + 1, ...(o as object) } : { line: i + 1 }));
  }
  // the separator is the header's: French spreadsheets write `;`, others `,`
  const header = data.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = header.includes(';') ? ';' : ',';
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = await readCsvWithin(
      data,
      {
        bom: true,
        delimiter,
        columns: (names: string[]) => names.map((c) => c.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: true,
        relax_column_count: true,
        info: true,
      },
      { field: 'data', maxRows: MAX_IMPORT_ROWS },
    );
  } catch (e) {
    if (e instanceof CsvError) throw new DomainError(TrainingErrorCode.BAD_IMPORT_LINE, M['BAD_IMPORT_LINE.csv']({ line: e.lines ? String(e.lines) : 'none', detail: e.message.slice(0, 200) }), ['data']);
    throw e;
  }
  const cols = header.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1').toLowerCase());
  for (const need of ['email', 'part', 'join', 'leave']) {
    if (!cols.includes(need)) throw new DomainError(TrainingErrorCode.BAD_IMPORT_LINE, M['BAD_IMPORT_LINE.csvHeader']({ column: need }), ['data']);
  }
  // `info.lines` is the line the record ends on: the line number the report gives
  return records.map(({ record, info }) => ({ line: info.lines, email: record.email, part: record.part, join: record.join, leave: record.leave }));
}

function parseTime(v: unknown): number | null {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(v.trim())) return null;
  const t = Date.parse(v.trim().replace(' ', 'T'));
  return Number.isNaN(t) ? null : t;
}

/** Imports a session's attendance export; with `allOrNothing`, one rejected line means nothing is applied. */
export async function importAttendance(em: EntityManager, viewer: Viewer, input: { sessionId: string; format: ImportFormat; data: string; allOrNothing: boolean }): Promise<ImportReport> {
  assertMayRecordAttendance(viewer);
  const rows = await parseRows(input.format, input.data);
  return em.transactional(async (tx) => {
    // one import per session at a time: the merge reads then writes the stored intervals
    const locked = await tx.execute('select id from training_session where id = ? for update', [input.sessionId]);
    if (!locked.length) throw new DomainError(TrainingErrorCode.UNKNOWN_SESSION, M.UNKNOWN_SESSION(), ['sessionId']);
    const session = await tx.findOneOrFail(TrainingSession, { id: input.sessionId });
    const now = new Date();
    assertHasStarted(session.startsAt, now, 'session', ['sessionId']);
    const parts = new Map((await tx.find(TrainingSessionPart, { session })).map((p) => [p.number, p]));
    const registrations = await tx.find(TrainingRegistration, { session, status: { $in: [...SEATED] } }, { populate: ['trainee'] });
    const byEmail = new Map(registrations.map((r) => [r.trainee.getEntity().email.toLowerCase(), r]));

    const lines: ImportLine[] = [];
    const accepted = new Map<string, { registration: TrainingRegistration; part: TrainingSessionPart; intervals: Interval[] }>();
    for (const row of rows) {
      const email = typeof row.email === 'string' ? row.email.trim().toLowerCase() : null;
      const partNo = typeof row.part === 'number' ? row.part : typeof row.part === 'string' && /^\d+$/.test(row.part.trim()) ? Number(row.part) : null;
      const reject = (code: string, text: Text) => lines.push({ line: row.line, status: ImportLineStatus.REJECTED, email, part: partNo, code, message: text.render() });
      if (!email) { reject(TrainingErrorCode.BAD_IMPORT_LINE, M['BAD_IMPORT_LINE.email']()); continue; }
      if (partNo === null) { reject(TrainingErrorCode.BAD_IMPORT_LINE, M['BAD_IMPORT_LINE.part']()); continue; }
      const join = parseTime(row.join);
      const leave = parseTime(row.leave);
      if (join === null) { reject(TrainingErrorCode.BAD_IMPORT_LINE, M['BAD_IMPORT_LINE.join']()); continue; }
      if (leave === null) { reject(TrainingErrorCode.BAD_IMPORT_LINE, M['BAD_IMPORT_LINE.leave']()); continue; }
      if (leave < join) { reject(TrainingErrorCode.LEAVE_BEFORE_JOIN, M.LEAVE_BEFORE_JOIN()); continue; }
      const registration = byEmail.get(email);
      if (!registration) { reject(TrainingErrorCode.UNKNOWN_TRAINEE, M['UNKNOWN_TRAINEE.email']({ email })); continue; }
      const part = parts.get(partNo);
      if (!part) { reject(TrainingErrorCode.UNKNOWN_PART, M['UNKNOWN_PART.import']({ part: partNo, count: parts.size })); continue; }
      const early = notStartedYet(part.startsAt, now, { part: partNo });
      if (early) { reject(TrainingErrorCode.SESSION_NOT_STARTED, early); continue; }
      const key = `${registration.id}:${part.id}`;
      const entry = accepted.get(key) ?? { registration, part, intervals: [] };
      entry.intervals.push([join, leave]);
      accepted.set(key, entry);
      lines.push({ line: row.line, status: ImportLineStatus.APPLIED, email, part: partNo, code: null, message: null });
    }
    const rejectedCount = lines.filter((l) => l.status === ImportLineStatus.REJECTED).length;
    const acceptedCount = lines.length - rejectedCount;
    if (input.allOrNothing && rejectedCount > 0) {
      for (const l of lines) if (l.status === ImportLineStatus.APPLIED) l.status = ImportLineStatus.SKIPPED;
      return { applied: false, acceptedCount, rejectedCount, attendancesWritten: 0, lines };
    }
    const existing = accepted.size
      ? await tx.find(TrainingAttendance, { registration: { $in: registrations.map((r) => r.id) } })
      : [];
    const stored = new Map(existing.map((a) => [`${a.registration.id}:${a.part.id}`, a]));
    for (const [key, { registration, part, intervals }] of accepted) {
      const row = stored.get(key) ?? tx.create(TrainingAttendance, { registration, part, connected: false, minutes: 0, source: AttendanceSource.IMPORT });
      const merged = mergeIntervals([...row.intervals.map(([s, e]) => [Date.parse(s), Date.parse(e)] as Interval), ...intervals]);
      row.intervals = merged.map(([s, e]) => [new Date(s).toISOString(), new Date(e).toISOString()]);
      row.connected = true;
      row.minutes = minutesOf(merged);
      row.firstJoinAt = new Date(merged[0][0]);
      row.lastLeaveAt = new Date(merged[merged.length - 1][1]);
      row.source = AttendanceSource.IMPORT;
    }
    recordAudit(tx, viewer, { action: AuditAction.TRAINING_ATTENDANCE_IMPORTED, target: session, after: { acceptedCount, rejectedCount, attendancesWritten: accepted.size } });
    await tx.flush();
    return { applied: true, acceptedCount, rejectedCount, attendancesWritten: accepted.size, lines };
  });
}
