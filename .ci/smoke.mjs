// Starts the built server (embedded PostgreSQL, demo data) with the `node` running this
// script, and checks that it answers: readiness, a GraphQL query, the explorer page.
// Usage: node .ci/smoke.mjs   (after `npx -y pnpm@12.4.2 build`)
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () => new Promise((ok) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); }); });
const port = await freePort();
const data = mkdtempSync(join(tmpdir(), 'chorus-smoke-'));
chmodSync(data, 0o755); // the embedded PostgreSQL runs as the postgres user when we are root
const env = { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_DIR: join(data, 'pg'), LOG_LEVEL: 'warn' };

delete env.DATABASE_URL; // the embedded PostgreSQL, as on a fresh machine
const child = spawn(process.execPath, ['packages/server/dist/main.js'], {
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
// the demo start prints the demo credentials, SAXO's API key among them
let printed = '';
child.stdout.on('data', (d) => (printed += d));
const base = `http://127.0.0.1:${port}`;
let failure = null;
try {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ready = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
    if (ready && /csk_\S+/.test(printed)) break;
    if (Date.now() > deadline) throw new Error('the server was not ready within 120 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  const apiKey = /csk_\S+/.exec(printed)[0];
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: JSON.stringify({ query: '{ currentApplication { name structures { code } } }' }) });
  const body = await res.json();
  if (!res.ok || body.data?.currentApplication?.name !== 'SAXO') throw new Error(`unexpected GraphQL answer: ${res.status} ${JSON.stringify(body)}`);
  const explorer = await fetch(`${base}/explorer`);
  if (explorer.status !== 200) throw new Error(`GET /explorer answered ${explorer.status}`);
  console.log(`Node ${process.version}: the server started and answered (SAXO authenticated by its demo API key, explorer served)`);
} catch (e) {
  failure = e;
} finally {
  child.kill('SIGTERM');
  await new Promise((ok) => (child.exitCode !== null ? ok() : child.once('exit', ok)));
  rmSync(data, { recursive: true, force: true });
}
if (failure) {
  console.error(`Node ${process.version}: ${failure.message}`);
  process.exit(1);
}
