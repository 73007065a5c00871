import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildAppSchema } from '../packages/server/src/schema';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer({ env: { MAX_QUERY_COST: '1000', MAX_QUERY_DEPTH: '12' } });
const analyst = await server.tokenForRole('ANALYST');
const admin = await server.tokenForRole('ADMINISTRATOR');

function post(body: string, headers: Record<string, string> = {}) {
  return fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}`, ...headers }, body });
}

function expectClean(text: string) {
  expect(text).not.toMatch(/\bat \S+ \(|stacktrace|node_modules|select |insert |violates|constraint/i);
}

describe('bad input gets a clear code and a 4xx, never a crash or a trace', () => {
  it('invalid JSON body → 400 BAD_REQUEST', async () => {
    const res = await post('{"query": "{ viewer { kind } }"');
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expectClean(text);
  });

  it('a batch of 100 operations in one request → 400', async () => {
    const batch = JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ viewer { kind } }' })));
    const res = await post(batch);
    expect(res.status).toBe(400);
    expectClean(await res.text());
  });

  it('a query 50 levels deep → refused before execution', async () => {
    let selection = 'code';
    for (let i = 0; i < 50; i++) selection = `parent { ${selection} }`;
    const res = await post(JSON.stringify({ query: `{ structures(first: 1) { nodes { ${selection} } } }` }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
    expect(body.errors[0].message).toMatch(/imbriquée/);
  });

  it('a query whose cost is over the limit → QUERY_TOO_COMPLEX with the cost, before any SQL', async () => {
    const res = await post(JSON.stringify({ query: `{ people(first: 100) { nodes { structure { parent { parent { code } } ministry { code } } roles correspondentAssignments { kind structure { code } person { email } } team { name } } } structures(first: 100) { nodes { code ministry { name } parent { code } } } }` }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 1000 });
    expect(body.errors[0].extensions.cost).toBeGreaterThan(1000);
  });

  it("Sandbox's own introspection query passes the depth and cost limits", async () => {
    const res = await post(JSON.stringify({ query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }) }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.errors).toBeUndefined();
    // the whole schema came back, not a truncated answer
    expect(body.data.__schema.types.length).toBe(Object.keys((await buildAppSchema()).getTypeMap()).length);
  });

  it('an unknown enum value → BAD_USER_INPUT (variables) or GRAPHQL_VALIDATION_FAILED (literal)', async () => {
    const q = `query($d: TroubleDomain!) { whomToAsk(domain: $d) { kind } }`;
    const viaVariable = await server.gql(q, { d: 'PLUMBING' }, { token: analyst });
    expect(viaVariable.status).toBe(400);
    expect(viaVariable.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const literal = await server.gql(`{ whomToAsk(domain: PLUMBING) { kind } }`, {}, { token: analyst });
    expect(literal.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a malformed global id and an id of the wrong type → BAD_USER_INPUT', async () => {
    for (const id of ['!!!', 'x'.repeat(300), Buffer.from('Person:not-a-uuid').toString('base64url'), Buffer.from('Nope:00000000-0000-4000-8000-000000000000').toString('base64url')]) {
      const res = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, { token: analyst });
      expect(res.body.errors[0].extensions.code, id.slice(0, 20)).toBe('BAD_USER_INPUT');
    }
    const ministry = await sql(server.databaseUrl, `select id from ministry limit 1`);
    const asStructure = Buffer.from(`Ministry:${ministry.rows[0].id}`).toString('base64url');
    const res = await server.gql(`query($f: PeopleFilter) { people(filter: $f) { nodes { email } } }`, { f: { structureId: asStructure } }, { token: analyst });
    expect(res.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/objet Ministry, et non Structure/) });
  });

  it('a 1 MB string → a clear validation error, nothing written', async () => {
    const huge = 'é'.repeat(1_000_000);
    const ministry = await sql(server.databaseUrl, `select id from ministry limit 1`);
    const ministryId = Buffer.from(`Ministry:${ministry.rows[0].id}`).toString('base64url');
    const res = await server.gql(`mutation($input: CreateStructureInput!) { createStructure(input: $input) { structure { id } userErrors { field code message } } }`, { input: { code: 'BIG', name: huge, kind: 'RECTORAT', ministryId } }, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body.data.createStructure.userErrors).toEqual([{ field: ['input', 'name'], code: 'TOO_LONG', message: expect.stringMatching(/^Au plus 200 caractères/) }]);
    const search = await server.gql(`query($f: PeopleFilter) { people(filter: $f) { nodes { email } } }`, { f: { search: huge } }, { token: analyst });
    expect(search.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await sql(server.databaseUrl, `select count(*)::int n from structure where code = 'BIG'`)).rows[0].n).toBe(0);
  });

  it('a NUL byte or a lone surrogate in text → BAD_USER_INPUT naming the field, not a database error', async () => {
    const person = await sql(server.databaseUrl, `select id from person limit 1`);
    const id = Buffer.from(`Person:${person.rows[0].id}`).toString('base64url');
    for (const firstName of ['Jean\u0000ne', 'Jea\ud800n']) {
      const res = await post(JSON.stringify({ query: `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { userErrors { field code } } }`, variables: { input: { id, firstName } } }), { authorization: `Bearer ${admin}` });
      const body = await res.json();
      // refused by the pipeline before any resolver, whichever field it is in
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].extensions).toMatchObject({ reason: 'INVALID_FORMAT', field: ['input', 'firstName'] });
    }
  });

  it('a body over 2 MB → 413, and an unknown field → GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await post(JSON.stringify({ query: `{ viewer { kind } }`, variables: { pad: 'x'.repeat(3_000_000) } }));
    expect(res.status).toBe(413);
    expectClean(await res.text());
    const unknown = await server.gql(`{ viewer { password } }`, {}, { token: analyst });
    expect(unknown.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('returns the request id in a header, reusing a sane one the client sent', async () => {
    const res = await post(JSON.stringify({ query: '{ viewer { kind } }' }), { 'x-request-id': 'saxo-run-42' });
    expect(res.headers.get('x-request-id')).toBe('saxo-run-42');
    const odd = await post(JSON.stringify({ query: '{ viewer { kind } }' }), { 'x-request-id': 'bad id with spaces' });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
