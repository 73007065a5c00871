/**
 * CSV as the exports write it, for a French spreadsheet (Excel opens it with a double click):
 * a UTF-8 byte order mark (else accents are read as Windows-1252), semicolon separated, CRLF lines,
 * decimal comma, spreadsheet formulas defused.
 */

/** The UTF-8 byte order mark every CSV starts with. */
export const CSV_BOM = '\uFEFF';

/** Decimals kept on a number that is not an integer (a rate 0.461, a mean): enough, without float noise. */
const MAX_DECIMALS = 4;

/** A decimal written the French way: `0,461`, `600,00`. */
const comma = (s: string) => s.replace('.', ',');

/** A number written with a fixed count of decimals (an amount: 600.00): still a number, never prefixed. */
export class FixedDecimal {
  constructor(
    readonly value: number,
    readonly digits: number,
  ) {}
}

/** What a cell may hold: text is neutralised, numbers are written as numbers (decimal comma). */
export type CsvValue = string | number | FixedDecimal | null | undefined;

/**
 * One cell. Text starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be read
 * as a formula by a spreadsheet (`-2+3+cmd|…`, `-0+HYPERLINK(…)`): it is prefixed with `'`,
 * with no exemption (OWASP "CSV injection"). Numbers are typed as numbers, so `-3` needs none.
 */
export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? comma(String(Number.isInteger(v) ? v : Number(v.toFixed(MAX_DECIMALS)))) : '';
  if (v instanceof FixedDecimal) return Number.isFinite(v.value) ? comma(v.value.toFixed(v.digits)) : '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return CSV_BOM + [header, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
