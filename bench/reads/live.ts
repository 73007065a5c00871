/**
 * Live updates under load: `ticketEvents` subscribers spread over two server instances, a
 * burst of ticket changes, then per delivery the latency (the event's `createdAt` to its
 * arrival), what was lost, and what reached a subscriber outside their perimeter.
 *
 * Subscribers: one in ten an SN1 agent (their ministry's tickets), one in twenty an SN2
 * agent (escalated tickets), one in fifty an application (the tickets it opened; a fresh API
 * key), the others CCAs of many structures (their structure's tickets and those they
 * requested) — the perimeter rule as the issue states it, computed here from the database
 * after the burst, independently of the server. The accounts used are given non-`.example`
 * addresses first: production refuses the demo directory's.
 */
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type pg from 'pg';
import { toGlobalId } from '../../packages/server/src/core/ids';
import { generateApiKey } from '../../packages/server/src/access/credentials';
import { sampleRss } from './processes';
import type { FromWorker, SubscriberSpec, ToWorker } from './live-subscribers';

/** Worker threads holding the subscribers (BENCH_LIVE_WORKERS, 2 by default). */
const WORKERS = Math.max(1, Number(process.env.BENCH_LIVE_WORKERS ?? 2));

export interface LiveResult {
  subscribers: number;
  perimeters: string;
  changes: number;
  /** Changes sent before the measured burst (their deliveries not counted). */
  warmup: number;
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
  /** Per change, its first delivery's latency (the way to the first subscriber: the change's transaction, its notification, its read): p50 and p99. */
  firstP50: number;
  firstP99: number;
  burstMs: number;
  drainMs: number;
  rssMb: number[];
  /** The subscribers' threads' event-loop delay, p99 (ms): how late the bench itself may have stamped an arrival. */
  clientLoopDelayP99: number;
}

const SUBSCRIPTION = `subscription { ticketEvents { seq transition createdAt ticket { reference } } }`;
const TAKE = `mutation($i: TakeTicketInput!) { takeTicket(input: $i) { event { seq } userErrors { code message } } }`;

interface Subscriber {
  kind: 'SN1' | 'SN2' | 'CCA' | 'APPLICATION';
  /** The person, or the application. */
  personId: string;
  /** SN1: its ministry; CCA: its structure. */
  scopeId: string;
  received: { reference: string; seq: number; latency: number }[];
  errors: number;
}

export async function measureLive(opts: {
  db: pg.Client;
  instances: [string, string];
  subscribers: number;
  changes: number;
  /**
   * Changes sent, the same way, before the measured burst, their deliveries left out: a server
   * compiles each operation and V8 its hot paths on first use, and the first changes after a
   * start paid for it (as the first runs of the read bench would without its rounds).
   */
  warmup: number;
  mint: (personId: string) => Promise<string>;
  pids: number[];
  quietMs: number;
  log: (s: string) => void;
}): Promise<LiveResult> {
  const { db, log } = opts;
  // production refuses the demo directory's accounts (.example): the ones the bench signs in with get real-looking addresses
  await db.query(`update person set email = replace(email, '.example', '.bench-live.fr') where email like '%.example'`);
  const sn1 = (await db.query(`select p.id, s.ministry_id from person p join structure s on s.id = p.structure_id where 'SN1_AGENT' = any(p.held_roles) and p.active order by p.email`)).rows;
  const sn2 = (await db.query(`select id from person where 'SN2_AGENT' = any(held_roles) and active order by email`)).rows;
  // one in ten SN1, one in twenty SN2, one in fifty an application, the others CCAs
  const nSn1 = Math.max(1, Math.round(opts.subscribers / 10));
  const nSn2 = sn2.length ? Math.max(1, Math.round(opts.subscribers / 20)) : 0;
  const nApp = Math.max(1, Math.round(opts.subscribers / 50));
  const ccas = (
    await db.query(
      `select p.id, p.structure_id from person p join correspondent_assignment a on a.person_id = p.id and a.kind = 'CCA' and a.until is null and a.structure_id = p.structure_id
        where p.active order by p.email limit $1`,
      [opts.subscribers - nSn1 - nSn2 - nApp],
    )
  ).rows;
  if (ccas.length < opts.subscribers - nSn1 - nSn2 - nApp) throw new Error(`only ${ccas.length} CCAs for ${opts.subscribers - nSn1 - nSn2 - nApp} CCA subscribers`);
  // an application with a fresh (non-demo) API key
  const app = (await db.query(`select id from application_client where active order by name limit 1`)).rows[0];
  const key = generateApiKey();
  await db.query(`insert into api_key (id, application_id, prefix, hash, label) values (gen_random_uuid(), $1, $2, $3, 'bench live')`, [app.id, key.prefix, key.hash]);
  const subs: Subscriber[] = [
    ...Array.from({ length: nSn1 }, (_, i): Subscriber => ({ kind: 'SN1', personId: sn1[i % sn1.length].id, scopeId: sn1[i % sn1.length].ministry_id, received: [], errors: 0 })),
    ...Array.from({ length: nSn2 }, (_, i): Subscriber => ({ kind: 'SN2', personId: sn2[i % sn2.length].id, scopeId: '', received: [], errors: 0 })),
    ...Array.from({ length: nApp }, (): Subscriber => ({ kind: 'APPLICATION', personId: app.id, scopeId: '', received: [], errors: 0 })),
    ...ccas.map((c): Subscriber => ({ kind: 'CCA', personId: c.id, scopeId: c.structure_id, received: [], errors: 0 })),
  ];
  const tokens = new Map<string, string>();
  for (const s of subs) if (s.kind !== 'APPLICATION' && !tokens.has(s.personId)) tokens.set(s.personId, await opts.mint(s.personId));

  // tickets to change: waiting at SN1 with nobody on them, spread over the structures
  const tickets = (
    await db.query(
      `select x.id, x.reference, x.structure_id, x.requester_id, x.version from (
         select t.*, row_number() over (partition by t.structure_id order by t.reference) k from ticket t
          where t.status = 'SUBMITTED' and t.level = 'SN1' and t.assignee_id is null and t.reference like 'FSD-B-%'
            and t.structure_id in (select id from structure where ministry_id = $2)) x
        order by k, reference limit $1`,
      [opts.changes + opts.warmup, sn1[0].ministry_id],
    )
  ).rows as { id: string; reference: string; structure_id: string; requester_id: string; version: number }[];
  if (tickets.length < opts.changes + opts.warmup) throw new Error(`only ${tickets.length} tickets to change`);
  // the measured burst changes the first ones; the warm-up, before it, the others
  const warmTickets = tickets.splice(opts.changes);
  const warmRefs = new Set(warmTickets.map((t) => t.reference));
  // one in five of them opened by the application, so its perimeter is not empty
  await db.query(`update ticket set opened_by_application_id = $1 where id = any($2)`, [app.id, tickets.filter((_, i) => i % 5 === 0).map((t) => t.id)]);
  const byRef = new Map(tickets.map((t) => [t.reference, t]));
  // the perimeter, computed here from the database after the burst (the rule as the issue states it, not the server's code)
  let facts = new Map<string, { structure_id: string; ministry_id: string; requester_id: string | null; escalation_count: number; opened_by_application_id: string | null }>();
  const readFacts = async () => {
    const { rows } = await db.query(
      `select t.reference, t.structure_id, s.ministry_id, t.requester_id, t.escalation_count, t.opened_by_application_id from ticket t join structure s on s.id = t.structure_id where t.id = any($1)`,
      [tickets.map((t) => t.id)],
    );
    facts = new Map(rows.map((r) => [r.reference, r]));
  };
  const sees = (s: Subscriber, t: (typeof tickets)[number]) => {
    const f = facts.get(t.reference)!;
    if (s.kind === 'APPLICATION') return f.opened_by_application_id === s.personId;
    if (f.requester_id === s.personId) return true;
    if (s.kind === 'SN1') return f.ministry_id === s.scopeId;
    if (s.kind === 'SN2') return f.escalation_count > 0;
    return f.structure_id === s.scopeId;
  };

  // the subscribers live in worker threads (see live-subscribers.ts), every WORKERS-th one in each
  const workers = Array.from({ length: WORKERS }, () => new Worker(resolve(__dirname, 'live-subscribers.ts')));
  const counts = workers.map(() => 0);
  const finished = workers.map(() => false);
  try {
    return await run();
  } finally {
    // on failure too: an open client keeps the bench process alive
    await Promise.all(workers.map((w, k) => (finished[k] ? undefined : w.terminate())));
  }

  /** The worker's next message of `type`. */
  function nextOf<T extends FromWorker['type']>(w: Worker, type: T): Promise<Extract<FromWorker, { type: T }>> {
    return new Promise((ok, fail) => {
      const on = (m: FromWorker) => {
        if (m.type === 'failed') fail(new Error(m.error));
        else if (m.type === type) ok(m as Extract<FromWorker, { type: T }>);
        else return;
        w.off('message', on);
      };
      w.on('message', on);
      w.once('error', fail);
    });
  }

  async function run(): Promise<LiveResult> {
  // connect, alternating instances
  workers.forEach((w, k) => w.on('message', (m: FromWorker) => m.type === 'count' && (counts[k] = m.delivered)));
  await Promise.all(
    workers.map((w, k) => {
      const specs: SubscriberSpec[] = [];
      for (let i = k; i < subs.length; i += WORKERS) {
        const s = subs[i];
        const connectionParams = s.kind === 'APPLICATION' ? { apiKey: key.key } : { authorization: `Bearer ${tokens.get(s.personId)}` };
        specs.push({ url: opts.instances[i % 2].replace(/^http/, 'ws') + '/graphql', connectionParams, kind: s.kind });
      }
      const connected = nextOf(w, 'connected');
      w.postMessage({ type: 'connect', subs: specs, query: SUBSCRIPTION, warmRefs: [...warmRefs] } satisfies ToWorker);
      return connected;
    }),
  );
  log(`live updates: ${subs.length} subscribers connected`);
  // subscriptions start asynchronously on the server: give them a moment before the burst
  await new Promise((r) => setTimeout(r, 2000));

  const sn1Token = tokens.get(sn1[0].id) ?? (await opts.mint(sn1[0].id));
  const concurrency = 10;
  const burst = (list: typeof tickets) => {
    let next = 0;
    return Promise.all(
      Array.from({ length: concurrency }, async (_, w) => {
        for (let i = next++; i < list.length; i = next++) {
          const t = list[i];
          const res = await fetch(`${opts.instances[i % 2]}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${sn1Token}` },
            body: JSON.stringify({ query: TAKE, variables: { i: { id: toGlobalId('Ticket', t.id), version: t.version, reason: 'bench' } } }),
          });
          const body = (await res.json()) as any;
          if (body.errors || body.data.takeTicket.userErrors.length) throw new Error(`TAKE ${t.reference}: ${JSON.stringify(body.errors ?? body.data.takeTicket.userErrors)}`);
        }
      }),
    );
  };
  if (warmTickets.length) {
    await burst(warmTickets);
    // its deliveries are dropped as they come; a moment for the last of them
    await new Promise((r) => setTimeout(r, 1000));
    log(`live updates: warm-up of ${warmTickets.length} changes sent, its deliveries left out`);
  }

  const rss = opts.pids.map((pid) => sampleRss(pid));
  const t0 = Date.now();
  await burst(tickets);
  const burstMs = Date.now() - t0;
  log(`live updates: ${tickets.length} changes sent in ${burstMs} ms`);

  await readFacts();
  let expected = 0;
  for (const s of subs) for (const t of tickets) if (sees(s, t)) expected++;
  const delivered = () => counts.reduce((n, c) => n + c, 0);
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
  // what each worker's subscribers received, in the order they were handed out
  const results = await Promise.all(
    workers.map((w, k) => {
      const r = nextOf(w, 'results');
      w.postMessage({ type: 'finish' } satisfies ToWorker);
      return r.then((x) => ((finished[k] = true), x));
    }),
  );
  results.forEach((r, k) => r.received.forEach((list, j) => {
    const s = subs[k + j * WORKERS];
    s.received = list;
    s.errors = r.errors[j];
  }));
  const loopDelayP99 = Math.max(...results.map((r) => r.loopDelayP99));

  let outside = 0;
  let duplicates = 0;
  let lost = 0;
  const latencies: number[] = [];
  const first = new Map<string, number>();
  for (const s of subs) {
    const seen = new Set<string>();
    for (const r of s.received) {
      const t = byRef.get(r.reference);
      if (!t || !sees(s, t)) outside++;
      else if (seen.has(r.reference)) duplicates++;
      else {
        seen.add(r.reference);
        latencies.push(r.latency);
        first.set(r.reference, Math.min(first.get(r.reference) ?? Infinity, r.latency));
      }
    }
    for (const t of tickets) if (sees(s, t) && !seen.has(t.reference)) lost++;
  }
  latencies.sort((a, b) => a - b);
  const pctOf = (xs: number[], p: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] : NaN);
  const pct = (p: number) => pctOf(latencies, p);
  const firsts = [...first.values()].sort((a, b) => a - b);
  return {
    subscribers: subs.length,
    perimeters: `${nSn1} SN1 agents, ${nSn2} SN2 agents, ${nApp} application connections, ${ccas.length} CCAs of ${new Set(ccas.map((c) => c.structure_id)).size} structures`,
    changes: tickets.length,
    warmup: warmTickets.length,
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
    firstP50: pctOf(firsts, 50),
    firstP99: pctOf(firsts, 99),
    burstMs,
    drainMs,
    rssMb,
    clientLoopDelayP99: loopDelayP99,
  };
}
}
