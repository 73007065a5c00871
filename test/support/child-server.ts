import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../packages/server/src/core/embedded-postgres';

/**
 * The server from its sources in a child process of its own (for what only a whole process shows:
 * its memory, its garbage collector), on a free port, with the node flags given, without demo data.
 * Resolves once /healthz answers.
 */
export async function startChildServer(opts: { databaseUrl: string; nodeFlags: string[]; env?: Record<string, string> }) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...opts.nodeFlags, '-r', '@swc-node/register', 'src/main.ts'], {
    cwd: fileURLToPath(new URL('../../packages/server', import.meta.url)),
    env: { ...process.env, DATABASE_URL: opts.databaseUrl, PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'development', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((ok) => child.on('exit', ok));
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${origin}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    pid: child.pid!,
    /** Everything the server printed so far (stdout and stderr). */
    output: () => output,
    async stop(): Promise<void> {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
