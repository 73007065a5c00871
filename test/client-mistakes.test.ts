/**
 * A client's mistakes are 4xx answers with a code and a message saying what to do — never a
 * 500, never charged to an application's budget — for every root operation type (query,
 * mutation, subscription), over real HTTP, and over WebSocket where the mistake can be made there.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { scrape } from './support/metrics';
import { startTestServer } from './support/server';
import { collect, wsClient } from './support/ws';

const server = await startTestServer();
const analyst = await server.tokenForRole('ANALYST');
const auth = { authorization: `Bearer ${analyst}` };
const PREFLIGHT = { 'apollo-require-preflight': 'true' };
const metricsUrl = server.url.replace(/\/graphql$/, '/metrics');

/** One named operation of each root type, each valid for the schema. */
const ROOTS = {
  query: 'query Q { viewer { kind } }',
  mutation: 'mutation M { __typename }',
  subscription: 'subscription S { directoryChanged { __typename } }',
} as const;
type Root = keyof typeof ROOTS;
const ROOT_KINDS = Object.keys(ROOTS) as Root[];

/** The demo application's credentials, instead of the analyst's. */
const APP = { 'x-api-key': DEMO_API_KEY };

async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(headers['x-api-key'] ? {} : auth), ...headers }, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

async function get(params: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}?${new URLSearchParams(params)}`, { headers: { ...(headers['x-api-key'] ? {} : auth), ...headers } });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

/** The remaining budget of the demo application after a cheap query. */
async function remainingBudget(): Promise<{ remaining: number; cost: number }> {
  const res = await post({ query: '{ currentApplication { name } }' }, APP);
  expect(res.status).toBe(200);
  return { remaining: res.body.extensions.rateLimit.remaining, cost: res.body.extensions.cost };
}

describe('client mistakes over HTTP', () => {
  it('a subscription sent over HTTP (POST or GET): 400 SUBSCRIPTION_OVER_HTTP saying to use the WebSocket, not run, not charged', async () => {
    const before = await remainingBudget();
    const byPost = await post({ query: ROOTS.subscription }, APP);
    expect(byPost.status).toBe(400);
    expect(byPost.body.data).toBeUndefined();
    expect(byPost.body.errors).toHaveLength(1);
    expect(byPost.body.errors[0].extensions.code).toBe('SUBSCRIPTION_OVER_HTTP');
    expect(byPost.body.errors[0].message).toMatch(/WebSocket/);
    expect(byPost.body.extensions?.cost).toBeUndefined();
    // as Apollo Client's HttpLink sends one when no split link routes it to a WebSocket (multipart subscriptions): the same, as JSON
    const multipart = await post({ query: ROOTS.subscription }, { ...APP, accept: 'multipart/mixed;boundary="graphql";subscriptionSpec=1.0,application/json' });
    expect([multipart.status, multipart.body.errors[0].extensions.code]).toEqual([400, 'SUBSCRIPTION_OVER_HTTP']);
    // by GET too: not Apollo's 405 (POST would fare no better), the same 400
    const byGet = await get({ query: ROOTS.subscription }, { ...APP, ...PREFLIGHT });
    expect([byGet.status, byGet.headers.get('allow'), byGet.body.errors[0].extensions.code]).toEqual([400, null, 'SUBSCRIPTION_OVER_HTTP']);
    // neither was charged: the next query's remaining budget is the first's minus its own cost only
    const after = await remainingBudget();
    expect(after.remaining).toBe(before.remaining - after.cost);
    // counted under its own code, not as a server error
    const metrics = await scrape(metricsUrl);
    expect(metrics.value('chorus_graphql_operations_total', { transport: 'http', outcome: 'SUBSCRIPTION_OVER_HTTP' })).toBeGreaterThanOrEqual(2);
  });

  it('an operationName the document does not have: 400 OPERATION_RESOLUTION_FAILURE naming the operations it has, for every root type', async () => {
    for (const root of ROOT_KINDS) {
      const res = await post({ query: ROOTS[root], operationName: 'Nope' });
      expect(res.status, root).toBe(400);
      expect(res.body.errors[0].extensions.code, root).toBe('OPERATION_RESOLUTION_FAILURE');
      expect(res.body.errors[0].message, root).toMatch(new RegExp(`aucune opération nommée « Nope ».*${ROOTS[root].split(' ')[1]}`));
    }
    // a query by GET, too
    const byGet = await get({ query: ROOTS.query, operationName: 'Nope' }, PREFLIGHT);
    expect([byGet.status, byGet.body.errors[0].extensions.code]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
    // several operations and no name
    const several = await post({ query: `${ROOTS.query} ${ROOTS.mutation}` });
    expect([several.status, several.body.errors[0].extensions.code]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
    expect(several.body.errors[0].message).toMatch(/plusieurs opérations.*Q, M/);
    // not charged either
    const before = await remainingBudget();
    expect((await post({ query: ROOTS.query, operationName: 'Nope' }, APP)).status).toBe(400);
    const after = await remainingBudget();
    expect(after.remaining).toBe(before.remaining - after.cost);
  });

  it('GET runs a query; a mutation by GET is 405 with Allow: POST and is not run', async () => {
    const query = await get({ query: ROOTS.query }, PREFLIGHT);
    expect([query.status, query.body.data.viewer.kind]).toEqual([200, 'PERSON']);
    const mutation = await get({ query: ROOTS.mutation }, PREFLIGHT);
    expect([mutation.status, mutation.headers.get('allow')]).toEqual([405, 'POST']);
    expect(mutation.body.data).toBeUndefined();
    expect(mutation.body.errors[0]).toMatchObject({ message: expect.stringMatching(/^Une requête GET n’exécute que des lectures \(query\), pas une opération mutation/), extensions: { code: 'BAD_REQUEST' } });
  });

  it('without the CSRF-prevention header, a GET of any root type and a form or text POST are 400, saying which header to send', async () => {
    for (const root of ROOT_KINDS) {
      const res = await get({ query: ROOTS[root] });
      expect(res.status, root).toBe(400);
      expect(res.body.data, root).toBeUndefined();
      expect(res.body.errors[0].extensions.code, root).toBe('BAD_REQUEST');
      expect(res.body.errors[0].message, root).toMatch(/joignez-lui l’en-tête `apollo-require-preflight: true`/);
      expect(res.body.errors[0].extensions.requestId, root).toBe(res.headers.get('x-request-id'));
      // with it, each gets its own answer
      const withHeader = await get({ query: ROOTS[root] }, PREFLIGHT);
      expect(withHeader.status, root).toBe({ query: 200, mutation: 405, subscription: 400 }[root]);
    }
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': type, ...auth }, body: JSON.stringify({ query: ROOTS.mutation }) });
      const body = (await res.json()) as any;
      expect(res.status, type).toBe(400);
      expect(body.errors[0].message, type).toMatch(/`content-type: application\/json`.*`apollo-require-preflight: true`/);
    }
    // no content type at all: the same
    const bare = await fetch(server.url, { method: 'POST', headers: auth, body: JSON.stringify({ query: ROOTS.query }) });
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as any).errors[0].message).toMatch(/apollo-require-preflight/);
  });
});

describe('client mistakes over WebSocket', () => {
  it('an operationName the document does not have: OPERATION_RESOLUTION_FAILURE for every root type, the connection kept', async () => {
    const client = wsClient(server.url, { token: analyst });
    try {
      for (const root of ROOT_KINDS) {
        const errors: any[] = [];
        await new Promise<void>((done) => {
          client.subscribe(
            { query: ROOTS[root], operationName: 'Nope' },
            { next: () => undefined, error: (e) => (errors.push(...(e as any[])), done()), complete: () => done() },
          );
        });
        expect(errors, root).toHaveLength(1);
        expect(errors[0].extensions.code, root).toBe('OPERATION_RESOLUTION_FAILURE');
        expect(errors[0].message, root).toMatch(/aucune opération nommée « Nope »/);
      }
      // several operations and none named
      const several: any[] = [];
      await new Promise<void>((done) => {
        client.subscribe({ query: `${ROOTS.query} ${ROOTS.mutation}` }, { next: () => undefined, error: (e) => (several.push(...(e as any[])), done()), complete: () => done() });
      });
      expect(several[0]).toMatchObject({ extensions: { code: 'OPERATION_RESOLUTION_FAILURE' }, message: expect.stringMatching(/plusieurs opérations/) });
      // the same connection still answers
      const ok = collect(client, ROOTS.query);
      expect((await ok.next(1))[0]).toMatchObject({ data: { viewer: { kind: 'PERSON' } } });
    } finally {
      await client.dispose();
    }
  });
});
