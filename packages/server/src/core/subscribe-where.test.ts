import { describe, expect, it } from 'vitest';
import { subscribeWhereOn } from './events';

/** An in-memory event target of the same shape as the PostgreSQL one (delivery is what is under test here). */
function target() {
  const listeners = new Map<string, Set<(e: CustomEvent) => void>>();
  return {
    addEventListener: (type: string, l: any) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(l),
    removeEventListener: (type: string, l: any) => void listeners.get(type)?.delete(l),
    emit: (type: string, detail: unknown) => listeners.get(type)?.forEach((l) => l(new CustomEvent(type, { detail }))),
    count: (type: string) => listeners.get(type)?.size ?? 0,
  };
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('subscribeWhere', () => {
  it('yields the accepted messages, mapped, in arrival order even when later maps finish first, skipping nulls', async () => {
    const t = target();
    const accepted: number[] = [];
    const stream = subscribeWhereOn(t)<number, string>(
      'T',
      (n) => (accepted.push(n), n % 3 !== 0),
      async (n) => {
        await delay(n === 1 ? 30 : 1); // the first map is the slowest
        return n === 4 ? null : `m${n}`;
      },
    );
    const first = stream.next(); // starts the stream: the listener is added
    await delay(1);
    expect(t.count('T')).toBe(1);
    for (const n of [1, 2, 3, 4, 5]) t.emit('T', n);
    t.emit('other', 7);
    const got = [(await first).value];
    for (let i = 0; i < 2; i++) got.push((await stream.next()).value);
    expect(got).toEqual(['m1', 'm2', 'm5']);
    expect(accepted).toEqual([1, 2, 3, 4, 5]);
    await stream.return?.(undefined);
    expect(t.count('T')).toBe(0);
  });

  it('ends with the error when a map fails, and leaves other subscribers running', async () => {
    const t = target();
    const failing = subscribeWhereOn(t)<number, number>('T', () => true, async (n) => {
      if (n === 2) throw new Error('read failed');
      return n;
    });
    const other = subscribeWhereOn(t)<number, number>('T', () => true, async (n) => n * 10);
    const a = failing.next();
    const b = other.next();
    await delay(1);
    t.emit('T', 1);
    t.emit('T', 2);
    t.emit('T', 3);
    expect((await a).value).toBe(1);
    await expect(failing.next()).rejects.toThrow('read failed');
    expect([(await b).value, (await other.next()).value, (await other.next()).value]).toEqual([10, 20, 30]);
    await other.return?.(undefined);
  });
});
