/**
 * The database goes away under a steady load and comes back: while it is down every
 * request gets a fast, typed 503 (Retry-After, SERVICE_UNAVAILABLE, the request id in the
 * body), never a hang; when it is back requests succeed again with no one touching the
 * server; the outage is logged once, and its end once.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../packages/server/src/app';
import { mintToken } from '../packages/server/src/access/credentials';
import { loadConfig } from '../packages/server/src/core/config';
import { migrate, openDatabase, type MikroORM } from '../packages/server/src/core/database';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../packages/server/src/core/embedded-postgres';
import type { Logger } from '../packages/server/src/core/logger';
import { loadDemoDataIfEmpty } from '../packages/server/src/seed/demo';

// pino is the server's dependency (not the e2e package's): load the server's copy
const pino = createRequire(new URL('../packages/server/package.json', import.meta.url))('pino') as (opts: object, stream: { write(line: string): void }) => Logger;

const dataDir = mkdtempSync(join(tmpdir(), 'chorus-outage-pg-'));
const port = await freePort();
let database: EmbeddedDatabase | null = await startEmbeddedPostgres({ dataDir, port, persistent: true });
const url = database.url.replace(/\/postgres$/, '/chorus_outage');
{
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query('create database chorus_outage');
  await admin.end();
  const seeding = await openDatabase(url);
  await migrate(seeding);
  await loadDemoDataIfEmpty(seeding);
  await seeding.close(true);
}

// the server's log, kept in memory so the test can count its lines
const logLines: { level: number; msg: string; req?: unknown }[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: url, DB_POOL_SIZE: '5', DB_ACQUIRE_TIMEOUT_MS: '2000' });
const orm: MikroORM = await openDatabase(url, logger, config.db);
const server: RunningServer = await startServer(config, orm, logger);

afterAll(async () => {
  await server.close().catch(() => undefined);
  await orm.close(true).catch(() => undefined);
  await database?.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

interface Answer {
  started: number;
  ended: number;
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
  failure?: string;
}

const QUERIES = ['{ viewer { kind } }', '{ tickets(first: 5) { totalCount } }'];

describe('database stop and start under load', () => {
  it('answers 503 with Retry-After and a request id while PostgreSQL is down, recovers unaided, logs each change once', { timeout: 180_000 }, async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`select person_id from correspondent_assignment where kind = 'CCA' and until is null limit 1`);
    await client.end();
    const token = await mintToken(config.jwt, rows[0].person_id, '1h');

    const answers: Answer[] = [];
    let running = true;
    let n = 0;
    async function worker() {
      while (running) {
        const query = QUERIES[n++ % QUERIES.length];
        const started = Date.now();
        try {
          const res = await fetch(server.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query }),
            signal: AbortSignal.timeout(15_000),
          });
          const text = await res.text();
          let body: Answer['body'] = null;
          try {
            body = JSON.parse(text);
          } catch {
            /* kept as null: asserted below */
          }
          answers.push({ started, ended: Date.now(), status: res.status, retryAfter: res.headers.get('retry-after'), body });
        } catch (e) {
          answers.push({ started, ended: Date.now(), status: 0, retryAfter: null, body: null, failure: String((e as Error).cause ?? e) });
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    let downStarted = Infinity;
    const workers = Array.from({ length: 4 }, () => worker());
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const ok = (a: Answer) => a.status === 200 && !a.body?.errors && a.body?.data != null;
    /** Waits (the machine may be loaded) until `count` answers to requests started at or after `from` are in. */
    const answered = async (from: number, count: number) => {
      const deadline = Date.now() + 60_000;
      while (answers.filter((a) => a.started >= from).length < count && Date.now() < deadline) await wait(50);
    };

    try {
      // steady state
      await answered(0, 8);
      const before = answers.slice();
      expect(before.length).toBeGreaterThan(4);
      expect(before.filter((a) => !ok(a)), JSON.stringify(before.find((a) => !ok(a)))).toEqual([]);

      // the database goes away
      downStarted = Date.now();
      await database!.stop();
      database = null;
      const downFrom = Date.now();
      await answered(downFrom, 12);
      const downUntil = Date.now();
      // restart on the same data folder and port
      database = await startEmbeddedPostgres({ dataDir, port, persistent: true });
      const upAt = Date.now();

      const down = answers.filter((a) => a.started >= downFrom && a.ended <= downUntil);
      expect(down.length).toBeGreaterThan(4);
      for (const a of down) {
        expect(a.failure).toBeUndefined();
        expect(a.ended - a.started, 'answered within a few seconds').toBeLessThan(8000);
        expect(a.status).toBe(503);
        expect(a.retryAfter).toMatch(/^\d+$/);
        expect(a.body?.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(a.body?.errors?.[0]?.extensions?.requestId).toEqual(expect.any(String));
        expect(JSON.stringify(a.body)).not.toMatch(/ECONNREFUSED|stack|node_modules|127\.0\.0\.1/);
      }

      // recovery with no action on the server: a first success soon, then only successes
      const deadline = Date.now() + 30_000;
      while (!answers.some((a) => a.started >= upAt && ok(a)) && Date.now() < deadline) await wait(100);
      const firstOk = answers.find((a) => a.started >= upAt && ok(a));
      expect(firstOk, 'a request succeeds after PostgreSQL is back').toBeDefined();
      const settledFrom = firstOk!.ended + 1000;
      await answered(settledFrom, 12);
      const after = answers.filter((a) => a.started >= settledFrom);
      expect(after.length).toBeGreaterThan(4);
      expect(after.filter((a) => !ok(a)), JSON.stringify(after.find((a) => !ok(a)))).toEqual([]);
    } finally {
      running = false;
      await Promise.all(workers);
    }
    // never a hang, including the requests that were waiting when PostgreSQL went or came back
    const slow = answers.filter((a) => a.started >= downStarted && a.ended - a.started >= 8000);
    expect(slow, JSON.stringify(slow[0])).toEqual([]);

    const unavailable = logLines.filter((l) => /^database unavailable/.test(l.msg));
    const availableAgain = logLines.filter((l) => l.msg === 'database available again');
    console.log(`database-outage: ${answers.length} requests; ${answers.filter((a) => a.status === 503).length} answered 503`);
    expect(unavailable.length).toBe(1);
    expect(availableAgain.length).toBe(1);
    // the cause is logged with the outage, not once per failed request
    const perRequest = logLines.filter((l) => l.level >= 50 && (l.req !== undefined || l.msg === 'unexpected error'));
    expect(perRequest, JSON.stringify(perRequest[0])).toEqual([]);
  });
});
