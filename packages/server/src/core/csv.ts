/** CSV as the exports write it: semicolon separated, CRLF lines, spreadsheet formulas defused. */

/** A number written with a fixed count of decimals (an amount: 600.00): still a number, never prefixed. */
export class FixedDecimal {
  constructor(
    readonly value: number,
    readonly digits: number,
  ) {}
}

/** What a cell may hold: text is neutralised, numbers are written as numbers. */
export type CsvValue = string | number | FixedDecimal | null | undefined;

/**
 * One cell. Text starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be read
 * as a formula by a spreadsheet (`-2+3+cmd|…`, `-0+HYPERLINK(…)`): it is prefixed with `'`,
 * with no exemption (OWASP "CSV injection"). Numbers are typed as numbers, so `-3` needs none.
 */
export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (v instanceof FixedDecimal) return Number.isFinite(v.value) ? v.value.toFixed(v.digits) : '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
