/**
 * A WebSocket connection never outlives its credentials: it closes when its token
 * expires (4401), and — across instances — when the person is deactivated, their roles
 * change or the application's key is revoked (4403), with its subscriptions.
 */
import { createClient, type Client } from 'graphql-ws';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { generateApiKey } from '../packages/server/src/access/credentials';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { subscriptionsRunning, untilSubscribed } from './support/ws';

const a = await startTestServer();
const b = await startTestServer({ databaseUrl: a.databaseUrl });
const one = async (q: string, p: unknown[] = []) => (await sql(a.databaseUrl, q, p)).rows[0];
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const admin = { token: await a.tokenForRole('ADMINISTRATOR') };

const clients: Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
});

/** A connection to instance B with a running ticketEvents subscription; resolves its close code. */
async function liveOn(params: Record<string, string>) {
  let resolveClosed!: (code: number) => void;
  const closed = new Promise<number>((r) => (resolveClosed = r));
  let connected!: () => void;
  const isConnected = new Promise<void>((r) => (connected = r));
  const client = createClient({
    url: b.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: params,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: { connected: () => connected(), closed: (e) => resolveClosed((e as { code: number }).code) },
  });
  clients.push(client);
  const events: unknown[] = [];
  client.subscribe({ query: `subscription { ticketEvents { seq } }` }, { next: (v) => events.push(v), error: () => undefined, complete: () => undefined });
  await isConnected;
  // the connection works before the change
  const viewer = await new Promise<any>((resolve, reject) => client.subscribe({ query: `{ viewer { kind roles } }` }, { next: (v) => resolve(v.data), error: reject, complete: () => undefined }));
  expect(viewer.viewer.kind).toBe(params.apiKey ? 'APPLICATION' : 'PERSON');
  return { closed, events, client };
}

/** A fresh person of CSP-LYON, CCA there, so that each case changes nobody else. */
async function freshCca(n: number) {
  const { id, email } = await one(
    `insert into person (id, first_name, last_name, email, structure_id, held_roles) select gen_random_uuid(), 'Live', 'Test${n}', $1, id, '{END_USER}' from structure where code = 'CSP-LYON' returning id, email`,
    [`live.test${n}.${Date.now()}@education.example`],
  );
  await sql(a.databaseUrl, `insert into correspondent_assignment (id, person_id, structure_id, kind, since) select gen_random_uuid(), $1, id, 'CCA', now() - interval '1 day' from structure where code = 'CSP-LYON'`, [id]);
  return { id, email };
}

const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`not within ${ms} ms`)), ms))]);

describe('live connections follow their credentials, across two instances', () => {
  it('closes with 4401 when the token expires', async () => {
    const p = await freshCca(1);
    const live = await liveOn({ authorization: `Bearer ${await a.tokenFor(p.email, '3s')}` });
    expect(await within(live.closed, 8000)).toBe(4401);
  });

  it('closes with 4403 within seconds of the person’s deactivation on the other instance, and stops delivering', async () => {
    const p = await freshCca(2);
    const idle = await subscriptionsRunning(b.url);
    const live = await liveOn({ authorization: `Bearer ${await a.tokenFor(p.email)}` });
    await untilSubscribed(b.url, idle + 1);
    const res = await a.gql(`mutation($i: UpdatePersonInput!) { updatePerson(input: $i) { userErrors { code } } }`, { i: { id: gid('Person', p.id), active: false } }, admin);
    expect(res.body.data.updatePerson.userErrors).toEqual([]);
    expect(await within(live.closed, 5000)).toBe(4403);
    // the server ends the subscription with the socket: nothing keeps reading tickets for a deactivated person
    // (counting events on the closed socket could not fail: a closed client receives nothing anyway)
    const deadline = Date.now() + 5000;
    while ((await subscriptionsRunning(b.url)) > idle && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await subscriptionsRunning(b.url)).toBe(idle);
  });

  it('closes with 4403 when the person’s roles change (held role or ended assignment)', async () => {
    const p = await freshCca(3);
    const live = await liveOn({ authorization: `Bearer ${await a.tokenFor(p.email)}` });
    const res = await a.gql(`mutation($i: UpdatePersonInput!) { updatePerson(input: $i) { userErrors { code } } }`, { i: { id: gid('Person', p.id), roles: ['END_USER', 'KNOWLEDGE_EDITOR'] } }, admin);
    expect(res.body.data.updatePerson.userErrors).toEqual([]);
    expect(await within(live.closed, 5000)).toBe(4403);

    const q = await freshCca(4);
    const live2 = await liveOn({ authorization: `Bearer ${await a.tokenFor(q.email)}` });
    await sql(a.databaseUrl, `update correspondent_assignment set until = now() where person_id = $1`, [q.id]);
    expect(await within(live2.closed, 5000)).toBe(4403);
  });

  it('closes an application’s connection with 4403 when its key is revoked on the other instance', async () => {
    const k = generateApiKey();
    const { id } = await one(`insert into api_key (id, application_id, prefix, hash, label) select gen_random_uuid(), id, $1, $2, 'live' from application_client where name = 'SAXO' returning id`, [k.prefix, k.hash]);
    const live = await liveOn({ apiKey: k.key });
    const res = await a.gql(`mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { userErrors { code } } }`, { i: { id: gid('ApiKey', id) } }, admin);
    expect(res.body.data.revokeApiKey.userErrors).toEqual([]);
    expect(await within(live.closed, 5000)).toBe(4403);
  });

  it('keeps a connection open when nothing it grants changed', async () => {
    const p = await freshCca(5);
    const live = await liveOn({ authorization: `Bearer ${await a.tokenFor(p.email)}` });
    await a.gql(`mutation($i: UpdatePersonInput!) { updatePerson(input: $i) { userErrors { code } } }`, { i: { id: gid('Person', p.id), firstName: 'Renamed' } }, admin);
    const outcome = await Promise.race([live.closed.then((c) => `closed ${c}`), new Promise((r) => setTimeout(() => r('open'), 1500))]);
    expect(outcome).toBe('open');
  });
});
