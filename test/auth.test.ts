import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateApiKey, mintToken } from '../packages/server/src/access/credentials';
import { requireViewer } from '../packages/server/src/core/context';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer();
const VIEWER = `{ viewer { kind roles person { email } } }`;
const secret = new TextEncoder().encode(server.config.jwt.secret!);

describe('authentication', () => {
  it('accepts a valid bearer token and reads the roles from the database', async () => {
    const res = await server.gql(VIEWER, {}, { token: await server.tokenForRole('CCA', 'CSP-LYON') });
    expect(res.status).toBe(200);
    expect(res.body.data.viewer.roles).toEqual(['CCA', 'END_USER']);
  });

  it('refuses protected operations without credentials (UNAUTHENTICATED)', async () => {
    const res = await server.gql(VIEWER);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['a forged signature', async () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('00000000-0000-4000-8000-000000000000').setIssuer('chorus-support').setAudience('chorus-support-api').setExpirationTime('1h').sign(new TextEncoder().encode('x'.repeat(40))), /n’est pas valide/],
    ['an expired token', async () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('00000000-0000-4000-8000-000000000000').setIssuer('chorus-support').setAudience('chorus-support-api').setIssuedAt(1_700_000_000).setExpirationTime(1_700_000_600).sign(secret), /a expiré/],
    ['another audience', async () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('00000000-0000-4000-8000-000000000000').setIssuer('chorus-support').setAudience('elsewhere').setExpirationTime('1h').sign(secret), /pas valable ici/],
    ['garbage', async () => 'not.a.jwt', /n’est pas valide/],
    ['a token for nobody', async () => mintToken(server.config.jwt, '00000000-0000-4000-8000-000000000000'), /aucune personne active/],
  ])('refuses %s with 401 UNAUTHENTICATED', async (_name, make, message) => {
    const res = await server.gql(VIEWER, {}, { token: await make() });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors[0].message).toMatch(message);
  });

  it('refuses a token that passed once as soon as it expires (a verified token is not re-checked, its expiry is)', async () => {
    const { rows } = await sql(server.databaseUrl, `select id from person where email = 'zoe.lefevre@ac-lyon.example'`);
    // 5 to 6 s ahead: the two first requests must pass on a loaded machine too
    const exp = Math.floor(Date.now() / 1000) + 6;
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(rows[0].id).setIssuer('chorus-support').setAudience('chorus-support-api').setIssuedAt().setExpirationTime(exp).sign(secret);
    expect((await server.gql(VIEWER, {}, { token })).status).toBe(200);
    expect((await server.gql(VIEWER, {}, { token })).status).toBe(200);
    await new Promise((r) => setTimeout(r, exp * 1000 - Date.now() + 50));
    const late = await server.gql(VIEWER, {}, { token });
    expect(late.status).toBe(401);
    expect(late.body.errors[0]).toMatchObject({ message: expect.stringMatching(/a expiré/), extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a deactivated person at once, whatever their token says', async () => {
    const email = 'zoe.lefevre@ac-lyon.example';
    const token = await server.tokenFor(email);
    expect((await server.gql(VIEWER, {}, { token })).status).toBe(200);
    await sql(server.databaseUrl, 'update person set active = false where email = $1', [email]);
    expect((await server.gql(VIEWER, {}, { token })).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('accepts an application API key, and refuses unknown, malformed and revoked keys', async () => {
    const ok = await server.gql(VIEWER, {}, { apiKey: DEMO_API_KEY });
    expect(ok.body.data.viewer.kind).toBe('APPLICATION');
    const unknown = await server.gql(VIEWER, {}, { apiKey: DEMO_API_KEY.replace('saxo', 'gaia') });
    expect(unknown.body.errors[0].message).toMatch(/inconnue/);
    const malformed = await server.gql(VIEWER, {}, { apiKey: 'let-me-in' });
    expect(malformed.body.errors[0].message).toMatch(/mal formée/);
    await sql(server.databaseUrl, `update api_key set revoked_at = now() - interval '1 second' where prefix = 'de0000000001'`);
    const revoked = await server.gql(VIEWER, {}, { apiKey: DEMO_API_KEY });
    expect(revoked.status).toBe(401);
    expect(revoked.body.errors[0]).toMatchObject({ message: expect.stringMatching(/révoquée/), extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('the mint-token script makes a working token for a person of the directory', async () => {
    const { spawn } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/mint-token.ts', 'Camille.Martin@education.example', '5m'], {
      cwd: fileURLToPath(new URL('../packages/server', import.meta.url)),
      env: { ...process.env, DATABASE_URL: server.databaseUrl, NODE_ENV: 'development' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    expect(await new Promise((ok) => child.on('exit', ok))).toBe(0);
    const res = await server.gql(VIEWER, {}, { token: out.trim() });
    expect(res.body.data.viewer.person.email).toBe('camille.martin@education.example');
  });

  it('stores API keys only as a hash', async () => {
    const { rows } = await sql(server.databaseUrl, 'select * from api_key');
    expect(JSON.stringify(rows)).not.toContain(DEMO_API_KEY);
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('role checks on the directory', () => {
  const CREATE = `mutation($input: CreateStructureInput!) { createStructure(input: $input) { structure { code } userErrors { code } } }`;

  it('lets only administrators create structures (FORBIDDEN for every other role)', async () => {
    const { rows } = await sql(server.databaseUrl, `select id from ministry where code = 'MIN06'`);
    const ministryId = Buffer.from(`Ministry:${rows[0].id}`).toString('base64url');
    for (const role of ['END_USER', 'CCA', 'CCH', 'PLATFORM_HEAD', 'SN1_AGENT', 'SN2_AGENT', 'TECHNICAL_AGENT', 'DAF_MANAGER', 'TRAINING_REFERENT', 'KNOWLEDGE_EDITOR', 'ANALYST']) {
      const res = await server.gql(CREATE, { input: { code: `X-${role}`, name: 'x', kind: 'RECTORAT', ministryId } }, { token: await server.tokenForRole(role) });
      expect(res.body.errors?.[0]?.extensions.code, role).toBe('FORBIDDEN');
    }
    // a business application, with a working key of its own (the demo key was revoked above)
    const key = generateApiKey();
    await sql(server.databaseUrl, `insert into api_key (id, application_id, prefix, hash) select gen_random_uuid(), id, $1, $2 from application_client where name = 'SAXO'`, [key.prefix, key.hash]);
    expect((await server.gql(VIEWER, {}, { apiKey: key.key })).body.data.viewer.kind).toBe('APPLICATION');
    const app = await server.gql(CREATE, { input: { code: 'X-APP', name: 'x', kind: 'RECTORAT', ministryId } }, { apiKey: key.key });
    expect(app.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const admin = await server.gql(CREATE, { input: { code: 'X-ADMIN', name: 'x', kind: 'RECTORAT', ministryId } }, { token: await server.tokenForRole('ADMINISTRATOR') });
    expect(admin.body.data.createStructure).toEqual({ structure: { code: 'X-ADMIN' }, userErrors: [] });
    const { rows: written } = await sql(server.databaseUrl, `select code from structure where code like 'X-%'`);
    expect(written.map((r) => r.code)).toEqual(['X-ADMIN']);
  });

  it('keeps the people directory from business applications (FORBIDDEN)', async () => {
    const key = generateApiKey();
    await sql(server.databaseUrl, `insert into api_key (id, application_id, prefix, hash) select gen_random_uuid(), id, $1, $2 from application_client where name = 'GAIA'`, [key.prefix, key.hash]);
    const res = await server.gql(`{ people(first: 1) { nodes { email } } }`, {}, { apiKey: key.key });
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(res.body.data).toBeNull();
  });
});

describe('requireViewer', () => {
  it('gives a code reached without a caller the UNAUTHENTICATED error (HTTP 401), not a crash on null', () => {
    let thrown: any;
    try {
      requireViewer({ viewer: null });
    } catch (e) {
      thrown = e;
    }
    expect(thrown?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
  });
});
