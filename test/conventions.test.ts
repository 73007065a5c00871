import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer();
const admin = await server.tokenForRole('ADMINISTRATOR');
const analyst = await server.tokenForRole('ANALYST');

const PEOPLE = `query People($first: Int, $after: String, $last: Int, $before: String, $filter: PeopleFilter) {
  people(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount
    edges { cursor node { id email } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe('Relay connections', () => {
  it('pages forward and backward with keyset cursors and counts the whole list', async () => {
    const all = await server.gql(PEOPLE, { first: 100 }, { token: analyst });
    // the demo holds more people than one page (the training module's generated trainees): read them all
    const emails: string[] = all.body.data.people.edges.map((e: any) => e.node.email);
    for (let page = all.body.data.people; page.pageInfo.hasNextPage; ) {
      page = (await server.gql(PEOPLE, { first: 100, after: page.pageInfo.endCursor }, { token: analyst })).body.data.people;
      emails.push(...page.edges.map((e: any) => e.node.email));
    }
    expect(all.body.data.people.totalCount).toBe(emails.length);
    // every person of the directory, each once
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.length).toBe((await sql(server.databaseUrl, `select count(*)::int n from person`)).rows[0].n);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await server.gql(PEOPLE, { first: 7, after }, { token: analyst });
      const c = page.body.data.people;
      seen.push(...c.edges.map((e: any) => e.node.email));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual(emails);

    const back = await server.gql(PEOPLE, { last: 5, before: all.body.data.people.edges[10].cursor }, { token: analyst });
    expect(back.body.data.people.edges.map((e: any) => e.node.email)).toEqual(emails.slice(5, 10));
    expect(back.body.data.people.pageInfo.hasPreviousPage).toBe(true);
  });

  it('defaults to 20 items and refuses more than 100', async () => {
    const page = await server.gql(PEOPLE, {}, { token: analyst });
    expect(page.body.data.people.edges).toHaveLength(20);
    const tooMany = await server.gql(PEOPLE, { first: 101 }, { token: analyst });
    expect(tooMany.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(tooMany.body.errors[0].message).toMatch(/100/);
  });

  it('refuses a forged cursor with BAD_USER_INPUT', async () => {
    const forged = Buffer.from(JSON.stringify(['x', 'y', 'not-a-uuid'])).toString('base64url');
    const res = await server.gql(PEOPLE, { first: 5, after: forged }, { token: analyst });
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('global ids', () => {
  it('node(id:) and nodes(ids:) return objects by opaque id', async () => {
    const page = await server.gql(PEOPLE, { first: 2 }, { token: analyst });
    const [a, b] = page.body.data.people.edges.map((e: any) => e.node);
    expect(a.id).not.toMatch(/^[0-9a-f-]{36}$/);
    const res = await server.gql(`query($id: ID!, $ids: [ID!]!) { node(id: $id) { id ... on Person { email } } nodes(ids: $ids) { id } }`, { id: a.id, ids: [b.id, a.id] }, { token: analyst });
    expect(res.body.data.node).toEqual({ id: a.id, email: a.email });
    expect(res.body.data.nodes.map((n: any) => n.id)).toEqual([b.id, a.id]);
  });

  it('says BAD_USER_INPUT for a malformed id and for an id of the wrong type', async () => {
    const malformed = await server.gql(`{ node(id: "%%%not-an-id") { id } }`, {}, { token: analyst });
    expect(malformed.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const structure = await server.gql(`{ structures(first: 1) { nodes { id } } }`, {}, { token: analyst });
    const structureId = structure.body.data.structures.nodes[0].id;
    const wrongType = await server.gql(`mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id } userErrors { field code message } } }`, { input: { id: structureId, firstName: 'X' } }, { token: admin });
    expect(wrongType.body.data.updatePerson.userErrors).toEqual([{ field: ['input', 'id'], code: 'INVALID_ID', message: expect.stringMatching(/objet Structure, et non Person/) }]);
  });

  it('returns null for a well-formed id of nothing', async () => {
    const ghost = Buffer.from('Person:00000000-0000-4000-8000-000000000000').toString('base64url');
    const res = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: ghost }, { token: analyst });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.node).toBeNull();
  });
});

describe('mutation payloads', () => {
  const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id email roles } userErrors { field message code } } }`;

  it('returns every validation failure as userErrors, writing nothing', async () => {
    const structures = await server.gql(`{ structures(first: 1, filter: { search: "CSP-LYON" }) { nodes { id } } }`, {}, { token: admin });
    const structureId = structures.body.data.structures.nodes[0].id;
    // a NUL byte never reaches a resolver: the pipeline refuses it, naming the field
    const nul = await server.gql(CREATE, { input: { firstName: 'Ana', lastName: 'Nul\u0000', email: 'ana.nul@ac-lyon.example', structureId } }, { token: admin });
    expect(nul.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_FORMAT', field: ['input', 'lastName'] } });
    const res = await server.gql(CREATE, { input: { firstName: '', lastName: 'x'.repeat(500), email: 'not-an-email', structureId } }, { token: admin });
    const codes = res.body.data.createPerson.userErrors.map((e: any) => [e.field.join('.'), e.code]);
    // every failure, and nothing else
    expect(codes.sort()).toEqual([['input.email', 'INVALID_FORMAT'], ['input.firstName', 'REQUIRED'], ['input.lastName', 'TOO_LONG']]);
    expect(res.body.data.createPerson.person).toBeNull();
    const rows = await sql(server.databaseUrl, `select count(*)::int n from person where email = 'not-an-email'`);
    expect(rows.rows[0].n).toBe(0);
  });

  it('reports a duplicate email as EMAIL_TAKEN (case-insensitive), not as a database error', async () => {
    const structures = await server.gql(`{ structures(first: 1, filter: { search: "CSP-LYON" }) { nodes { id } } }`, {}, { token: admin });
    const structureId = structures.body.data.structures.nodes[0].id;
    const input = { firstName: 'Yves', lastName: 'Nouveau', email: 'Yves.Nouveau@ac-lyon.example', structureId };
    const first = await server.gql(CREATE, { input }, { token: admin });
    expect(first.body.data.createPerson.userErrors).toEqual([]);
    expect(first.body.data.createPerson.person.email).toBe('yves.nouveau@ac-lyon.example');
    const again = await server.gql(CREATE, { input: { ...input, email: 'YVES.NOUVEAU@ac-lyon.example' } }, { token: admin });
    expect(again.body.data.createPerson.userErrors).toEqual([{ field: ['input', 'email'], code: 'EMAIL_TAKEN', message: expect.any(String) }]);
  });
});

describe('cost and masking', () => {
  it('reports the computed cost of every response in extensions.cost', async () => {
    const small = await server.gql(`{ viewer { kind } }`, {}, { token: analyst });
    const big = await server.gql(`{ people(first: 50) { nodes { email structure { code } } } }`, {}, { token: analyst });
    expect(small.body.extensions.cost).toBeGreaterThan(0);
    expect(big.body.extensions.cost).toBeGreaterThan(small.body.extensions.cost * 50);
  });

  it('masks an unexpected failure: no SQL, no stack, a request id to quote', async () => {
    const db = await startTestServer();
    const token = await db.tokenForRole('ANALYST');
    await sql(db.databaseUrl, 'alter table ministry rename to ministry_lost');
    const res = await db.gql(`{ ministries { code name } }`, {}, { token });
    const [error] = res.body.errors;
    expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.extensions.requestId).toBe(res.headers.get('x-request-id'));
    expect(JSON.stringify(res.body)).not.toMatch(/ministry_lost|relation|select |stack/i);
  });
});
