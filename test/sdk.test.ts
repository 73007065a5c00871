import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BadInputError, createClient, DirectoryChangedDocument, FlowDirection, ForbiddenError, NetworkError, Role, StructureKind, TroubleDomain, UnauthenticatedError, ViewerKind } from '@chorus-support/sdk';
import { TicketByIdDocument, TicketsDocument, type TicketsQuery, type TicketsQueryVariables } from '@chorus-support/sdk/documents';
import { createRequest, type TypedDocumentNode } from '@chorus-support/sdk/request';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { subscriptionsRunning, untilSubscribed } from './support/ws';

const server = await startTestServer();

describe('the SDK against the real server', () => {
  it('reads the viewer, pages people and asks whom to ask, typed', async () => {
    const cca = createClient({ url: server.url, token: await server.tokenForRole('CCA', 'CSP-LYON') });
    const { viewer } = await cca.Viewer();
    expect(viewer.kind).toBe(ViewerKind.PERSON);
    expect(viewer.roles).toContain('CCA');
    expect(viewer.structure?.code).toBe('CSP-LYON');

    const first = await cca.People({ first: 5, filter: { structureId: viewer.structure!.id } });
    // a full first page of Lyon's people, and the count of all of them
    const lyon = (await sql(server.databaseUrl, `select count(*)::int n from person p join structure s on s.id = p.structure_id where s.code = 'CSP-LYON'`)).rows[0].n;
    expect(lyon).toBeGreaterThan(5);
    expect(first.people.totalCount).toBe(lyon);
    expect(first.people.edges).toHaveLength(5);
    expect(first.people.pageInfo.hasNextPage).toBe(true);
    expect(first.people.edges.every((e) => e.node.structure.code === 'CSP-LYON')).toBe(true);

    const answer = await cca.WhomToAsk({ domain: TroubleDomain.ACCESS_RIGHTS });
    expect(answer.whomToAsk.kind).toBe('CCH');
    expect(answer.whomToAsk.correspondents[0].roles).toContain('CCH');
  });

  it('returns userErrors as data and runs a whole create → update cycle', async () => {
    const admin = createClient({ url: server.url, token: await server.tokenForRole('ADMINISTRATOR') });
    const { ministries } = await admin.Ministries();
    const created = await admin.CreateStructure({ input: { code: 'CSP-NANTES', name: 'Plate-forme Chorus de Nantes', kind: StructureKind.SHARED_SERVICE_CENTRE, ministryId: ministries[0].id } });
    expect(created.createStructure.userErrors).toEqual([]);
    const again = await admin.CreateStructure({ input: { code: 'csp-nantes', name: 'Doublon', kind: StructureKind.SHARED_SERVICE_CENTRE, ministryId: ministries[0].id } });
    expect(again.createStructure.userErrors[0].code).toBe('STRUCTURE_CODE_TAKEN');
    const renamed = await admin.UpdateStructure({ input: { id: created.createStructure.structure!.id, name: 'CSP de Nantes' } });
    expect(renamed.updateStructure.structure?.name).toBe('CSP de Nantes');
  });

  it('throws typed errors carrying the code and the request id', async () => {
    const anonymous = createClient({ url: server.url });
    await expect(anonymous.Viewer()).rejects.toBeInstanceOf(UnauthenticatedError);

    const app = createClient({ url: server.url, apiKey: DEMO_API_KEY });
    const forbidden = await app.People({ first: 1 }).catch((e) => e);
    expect(forbidden).toBeInstanceOf(ForbiddenError);
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(forbidden.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const analyst = createClient({ url: server.url, token: await server.tokenForRole('ANALYST') });
    await expect(analyst.People({ first: 500 })).rejects.toBeInstanceOf(BadInputError);

    const nowhere = createClient({ url: 'http://127.0.0.1:9/graphql' });
    await expect(nowhere.Ministries()).rejects.toBeInstanceOf(NetworkError);
  });

  it('lets an application see what it is', async () => {
    const app = createClient({ url: server.url, apiKey: DEMO_API_KEY });
    const { viewer } = await app.Viewer();
    expect(viewer).toMatchObject({ kind: ViewerKind.APPLICATION, roles: ['APPLICATION'], person: null });
  });
});

describe('the SDK client layer', () => {
  it('iterates a whole connection page by page', async () => {
    const analyst = createClient({ url: server.url, token: await server.tokenForRole('ANALYST') });
    const seen: string[] = [];
    for await (const p of analyst.people.iterate({ role: Role.CCA }, 4)) seen.push(p.email);
    const all = await analyst.People({ first: 100, filter: { role: Role.CCA } });
    expect(all.people.pageInfo.hasNextPage).toBe(false);
    expect(seen).toEqual(all.people.edges.map((e) => e.node.email));
    expect(seen.length).toBeGreaterThan(4);
  });

  it('retries a query after a dropped connection and a 503, but never a plain mutation', async () => {
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls++;
      if (calls === 1) throw new TypeError('fetch failed: socket hang up');
      if (calls === 2) return new Response('{"errors":[{"message":"busy"}]}', { status: 503, headers: { 'content-type': 'application/json' } });
      return fetch(input, init);
    };
    const token = await server.tokenForRole('ADMINISTRATOR');
    const client = createClient({ url: server.url, token, fetch: flaky, retries: { retries: 3, baseDelayMs: 10 } });
    const { ministries } = await client.Ministries();
    expect(ministries.length).toBe(2);
    expect(calls).toBe(3);

    calls = 0;
    const structureId = (await client.Structures({ first: 1 })).structures.nodes[0].id;
    calls = 0;
    await expect(client.UpdateStructure({ input: { id: structureId, name: 'x' } })).rejects.toBeInstanceOf(NetworkError);
    expect(calls).toBe(1);
  });

  it('gives up after its retries, with the code of the last failure', async () => {
    let calls = 0;
    const down: typeof fetch = async () => {
      calls++;
      return new Response('{"errors":[{"message":"down","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}', { status: 502, headers: { 'content-type': 'application/json' } });
    };
    const client = createClient({ url: server.url, fetch: down, retries: { retries: 2, baseDelayMs: 5 } });
    const error = await client.Ministries().catch((e) => e);
    expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', status: 502 });
    expect(calls).toBe(3);
  });

  it('times out a call that hangs', async () => {
    const hang: typeof fetch = (_input, init) => new Promise((_ok, fail) => init?.signal?.addEventListener('abort', () => fail(init.signal!.reason)));
    const client = createClient({ url: server.url, fetch: hang, timeoutMs: 100, retries: 0 });
    const started = Date.now();
    await expect(client.Ministries()).rejects.toBeInstanceOf(NetworkError);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('subscribes over WebSocket with the same credentials', async () => {
    const analyst = createClient({ url: server.url, token: await server.tokenForRole('ANALYST'), webSocketImpl: WebSocket });
    const events = analyst.subscribe(DirectoryChangedDocument);
    const subscribedBefore = await subscriptionsRunning(server.url);
    const first = events.next();
    await untilSubscribed(server.url, subscribedBefore + 1);
    const admin = createClient({ url: server.url, token: await server.tokenForRole('ADMINISTRATOR') });
    const { structures } = await admin.Structures({ first: 1 });
    await admin.UpdateStructure({ input: { id: structures.nodes[0].id, name: 'Renamed for the subscription' } });
    const { value } = await first;
    expect(value.data?.directoryChanged).toEqual({ kind: 'STRUCTURE', nodeId: structures.nodes[0].id, at: expect.any(String) });
    await events.return?.();
    await analyst.close();
  });

  it('narrows node() results by __typename, which the server sends', async () => {
    const app = createClient({ url: server.url, apiKey: DEMO_API_KEY });
    const { currentApplication } = await app.CurrentApplication();
    const structureId = currentApplication.structures[0]!.id;
    const filed = await app.incidents.file({ structureId, flow: { id: `SDK-NODE-${Date.now()}`, type: 'EJ', direction: FlowDirection.TO_CHORUS, exchangedAt: new Date().toISOString() }, errorMessage: 'Centre financier inexistant', occurredAt: new Date().toISOString() });
    const ticket = await app.TicketById({ id: filed.ticket!.id });
    // a Ticket: its fields are there once narrowed
    expect(ticket.node?.__typename).toBe('Ticket');
    if (ticket.node?.__typename !== 'Ticket') throw new Error('not a ticket');
    expect(ticket.node.reference).toBe(filed.ticket!.reference);
    // another type of node: its __typename alone
    const other = await app.TicketById({ id: structureId });
    expect(other.node).toEqual({ __typename: 'Structure' });
  });
});

describe('the tree-shakable entries (@chorus-support/sdk/request and /documents)', () => {
  it('sends a typed document with the same credentials and typed errors', async () => {
    const typed: TypedDocumentNode<TicketsQuery, TicketsQueryVariables> = TicketsDocument;
    let asked = 0;
    const request = createRequest({ url: server.url, getToken: () => (asked++, server.tokenForRole('ADMINISTRATOR')) });
    const { tickets } = await request(typed, { first: 2 });
    expect(tickets.edges.length).toBeLessThanOrEqual(2);
    expect(asked).toBe(1);
    const app = createRequest({ url: server.url, apiKey: DEMO_API_KEY, retries: 0 });
    await expect(app(TicketByIdDocument, { id: 'not-a-global-id' })).rejects.toBeInstanceOf(BadInputError);
    await expect(createRequest({ url: server.url })(TicketsDocument)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(createRequest({ url: 'http://127.0.0.1:9/graphql', retries: 0 })(TicketsDocument)).rejects.toBeInstanceOf(NetworkError);
  });
});
