/**
 * The one bulk-import engine, shared by the directory, the knowledge items and the
 * calendars' closed days. It reads CSV (csv-parse) or JSON into numbered rows, lets a
 * feature plan them line by line (create, change, unchanged, refuse…) inside one
 * transaction, and writes only when it is no dry run and no line was refused: all or
 * nothing. Each feature brings its own matching (a natural key) and writes through its
 * own service, so that importing the same file twice finds every line UNCHANGED.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { CoreErrorCode, DomainError } from './errors';
import { MAX_IMPORT_ROWS, parseJsonWithin, readCsvWithin } from './import-text';
import { CORE_SITUATIONS as T } from './core.messages';
import type { Text } from './i18n';

export enum ImportFormat {
  CSV = 'CSV',
  JSON = 'JSON',
}

/** Which part of an import a line belongs to. */
export enum ImportSection {
  STRUCTURES = 'STRUCTURES',
  PEOPLE = 'PEOPLE',
  ASSIGNMENTS = 'ASSIGNMENTS',
  KNOWLEDGE_ITEMS = 'KNOWLEDGE_ITEMS',
  CLOSED_DAYS = 'CLOSED_DAYS',
}

export enum ImportAction {
  CREATE = 'CREATE',
  CHANGE = 'CHANGE',
  UNCHANGED = 'UNCHANGED',
  END = 'END',
  DEACTIVATE = 'DEACTIVATE',
  REFUSE = 'REFUSE',
}

export interface ImportLine {
  section: ImportSection;
  /** CSV: the line in its file (the header is line 1). JSON: the position in its array, from 1. 0 for lines the import adds (ended, deactivated). */
  line: number;
  key: string;
  action: ImportAction;
  changes: string[];
  message: string | null;
}

export interface ImportReportData {
  applied: boolean;
  lines: ImportLine[];
}

export type ImportRow = { line: number; data: Record<string, string> };

/** One section of an import: where its CSV text is (`field` of the input) and its key in a JSON document. */
export interface ImportSource<S extends ImportSection = ImportSection> {
  section: S;
  /** The input field holding the CSV text (named in errors). */
  field: string;
  csv?: string | null;
  /** The key of the section's array in the JSON document. */
  jsonKey: string;
  /** How a JSON array value becomes the cell's text (default `|`, as the CSV writes lists). */
  arrayJoin?: string;
}

/**
 * The rows of each section, numbered as the report shows them. A text that does not parse
 * at all is a VALIDATION_FAILED user error naming its field (nothing is planned then); so is
 * a JSON nested too deep, and an import past MAX_IMPORT_ROWS lines, found while reading.
 */
export async function readImportRows<S extends ImportSection>(format: ImportFormat | 'CSV' | 'JSON', sources: ImportSource<S>[], json?: string | null, jsonField = 'json'): Promise<Record<S, ImportRow[]>> {
  const out = Object.fromEntries(sources.map((s) => [s.section, [] as ImportRow[]])) as Record<S, ImportRow[]>;
  if (format === ImportFormat.JSON) {
    let doc: unknown;
    try {
      doc = parseJsonWithin(json ?? '{}', { field: jsonField, rowDepth: 2 });
    } catch (e) {
      if (e instanceof DomainError) throw e;
      throw new DomainError(CoreErrorCode.INVALID_FORMAT, T['INVALID_FORMAT.json']({ reason: (e as Error).message }), [jsonField]);
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new DomainError(CoreErrorCode.INVALID_FORMAT, T['INVALID_FORMAT.jsonShape'](), [jsonField]);
    for (const s of sources) {
      const list = (doc as Record<string, unknown>)[s.jsonKey] ?? [];
      if (!Array.isArray(list)) throw new DomainError(CoreErrorCode.INVALID_FORMAT, T['INVALID_FORMAT.jsonArray']({ key: s.jsonKey }), [jsonField]);
      const join = s.arrayJoin ?? '|';
      out[s.section] = list.map((item, i) => ({
        line: i + 1,
        data: Object.fromEntries(
          Object.entries(item && typeof item === 'object' ? item : {}).map(([k, v]) => [k, v == null ? '' : Array.isArray(v) ? v.map((x) => String(x ?? '')).join(join) : String(v).trim()]),
        ),
      }));
    }
  } else {
    let read = 0;
    for (const s of sources) {
      if (!s.csv?.trim()) continue;
      try {
        // one kind of line break (csv-parse counts a CRLF inside quotes as two lines)
        const text = s.csv.replace(/\r\n?/g, '\n');
        const records = await readCsvWithin<{ record: Record<string, string>; raw: string; info: { lines: number } }>(
          text,
          { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true, raw: true, delimiter: [',', ';'] },
          { field: s.field, maxRows: MAX_IMPORT_ROWS - read, cap: MAX_IMPORT_ROWS },
        );
        read += records.length;
        // the line a record starts on: csv-parse gives the one it ends on; a quoted cell may span lines
        const breaksIn = (raw: string) => raw.replace(/^\n+/, '').replace(/\n$/, '').split('\n').length - 1;
        out[s.section] = records.map((r) => ({ line: r.info.lines - breaksIn(r.raw), data: r.record }));
      } catch (e) {
        if (e instanceof DomainError) throw e;
        throw new DomainError(CoreErrorCode.INVALID_FORMAT, T['INVALID_FORMAT.csv']({ reason: (e as Error).message }), [s.field]);
      }
    }
  }
  return out;
}

/** The report being written while an import is planned. */
export class ImportLog {
  readonly lines: ImportLine[] = [];

  refuse(section: ImportSection, line: number, key: string, message: string | Text): void {
    this.lines.push({ section, line, key, action: ImportAction.REFUSE, changes: [], message: typeof message === 'string' ? message : message.render() });
  }

  record(section: ImportSection, line: number, key: string, action: ImportAction, changes: string[] = []): void {
    this.lines.push({ section, line, key, action, changes, message: null });
  }

  get refused(): boolean {
    return this.lines.some((l) => l.action === ImportAction.REFUSE);
  }
}

/**
 * Plans then (maybe) writes, in one transaction. `plan` reads what it needs, fills the log
 * and returns the writes to make; they run only when it is no dry run and no line was
 * refused. A write that fails rolls the whole import back (its error reaches the caller).
 */
export async function runImport(
  em: EntityManager,
  dryRun: boolean,
  plan: (tx: EntityManager, log: ImportLog) => Promise<() => Promise<void>>,
  /** Called in the transaction once an import is applied (never for a dry run or a refusal): the feature records it in the audit; flushed with it. */
  onApplied?: (tx: EntityManager, lines: readonly ImportLine[]) => void,
): Promise<ImportReportData> {
  return em.transactional(async (tx) => {
    const log = new ImportLog();
    const write = await plan(tx, log);
    if (dryRun || log.refused) return { applied: false, lines: log.lines };
    await write();
    if (onApplied) {
      onApplied(tx, log.lines);
      await tx.flush();
    }
    return { applied: true, lines: log.lines };
  });
}

/** What an applied import did, as the audit keeps it: per section, the count of lines per action (`{ "PEOPLE": { "CREATE": 3 } }`). */
export function importCounts(lines: readonly ImportLine[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const l of lines) {
    const section = (out[l.section] ??= {});
    section[l.action] = (section[l.action] ?? 0) + 1;
  }
  return out;
}
