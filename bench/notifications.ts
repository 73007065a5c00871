/**
 * Mail bench (issue 34): one instance of our server (production settings, `pnpm start`'s
 * flags) with SMTP_URL pointing at a real SMTP server run here (smtp-server), a burst of
 * ticket changes (public comments by SN1, each one mail to the ticket's requester) through the
 * API; prints the time until every mail reached the relay, duplicates, and the API's p50/p99
 * on a read (a ticket list) during the burst against the same read without it.
 *
 *   npx -y pnpm@12.4.2 bench:notifications                (1 000 changes)
 *   BENCH_SMOKE=1 npx -y pnpm@12.4.2 bench:notifications  (50 changes)
 *
 * Env: DATABASE_URL (a PostgreSQL server to create the bench database in; else an embedded
 * one), BENCH_TEMPLATE (a migrated database with the demo data to clone), BENCH_CHANGES,
 * BENCH_CONCURRENCY (changes sent at once, 20), BENCH_READS (reads of the baseline, 400),
 * BENCH_BUILD (1; 0 uses packages/server/dist as it is), BENCH_JSON (a file to write the
 * figures to). Exits 2 when a mail was lost or sent twice.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { mintToken } from '../packages/server/src/access/credentials';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../packages/server/src/core/embedded-postgres';
import { toGlobalId } from '../packages/server/src/core/ids';
import { serverArgs, startChild, projectNode, type Child } from './reads/processes';
import { READER_EMAIL, seed } from './reads/seed';
import { createBenchDatabase, dropBenchDatabase } from './reads/database';

const SMOKE = process.env.BENCH_SMOKE === '1';
const num = (name: string, full: number, smoke: number) => Number(process.env[name] ?? (SMOKE ? smoke : full));
const CHANGES = num('BENCH_CHANGES', 1000, 50);
const CONCURRENCY = num('BENCH_CONCURRENCY', 20, 5);
const READS = num('BENCH_READS', 400, 50);
const ROOT = resolve(__dirname, '..');
const NODE = process.env.BENCH_NODE ?? projectNode();
const JWT = { secret: randomBytes(32).toString('hex'), issuer: 'chorus-support', audience: 'chorus-support-api', maxLifetimeSeconds: 43200 };

const START = Date.now();
const log = (s: string) => process.stdout.write(`${s.startsWith('\n') ? '\n' : ''}[${((Date.now() - START) / 1000).toFixed(0).padStart(4)} s] ${s.replace(/^\n/, '')}\n`);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};

/** The relay: counts the mails each bench change caused (its marker in the text), and when each arrived. */
function startRelay() {
  const arrivals = new Map<string, number[]>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let text = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (text += chunk));
      stream.on('end', () => {
        const marker = /bench-change-(\d+)/.exec(text)?.[1];
        if (marker) arrivals.set(marker, [...(arrivals.get(marker) ?? []), Date.now()]);
        callback();
      });
    },
  });
  return { server, arrivals };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'chorus-bench-mail-'));
  let embedded: EmbeddedDatabase | null = null;
  let child: Child | null = null;
  const relay = startRelay();
  let adminUrl = process.env.DATABASE_URL;
  const dbName = `chorus_bench_mail_${Date.now().toString(36)}`;
  try {
    log(`mail bench${SMOKE ? ' (smoke)' : ''}: ${CHANGES} ticket changes, ${CONCURRENCY} at a time; work folder ${work}`);
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
    db.on('error', () => undefined);
    await seed(db, { tickets: Math.ceil(CHANGES * 1.6) + 50, people: 2000, registrations: 0 }, log);
    const tickets = (
      await db.query(`select id from ticket where reference like 'FSD-B-%' and status in ('SUBMITTED', 'IN_PROGRESS', 'WAITING_FOR_INFO', 'ESCALATED', 'REOPENED') order by reference limit $1`, [CHANGES])
    ).rows.map((r) => r.id as string);
    if (tickets.length < CHANGES) throw new Error(`only ${tickets.length} open tickets for ${CHANGES} changes`);
    const reader = (await db.query(`select id from person where email = $1`, [READER_EMAIL])).rows[0].id as string;
    const token = await mintToken(JWT, reader, '2h');

    await new Promise<void>((ok) => relay.server.listen(0, '127.0.0.1', () => ok()));
    const smtpUrl = `smtp://127.0.0.1:${(relay.server.server.address() as AddressInfo).port}`;
    const port = await freePort();
    child = await startChild({
      name: 'ours',
      cmd: NODE,
      args: serverArgs(ROOT),
      // no service-level job: its crossings would be mails the burst did not cause
      env: { NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, JWT_SECRET: JWT.secret, JWT_ISSUER: JWT.issuer, JWT_AUDIENCE: JWT.audience, SERVICE_LEVEL_POLL_MS: '86400000', SMTP_URL: smtpUrl, LOG_LEVEL: 'warn' },
      cwd: ROOT,
      url: `http://127.0.0.1:${port}`,
      logFile: join(work, 'ours.log'),
      ready: async (url) => (await fetch(`${url}/readyz`)).ok,
    });
    const gql = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(`${child!.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { errors?: unknown[]; data?: Record<string, { userErrors?: unknown[] }> };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body;
    };
    const READ = `{ tickets(first: 20) { nodes { reference status level assignee { email } } } }`;
    const timedRead = async () => {
      const t = performance.now();
      await gql(READ);
      return performance.now() - t;
    };
    for (let i = 0; i < 30; i++) await timedRead(); // warm-up

    // the read alone
    const alone: number[] = [];
    for (let i = 0; i < READS; i++) alone.push(await timedRead());

    // the burst, with the same read running beside it until every mail is in
    const expected = tickets.length;
    const burstStart = Date.now();
    let sent = 0;
    const senders = Array.from({ length: CONCURRENCY }, async () => {
      for (let i = sent++; i < tickets.length; i = sent++) {
        const r = await gql(`mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { userErrors { code message } } }`, {
          input: { ticketId: toGlobalId('Ticket', tickets[i]), body: `Point d’étape bench-change-${i}.`, internal: false },
        });
        if (r.data?.addTicketComment.userErrors?.length) throw new Error(JSON.stringify(r.data.addTicketComment.userErrors));
      }
    });
    const during: number[] = [];
    let reading = true;
    const readerLoop = (async () => {
      while (reading) during.push(await timedRead());
    })();
    await Promise.all(senders);
    const burstMs = Date.now() - burstStart;
    const deadline = Date.now() + (SMOKE ? 60_000 : 600_000);
    while (relay.arrivals.size < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    reading = false;
    await readerLoop;
    const last = Math.max(...[...relay.arrivals.values()].flat());
    const duplicates = [...relay.arrivals.values()].filter((a) => a.length > 1).length;
    const lost = expected - relay.arrivals.size;
    const figures = {
      changes: expected,
      concurrency: CONCURRENCY,
      burstMs,
      allDeliveredMs: last - burstStart,
      mailsPerSecond: relay.arrivals.size / ((last - burstStart) / 1000),
      lost,
      duplicates,
      readAlone: { p50: quantile(alone, 0.5), p99: quantile(alone, 0.99), n: alone.length },
      readDuring: { p50: quantile(during, 0.5), p99: quantile(during, 0.99), n: during.length },
    };
    log(`\nmail delivery: ${expected} ticket changes (public comments through the API, ${CONCURRENCY} at a time), one mail each to a local SMTP relay`);
    log(`  burst sent in ${burstMs} ms; every mail at the relay ${figures.allDeliveredMs} ms after the burst began (${figures.mailsPerSecond.toFixed(0)} mails/s); lost ${lost}, sent twice ${duplicates}`);
    log(`  the API's read (${READ.replace(/\s+/g, ' ')}):`);
    log(`    alone:        p50 ${figures.readAlone.p50.toFixed(1)} ms, p99 ${figures.readAlone.p99.toFixed(1)} ms (${alone.length} reads)`);
    log(`    during burst: p50 ${figures.readDuring.p50.toFixed(1)} ms, p99 ${figures.readDuring.p99.toFixed(1)} ms (${during.length} reads)`);
    log(`    ratio:        p50 ×${(figures.readDuring.p50 / figures.readAlone.p50).toFixed(2)}, p99 ×${(figures.readDuring.p99 / figures.readAlone.p99).toFixed(2)}`);
    if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify({ smoke: SMOKE, mail: figures }, null, 2));
    await db.end();
    if (lost > 0 || duplicates > 0) process.exitCode = 2;
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  } finally {
    await child?.stop().catch(() => undefined);
    await new Promise<void>((ok) => relay.server.close(() => ok()));
    if (adminUrl) await dropBenchDatabase(adminUrl, dbName);
    await embedded?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
