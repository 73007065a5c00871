import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_JWT_SECRET, loadConfig } from '../packages/server/src/core/config';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const SECRET = 'a-production-secret-of-forty-characters!!';

describe('configuration', () => {
  it('has sensible development defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ env: 'development', port: 4000, demoData: true, maxQueryCost: 5000 });
    expect(c.jwt.secret).toBe(DEMO_JWT_SECRET);
    expect(c.tickets.reopenDelayMs).toBe(15 * 86_400_000);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ NODE_ENV: 'production' }, /JWT_SECRET or JWKS_URL/],
    [{ NODE_ENV: 'production', JWT_SECRET: DEMO_JWT_SECRET }, /demo signing secret/],
    [{ NODE_ENV: 'production', JWT_SECRET: SECRET, DEMO_DATA: 'true' }, /demo data/],
    [{ JWT_SECRET: 'short' }, /at least 32/],
    [{ TICKET_REOPEN_DELAY_DAYS: 'fifteen' }, /TICKET_REOPEN_DELAY_DAYS/],
    [{ TICKET_REOPEN_DELAY_DAYS: '400' }, /TICKET_REOPEN_DELAY_DAYS/],
  ])('refuses %o with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('production defaults to no demo data', () => {
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, NOTIFICATIONS: 'off' }).demoData).toBe(false);
  });

  /** Starts the real server entry point with `env` added; it must stop before touching the (unreachable) database. */
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: fileURLToPath(new URL('../packages/server', import.meta.url)),
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });

  it('the server refuses to start in production with the demo secret, saying why', () => {
    const r = start({ NODE_ENV: 'production', JWT_SECRET: DEMO_JWT_SECRET });
    expect(r.status).toBe(78);
    expect(r.stderr).toMatch(/Invalid configuration:\n\s+JWT_SECRET: production refuses the demo signing secret/);
  });

  it('a bad reopening delay stops the start (exit 78), not the first ticket action', () => {
    const r = start({ TICKET_REOPEN_DELAY_DAYS: 'two weeks' });
    expect(r.status).toBe(78);
    expect(r.stderr).toMatch(/Invalid configuration:\n\s+TICKET_REOPEN_DELAY_DAYS: /);
  });
});

describe('introspection in production', async () => {
  const server = await startTestServer({ env: { NODE_ENV: 'production', JWT_SECRET: SECRET, DEMO_DATA: 'false', NOTIFICATIONS: 'off' } });
  // production refuses the demo directory's accounts (.example): these people get real-looking addresses
  await sql(server.databaseUrl, `update person set email = replace(email, '.example', '.gouv.fr')`);
  const query = getIntrospectionQuery();

  it('is refused to anonymous callers and to roles other than analyst and administrator', async () => {
    const anonymous = await server.gql(query);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const cca = await server.gql(query, {}, { token: await server.tokenForRole('CCA') });
    expect(cca.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const sneaky = await server.gql(`{ viewer { kind } __type(name: "Person") { name } }`, {}, { token: await server.tokenForRole('CCA') });
    expect(sneaky.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('is allowed to analysts and administrators', async () => {
    for (const role of ['ANALYST', 'ADMINISTRATOR']) {
      const res = await server.gql(query, {}, { token: await server.tokenForRole(role) });
      expect(res.body.errors, role).toBeUndefined();
      expect(res.body.data.__schema.queryType.name).toBe('Query');
    }
  });

  it('still serves ordinary queries to everyone allowed', async () => {
    const res = await server.gql(`{ viewer { kind } }`, {}, { token: await server.tokenForRole('CCA') });
    expect(res.body.data.viewer.kind).toBe('PERSON');
  });
});
