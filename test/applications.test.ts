import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer();
const admin = await server.tokenForRole('ADMINISTRATOR');
const VIEWER = `{ viewer { kind roles } }`;

const REGISTER = `mutation($input: RegisterApplicationInput!) { registerApplication(input: $input) {
  application { id name costBudgetPerMinute structures { code } ministry { code } }
  issued { key apiKey { id prefix usable } }
  userErrors { field code message } } }`;

async function gid(type: string, table: string, code: string) {
  const { rows } = await sql(server.databaseUrl, `select id from ${table} where code = $1`, [code]);
  return Buffer.from(`${type}:${rows[0].id}`).toString('base64url');
}

describe('application clients', () => {
  it('registers an application, shows its key once, stores only a hash', async () => {
    const input = { name: 'ANAGRAM', ministryId: await gid('Ministry', 'ministry', 'MIN06'), structureIds: [await gid('Structure', 'structure', 'CSP-LYON')], contactEmail: 'anagram@education.example' };
    const res = await server.gql(REGISTER, { input }, { token: admin });
    const { application, issued, userErrors } = res.body.data.registerApplication;
    expect(userErrors).toEqual([]);
    expect(application).toMatchObject({ name: 'ANAGRAM', structures: [{ code: 'CSP-LYON' }], ministry: { code: 'MIN06' } });
    expect(issued.key).toMatch(new RegExp(`^csk_${issued.apiKey.prefix}_`));
    const stored = await sql(server.databaseUrl, `select * from api_key where prefix = $1`, [issued.apiKey.prefix]);
    // the row is there (a missing row would pass the next check too), without the key
    expect(stored.rows).toHaveLength(1);
    expect(JSON.stringify(stored.rows)).not.toContain(issued.key);
    const me = await server.gql(VIEWER, {}, { apiKey: issued.key });
    expect(me.body.data.viewer).toEqual({ kind: 'APPLICATION', roles: ['APPLICATION'] });
    const keys = await server.gql(`query($id: ID!) { node(id: $id) { ... on ApplicationClient { apiKeys { prefix } } } }`, { id: application.id }, { token: admin });
    expect(keys.body.data.node.apiKeys).toEqual([{ prefix: issued.apiKey.prefix }]);
    expect(JSON.stringify(keys.body)).not.toContain(issued.key);

    const again = await server.gql(REGISTER, { input }, { token: admin });
    expect(again.body.data.registerApplication.userErrors[0].code).toBe('APPLICATION_NAME_TAKEN');
  });

  it("refuses structures of another ministry and unsafe webhook URLs", async () => {
    const base = { ministryId: await gid('Ministry', 'ministry', 'MIN06'), contactEmail: 'x@education.example' };
    const lille = await gid('Structure', 'structure', 'CSP-LILLE'); // MIN35
    const foreign = await server.gql(REGISTER, { input: { ...base, name: 'AGLAE', structureIds: [lille] } }, { token: admin });
    expect(foreign.body.data.registerApplication.userErrors).toEqual([{ field: ['input', 'structureIds'], code: 'STRUCTURE_OF_ANOTHER_MINISTRY', message: expect.stringContaining('CSP-LILLE') }]);
    for (const webhookUrl of ['ftp://hooks.example.org/x', 'http://127.0.0.1:8080/hook', 'http://10.1.2.3/hook', 'http://[::1]/hook', 'http://169.254.169.254/latest', 'https://localhost/hook', 'https://user:pw@hooks.example.org/', 'http://intranet/hook']) {
      const res = await server.gql(REGISTER, { input: { ...base, name: `APP-${webhookUrl.length}`, structureIds: [], webhookUrl } }, { token: admin });
      expect(res.body.data.registerApplication.userErrors[0]?.code, webhookUrl).toBe('WEBHOOK_URL_REFUSED');
    }
    const ok = await server.gql(REGISTER, { input: { ...base, name: 'AGLAE', structureIds: [], webhookUrl: 'https://hooks.aglae.example.org/chorus' } }, { token: admin });
    expect(ok.body.data.registerApplication.userErrors).toEqual([]);
    expect((await sql(server.databaseUrl, `select count(*)::int n from application_client where name like 'APP-%'`)).rows[0].n).toBe(0);
  });

  it('rotates a key with a grace period, and revokes at once', async () => {
    const input = { name: 'GAIA-2', ministryId: await gid('Ministry', 'ministry', 'MIN06'), structureIds: [], contactEmail: 'gaia@education.example' };
    const reg = (await server.gql(REGISTER, { input }, { token: admin })).body.data.registerApplication;
    const ROTATE = `mutation($input: RotateApiKeyInput!) { rotateApiKey(input: $input) { issued { key apiKey { id } } userErrors { code } } }`;
    const rotated = (await server.gql(ROTATE, { input: { id: reg.issued.apiKey.id, graceMinutes: 30 } }, { token: admin })).body.data.rotateApiKey;
    expect(rotated.userErrors).toEqual([]);
    expect((await server.gql(VIEWER, {}, { apiKey: reg.issued.key })).status).toBe(200); // old key: still in its grace period
    expect((await server.gql(VIEWER, {}, { apiKey: rotated.issued.key })).status).toBe(200);

    const now = (await server.gql(ROTATE, { input: { id: rotated.issued.apiKey.id, graceMinutes: 0 } }, { token: admin })).body.data.rotateApiKey;
    const expired = await server.gql(VIEWER, {}, { apiKey: rotated.issued.key });
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0].message).toMatch(/a expiré/);

    const REVOKE = `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { usable revokedAt } userErrors { code } } }`;
    const revoked = (await server.gql(REVOKE, { input: { id: now.issued.apiKey.id } }, { token: admin })).body.data.revokeApiKey;
    expect(revoked.apiKey.usable).toBe(false);
    expect((await server.gql(VIEWER, {}, { apiKey: now.issued.key })).body.errors[0].message).toMatch(/révoquée/);
    const twice = (await server.gql(REVOKE, { input: { id: now.issued.apiKey.id } }, { token: admin })).body.data.revokeApiKey;
    expect(twice.userErrors).toEqual([{ code: 'API_KEY_NOT_USABLE' }]);
  });

  it('lets only administrators manage applications', async () => {
    const input = { name: 'NOPE', ministryId: await gid('Ministry', 'ministry', 'MIN06'), structureIds: [], contactEmail: 'n@education.example' };
    for (const role of ['ANALYST', 'SN1_AGENT', 'CCA']) {
      const res = await server.gql(REGISTER, { input }, { token: await server.tokenForRole(role) });
      expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });
});

describe('rate limiting by query cost', () => {
  it('spends a per-minute budget, reports what remains, then THROTTLES with a retry-after', async () => {
    const input = { name: 'SAXO-LIMITED', ministryId: await gid('Ministry', 'ministry', 'MIN06'), structureIds: [], contactEmail: 's@education.example', costBudgetPerMinute: 20 };
    const { issued } = (await server.gql(REGISTER, { input }, { token: admin })).body.data.registerApplication;
    // avoid a minute boundary in the middle of the test
    const secondsLeft = 60 - new Date().getUTCSeconds();
    if (secondsLeft < 5) await new Promise((r) => setTimeout(r, secondsLeft * 1000 + 200));
    const first = await server.gql(VIEWER, {}, { apiKey: issued.key });
    const cost = first.body.extensions.cost;
    expect(first.body.extensions.rateLimit).toMatchObject({ budget: 20, windowSeconds: 60, remaining: 20 - cost });
    let last = first;
    let calls = 1;
    while (last.status === 200 && calls < 50) {
      last = await server.gql(VIEWER, {}, { apiKey: issued.key });
      calls++;
    }
    expect(calls).toBe(Math.floor(20 / cost) + 1);
    expect(last.status).toBe(429);
    expect(last.body.errors[0].extensions).toMatchObject({ code: 'THROTTLED', retryAfterSeconds: expect.any(Number) });
    // the wait is what is left of the minute window: the header and the error say the same
    const retryAfter = last.body.errors[0].extensions.retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(last.headers.get('retry-after')).toBe(String(retryAfter));
    expect(last.body.data).toBeUndefined();
    // a query bigger than the whole budget is refused outright: waiting would never help
    const big = await server.gql(`{ currentApplication { structures { code } } webhookDeliveries(first: 100) { nodes { id payload } } }`, {}, { apiKey: issued.key });
    expect(big.status).toBe(400);
    expect(big.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    // people are not throttled by application budgets
    expect((await server.gql(VIEWER, {}, { token: admin })).status).toBe(200);
  });

  it('shares one budget across server instances and never over-spends under concurrency', async () => {
    const other = await startTestServer({ databaseUrl: server.databaseUrl });
    const input = { name: 'SAXO-RACE', ministryId: await gid('Ministry', 'ministry', 'MIN06'), structureIds: [], contactEmail: 'r@education.example', costBudgetPerMinute: 60 };
    const { issued } = (await server.gql(REGISTER, { input }, { token: admin })).body.data.registerApplication;
    const secondsLeft = 60 - new Date().getUTCSeconds();
    if (secondsLeft < 5) await new Promise((r) => setTimeout(r, secondsLeft * 1000 + 200));
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? other : server).gql(VIEWER, {}, { apiKey: issued.key })));
    const ok = results.filter((r) => r.status === 200);
    const cost = ok[0].body.extensions.cost;
    expect(ok.length).toBe(Math.floor(60 / cost));
    expect(results.filter((r) => r.status === 429).length).toBe(40 - ok.length);
  });
});
