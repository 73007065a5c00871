import { describe, expect, it } from 'vitest';
import { sendWithoutWaitingForTheWire } from './ws-send';

/** A socket of the shape ws gives: `send(data, cb)` calls back once the write is done (here: when the test says). */
function socket(bufferedAmount: number, readyState = 1) {
  const writes: { data: unknown; cb?: (err?: Error) => void }[] = [];
  const s = { OPEN: 1 as const, readyState, bufferedAmount, send: (data: unknown, cb?: (err?: Error) => void) => void writes.push({ data, cb }) };
  sendWithoutWaitingForTheWire(s as never);
  return { s: s as unknown as { send: (data: unknown, cb?: (err?: Error) => void) => void; bufferedAmount: number }, writes };
}

describe('sending on a WebSocket', () => {
  it('counts a message as sent once queued while the socket keeps up', () => {
    const { s, writes } = socket(0);
    let sent = 0;
    s.send('a', () => sent++);
    s.send('b', () => sent++);
    expect(sent).toBe(2);
    expect(writes.map((w) => w.data)).toEqual(['a', 'b']);
    expect(writes.every((w) => w.cb === undefined)).toBe(true);
  });

  it('waits for the write again once a slow reader has let data pile up, and passes its error on', () => {
    const { s, writes } = socket(0);
    s.bufferedAmount = 10 * 1024 * 1024;
    const outcomes: unknown[] = [];
    s.send('late', (err) => outcomes.push(err ?? 'ok'));
    expect(outcomes).toEqual([]);
    writes[0].cb!(new Error('socket closed'));
    expect(outcomes).toEqual([new Error('socket closed')]);
  });

  it('leaves a closed socket to ws, which calls back with the error', () => {
    const { s, writes } = socket(0, 3);
    const outcomes: unknown[] = [];
    s.send('x', (err) => outcomes.push(err ?? 'ok'));
    expect(outcomes).toEqual([]);
    expect(writes[0].cb).toBeTypeOf('function');
  });
});
