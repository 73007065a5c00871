/**
 * Reading an import's text within bounds, for every import (the bulk-import engine and the
 * training attendance import): rows are counted while the text is read and reading stops
 * at the first row past the cap, so a 170 000-line file costs no more than a 20 000-line
 * one; a JSON document's nesting is bounded before anything is built from it.
 */
import { once } from 'node:events';
import { parse as csvParser, type Options as CsvOptions } from 'csv-parse';
import { CoreErrorCode, DomainError } from './errors';
import { CORE_SITUATIONS as T } from './core.messages';

/** Rows an import takes, all its sections together. */
export const MAX_IMPORT_ROWS = 20_000;

/** Nesting an import's JSON may have: an object of arrays of rows whose cells hold lists is 4 deep. */
export const MAX_IMPORT_JSON_DEPTH = 8;

export const tooManyRows = (field: string | undefined, max = MAX_IMPORT_ROWS) =>
  new DomainError(CoreErrorCode.TOO_MANY_ITEMS, T['TOO_MANY_ITEMS.importRows']({ max, line: max + 1 }), field ? [field] : undefined, { max });

/**
 * CSV parsed between two turns of the event loop: so many lines, at most so many bytes. Lines
 * bound the work (csv-parse builds an error object for each row whose cells do not match the
 * header, costly when every row is so), bytes bound a text with few line breaks.
 */
const CSV_SLICE_LINES = 128;
const CSV_SLICE_BYTES = 16 * 1024;

/** Where the slice starting at `from` ends. */
function sliceEnd(bytes: Buffer, from: number): number {
  const limit = Math.min(bytes.length, from + CSV_SLICE_BYTES);
  let at = from;
  for (let n = 0; n < CSV_SLICE_LINES; n++) {
    const nl = bytes.indexOf(0x0a, at);
    if (nl < 0 || nl >= limit) return limit;
    at = nl + 1;
  }
  return at;
}

/**
 * The records of a CSV text; `maxRows` is the cap left for this text. The text is fed to
 * csv-parse's stream a slice at a time, letting other requests run between slices, and
 * `on_record` counts the records as they come: the error it throws at the first record past
 * the cap stops the parser, so what lies beyond is never parsed. csv-parse's own errors
 * (CsvError) reach the caller.
 */
export async function readCsvWithin<T>(text: string, options: CsvOptions, bound: { field?: string; maxRows: number; cap?: number }): Promise<T[]> {
  let rows = 0;
  const on_record = <R>(record: R): R => {
    if (++rows > bound.maxRows) throw tooManyRows(bound.field, bound.cap ?? bound.maxRows);
    return record;
  };
  const parser = csvParser({ ...options, on_record } as CsvOptions);
  const records: T[] = [];
  let failure: unknown = null;
  const ended = new Promise<void>((resolve) => {
    parser.on('data', (record: T) => records.push(record));
    parser.once('end', resolve);
    parser.once('error', (e) => resolve(void (failure = e)));
  });
  // bytes, not string slices: a slice may cut a character, which csv-parse reassembles
  const bytes = Buffer.from(text);
  for (let at = 0, end = 0; at < bytes.length && failure === null; at = end) {
    end = sliceEnd(bytes, at);
    if (!parser.write(bytes.subarray(at, end))) await Promise.race([once(parser, 'drain'), ended]);
    await new Promise((next) => setImmediate(next));
  }
  if (failure === null) parser.end();
  await ended;
  if (failure !== null) throw failure;
  return records;
}

/**
 * Parses an import's JSON once a linear scan has found it bounded: nesting at most
 * MAX_IMPORT_JSON_DEPTH (a 20 000-deep array would overflow the stack of whatever walks it
 * next) and at most `maxRows` values in the arrays at `rowDepth` (1: the document is the
 * array of rows; 2: an object whose arrays hold the rows). The scan stops at the first
 * excess; a syntax error is JSON.parse's SyntaxError, for the caller to word.
 */
export function parseJsonWithin(text: string, bound: { field: string; rowDepth: 1 | 2; maxRows?: number }): unknown {
  const max = bound.maxRows ?? MAX_IMPORT_ROWS;
  const isArray: boolean[] = [];
  let depth = 0;
  let rows = 0;
  let inString = false;
  let rowMayStart = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // \ escapes the next character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (rowMayStart) {
      rowMayStart = false;
      if (c !== 0x5d && ++rows > max) throw tooManyRows(bound.field, max);
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_IMPORT_JSON_DEPTH) throw new DomainError(CoreErrorCode.INVALID_FORMAT, T['INVALID_FORMAT.jsonDepth']({ max: MAX_IMPORT_JSON_DEPTH }), [bound.field], { max: MAX_IMPORT_JSON_DEPTH });
      isArray[depth] = c === 0x5b;
      rowMayStart = isArray[depth] && depth === bound.rowDepth;
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
    else if (c === 0x2c) rowMayStart = depth === bound.rowDepth && isArray[depth];
  }
  return JSON.parse(text);
}
