/**
 * The server as its own process (`src/main.ts`, as a user runs it): its own event loop,
 * so a test measuring latency measures the server, not the test's own client sharing a
 * thread with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { freePort } from '../../packages/server/src/core/embedded-postgres';

export const serverDir = fileURLToPath(new URL('../../packages/server', import.meta.url));
const START_TIMEOUT_MS = 240_000; // initdb, migrations and demo data on a loaded machine

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  log: () => string;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL of the process group if it lingers. */
  stop(): Promise<void>;
}

const started: ServerProcess[] = [];

/** Stops every server this file started (also run after the file's tests; safe twice). */
export async function stopServerProcesses(): Promise<void> {
  await Promise.all(started.map((s) => s.stop()));
}
afterAll(stopServerProcesses);

/**
 * Starts the server in its own process group with `env` over the test's environment
 * (without DATABASE_URL unless given: the embedded PostgreSQL then); resolves once it listens.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const full: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env };
  if (!env.DATABASE_URL) delete full.DATABASE_URL;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], { cwd: serverDir, env: full, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const gone = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 15_000))]);
    if (!gone) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  const s: ServerProcess = { child, port, url: `http://127.0.0.1:${port}/graphql`, log: () => log, exited, stop };
  started.push(s);
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!log.includes('chorus-support is listening') && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (!log.includes('chorus-support is listening')) throw new Error(`the server did not come up:\n${log.slice(-4000)}`);
  return s;
}
