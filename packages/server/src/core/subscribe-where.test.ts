import { describe, expect, it } from 'vitest';
import { MAX_UNTAKEN, subscribeWhereOn } from './events';

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

  it('starts each map when its message arrives, not after the earlier ones finish', async () => {
    const t = target();
    const started: number[] = [];
    const finished: number[] = [];
    const stream = subscribeWhereOn(t)<number, number>('T', () => true, async (n) => {
      started.push(n);
      await delay(n === 1 ? 40 : 1);
      finished.push(n);
      return n;
    });
    const first = stream.next();
    await delay(1);
    for (const n of [1, 2, 3]) t.emit('T', n);
    await delay(15);
    // the slow first read holds back what is yielded, not the reads behind it
    expect(started).toEqual([1, 2, 3]);
    expect(finished).toEqual([2, 3]);
    expect([(await first).value, (await stream.next()).value, (await stream.next()).value]).toEqual([1, 2, 3]);
    await stream.return?.(undefined);
  });

  it('takes answers given at once (no promise) in arrival order too, behind a pending one', async () => {
    const t = target();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // 1 answers later, 2 and 3 at once (3 skipped), 4 later, 5 at once
    const stream = subscribeWhereOn(t)<number, string>('T', () => true, (n) => (n === 1 ? gate.then(() => 'a1') : n === 4 ? delay(1).then(() => 'a4') : n === 3 ? null : `s${n}`));
    const first = stream.next();
    await delay(1);
    for (const n of [1, 2, 3, 4, 5]) t.emit('T', n);
    await delay(10);
    release();
    const got = [(await first).value];
    for (let i = 0; i < 3; i++) got.push((await stream.next()).value);
    expect(got).toEqual(['a1', 's2', 'a4', 's5']);
    // nothing pending: an answer given at once goes straight out
    t.emit('T', 6);
    expect((await stream.next()).value).toBe('s6');
    await stream.return?.(undefined);
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

  it('a reader that stops taking ends its own stream, with an error after what it left, and stops listening', async () => {
    const t = target();
    const stream = subscribeWhereOn(t)<number, number>('T', () => true, (n) => n);
    const first = stream.next();
    await delay(1);
    for (let n = 0; n <= MAX_UNTAKEN + 1; n++) t.emit('T', n);
    expect(t.count('T')).toBe(0);
    expect((await first).value).toBe(0);
    for (let n = 1; n <= MAX_UNTAKEN; n++) expect((await stream.next()).value).toBe(n);
    await expect(stream.next()).rejects.toThrow(/untaken/);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('ends a reader waiting for the next value when it is returned', async () => {
    const t = target();
    const stream = subscribeWhereOn(t)<number, number>('T', () => true, (n) => n);
    const pending = stream.next();
    await delay(1);
    await stream.return?.(undefined);
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(t.count('T')).toBe(0);
  });

  it('subscribers sharing a message’s read get it through one listener and one reaction, each picking its own value', async () => {
    const t = target();
    const reads = new Map<number, Promise<number>>();
    let readsStarted = 0;
    const shared = (n: number) => {
      let r = reads.get(n);
      if (!r) {
        readsStarted++;
        reads.set(n, (r = delay(5).then(() => n * 100)));
      }
      return r;
    };
    const subscribeWhere = subscribeWhereOn(t);
    const a = subscribeWhere<number, number, string>('T', () => true, shared, (n, v) => `a${n}:${v}`);
    const b = subscribeWhere<number, number, string>('T', (n) => n !== 2, shared, (n, v) => (n === 3 ? null : `b${n}:${v}`));
    const firstA = a.next();
    const firstB = b.next();
    await delay(1);
    expect(t.count('T')).toBe(1);
    for (const n of [1, 2, 3, 4]) t.emit('T', n);
    expect(readsStarted).toBe(4);
    expect([(await firstA).value, (await a.next()).value, (await a.next()).value, (await a.next()).value]).toEqual(['a1:100', 'a2:200', 'a3:300', 'a4:400']);
    expect([(await firstB).value, (await b.next()).value]).toEqual(['b1:100', 'b4:400']);
    await a.return?.(undefined);
    expect(t.count('T')).toBe(1);
    await b.return?.(undefined);
    expect(t.count('T')).toBe(0);
  });

  it('a burst: subscribers waiting behind an earlier read still get each later message through one reaction, not one each', async () => {
    const t = target();
    const reactions = new Map<number, number>();
    const reads = new Map<number, Promise<number>>();
    const shared = (n: number) => {
      let r = reads.get(n);
      if (!r) {
        r = delay(5 * (5 - n)).then(() => n * 100); // the first message's read is the slowest: the others wait behind it
        const then = r.then.bind(r);
        (r as { then: unknown }).then = (...args: Parameters<typeof then>) => (reactions.set(n, (reactions.get(n) ?? 0) + 1), then(...args));
        reads.set(n, r);
      }
      return r;
    };
    const subscribeWhere = subscribeWhereOn(t);
    const streams = Array.from({ length: 50 }, () => subscribeWhere<number, number, number>('T', () => true, shared, (_n, v) => v));
    const firsts = streams.map((s) => s.next());
    await delay(1);
    for (const n of [1, 2, 3, 4]) t.emit('T', n);
    for (const [i, s] of streams.entries()) expect([(await firsts[i]).value, (await s.next()).value, (await s.next()).value, (await s.next()).value]).toEqual([100, 200, 300, 400]);
    // a handful per read (awaited, guarded against an early rejection), whatever the number of subscribers
    for (const n of [1, 2, 3, 4]) expect(reactions.get(n)).toBeLessThanOrEqual(3);
    await Promise.all(streams.map((s) => s.return?.(undefined)));
  });

  it('a shared read that fails ends the streams that awaited it, and only those', async () => {
    const t = target();
    const failing = Promise.reject(new Error('read failed'));
    failing.catch(() => undefined);
    const read = (n: number) => (n === 2 ? failing : n);
    const subscribeWhere = subscribeWhereOn(t);
    const a = subscribeWhere<number, number>('T', () => true, read);
    const b = subscribeWhere<number, number>('T', (n) => n !== 2, read);
    const firstA = a.next();
    const firstB = b.next();
    await delay(1);
    for (const n of [1, 2, 3]) t.emit('T', n);
    expect((await firstA).value).toBe(1);
    await expect(a.next()).rejects.toThrow('read failed');
    expect([(await firstB).value, (await b.next()).value]).toEqual([1, 3]);
    await b.return?.(undefined);
  });
});

