/**
 * Live-updates benchmark (issue 11): `ticketEvents` subscribers over two instances of our
 * server (production settings, real tokens and a real API key), a burst of ticket changes
 * through the API; prints delivery latency p50/p99/max, lost, outside the perimeter.
 *
 *   npx -y pnpm@12.4.2 bench:live                  (1 000 subscribers, 100 changes)
 *   BENCH_SMOKE=1 npx -y pnpm@12.4.2 bench:live    (20 subscribers, 3 changes: what the test suite runs)
 *
 * Env: DATABASE_URL (a PostgreSQL server to create the bench database in; else an embedded
 * one), BENCH_TEMPLATE (a migrated database with the demo data to clone), BENCH_SUBSCRIBERS,
 * BENCH_CHANGES, BENCH_WARMUP (20 changes before the burst, not counted), BENCH_BUILD (1; 0 uses packages/server/dist as it is), BENCH_JSON (a file to
 * write the figures to). Exits 2 when anything was lost, leaked or refused.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { mintToken } from '../packages/server/src/access/credentials';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../packages/server/src/core/embedded-postgres';
import { measureLive } from './reads/live';
import { serverArgs, startChild, projectNode, type Child } from './reads/processes';
import { seed } from './reads/seed';
import { createBenchDatabase, dropBenchDatabase } from './reads/database';

const SMOKE = process.env.BENCH_SMOKE === '1';
const num = (name: string, full: number, smoke: number) => Number(process.env[name] ?? (SMOKE ? smoke : full));
const SUBSCRIBERS = num('BENCH_SUBSCRIBERS', 1000, 20);
const CHANGES = num('BENCH_CHANGES', 100, 3);
const WARMUP = num('BENCH_WARMUP', 20, 1);
const ROOT = resolve(__dirname, '..');
/** Our server runs on the machine's Node, not on the bench package's Node 22. */
const NODE = process.env.BENCH_NODE ?? projectNode();
const JWT = { secret: randomBytes(32).toString('hex'), issuer: 'chorus-support', audience: 'chorus-support-api', maxLifetimeSeconds: 43200 };

const START = Date.now();
const log = (s: string) => process.stdout.write(`${s.startsWith('\n') ? '\n' : ''}[${((Date.now() - START) / 1000).toFixed(0).padStart(4)} s] ${s.replace(/^\n/, '')}\n`);

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'chorus-bench-live-'));
  let embedded: EmbeddedDatabase | null = null;
  const children: Child[] = [];
  let adminUrl = process.env.DATABASE_URL;
  const dbName = `chorus_bench_live_${Date.now().toString(36)}`;
  try {
    log(`live bench${SMOKE ? ' (smoke)' : ''}: ${SUBSCRIBERS} subscribers, ${CHANGES} changes; work folder ${work}`);
    if (process.env.BENCH_BUILD !== '0') {
      log('building the server (tsc -b packages/server) …');
      execFileSync(resolve(ROOT, 'node_modules/.bin/tsc'), ['-b', 'packages/server'], { cwd: ROOT, stdio: 'inherit' });
    }
    if (!adminUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: join(work, 'pg'), persistent: false });
      adminUrl = embedded.url;
    }
    const { databaseUrl } = await createBenchDatabase(adminUrl, dbName);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    db.on('error', () => undefined); // the forced drop at the end ends this connection
    // CCAs of many structures and tickets waiting at SN1 (the reads bench's seed, small)
    await seed(db, { tickets: SMOKE ? 400 : 4000, people: Math.max(600, SUBSCRIBERS * 12), registrations: 0 }, log);

    const start = async (name: string) => {
      const port = await freePort();
      const child = await startChild({
        name,
        cmd: NODE,
        args: serverArgs(ROOT),
        // no service-level job: its SERVICE_LEVEL_* events would be deliveries the burst did not cause
        env: { NODE_ENV: 'production', NOTIFICATIONS: 'off', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, JWT_SECRET: JWT.secret, JWT_ISSUER: JWT.issuer, JWT_AUDIENCE: JWT.audience, SERVICE_LEVEL_POLL_MS: '86400000' },
        cwd: ROOT,
        url: `http://127.0.0.1:${port}`,
        logFile: join(work, `${name}.log`),
        ready: async (url) => (await fetch(`${url}/readyz`)).ok,
      });
      children.push(child);
      return child;
    };
    const [a, b] = await Promise.all([start('ours-a'), start('ours-b')]);
    log(`instances up: ${a.url} (pid ${a.proc.pid}), ${b.url} (pid ${b.proc.pid})`);

    const live = await measureLive({ db, instances: [a.url, b.url], subscribers: SUBSCRIBERS, changes: CHANGES, warmup: WARMUP, mint: (id) => mintToken(JWT, id, '2h'), pids: [a.proc.pid!, b.proc.pid!], quietMs: SMOKE ? 5_000 : 30_000, log });
    await db.end();
    log(`\nlive updates: ${live.subscribers} ticketEvents subscribers over 2 instances (${live.perimeters}), a burst of ${live.changes} ticket changes (TAKE) sent ${live.concurrency} at a time, after a warm-up of ${live.warmup} not counted`);
    log(`  expected deliveries ${live.expected}, delivered ${live.delivered}, lost ${live.lost}, outside the subscriber's perimeter ${live.outside}, duplicates ${live.duplicates}, subscription errors ${live.errors}`);
    log(`  delivery latency (event createdAt → received): p50 ${live.p50.toFixed(0)} ms, p99 ${live.p99.toFixed(0)} ms, max ${live.max.toFixed(0)} ms (target p99 ≤ 200 ms); burst sent in ${live.burstMs.toFixed(0)} ms, last delivery ${live.drainMs.toFixed(0)} ms after the burst began; highest RSS ${live.rssMb.map((x) => x.toFixed(0)).join(' and ')} MB; the subscribers' threads' event-loop delay p99 ${live.clientLoopDelayP99.toFixed(0)} ms`);
    if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify({ smoke: SMOKE, live }, null, 2));
    if (live.lost > 0 || live.outside > 0 || live.errors > 0 || live.duplicates > 0) process.exitCode = 2;
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  } finally {
    await Promise.all(children.map((c) => c.stop().catch(() => undefined)));
    if (adminUrl) await dropBenchDatabase(adminUrl, dbName);
    await embedded?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}


// exit when done: a subscriber, sampler or connection left open by a failure must not keep the bench (and the smoke test) waiting
main().then(
  () => process.exit(process.exitCode ?? 0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
