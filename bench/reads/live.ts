/**
 * Live updates under load: `ticketEvents` subscribers spread over two server instances, a
 * burst of ticket changes, then per delivery the latency (the event's `createdAt` to its
 * arrival), what was lost, and what reached a subscriber outside their perimeter.
 *
 * Subscribers: one in ten an SN1 agent (sees every ticket), the others CCAs (see their
 * structure's tickets and those they requested) — the perimeter rule as the issue states
 * it, computed here in SQL independently of the server.
 */
import { createClient, type Client } from 'graphql-ws';
import type pg from 'pg';
import WebSocket from 'ws';
import { toGlobalId } from '../../packages/server/src/core/ids';
import { sampleRss } from './processes';

export interface LiveResult {
  subscribers: number;
  perimeters: string;
  changes: number;
  concurrency: number;
  expected: number;
  delivered: number;
  lost: number;
  outside: number;
  duplicates: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  burstMs: number;
  drainMs: number;
  rssMb: number[];
}

const SUBSCRIPTION = `subscription { ticketEvents { seq transition createdAt ticket { reference } } }`;
const TAKE = `mutation($i: TakeTicketInput!) { takeTicket(input: $i) { event { seq } userErrors { code message } } }`;

interface Subscriber {
  personId: string;
  sn1: boolean;
  structureId: string;
  client?: Client;
  received: { reference: string; seq: number; latency: number }[];
  errors: number;
}

export async function measureLive(opts: {
  db: pg.Client;
  instances: [string, string];
  subscribers: number;
  changes: number;
  mint: (personId: string) => Promise<string>;
  pids: number[];
  quietMs: number;
  log: (s: string) => void;
}): Promise<LiveResult> {
  const { db, log } = opts;
  const sn1 = (await db.query(`select id, structure_id from person where 'SN1_AGENT' = any(held_roles) order by email`)).rows;
  const nSn1 = Math.max(1, Math.round(opts.subscribers / 10));
  const ccas = (
    await db.query(
      `select p.id, p.structure_id from person p join correspondent_assignment a on a.person_id = p.id and a.kind = 'CCA' and a.until is null and a.structure_id = p.structure_id
        order by p.email limit $1`,
      [opts.subscribers - nSn1],
    )
  ).rows;
  if (ccas.length < opts.subscribers - nSn1) throw new Error(`only ${ccas.length} CCAs for ${opts.subscribers - nSn1} CCA subscribers`);
  const subs: Subscriber[] = [
    ...Array.from({ length: nSn1 }, (_, i) => ({ personId: sn1[i % sn1.length].id, sn1: true, structureId: sn1[i % sn1.length].structure_id, received: [], errors: 0 })),
    ...ccas.map((c) => ({ personId: c.id, sn1: false, structureId: c.structure_id, received: [], errors: 0 })),
  ];
  const tokens = new Map<string, string>();
  for (const s of subs) if (!tokens.has(s.personId)) tokens.set(s.personId, await opts.mint(s.personId));

  // tickets to change: waiting at SN1 with nobody on them, spread over the structures
  const tickets = (
    await db.query(
      `select id, reference, structure_id, requester_id, version from (
         select t.*, row_number() over (partition by t.structure_id order by t.reference) k from ticket t
          where t.status = 'SUBMITTED' and t.level = 'SN1' and t.assignee_id is null and t.reference like 'FSD-B-%') x
        order by k, reference limit $1`,
      [opts.changes],
    )
  ).rows as { id: string; reference: string; structure_id: string; requester_id: string; version: number }[];
  if (tickets.length < opts.changes) throw new Error(`only ${tickets.length} tickets to change`);
  const byRef = new Map(tickets.map((t) => [t.reference, t]));
  const sees = (s: Subscriber, t: (typeof tickets)[number]) => s.sn1 || t.structure_id === s.structureId || t.requester_id === s.personId;

  // connect, 50 at a time, alternating instances
  for (let i = 0; i < subs.length; i += 50) {
    await Promise.all(
      subs.slice(i, i + 50).map(
        (s, j) =>
          new Promise<void>((ok, fail) => {
            const url = opts.instances[(i + j) % 2].replace(/^http/, 'ws') + '/graphql';
            const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${tokens.get(s.personId)}` }, retryAttempts: 0, lazy: false });
            s.client = client;
            const off = client.on('connected', () => {
              off();
              client.subscribe(
                { query: SUBSCRIPTION },
                {
                  next: (v) => {
                    const now = Date.now();
                    if (v.errors) s.errors++;
                    const e = (v.data as any)?.ticketEvents;
                    if (e) s.received.push({ reference: e.ticket.reference, seq: e.seq, latency: now - Date.parse(e.createdAt) });
                  },
                  error: () => s.errors++,
                  complete: () => undefined,
                },
              );
              ok();
            });
            client.on('error', (e) => fail(new Error(`subscriber could not connect: ${String((e as Error)?.message ?? e)}`)));
          }),
      ),
    );
  }
  log(`live updates: ${subs.length} subscribers connected`);
  // subscriptions start asynchronously on the server: give them a moment before the burst
  await new Promise((r) => setTimeout(r, 2000));

  const rss = opts.pids.map((pid) => sampleRss(pid));
  const sn1Token = tokens.get(sn1[0].id) ?? (await opts.mint(sn1[0].id));
  const concurrency = 10;
  const t0 = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      for (let i = next++; i < tickets.length; i = next++) {
        const t = tickets[i];
        const res = await fetch(`${opts.instances[(i + w) % 2]}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${sn1Token}` },
          body: JSON.stringify({ query: TAKE, variables: { i: { id: toGlobalId('Ticket', t.id), version: t.version, reason: 'bench' } } }),
        });
        const body = (await res.json()) as any;
        if (body.errors || body.data.takeTicket.userErrors.length) throw new Error(`TAKE ${t.reference}: ${JSON.stringify(body.errors ?? body.data.takeTicket.userErrors)}`);
      }
    }),
  );
  const burstMs = Date.now() - t0;
  log(`live updates: ${tickets.length} changes sent in ${burstMs} ms`);

  let expected = 0;
  for (const s of subs) for (const t of tickets) if (sees(s, t)) expected++;
  const delivered = () => subs.reduce((n, s) => n + s.received.length, 0);
  // wait until everything expected arrived, or nothing arrived for quietMs
  let last = delivered();
  let lastChange = Date.now();
  while (delivered() < expected && Date.now() - lastChange < opts.quietMs) {
    await new Promise((r) => setTimeout(r, 100));
    if (delivered() !== last) {
      last = delivered();
      lastChange = Date.now();
    }
  }
  if (delivered() !== last) lastChange = Date.now();
  // a little longer, to catch deliveries that should not come
  await new Promise((r) => setTimeout(r, 500));
  const drainMs = lastChange - t0;
  const rssMb = rss.map((stop) => stop());

  let outside = 0;
  let duplicates = 0;
  let lost = 0;
  const latencies: number[] = [];
  for (const s of subs) {
    const seen = new Set<string>();
    for (const r of s.received) {
      const t = byRef.get(r.reference);
      if (!t || !sees(s, t)) outside++;
      else if (seen.has(r.reference)) duplicates++;
      else {
        seen.add(r.reference);
        latencies.push(r.latency);
      }
    }
    for (const t of tickets) if (sees(s, t) && !seen.has(t.reference)) lost++;
  }
  await Promise.all(subs.map((s) => s.client?.dispose()));
  log('live updates: subscribers closed');
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] : NaN);
  return {
    subscribers: subs.length,
    perimeters: `${nSn1} SN1 agents, ${subs.length - nSn1} CCAs of ${new Set(ccas.map((c) => c.structure_id)).size} structures`,
    changes: tickets.length,
    concurrency,
    expected,
    delivered: delivered(),
    lost,
    outside,
    duplicates,
    errors: subs.reduce((n, s) => n + s.errors, 0),
    p50: pct(50),
    p99: pct(99),
    max: latencies.at(-1) ?? NaN,
    burstMs,
    drainMs,
    rssMb,
  };
}
