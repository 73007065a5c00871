/**
 * The columns a bulk-import section expects, checked before any row is read: a header
 * that misnames a column ("mail" for "email") or leaves one out would otherwise surface
 * as a wrong message on every line ('email: not an email address', 'No structure has
 * the code ""').
 */
import { parse } from 'csv-parse/sync';
import { ImportFormat } from './bulk-import';
import { CoreErrorCode, DomainError } from './errors';
import { CORE_SITUATIONS as T } from './core.messages';

export interface ImportColumns {
  /** The input field holding the section's CSV (named in the error). */
  field: string;
  csv?: string | null;
  /** The key of the section's array in the JSON document. */
  jsonKey: string;
  required: readonly string[];
  optional?: readonly string[];
}

/** The header line's names, as the import reads them (same separators, BOM and trimming). */
function csvHeader(text: string): string[] {
  try {
    const [header] = parse(text.replace(/\r\n?/g, '\n'), { to_line: 1, bom: true, trim: true, delimiter: [',', ';'] }) as string[][];
    return header ?? [];
  } catch {
    return []; // a text that does not parse is the row reader's to report
  }
}

/**
 * Refuses (VALIDATION_FAILED on the section's field, in French) a CSV header, or JSON
 * objects, with a missing required column or a column nobody reads. The whole import is
 * refused: no line is planned.
 */
export function assertImportColumns(format: ImportFormat | 'CSV' | 'JSON', sections: readonly ImportColumns[], json?: string | null, jsonField = 'json'): void {
  let doc: Record<string, unknown> = {};
  if (format === ImportFormat.JSON) {
    try {
      const parsed: unknown = JSON.parse(json ?? '{}');
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) doc = parsed as Record<string, unknown>;
    } catch {
      return; // the row reader reports it
    }
  }
  for (const s of sections) {
    const known = new Set([...s.required, ...(s.optional ?? [])]);
    const expected = [...s.required, ...(s.optional ?? []).map((column) => T['INVALID_FORMAT.columnOptional']({ column }).render())].join(', ');
    let missing: string[];
    let unknown: string[];
    if (format === ImportFormat.JSON) {
      const items = Array.isArray(doc[s.jsonKey]) ? (doc[s.jsonKey] as unknown[]) : [];
      const keys = items.map((i) => (i && typeof i === 'object' ? Object.keys(i) : []));
      missing = s.required.filter((c) => keys.some((k) => !k.includes(c)));
      unknown = [...new Set(keys.flat())].filter((c) => !known.has(c));
    } else {
      if (!s.csv?.trim()) continue;
      const header = csvHeader(s.csv);
      if (!header.length) continue;
      missing = s.required.filter((c) => !header.includes(c));
      unknown = header.filter((c) => !known.has(c));
    }
    if (!missing.length && !unknown.length) continue;
    const parts = [missing.length ? T['INVALID_FORMAT.columnsMissing']({ columns: missing.join(', ') }).render() : null, unknown.length ? T['INVALID_FORMAT.columnsUnknown']({ columns: unknown.join(', ') }).render() : null].filter(Boolean);
    const problems = parts.join(' ; ');
    throw new DomainError(CoreErrorCode.INVALID_FORMAT, T['INVALID_FORMAT.columns']({ json: format === ImportFormat.JSON, key: s.jsonKey, problems, expected }), [format === ImportFormat.JSON ? jsonField : s.field]);
  }
}
