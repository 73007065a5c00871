import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mintToken } from '../packages/server/src/access/credentials';
import { loadConfig } from '../packages/server/src/core/config';
import { freePort } from '../packages/server/src/core/embedded-postgres';
import { createTestDatabase, sql } from './support/db';
import { collect, untilSubscribed, wsClient } from './support/ws';

const serverDir = fileURLToPath(new URL('../packages/server', import.meta.url));

describe('graceful shutdown', () => {
  it('on SIGTERM stops taking requests, finishes the one in flight, closes subscriptions, exits 0', async () => {
    const db = await createTestDatabase();
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: serverDir,
      env: { ...process.env, SHUTDOWN_TIMEOUT_MS: '3000', DATABASE_URL: db.url, PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'false', LOG_LEVEL: 'debug', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
    try {
      for (let i = 0; i < 200 && !log.includes('chorus-support is listening'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(log).toContain('chorus-support is listening');
      const url = `http://127.0.0.1:${port}/graphql`;
      const { rows } = await sql(db.url, `select id from person where 'ANALYST' = any(held_roles) limit 1`);
      const token = await mintToken(loadConfig({ NODE_ENV: 'development' }).jwt, rows[0].id);

      const ws = wsClient(url, { token });
      const sub = collect(ws, `subscription { directoryChanged { kind } }`);
      await untilSubscribed(url, 1);

      // a request in flight: headers and half the body sent before the signal
      const body = JSON.stringify({ query: '{ ministries { code } }' });
      const socket = connect(port, '127.0.0.1');
      await new Promise((ok) => socket.once('connect', ok));
      let response = '';
      socket.on('data', (d) => (response += d));
      const responded = new Promise((ok) => socket.on('end', ok));
      socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`);
      await new Promise((r) => setTimeout(r, 200));

      child.kill('SIGTERM');

      // no new requests once draining: refused within moments of the signal (asked until then)
      const healthz = () => fetch(`http://127.0.0.1:${port}/healthz`).then(() => 'accepted', (e) => String(e.cause?.code ?? e));
      let refused = await healthz();
      for (const deadline = Date.now() + 5000; refused === 'accepted' && Date.now() < deadline; refused = await healthz()) await new Promise((r) => setTimeout(r, 50));
      expect(refused).toMatch(/ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET|SocketError|other side closed/);

      socket.write(body.slice(10));
      await responded;
      expect(response).toMatch(/^HTTP\/1\.1 200/);
      expect(response).toContain('"code":"MIN06"');

      const code = await exited;
      if (code !== 0) console.log(log);
      expect(code).toBe(0);
      await sub.next(1, 3000).catch(() => undefined);
      expect(sub.completed || sub.errors.length > 0).toBe(true);
      expect(log).toContain('"msg":"stopped"');
      // structured access log: the request id and the caller on the request's line
      const access = log.split('\n').find((l) => l.includes('"url":"/graphql"') && l.includes('"res"'));
      expect(JSON.parse(access!)).toMatchObject({ req: { id: expect.stringMatching(/^[0-9a-f-]{36}$/) }, viewer: expect.stringMatching(/@/) });
      await ws.dispose();
    } finally {
      child.kill('SIGKILL');
      await db.drop();
    }
  });
});
