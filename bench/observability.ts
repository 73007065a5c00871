/**
 * What metrics and tracing cost: the hot ticket list (50 tickets + requester, structure,
 * assignee, last 5 events) on two instances of our server over one database, in one run:
 *
 *   - off: METRICS=false, no OTEL_EXPORTER_OTLP_ENDPOINT (nothing of either is loaded);
 *   - on:  METRICS=true with /metrics scraped every second (as Prometheus would, more
 *          often than usual), and every request traced (http, graphql, pg spans) and
 *          exported over OTLP/HTTP (protobuf, the SDK's default) to a sink in this process.
 *
 *   npx -y pnpm@12.4.2 bench:observability   (or, from bench/: node -r @swc-node/register observability.ts)
 *
 * Rounds alternate the order (off/on, on/off, …); the table gives the medians and the
 * ratio on/off. Env: BENCH_TICKETS (20000), BENCH_ROUNDS (3), BENCH_SECONDS (10),
 * BENCH_CONNECTIONS (32), DATABASE_URL (else an embedded PostgreSQL, removed afterwards),
 * BENCH_KEEP=1 (keep the work folder with the servers' logs).
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { mintToken } from '../packages/server/src/access/credentials';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../packages/server/src/core/embedded-postgres';
import { serverArgs, startChild, type Child } from './reads/processes';
import { HOT } from './reads/queries';
import { READER_EMAIL, seed } from './reads/seed';
import { createBenchDatabase, dropBenchDatabase } from './reads/database';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROOT = resolve(__dirname, '..');
const JWT = { secret: randomBytes(32).toString('hex'), issuer: 'chorus-support', audience: 'chorus-support-api', maxLifetimeSeconds: 43200 };
const METRICS_TOKEN = randomBytes(16).toString('hex');

const START = Date.now();
const log = (s: string) => process.stdout.write(`[${((Date.now() - START) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);

type Mode = 'off' | 'on';
interface Run {
  mode: Mode;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  bad: number;
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'chorus-bench-observability-'));
  let embedded: EmbeddedDatabase | null = null;
  const children: Child[] = [];
  let adminUrl = process.env.DATABASE_URL;
  const dbName = `chorus_bench_obs_${Date.now().toString(36)}`;
  // the OTLP sink: takes every export, counts the bytes
  let exports = 0;
  let exportedBytes = 0;
  const sink = createServer((req, res) => {
    req.on('data', (d: Buffer) => (exportedBytes += d.length));
    req.on('end', () => {
      exports++;
      res.writeHead(200, { 'content-type': req.headers['content-type'] ?? 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((ok) => sink.listen(0, '127.0.0.1', ok));
  let scraper: NodeJS.Timeout | null = null;
  try {
    log(`observability bench: hot list, ${TICKETS} tickets, ${ROUNDS} round(s) of ${SECONDS} s per mode at ${CONNECTIONS} connections; work folder ${work}`);
    log('building the server (tsc -b packages/server) …');
    execFileSync(resolve(ROOT, 'node_modules/.bin/tsc'), ['-b', 'packages/server'], { cwd: ROOT, stdio: 'inherit' });
    if (!adminUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: join(work, 'pg'), persistent: false });
      adminUrl = embedded.url;
    }
    const { databaseUrl } = await createBenchDatabase(adminUrl, dbName);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await seed(db, { tickets: TICKETS, people: 600, registrations: 300 }, log);
    const reader = (await db.query(`select id from person where email = $1`, [READER_EMAIL])).rows[0].id as string;
    await db.end();
    const token = await mintToken(JWT, reader, '12h');

    const start = async (mode: Mode): Promise<Child & { metricsPort?: number }> => {
      const port = await freePort();
      const metricsPort = mode === 'on' ? await freePort() : undefined;
      const env: Record<string, string> = {
        NODE_ENV: 'production',
        NOTIFICATIONS: 'off',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        JWT_SECRET: JWT.secret,
        LOG_LEVEL: 'warn',
        ...(mode === 'on'
          ? { METRICS: 'true', METRICS_PORT: String(metricsPort), METRICS_TOKEN, OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(sink.address() as AddressInfo).port}` }
          : { METRICS: 'false' }),
      };
      const child = await startChild({
        name: `ours-${mode}`,
        cmd: process.execPath,
        args: serverArgs(ROOT),
        env,
        cwd: ROOT,
        url: `http://127.0.0.1:${port}`,
        logFile: join(work, `ours-${mode}.log`),
        ready: async (url) => (await fetch(`${url}/readyz`)).ok,
      });
      children.push(child);
      return { ...child, metricsPort };
    };
    const targets = { off: await start('off'), on: await start('on') };

    // Prometheus' part: a scrape every second of the instrumented instance
    const metricsUrl = `http://127.0.0.1:${targets.on.metricsPort}/metrics`;
    let scrapes = 0;
    scraper = setInterval(() => {
      fetch(metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
        .then((r) => r.text())
        .then(() => scrapes++)
        .catch(() => undefined);
    }, 1000);

    const body = JSON.stringify({ query: HOT.ours, variables: { after: null } });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    // both answer the same, byte for byte: the load checks every response against it
    const answers = await Promise.all((['off', 'on'] as const).map(async (m) => (await fetch(`${targets[m].url}/graphql`, { method: 'POST', headers, body })).text()));
    if (answers[0] !== answers[1] || !answers[0].includes('"tickets"')) throw new Error(`the two instances answer differently:\n${answers[0].slice(0, 300)}\n${answers[1].slice(0, 300)}`);
    const expected = answers[0];

    const runs: Run[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const order: Mode[] = round % 2 ? ['off', 'on'] : ['on', 'off'];
      for (const mode of order) {
        // a short warm-up so both JITs are hot
        await autocannon({ url: `${targets[mode].url}/graphql`, method: 'POST', headers, body, connections: 4, amount: 40 });
        const r = await autocannon({ url: `${targets[mode].url}/graphql`, method: 'POST', headers, body, connections: CONNECTIONS, duration: SECONDS, expectBody: expected, timeout: 30 });
        const run = { mode, round, rps: r.requests.total / Math.max(r.duration, 0.001), p50: r.latency.p50, p99: r.latency.p99, bad: r.errors + r.timeouts + r.non2xx + r.mismatches };
        runs.push(run);
        log(`round ${round}, ${mode.padEnd(3)}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms${run.bad ? `, ${run.bad} bad` : ''}`);
        await new Promise((r) => setTimeout(r, 1000)); // the spans of the load are exported
      }
    }
    clearInterval(scraper);
    scraper = null;

    const med = (mode: Mode, k: 'rps' | 'p50' | 'p99') => median(runs.filter((r) => r.mode === mode).map((r) => r[k]));
    const row = (label: string, k: 'rps' | 'p50' | 'p99', unit: string) =>
      `  ${label.padEnd(8)} ${`${med('off', k).toFixed(k === 'rps' ? 0 : 1)} ${unit}`.padStart(12)} ${`${med('on', k).toFixed(k === 'rps' ? 0 : 1)} ${unit}`.padStart(12)}   ${(med('on', k) / med('off', k)).toFixed(3)}`;
    console.log(`\nhot list, ${CONNECTIONS} connections, medians of ${ROUNDS} run(s) of ${SECONDS} s:`);
    console.log(`  ${''.padEnd(8)} ${'off'.padStart(12)} ${'on'.padStart(12)}   on/off`);
    console.log(row('req/s', 'rps', ''));
    console.log(row('p50', 'p50', 'ms'));
    console.log(row('p99', 'p99', 'ms'));
    console.log(`  on: ${scrapes} scrapes of /metrics, ${exports} OTLP exports (${(exportedBytes / 1e6).toFixed(1)} MB of spans)`);
    const bad = runs.reduce((n, r) => n + r.bad, 0);
    if (bad) {
      console.log(`  ${bad} bad answers under load`);
      process.exitCode = 2;
    }
    if (!exports || !scrapes) {
      console.log('  the instrumented instance exported no span or was never scraped: the comparison means nothing');
      process.exitCode = 2;
    }
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  } finally {
    if (scraper) clearInterval(scraper);
    await Promise.all(children.map((c) => c.stop().catch(() => undefined)));
    sink.close();
    if (adminUrl) await dropBenchDatabase(adminUrl, dbName);
    await embedded?.stop();
    if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  }
}


function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

void main();
