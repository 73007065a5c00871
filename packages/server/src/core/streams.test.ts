import { describe, expect, it } from 'vitest';
import { mapStream } from './streams';

async function* numbers(log: string[], fail = false) {
  try {
    yield 1;
    yield 2;
    if (fail) throw new Error('source failed');
    yield 3;
  } finally {
    log.push('source ended');
  }
}

describe('mapStream', () => {
  it('maps every value in order and ends once when the source ends', async () => {
    const log: string[] = [];
    const got: number[] = [];
    for await (const v of mapStream(numbers(log), (n) => n * 10, () => log.push('onEnd'))) got.push(v);
    expect(got).toEqual([10, 20, 30]);
    expect(log).toEqual(['source ended', 'onEnd']);
  });

  it('ends the source when the consumer stops early, calling onEnd once', async () => {
    const log: string[] = [];
    const s = mapStream(numbers(log), (n) => n, () => log.push('onEnd'));
    expect((await s.next()).value).toBe(1);
    expect(await s.return!()).toEqual({ done: true, value: undefined });
    await s.return!();
    expect(log).toEqual(['onEnd', 'source ended']);
  });

  it('passes the source’s failure on, after onEnd', async () => {
    const log: string[] = [];
    const s = mapStream(numbers(log, true), (n) => n, () => log.push('onEnd'));
    await s.next();
    await s.next();
    await expect(s.next()).rejects.toThrow('source failed');
    expect(log).toEqual(['source ended', 'onEnd']);
  });
});
