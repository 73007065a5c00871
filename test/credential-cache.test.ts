/**
 * Verified credentials are remembered for CREDENTIALS_CACHE_MS, yet every announced change
 * (a person deactivated, an assignment ended, a key revoked, an application suspended)
 * takes effect at once on the instance that made it and within moments on every other;
 * a change nobody announces lasts no longer than the cache's time limit.
 */
import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const TTL = { CREDENTIALS_CACHE_MS: '1500' };
const a = await startTestServer({ env: TTL });
const b = await startTestServer({ databaseUrl: a.databaseUrl, env: TTL });
const one = async (q: string, p: unknown[] = []) => (await sql(a.databaseUrl, q, p)).rows[0];
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const admin = { token: await a.tokenForRole('ADMINISTRATOR') };
const VIEWER = `{ viewer { kind roles } }`;

async function freshCca(n: string) {
  const { id, email } = await one(
    `insert into person (id, first_name, last_name, email, structure_id, held_roles) select gen_random_uuid(), 'Cache', $2, $1, id, '{END_USER}' from structure where code = 'CSP-LYON' returning id, email`,
    [`cache.${n}.${Date.now()}@education.example`, n],
  );
  await sql(a.databaseUrl, `insert into correspondent_assignment (id, person_id, structure_id, kind, since) select gen_random_uuid(), $1, id, 'CCA', now() - interval '1 day' from structure where code = 'CSP-LYON'`, [id]);
  return { id, token: await a.tokenFor(email) };
}

/** Asks until `ok` holds or `ms` pass; returns how long it took (or Infinity). */
async function until(ask: () => Promise<boolean>, ms: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await ask()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 25));
  }
  return Infinity;
}

const refused = (server: typeof a, creds: { token?: string; apiKey?: string }) => async () => (await server.gql(VIEWER, {}, creds)).status === 401;

describe('the verified-credentials cache', () => {
  it('deactivation through the API refuses the very next request on that instance, and within moments on the other', async () => {
    const p = await freshCca('api');
    // both instances have the person cached
    expect((await a.gql(VIEWER, {}, { token: p.token })).body.data.viewer.roles).toContain('CCA');
    expect((await b.gql(VIEWER, {}, { token: p.token })).body.data.viewer.roles).toContain('CCA');
    const res = await a.gql(`mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { userErrors { code } } }`, { input: { id: gid('Person', p.id), active: false } }, admin);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updatePerson.userErrors).toEqual([]);
    const next = await a.gql(VIEWER, {}, { token: p.token });
    expect(next.status).toBe(401);
    expect(await until(refused(b, { token: p.token }), 1000)).toBeLessThan(1000);
  });

  it('a change written straight into the database is heard by both instances within moments', async () => {
    const p = await freshCca('sql');
    expect((await a.gql(VIEWER, {}, { token: p.token })).body.data.viewer.roles).toContain('CCA');
    expect((await b.gql(VIEWER, {}, { token: p.token })).body.data.viewer.roles).toContain('CCA');
    await sql(a.databaseUrl, `update correspondent_assignment set until = now() where person_id = $1`, [p.id]);
    const lostCca = (server: typeof a) => async () => !(await server.gql(VIEWER, {}, { token: p.token })).body.data.viewer.roles.includes('CCA');
    // well within the cache's 1.5 s: the announcement, not the time limit, did it
    expect(await until(lostCca(a), 1000)).toBeLessThan(1000);
    expect(await until(lostCca(b), 1000)).toBeLessThan(1000);
  });

  it('remembers a verified person (no reading per request), and a change nobody announces lasts no longer than the time limit', async () => {
    const p = await freshCca('silent');
    expect((await a.gql(VIEWER, {}, { token: p.token })).status).toBe(200);
    // replica mode skips the triggers: nobody announces this deactivation
    const { Client } = (await import('pg')).default;
    const c = new Client({ connectionString: a.databaseUrl });
    await c.connect();
    await c.query(`set session_replication_role = replica`);
    await c.query(`update person set active = false where id = $1`, [p.id]);
    await c.end();
    const changedAt = Date.now();
    // still served from what was verified: proof the directory is not read on every request
    expect((await a.gql(VIEWER, {}, { token: p.token })).status).toBe(200);
    const took = await until(refused(a, { token: p.token }), 4000);
    expect(took).toBeLessThan(4000);
    expect(Date.now() - changedAt).toBeLessThan(1500 + 1000);
  });

  it('a revoked API key stops at once; an application suspended in the database stops within moments on both instances', async () => {
    const REGISTER = `mutation($input: RegisterApplicationInput!) { registerApplication(input: $input) { application { id } issued { key apiKey { id } } userErrors { code } } }`;
    const input = { name: `CACHE-${Date.now()}`, ministryId: gid('Ministry', (await one(`select id from ministry where code = 'MIN06'`)).id), structureIds: [], contactEmail: 'cache@education.example' };
    const reg = (await a.gql(REGISTER, { input }, admin)).body.data.registerApplication;
    const key = { apiKey: reg.issued.key };
    expect((await a.gql(VIEWER, {}, key)).status).toBe(200);
    expect((await b.gql(VIEWER, {}, key)).status).toBe(200);
    await sql(a.databaseUrl, `update application_client set active = false where name = $1`, [input.name]);
    expect(await until(refused(a, key), 1000)).toBeLessThan(1000);
    expect(await until(refused(b, key), 1000)).toBeLessThan(1000);
    await sql(a.databaseUrl, `update application_client set active = true where name = $1`, [input.name]);
    expect(await until(async () => (await b.gql(VIEWER, {}, key)).status === 200, 1000)).toBeLessThan(1000);
    const revoked = await b.gql(`mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { userErrors { code } } }`, { input: { id: reg.issued.apiKey.id } }, admin);
    expect(revoked.body.data.revokeApiKey.userErrors).toEqual([]);
    const next = await b.gql(VIEWER, {}, key);
    expect(next.status).toBe(401);
    expect(next.body.errors[0].message).toMatch(/révoquée/);
    expect(await until(refused(a, key), 1000)).toBeLessThan(1000);
  });
});
