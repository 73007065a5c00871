import 'reflect-metadata';
import { afterAll } from 'vitest';
import { startServer, type RunningServer } from '../../packages/server/src/app';
import { mintToken } from '../../packages/server/src/access/credentials';
import { loadConfig, type Config } from '../../packages/server/src/core/config';
import { migrate, openDatabase, type MikroORM } from '../../packages/server/src/core/database';
import { createLogger, type Logger } from '../../packages/server/src/core/logger';
import { createTestDatabase, sql } from './db';

export interface TestServer extends RunningServer {
  orm: MikroORM;
  config: Config;
  databaseUrl: string;
  /** A bearer token for the person with this email. */
  tokenFor(email: string, ttl?: string): Promise<string>;
  /** A bearer token for the first demo person holding `role` (held or by assignment), optionally in a structure. */
  tokenForRole(role: string, structureCode?: string): Promise<string>;
  /** POSTs a GraphQL operation; returns status, headers and the parsed body. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, auth?: { token?: string; apiKey?: string; headers?: Record<string, string> }): Promise<{ status: number; body: { data: T; errors: any[]; extensions: any }; headers: Headers }>;
}

const instances = new Map<string, number>();
const dropWhenUnused = new Map<string, () => Promise<void>>();

/**
 * Starts the real server (real HTTP and WebSocket on a free port) on a database: by
 * default a fresh clone of the demo template. Stopped after the file's tests.
 */
/** `logger`: where the server's log goes (a test that reads its lines); by default LOG_LEVEL's, silent. */
/** `adjust`: changes the loaded configuration with what no variable sets (e.g. a resolver for webhooks). */
export async function startTestServer(opts: { databaseUrl?: string; env?: Record<string, string>; empty?: boolean; logger?: Logger; adjust?: (config: Config) => void } = {}): Promise<TestServer> {
  const db = opts.databaseUrl ? null : await createTestDatabase({ empty: opts.empty });
  const databaseUrl = opts.databaseUrl ?? db!.url;
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DATABASE_URL: databaseUrl, ...opts.env });
  opts.adjust?.(config);
  const logger = opts.logger ?? createLogger(config.logLevel);
  const orm = await openDatabase(databaseUrl, logger, config.db);
  await migrate(orm);
  const server = await startServer(config, orm, logger);
  let stopped = false;
  instances.set(databaseUrl, (instances.get(databaseUrl) ?? 0) + 1);
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
    await orm.close(true);
    instances.set(databaseUrl, instances.get(databaseUrl)! - 1);
    if (db) dropWhenUnused.set(databaseUrl, db.drop);
    // the database goes when the last instance on it has stopped
    if (instances.get(databaseUrl) === 0) await dropWhenUnused.get(databaseUrl)?.();
  };
  afterAll(stop);

  const tokenFor = async (email: string, ttl = '1h') => {
    const { rows } = await sql(databaseUrl, 'select id from person where email = $1', [email]);
    if (!rows.length) throw new Error(`no person ${email}`);
    return mintToken(config.jwt, rows[0].id, ttl);
  };
  const tokenForRole = async (role: string, structureCode?: string) => {
    const { rows } = await sql(
      databaseUrl,
      `select p.id from person p join structure s on s.id = p.structure_id
        where p.active and ($2::text is null or s.code = $2)
          and ($1 = any(p.held_roles) or exists (select 1 from correspondent_assignment a where a.person_id = p.id and a.kind = $1 and a.until is null))
        order by p.created_at, p.email limit 1`,
      [role, structureCode ?? null],
    );
    if (!rows.length) throw new Error(`no demo person with role ${role}${structureCode ? ` in ${structureCode}` : ''}`);
    return mintToken(config.jwt, rows[0].id, '1h');
  };
  return { ...server, close: stop, orm, config, databaseUrl, tokenFor, tokenForRole, gql: graphqlClient(server.url) };
}

/** POSTs GraphQL to `url` with a token, an API key or extra headers. */
export function graphqlClient(url: string): TestServer['gql'] {
  return async (query, variables, auth = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...auth.headers };
    if (auth.token) headers.authorization = `Bearer ${auth.token}`;
    if (auth.apiKey) headers['x-api-key'] = auth.apiKey;
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text), headers: res.headers };
  };
}
