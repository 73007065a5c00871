/**
 * The real server process with its embedded PostgreSQL, as a user runs it:
 * (a) Ctrl-C (SIGINT to the whole foreground process group) finishes the request in
 *     flight, exits 0 and leaves no PostgreSQL behind;
 * (b) after a SIGKILL of the server (its PostgreSQL orphaned, still running), the next
 *     start on the same data folder comes up with nothing lost, and stops cleanly.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mintToken } from '../packages/server/src/access/credentials';
import { loadConfig } from '../packages/server/src/core/config';
import { freePort } from '../packages/server/src/core/embedded-postgres';
import { sql } from './support/db';
import { startServerProcess, stopServerProcesses } from './support/server-process';

const dataDir = mkdtempSync(join(tmpdir(), 'chorus-signals-pg-'));
const pgPort = await freePort();
const databaseUrl = `postgres://postgres:postgres@127.0.0.1:${pgPort}/chorus_support`;
const START_TIMEOUT_MS = 240_000; // initdb, migrations and demo data on a loaded machine

/** `src/main.ts` as its own process group, on the embedded PostgreSQL in `dataDir`. */
const startServer = () =>
  startServerProcess({ EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), DEMO_DATA: 'true', NODE_ENV: 'development', SHUTDOWN_TIMEOUT_MS: '10000' });

/** The pid in postmaster.pid when that PostgreSQL is still running, else null. */
function runningPostgres(): number | null {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres' ? pid : null;
  } catch {
    return null;
  }
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return condition();
}

afterAll(async () => {
  await stopServerProcesses();
  // a PostgreSQL this file started and a failed test left behind: fast shutdown
  const pid = runningPostgres();
  if (pid) {
    process.kill(pid, 'SIGINT');
    await waitFor(() => runningPostgres() === null, 30_000);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('process signals with the embedded PostgreSQL', () => {
  it('SIGINT to the process group finishes the request in flight, exits 0, leaves no PostgreSQL running', { timeout: START_TIMEOUT_MS + 60_000 }, async () => {
    const server = await startServer();
    expect(runningPostgres()).not.toBeNull();
    const { rows } = await sql(databaseUrl, `select id from person where 'ANALYST' = any(held_roles) and active limit 1`);
    const token = await mintToken(loadConfig({ NODE_ENV: 'development' }).jwt, rows[0].id);

    // a request in flight: headers and part of the body sent before the signal
    const body = JSON.stringify({ query: '{ ministries { code } }' });
    const socket = connect(server.port, '127.0.0.1');
    await new Promise((ok) => socket.once('connect', ok));
    let response = '';
    socket.on('data', (d) => (response += d));
    const responded = new Promise((ok) => socket.on('close', ok));
    socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`);
    await new Promise((r) => setTimeout(r, 300));

    // what a terminal's Ctrl-C does: the signal goes to every process of the foreground group
    process.kill(-server.child.pid!, 'SIGINT');
    expect(await waitFor(() => server.log().includes('shutting down'), 20_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 500));

    socket.write(body.slice(10));
    await responded;
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toContain('"code":"MIN06"');
    const code = await server.exited;
    if (code !== 0) console.log(server.log().slice(-4000));
    expect(code).toBe(0);
    expect(server.log()).toContain('"msg":"stopped"');
    expect(runningPostgres()).toBeNull();
  });

  it('after a SIGKILL of the server, the next start on the same data folder comes up with nothing lost', { timeout: 2 * START_TIMEOUT_MS + 60_000 }, async () => {
    const first = await startServer();
    const code = `SIG${Date.now().toString(36).slice(-6)}`.slice(0, 10);
    await sql(databaseUrl, `insert into ministry (id, code, name) values (gen_random_uuid(), $1, 'Written before the SIGKILL')`, [code]);

    // only the node process: its PostgreSQL (own process group) is orphaned and keeps running
    const orphan = runningPostgres();
    expect(orphan).not.toBeNull();
    first.child.kill('SIGKILL');
    await first.exited;
    expect(runningPostgres()).toBe(orphan);

    const second = await startServer();
    expect(second.log()).toContain('chorus-support is listening');
    const { rows } = await sql(databaseUrl, 'select name from ministry where code = $1', [code]);
    expect(rows).toEqual([{ name: 'Written before the SIGKILL' }]);
    // and the API reads it too
    const { rows: analyst } = await sql(databaseUrl, `select id from person where 'ANALYST' = any(held_roles) and active limit 1`);
    const token = await mintToken(loadConfig({ NODE_ENV: 'development' }).jwt, analyst[0].id);
    const res = await fetch(`http://127.0.0.1:${second.port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ ministries { code } }' }) });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain(code);

    second.child.kill('SIGTERM');
    const exit = await second.exited;
    if (exit !== 0) console.log(second.log().slice(-4000));
    expect(exit).toBe(0);
    expect(runningPostgres()).toBeNull();
  });
});
