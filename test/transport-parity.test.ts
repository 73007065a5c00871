/**
 * One door: the same table of guard cases, run over HTTP and over WebSocket against a
 * production-mode server, must give the same verdicts — cost, depth, introspection
 * (fragments and inline fragments included), text hygiene and the application budget.
 */
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { generateApiKey } from '../packages/server/src/access/credentials';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer({
  env: { NODE_ENV: 'production', JWT_SECRET: 'parity-test-secret-0123456789-abcdefghijkl', DEMO_DATA: 'false', NOTIFICATIONS: 'off', MAX_QUERY_COST: '400', MAX_QUERY_DEPTH: '6' },
});
const one = async (q: string, p: unknown[] = []) => (await sql(server.databaseUrl, q, p)).rows[0];

// production refuses the demo directory's accounts: real-looking ones are made here
async function person(email: string, heldRoles: string[], ccaOf?: string) {
  const { id } = await one(
    `insert into person (id, first_name, last_name, email, structure_id, held_roles) select gen_random_uuid(), 'Test', 'Person', $1, s.id, $2 from structure s where s.code = 'CSP-LYON' returning id`,
    [email, heldRoles],
  );
  if (ccaOf) await sql(server.databaseUrl, `insert into correspondent_assignment (id, person_id, structure_id, kind, since) select gen_random_uuid(), $1, id, 'CCA', now() - interval '1 day' from structure where code = $2`, [id, ccaOf]);
  return server.tokenFor(email);
}
const analyst = await person('analyste.parite@education.gouv.fr', ['ANALYST']);
const cca = await person('cca.parite@education.gouv.fr', ['END_USER'], 'CSP-LYON');
const key = generateApiKey();
await sql(server.databaseUrl, `update application_client set cost_budget_per_minute = 60 where name = 'SAXO'`);
await sql(server.databaseUrl, `insert into api_key (id, application_id, prefix, hash, label) select gen_random_uuid(), id, $1, $2, 'parity' from application_client where name = 'SAXO'`, [key.prefix, key.hash]);

type Who = { token?: string; apiKey?: string } | null;
interface Answer {
  code: string;
  extensions?: Record<string, any>;
}

async function overHttp(who: Who, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const res = await server.gql(query, variables, who ?? {});
  const code = res.body.errors?.[0]?.extensions?.code ?? 'OK';
  return { code, extensions: res.body.extensions };
}

async function overWs(who: Who, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  let closeCode: number | null = null;
  const client = createClient({
    url: server.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: who?.token ? { authorization: `Bearer ${who.token}` } : who?.apiKey ? { apiKey: who.apiKey } : {},
    on: { closed: (e) => (closeCode = (e as { code: number }).code) },
  });
  try {
    return await new Promise<Answer>((resolve) => {
      let result: Answer | null = null;
      client.subscribe(
        { query, variables },
        {
          next: (r) => (result = { code: (r.errors?.[0]?.extensions?.code as string) ?? 'OK', extensions: r.extensions as Record<string, any> }),
          error: (e) => {
            const errors = Array.isArray(e) ? e : [];
            // a connection refused at its start (no credentials): graphql-ws closes with 4403
            resolve(errors.length ? { code: errors[0].extensions?.code ?? 'ERROR' } : { code: closeCode === 4403 ? 'UNAUTHENTICATED' : `CLOSED_${closeCode}` });
          },
          complete: () => resolve(result ?? { code: 'NO_RESULT' }),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

const DEEP = `{ tickets(first: 1) { nodes { structure { parent { parent { parent { parent { code } } } } } } } }`;
const DEEP_FRAGMENT = `query { tickets(first: 1) { nodes { ...S } } } fragment S on Ticket { structure { parent { parent { parent { parent { code } } } } } }`;
const COSTLY = `{ tickets(first: 100) { nodes { comments { body } history(last: 20) { seq } } } }`;
const COSTLY_FRAGMENT = `query { ...Q } fragment Q on Query { tickets(first: 100) { nodes { comments { body } history(last: 20) { seq } } } }`;
const INTROSPECTION = `{ __schema { types { name } } }`;
const INTROSPECTION_FRAGMENT = `query { ...F } fragment F on Query { __schema { types { name } } }`;
const INTROSPECTION_INLINE = `query { ... on Query { __type(name: "Ticket") { name } } }`;
const NUL_VARIABLE = [`query($r: String!) { ticket(reference: $r) { id } }`, { r: 'FSD-2026-\u0000001' }] as const;
const NUL_LITERAL = `{ ticket(reference: "FSD-\\u0000-1") { id } }`;
const CONTROL_IN_INPUT = [`query($f: TicketFilter) { tickets(first: 1, filter: $f) { totalCount } }`, { f: { search: 'rejet\u0007' } }] as const;

const CASES: [string, Who, string, Record<string, unknown>?, string?][] = [
  ['depth over the limit', { token: analyst }, DEEP, {}, 'QUERY_TOO_DEEP'],
  ['depth over the limit, through a fragment', { token: analyst }, DEEP_FRAGMENT, {}, 'QUERY_TOO_DEEP'],
  ['cost over the limit', { token: analyst }, COSTLY, {}, 'QUERY_TOO_COMPLEX'],
  ['cost over the limit, through a fragment', { token: analyst }, COSTLY_FRAGMENT, {}, 'QUERY_TOO_COMPLEX'],
  ['introspection, anonymous', null, INTROSPECTION, {}, 'UNAUTHENTICATED'],
  ['introspection in a fragment, anonymous', null, INTROSPECTION_FRAGMENT, {}, 'UNAUTHENTICATED'],
  ['introspection, a CCA', { token: cca }, INTROSPECTION, {}, 'FORBIDDEN'],
  ['introspection in a fragment, a CCA', { token: cca }, INTROSPECTION_FRAGMENT, {}, 'FORBIDDEN'],
  ['introspection in an inline fragment, a CCA', { token: cca }, INTROSPECTION_INLINE, {}, 'FORBIDDEN'],
  ['introspection, an analyst', { token: analyst }, INTROSPECTION, {}, 'OK'],
  ['introspection in an inline fragment, an analyst', { token: analyst }, INTROSPECTION_INLINE, {}, 'OK'],
  ['a NUL byte in a variable', { token: cca }, NUL_VARIABLE[0], NUL_VARIABLE[1], 'BAD_USER_INPUT'],
  ['a NUL byte in the document', { token: cca }, NUL_LITERAL, {}, 'BAD_USER_INPUT'],
  ['a control character inside an input object', { token: cca }, CONTROL_IN_INPUT[0], CONTROL_IN_INPUT[1], 'BAD_USER_INPUT'],
  ['an ordinary query', { token: cca }, `{ viewer { kind } }`, {}, 'OK'],
];

describe('the same guards on HTTP and WebSocket (production mode)', () => {
  for (const [name, who, query, variables, expected] of CASES) {
    it(`${name}: ${expected} on both`, async () => {
      const http = await overHttp(who, query, variables);
      const ws = await overWs(who, query, variables);
      expect({ http: http.code, ws: ws.code }).toEqual({ http: expected, ws: expected });
    });
  }

  it('a document that passed its guards is not waved through for another caller or other variables', async () => {
    // the verdicts are kept per document, operation name, variables and right to introspect: each of these changes the answer
    for (const transport of [overHttp, overWs]) {
      expect((await transport({ token: analyst }, INTROSPECTION)).code).toBe('OK');
      expect((await transport({ token: cca }, INTROSPECTION)).code).toBe('FORBIDDEN');
      expect((await transport({ token: analyst }, INTROSPECTION)).code).toBe('OK');
      const SIZED = `query Sized($n: Int!) { tickets(first: $n) { nodes { comments { body } history(last: 20) { seq } } } }`;
      const small = await transport({ token: analyst }, SIZED, { n: 1 });
      expect(small.code).toBe('OK');
      expect((await transport({ token: analyst }, SIZED, { n: 100 })).code).toBe('QUERY_TOO_COMPLEX');
      const again = await transport({ token: analyst }, SIZED, { n: 1 });
      expect(again).toMatchObject({ code: 'OK', extensions: { cost: small.extensions!.cost } });
    }
    expect((await overHttp(null, INTROSPECTION)).code).toBe('UNAUTHENTICATED');
  });

  it('charges an application’s budget on both transports, and throttles on both once it is spent', async () => {
    const Q = `{ currentApplication { name } tickets(first: 5) { nodes { reference } } }`;
    const first = await overHttp({ apiKey: key.key }, Q);
    expect(first.code).toBe('OK');
    const cost = first.extensions!.cost as number;
    expect(cost).toBeGreaterThan(1);
    const afterHttp = first.extensions!.rateLimit.remaining as number;
    const ws = await overWs({ apiKey: key.key }, Q);
    expect(ws.code).toBe('OK');
    // the WebSocket operation was charged its cost, to the same budget
    expect(ws.extensions!.rateLimit.remaining).toBe(afterHttp - cost);
    const verdicts: string[] = [];
    for (let i = 0; i < 20 && !verdicts.includes('THROTTLED'); i++) verdicts.push((await overWs({ apiKey: key.key }, Q)).code);
    expect(verdicts.at(-1)).toBe('THROTTLED');
    expect((await overHttp({ apiKey: key.key }, Q)).code).toBe('THROTTLED');
  });

  it('refuses the demo API key and the demo accounts in production, whatever the data folder holds', async () => {
    const { DEMO_API_KEY } = await import('../packages/server/src/integration/integration.demo');
    expect((await overHttp({ apiKey: DEMO_API_KEY }, `{ viewer { kind } }`)).code).toBe('UNAUTHENTICATED');
    const demoAnalyst = await one(`select email from person where 'ANALYST' = any(held_roles) and email like '%.example' limit 1`);
    expect((await overHttp({ token: await server.tokenFor(demoAnalyst.email) }, `{ viewer { kind } }`)).code).toBe('UNAUTHENTICATED');
    expect((await overWs({ apiKey: DEMO_API_KEY }, `{ viewer { kind } }`)).code).toBe('UNAUTHENTICATED');
  });

  it('refuses tokens without an expiry and tokens that live longer than the maximum', async () => {
    const { SignJWT } = await import('jose');
    const { id } = await one(`select id from person where email = 'analyste.parite@education.gouv.fr'`);
    const secret = new TextEncoder().encode(server.config.jwt.secret!);
    const base = () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(id).setIssuer(server.config.jwt.issuer).setAudience(server.config.jwt.audience).setIssuedAt();
    const forever = await base().sign(secret);
    const yearLong = await base().setExpirationTime('365d').sign(secret);
    for (const token of [forever, yearLong]) {
      const res = await server.gql(`{ viewer { kind } }`, {}, { token });
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(res.body.errors[0].message).toMatch(/expiration|durée de vie/);
    }
  });
});
