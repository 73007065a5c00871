import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { MAX_IMPORT_JSON_DEPTH, parseJsonWithin, readCsvWithin } from './import-text';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? { code: e.code, message: e.message, field: e.field } : e;
  }
  return 'no refusal';
};

describe('parseJsonWithin', () => {
  it('refuses 20 000 levels of arrays before parsing them, naming the bound and the field', () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    expect(refusal(() => parseJsonWithin(deep, { field: 'json', rowDepth: 2 }))).toEqual({ code: 'INVALID_FORMAT', message: expect.stringContaining(`${MAX_IMPORT_JSON_DEPTH} levels`), field: ['json'] });
    expect(refusal(() => parseJsonWithin(`{"people":[{"roles":${deep}}]}`, { field: 'json', rowDepth: 2 }))).toMatchObject({ code: 'INVALID_FORMAT' });
  });

  it('counts the rows of the arrays at rowDepth, ignoring brackets and commas inside strings and deeper values', () => {
    expect(parseJsonWithin('{"a":[{"x":"[,{"},{"y":[1,2,3]}],"b":[]}', { field: 'json', rowDepth: 2, maxRows: 2 })).toEqual({ a: [{ x: '[,{' }, { y: [1, 2, 3] }], b: [] });
    expect(refusal(() => parseJsonWithin('{"a":[{},{}],"b":[ {} ]}', { field: 'json', rowDepth: 2, maxRows: 2 }))).toMatchObject({ code: 'TOO_MANY_ITEMS', message: expect.stringMatching(/at most 2 lines/) });
    expect(parseJsonWithin('[ {"e":"\\"]"} , {} ]', { field: 'data', rowDepth: 1, maxRows: 2 })).toHaveLength(2);
    expect(refusal(() => parseJsonWithin('[1,2,3]', { field: 'data', rowDepth: 1, maxRows: 2 }))).toMatchObject({ field: ['data'] });
  });

  it('leaves syntax errors to JSON.parse', () => {
    expect(() => parseJsonWithin('{"a":', { field: 'json', rowDepth: 2 })).toThrow(SyntaxError);
  });
});

describe('readCsvWithin', () => {
  const refusedAsync = async (p: Promise<unknown>) => p.then(() => 'no refusal', (e) => (e instanceof DomainError ? { code: e.code, message: e.message, field: e.field } : e));

  it('stops reading at the first record past the cap', async () => {
    const text = 'a,b\n' + '1,2\n'.repeat(170_000);
    expect(await refusedAsync(readCsvWithin(text, { columns: true }, { field: 'people', maxRows: 20_000 }))).toEqual({ code: 'TOO_MANY_ITEMS', message: expect.stringMatching(/at most 20000 lines in all: reading stopped at line 20001/), field: ['people'] });
    // what remains of the section budget, the message naming the import's cap
    expect(await refusedAsync(readCsvWithin('a\n1\n2\n', { columns: true }, { field: 'people', maxRows: 1, cap: 20_000 }))).toMatchObject({ message: expect.stringMatching(/at most 20000/) });
  });

  it('reads a text fed in slices as the whole: records, line numbers, characters cut between slices', async () => {
    const cell = 'é'.repeat(10_000); // 20 000 bytes: the slices cut inside characters
    const text = `a;b\n"${cell}\nsur deux lignes";1\n${cell};2\n`;
    const records = await readCsvWithin<{ record: Record<string, string>; info: { lines: number } }>(text, { columns: true, delimiter: ';', info: true }, { maxRows: 10 });
    expect(records.map((r) => [r.record.a.length, r.record.b, r.info.lines])).toEqual([[10_000 + 16, '1', 3], [10_000, '2', 4]]);
  });

  it('passes csv-parse errors through', async () => {
    await expect(readCsvWithin('a,b\n"1,2\n', { columns: true }, { maxRows: 10 })).rejects.toThrow(/Quote Not Closed/i);
  });
});
