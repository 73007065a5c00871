/**
 * Fair shares: one caller runs at most CALLER_CONCURRENCY operations at once on an
 * instance, the next ones wait in line (CALLER_QUEUE long), and past that are refused
 * with THROTTLED — on HTTP and over WebSocket alike — while other callers go on untouched.
 */
import { describe, expect, it } from 'vitest';
import { Admission } from '../packages/server/src/core/admission';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { startTestServer } from './support/server';
import { wsClient } from './support/ws';

describe('Admission', () => {
  it('lets `concurrency` in, lines up `maxWaiting` more in order, refuses the rest, and hands each freed place to the next', async () => {
    const admission = new Admission(2, 1);
    const first = await admission.enter('A');
    const second = await admission.enter('A');
    const order: string[] = [];
    const third = admission.enter('A').then((r) => (order.push('third'), r));
    expect(await admission.enter('A')).toBeNull(); // line full
    expect(await admission.enter('B')).not.toBeNull(); // another caller is not behind A
    expect(admission.running('A')).toBe(2);
    first!();
    first!(); // freeing twice frees once
    const r3 = await third;
    expect(order).toEqual(['third']);
    expect(admission.running('A')).toBe(2);
    second!();
    r3!();
    expect(admission.running('A')).toBe(0);
  });
});

const server = await startTestServer({ env: { CALLER_CONCURRENCY: '1', CALLER_QUEUE: '0' } });
const analyst = { token: await server.tokenForRole('ANALYST') };
const QUERY = `{ viewer { kind } tickets(first: 5) { totalCount } }`;

describe('a caller past its share of the instance', () => {
  it('is refused with THROTTLED (429, Retry-After) over HTTP, while another caller is served', async () => {
    // the analyst asks once, in the middle of the application's burst
    const [burst, other] = await Promise.all([Promise.all(Array.from({ length: 20 }, () => server.gql(QUERY, {}, { apiKey: DEMO_API_KEY }))), server.gql(`{ viewer { kind } }`, {}, analyst)]);
    const throttled = burst.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(burst.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    expect(throttled[0].body.errors[0].extensions).toMatchObject({ code: 'THROTTLED', retryAfterSeconds: 1 });
    expect(throttled[0].headers.get('retry-after')).toBe('1');
    expect(burst.filter((r) => r.status !== 200 && r.status !== 429).map((r) => r.body)).toEqual([]);
    expect(other.status).toBe(200);
    // places are given back: once the burst is over the caller is served again
    expect((await server.gql(QUERY, {}, { apiKey: DEMO_API_KEY })).status).toBe(200);
  });

  it('is refused the same way over WebSocket', async () => {
    const ws = wsClient(server.url, { apiKey: DEMO_API_KEY });
    // one operation's outcome: 'ok', or the code of its first error (result errors or an error message)
    const run = (query: string) =>
      new Promise<string>((resolve) => {
        ws.subscribe(
          { query },
          {
            next: (r) => resolve(((r.errors?.[0]?.extensions as { code?: string } | undefined)?.code) ?? 'ok'),
            error: (e) => resolve((Array.isArray(e) ? (e[0]?.extensions?.code as string) : undefined) ?? String(e)),
            complete: () => undefined,
          },
        );
      });
    try {
      const codes = await Promise.all(Array.from({ length: 20 }, () => run(QUERY)));
      expect(codes).toContain('THROTTLED');
      expect(codes).toContain('ok');
      expect(codes.every((c) => c === 'ok' || c === 'THROTTLED')).toBe(true);
      expect(await run(QUERY)).toBe('ok');
    } finally {
      await ws.dispose();
    }
  });
});
