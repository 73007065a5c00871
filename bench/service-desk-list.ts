/**
 * Benchmark of the service desk's hot list: 50 tickets with requester, structure, assignee
 * and their last 5 events, through GraphQL (the real server) against the same rows fetched
 * by one hand-written SQL statement behind a plain HTTP handler (the floor).
 *
 *   npx -y pnpm@12.4.2 bench:service-desk   (or, from bench/: node -r @swc-node/register service-desk-list.ts)
 *
 * Env: BENCH_TICKETS (100000; 1000000 on request), BENCH_SECONDS (10 per run),
 * BENCH_CONNECTIONS (32), DATABASE_URL (else an embedded PostgreSQL, removed afterwards),
 * BENCH_PROFILE=orm|tuned (prints where the server's CPU goes for the hot list).
 *
 * Two GraphQL paths are measured on the same query: the ORM path (MikroORM page with the
 * selected relations joined, one batched statement for the events) and the hand-tuned
 * path (ticket.fast-list.ts: one statement, no hydration). Also `npx -y pnpm@12.4.2 bench:service-desk`.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Cursor } from '@mikro-orm/core';
import pg from 'pg';
import { startServer } from '../packages/server/src/app';
import { mintToken } from '../packages/server/src/access/credentials';
import { loadConfig } from '../packages/server/src/core/config';
import { migrate, openDatabase, type MikroORM } from '../packages/server/src/core/database';
import { startEmbeddedPostgres } from '../packages/server/src/core/embedded-postgres';
import { createLogger } from '../packages/server/src/core/logger';
import { loadDemoDataIfEmpty } from '../packages/server/src/seed/demo';
import { Ticket } from '../packages/server/src/service-desk/ticket.entity';
import { fastList } from '../packages/server/src/service-desk/ticket.fast-list';


const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PAGE = 50;
const DEEP_PAGES = Math.min(2000, Math.floor(TICKETS / PAGE) - 1);

const HOT_QUERY = `query Hot($after: String) {
  tickets(first: ${PAGE}, after: $after) {
    pageInfo { endCursor hasNextPage }
    nodes {
      id reference status level title priority updatedAt
      requester { id fullName email }
      structure { id code name }
      assignee { id fullName email }
      history(last: 5) { seq kind transition toStatus createdAt }
    }
  }
}`;

/** The floor: the same rows as HOT_QUERY in one statement, keyset-paginated on (updated_at, id). */
const FLOOR_SQL = `
select t.id, t.reference, t.status, t.level, t.title, t.priority, t.updated_at as "updatedAt",
  case when r.id is null then null else json_build_object('id', r.id, 'fullName', r.first_name || ' ' || r.last_name, 'email', r.email) end as requester,
  json_build_object('id', s.id, 'code', s.code, 'name', s.name) as structure,
  case when a.id is null then null else json_build_object('id', a.id, 'fullName', a.first_name || ' ' || a.last_name, 'email', a.email) end as assignee,
  coalesce((select json_agg(json_build_object('seq', e.seq, 'kind', e.kind, 'transition', e.transition, 'toStatus', e.to_status, 'createdAt', e.created_at) order by e.seq)
              from ticket_event e where e.ticket_id = t.id and e.seq > t.event_count - 5), '[]') as history
from ticket t
join structure s on s.id = t.structure_id
left join person r on r.id = t.requester_id
left join person a on a.id = t.assignee_id
where ($1::timestamptz is null or (t.updated_at, t.id) < ($1::timestamptz, $2::uuid))
order by t.updated_at desc, t.id desc
limit ${PAGE}`;

async function seed(orm: MikroORM, n: number): Promise<void> {
  const conn = orm.em.getConnection();
  const [{ count }] = await conn.execute(`select count(*)::int as count from ticket where reference like 'FSD-B-%'`);
  if (count >= n) return;
  const started = Date.now();
  await conn.execute(`set maintenance_work_mem = '256MB'`);
  // drop the text indexes during the load and rebuild them once (much faster than row by row)
  await conn.execute(`drop index if exists ticket_search_index, ticket_reference_trgm_index, ticket_error_message_trgm_index`);
  await conn.execute(`
    with local as (
      select array_agg(p.id order by p.email) as people, array_agg(p.structure_id order by p.email) as structures, count(*)::int as n
        from person p join structure s on s.id = p.structure_id where s.kind in ('RECTORAT', 'SHARED_SERVICE_CENTRE')),
    sn1 as (select array_agg(id order by email) as ids from person where 'SN1_AGENT' = any(held_roles)),
    apps as (select array_agg(id order by code) as ids from ticket_application),
    doms as (select array_agg(id order by code) as ids from ticket_domain)
    insert into ticket (id, created_at, updated_at, reference, application_id, domain_id, nature, title, description, error_message, impact, priority,
                        requester_id, structure_id, opened_by_id, status, level, assignee_id, version, event_count, submitted_at, taken_at)
    select gen_random_uuid(), now() - make_interval(mins => g), now() - make_interval(secs => g * 7),
           'FSD-B-' || lpad(g::text, 7, '0'), apps.ids[1 + g % 4], doms.ids[1 + g % 7],
           case when g % 5 = 0 then 'TECHNICAL' else 'FUNCTIONAL' end,
           'Ticket de charge ' || g || ' : EJ bloqué', 'Le poste de pièce n''a pas encore été reporté dans l''exercice en cours (' || g || ').',
           case when g % 3 = 0 then 'Poste de pièce ' || (1500000000 + g) || '/00003 n''a pas encore été reporté dans exercice en cours' end,
           'ONE_USER', 1 + g % 4,
           local.people[1 + g % local.n], local.structures[1 + g % local.n], local.people[1 + g % local.n],
           (array['SUBMITTED','IN_PROGRESS','WAITING_FOR_INFO','ESCALATED','RESOLVED','CLOSED'])[1 + g % 6],
           case when g % 5 = 0 then 'TECHNICAL' when g % 6 = 3 then 'SN2' else 'SN1' end,
           case when g % 6 in (1, 2, 4, 5) then sn1.ids[1 + g % 3] end, 11, 10, now() - make_interval(mins => g), now() - make_interval(mins => g)
      from generate_series(${count + 1}, ${n}) g, local, sn1, apps, doms`);
  await conn.execute(`
    insert into ticket_event (id, ticket_id, seq, kind, transition, actor_id, from_status, to_status, from_level, to_level, created_at, updated_at)
    select gen_random_uuid(), t.id, k, case when k = 1 then 'OPENED' else 'TRANSITION' end,
           case when k = 1 then null else (array['SUBMIT','TAKE','REQUEST_INFO','PROVIDE_INFO','ESCALATE','TAKE','RETURN_TO_SN1','RESOLVE','CLOSE'])[k - 1] end,
           t.opened_by_id, case when k = 1 then null else 'SUBMITTED' end, 'IN_PROGRESS', 'SN1', 'SN1', t.created_at + make_interval(mins => k), t.created_at
      from ticket t cross join generate_series(1, 10) k
     where t.reference like 'FSD-B-%' and t.reference > 'FSD-B-' || lpad('${count}', 7, '0')`);
  await conn.execute(`create index "ticket_search_index" on "ticket" using gin (to_tsvector('chorus_fr'::regconfig, coalesce(ticket.reference, '') || ' ' || coalesce(ticket.title, '') || ' ' || coalesce(ticket.description, '') || ' ' || coalesce(ticket.error_message, '')))`);
  await conn.execute(`create index "ticket_reference_trgm_index" on "ticket" using gin ("reference" gin_trgm_ops)`);
  await conn.execute(`create index "ticket_error_message_trgm_index" on "ticket" using gin ("error_message" gin_trgm_ops)`);
  await conn.execute(`vacuum analyze ticket`);
  await conn.execute(`vacuum analyze ticket_event`);
  console.log(`seeded ${n - count} tickets and ${(n - count) * 10} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon in its own process, so it does not share the server's event loop. */
function autocannon(url: string, body: string | null, headers: Record<string, string>): Promise<Load> {
  const bin = resolve(__dirname, 'node_modules/.bin/autocannon');
  const args = ['-j', '-c', String(CONNECTIONS), '-d', String(SECONDS)];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  if (body) args.push('-m', 'POST', '-b', body);
  args.push(url);
  return new Promise((ok, fail) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', fail);
    child.on('close', () => {
      const r = JSON.parse(out);
      ok({ rps: r.requests.total / (r.duration || SECONDS), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
    });
  });
}

/** Waits until requests queued by a load run are finished (a health check answers fast again). */
async function drained(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    await fetch(url);
    if (performance.now() - t0 < 20) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function timeOne(run: () => Promise<unknown>, times = 15): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)];
}

/** BENCH_PROFILE=1: where the server spends its CPU on the hot list (top self times). */
async function profile(run: () => Promise<unknown>) {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  for (let i = 0; i < 40; i++) await run();
  const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[] } };
  const self = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*node_modules\/\.pnpm\/([^/]+)\/.*\//, '$1:').replace(/.*\/work\/wt-desk\//, '')}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (n.hitCount ?? 0));
    total += n.hitCount ?? 0;
  }
  const byPackage = new Map<string, number>();
  for (const [k, v] of self) {
    const pkg = /^[^ ]+ ([^:]+):/.exec(k)?.[1] ?? k;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + v);
  }
  console.log('profile, self time by package:');
  for (const [k, v] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
  console.log('profile, top functions:');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
  session.disconnect();
}

async function main() {
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  let dataDir: string | null = null;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'chorus-bench-'));
    embedded = await startEmbeddedPostgres({ dataDir, persistent: false });
    const admin = new pg.Client({ connectionString: embedded.url });
    await admin.connect();
    await admin.query('create database chorus_bench');
    await admin.end();
    databaseUrl = embedded.url.replace(/\/postgres$/, '/chorus_bench');
  }
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl });
  const logger = createLogger('silent');
  const orm = await openDatabase(databaseUrl, logger);
  await migrate(orm);
  await loadDemoDataIfEmpty(orm);
  await seed(orm, TICKETS);
  const server = await startServer(config, orm, logger);
  const [{ id: sn1Id }] = await orm.em.getConnection().execute(`select id from person where 'SN1_AGENT' = any(held_roles) order by email limit 1`);
  const token = await mintToken(config.jwt, sn1Id, '2h');

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  const floor: Server = createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://x');
    const after = url.searchParams.get('after');
    const [updatedAt, id] = after ? (JSON.parse(Buffer.from(after, 'base64url').toString()) as [string, string]) : [null, null];
    const { rows } = await pool.query(FLOOR_SQL, [updatedAt, id]);
    const last = rows.at(-1);
    const endCursor = last ? Buffer.from(JSON.stringify([last.updatedAt, last.id])).toString('base64url') : null;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { tickets: { pageInfo: { endCursor, hasNextPage: rows.length === PAGE }, nodes: rows } } }));
  });
  await new Promise<void>((ok) => floor.listen(0, '127.0.0.1', ok));
  const floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}/tickets`;

  const gqlHeaders = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const gql = async (after: string | null) => {
    const r = await fetch(server.url, { method: 'POST', headers: gqlHeaders, body: JSON.stringify({ query: HOT_QUERY, variables: { after } }) });
    const body = (await r.json()) as { data?: { tickets: { nodes: unknown[] } }; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!.tickets.nodes;
  };

  // same rows both ways
  const viaGql = (await gql(null)) as { reference: string; history: unknown[] }[];
  const viaFloor = ((await (await fetch(floorUrl)).json()) as { data: { tickets: { nodes: { reference: string; history: unknown[] }[] } } }).data.tickets.nodes;
  const same = JSON.stringify(viaGql.map((n) => [n.reference, n.history.length])) === JSON.stringify(viaFloor.map((n) => [n.reference, n.history.length]));

  // statements per GraphQL request (knex query events of the server's pool)
  const knex = orm.em.getConnection().getKnex();
  const statementsOf = async (run: () => Promise<unknown>) => {
    let n = 0;
    // the webhook dispatcher polls on the same pool in the background: not the request's statements
    const count = (q: { sql: string }) => void (/webhook_delivery/.test(q.sql) || n++);
    knex.on('query', count);
    await run();
    knex.off('query', count);
    return n;
  };
  /** Runs `work` with the hand-tuned path on or off (the server is in this process). */
  const withPath = async <T>(tuned: boolean, work: () => Promise<T>): Promise<T> => {
    fastList.enabled = tuned;
    try {
      return await work();
    } finally {
      fastList.enabled = true;
    }
  };
  const statementsOrm = await withPath(false, () => statementsOf(() => gql(null)));
  const statementsTuned = await withPath(true, () => statementsOf(() => gql(null)));
  const sameTuned = JSON.stringify(await withPath(false, () => gql(null))) === JSON.stringify(await withPath(true, () => gql(null)));

  // the deep page: the cursor of the last row of page DEEP_PAGES, as the API would hand it out
  const deepRow = await orm.em.fork().findOneOrFail(Ticket, { id: { $ne: null } }, { orderBy: { updatedAt: 'desc', id: 'desc' }, offset: DEEP_PAGES * PAGE - 1 });
  const deepCursor = Cursor.for(orm.getMetadata().get('Ticket'), deepRow, { updatedAt: 'desc', id: 'desc' } as never);
  const deepFloorCursor = Buffer.from(JSON.stringify([deepRow.updatedAt.toISOString(), deepRow.id])).toString('base64url');
  const deepGql = (await gql(deepCursor)) as { reference: string }[];
  const deepFloor = ((await (await fetch(`${floorUrl}?after=${deepFloorCursor}`)).json()) as { data: { tickets: { nodes: { reference: string }[] } } }).data.tickets.nodes;
  const deepSame = JSON.stringify(deepGql.map((n) => n.reference)) === JSON.stringify(deepFloor.map((n) => n.reference));

  if (process.env.BENCH_PROFILE) {
    await withPath(process.env.BENCH_PROFILE === 'tuned', () => profile(() => gql(null)));
    // where a request's time goes, part by part (same work as the resolvers do)
    const { ticketsWhere, ticketOrder, lastEventsOf } = await import('../packages/server/src/service-desk/ticket.service');
    const { personViewer } = await import('../packages/server/src/access/authenticate');
    const viewer = await personViewer(orm.em.fork(), sn1Id);
    let tickets: Ticket[] = [];
    const page = await timeOne(async () => {
      tickets = (await orm.em.fork().findByCursor(Ticket, ticketsWhere(viewer, {}), { first: PAGE, orderBy: ticketOrder(), populate: ['requester', 'structure', 'assignee'] as never, includeCount: false })).items;
    });
    const history = await timeOne(() => lastEventsOf(orm.em.fork(), tickets, 5));
    const raw = await timeOne(() => pool.query(FLOOR_SQL, [null, null]));
    console.log(`parts: ORM page with joined relations ${page.toFixed(1)} ms, ORM history ${history.toFixed(1)} ms, floor SQL alone ${raw.toFixed(1)} ms`);
  }

  const page1Gql = await withPath(false, () => timeOne(() => gql(null)));
  const deepPageGql = await withPath(false, () => timeOne(() => gql(deepCursor)));
  const page1Tuned = await withPath(true, () => timeOne(() => gql(null)));
  const deepPageTuned = await withPath(true, () => timeOne(() => gql(deepCursor)));
  const page1Floor = await timeOne(() => fetch(floorUrl).then((r) => r.json()));
  const deepPageFloor = await timeOne(() => fetch(`${floorUrl}?after=${deepFloorCursor}`).then((r) => r.json()));

  console.log(`\nservice desk hot list: ${PAGE} tickets + requester, structure, assignee, last 5 events; ${TICKETS} tickets, ${CONNECTIONS} connections, ${SECONDS} s per run`);
  console.log(`same rows both ways: page 1 ${same}, page ${DEEP_PAGES + 1} ${deepSame} (${deepGql.length} rows); hand-tuned path answers like the ORM path: ${sameTuned}`);
  // one after the other, each once the servers are idle again (both live in this process)
  const floorLoad = await autocannon(floorUrl, null, {});
  await drained(server.url.replace('/graphql', '/healthz'));
  const body = JSON.stringify({ query: HOT_QUERY, variables: { after: null } });
  const tunedLoad = await withPath(true, () => autocannon(server.url, body, gqlHeaders));
  await drained(server.url.replace('/graphql', '/healthz'));
  fastList.enabled = false;
  const graphqlLoad = await autocannon(server.url, body, gqlHeaders);
  await drained(server.url.replace('/graphql', '/healthz'));
  fastList.enabled = true;
  const fmt = (l: Load) => `${l.rps.toFixed(1).padStart(7)} req/s   p50 ${String(l.p50).padStart(4)} ms   p99 ${String(l.p99).padStart(4)} ms   errors ${l.errors + l.non2xx}`;
  const ratio = (l: Load) => `throughput ${(l.rps / floorLoad.rps).toFixed(2)}× the floor (target ≥ 0.6)   p99 ${(l.p99 / Math.max(floorLoad.p99, 1)).toFixed(2)}× (target ≤ 2)`;
  console.log(`SQL floor          ${fmt(floorLoad)}   SQL statements/request: 1`);
  console.log(`GraphQL, ORM path  ${fmt(graphqlLoad)}   SQL statements/request: ${statementsOrm} (authentication included)`);
  console.log(`GraphQL, tuned     ${fmt(tunedLoad)}   SQL statements/request: ${statementsTuned} (authentication included)`);
  console.log(`ratios   ORM path: ${ratio(graphqlLoad)}`);
  console.log(`         tuned:    ${ratio(tunedLoad)}`);
  console.log(`page 1 vs page ${DEEP_PAGES + 1} by cursor (median of 15, one client):`);
  console.log(`  GraphQL, ORM     page 1 ${page1Gql.toFixed(1)} ms   deep ${deepPageGql.toFixed(1)} ms   ratio ${(deepPageGql / page1Gql).toFixed(2)} (target ≤ 1.2)`);
  console.log(`  GraphQL, tuned   page 1 ${page1Tuned.toFixed(1)} ms   deep ${deepPageTuned.toFixed(1)} ms   ratio ${(deepPageTuned / page1Tuned).toFixed(2)} (target ≤ 1.2)`);
  console.log(`  SQL floor        page 1 ${page1Floor.toFixed(1)} ms   deep ${deepPageFloor.toFixed(1)} ms   ratio ${(deepPageFloor / page1Floor).toFixed(2)}`);

  await server.close();
  await new Promise((ok) => floor.close(ok));
  await pool.end();
  await orm.close(true);
  await embedded?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
