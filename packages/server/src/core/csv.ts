/** CSV as the exports write it: semicolon separated, CRLF lines, spreadsheet formulas defused. */

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // a leading = + - @ would be read as a formula by a spreadsheet
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
