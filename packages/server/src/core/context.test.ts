import { describe, expect, it } from 'vitest';
import { memoKey, memoRegistry } from './context';

describe('the per-request memo (ctx.memo)', () => {
  it('computes a key once and shares the promise, even between calls made at once', async () => {
    const memo = memoRegistry();
    const key = memoKey<number>('answer');
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([memo(key, compute), memo(key, compute)]);
    expect([a, b, await memo(key, compute)]).toEqual([1, 1, 1]);
    expect(runs).toBe(1);
  });

  it('keeps keys apart by identity, not by name, and requests apart', async () => {
    const memo = memoRegistry();
    const one = memoKey<string>('same');
    const two = memoKey<string>('same');
    expect([await memo(one, async () => 'one'), await memo(two, async () => 'two')]).toEqual(['one', 'two']);
    expect(await memoRegistry()(one, async () => 'another request')).toBe('another request');
  });

  it('forgets a failure: the next call computes again', async () => {
    const memo = memoRegistry();
    const key = memoKey<string>('flaky');
    await expect(memo(key, async () => Promise.reject(new Error('database unavailable')))).rejects.toThrow('database unavailable');
    expect(await memo(key, async () => 'recovered')).toBe('recovered');
  });
});
