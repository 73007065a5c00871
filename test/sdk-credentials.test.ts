/**
 * The SDK's credentials over both transports, against the real server over a real WebSocket:
 * `getToken` is asked before every HTTP request and every WebSocket (re)connection; close code
 * 4401 (token expired) reconnects once with a fresh token and the subscription goes on, or ends
 * with an UnauthenticatedError; 4403 (refused or withdrawn access) ends it with a ForbiddenError
 * at once, never retried.
 */
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, DirectoryChangedDocument, ForbiddenError, TicketEventsDocument, UnauthenticatedError, type ChorusClient } from '@chorus-support/sdk';
import { generateApiKey } from '../packages/server/src/access/credentials';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { until } from './support/until';
import { subscriptionsRunning, untilSubscribed } from './support/ws';

const server = await startTestServer();
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const admin = await server.tokenForRole('ADMINISTRATOR');
const analystEmail = (await sql(server.databaseUrl, `select email from person where 'ANALYST' = any(held_roles) and active order by created_at, email limit 1`)).rows[0].email as string;

/** A WebSocket implementation that counts the connections the SDK opens. */
function countingWebSocket() {
  const counter = { opened: 0, Impl: WebSocket };
  counter.Impl = class extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      counter.opened++;
    }
  } as typeof WebSocket;
  return counter;
}

const clients: ChorusClient[] = [];
const track = (c: ChorusClient) => (clients.push(c), c);
afterAll(() => Promise.all(clients.map((c) => c.close())));

/** Renames a structure: every DirectoryChanged subscriber hears of it. */
async function renameAStructure(name: string) {
  const chorus = createClient({ url: server.url, token: admin });
  const { structures } = await chorus.Structures({ first: 1 });
  const structure = structures.nodes[0]!;
  await chorus.UpdateStructure({ input: { id: structure.id, name } });
  return structure.id;
}

describe('SDK credentials over HTTP', () => {
  it('asks getToken before every request, and once more after UNAUTHENTICATED', async () => {
    const good = await server.tokenFor(analystEmail);
    const given: string[] = [];
    const chorus = createClient({ url: server.url, retries: 0, getToken: async () => (given.push(given.length === 0 ? 'expired-or-garbage' : good), given.at(-1)!) });
    const { viewer } = await chorus.Viewer();
    expect(viewer.roles).toContain('ANALYST');
    expect(given).toEqual(['expired-or-garbage', good]);
    await chorus.Viewer();
    expect(given).toHaveLength(3);

    // a callback that has nothing better: one renewal, then the typed error
    let asked = 0;
    const stale = createClient({ url: server.url, retries: 0, getToken: () => (asked++, 'stale') });
    await expect(stale.Viewer()).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(asked).toBe(2);
  });

  it('setToken replaces the token for the next requests; an API-key client refuses it', async () => {
    const chorus = createClient({ url: server.url, token: await server.tokenFor(analystEmail) });
    expect((await chorus.Viewer()).viewer.roles).not.toContain('ADMINISTRATOR');
    chorus.setToken(admin);
    expect((await chorus.Viewer()).viewer.roles).toContain('ADMINISTRATOR');
    expect(() => createClient({ url: server.url, apiKey: 'csk_x' }).setToken(admin)).toThrow(/API key/);
    expect(() => createClient({ url: server.url, apiKey: 'csk_x', token: admin })).toThrow(/not several/);
  });
});

describe('SDK subscriptions and their credentials', () => {
  it('a refused key (4403) ends the subscription with a ForbiddenError, without retrying', async () => {
    const ws = countingWebSocket();
    const chorus = track(createClient({ url: server.url, apiKey: generateApiKey().key, webSocketImpl: ws.Impl }));
    const error = await chorus.subscribe(TicketEventsDocument, {}).next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
    expect(ws.opened).toBe(1);
  });

  it('a key revoked while subscribed (4403) ends the subscription with a ForbiddenError, without reconnecting', async () => {
    const k = generateApiKey();
    const { rows } = await sql(
      server.databaseUrl,
      `insert into api_key (id, application_id, prefix, hash, label) select gen_random_uuid(), id, $1, $2, 'sdk-credentials' from application_client where name = 'SAXO' returning id`,
      [k.prefix, k.hash],
    );
    const ws = countingWebSocket();
    const chorus = track(createClient({ url: server.url, apiKey: k.key, webSocketImpl: ws.Impl }));
    const before = await subscriptionsRunning(server.url);
    const events = chorus.subscribe(TicketEventsDocument, { filter: {} });
    const next = events.next().catch((e: unknown) => e);
    await untilSubscribed(server.url, before + 1);
    const res = await server.gql(`mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { userErrors { code } } }`, { i: { id: gid('ApiKey', rows[0].id) } }, { token: admin });
    expect(res.body.data.revokeApiKey.userErrors).toEqual([]);
    expect(await next).toBeInstanceOf(ForbiddenError);
    expect(ws.opened).toBe(1);
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('an expired token (4401) reconnects once with a fresh one from getToken, and the subscription goes on', async () => {
    const ws = countingWebSocket();
    const given: string[] = [];
    // the first token lives 3 s, the next ones an hour
    const getToken = async () => (given.push(await server.tokenFor(analystEmail, given.length === 0 ? '3s' : '1h')), given.at(-1)!);
    const chorus = track(createClient({ url: server.url, getToken, webSocketImpl: ws.Impl }));
    const before = await subscriptionsRunning(server.url);
    const events = chorus.subscribe(DirectoryChangedDocument);
    const first = events.next();
    await untilSubscribed(server.url, before + 1);
    // the server closes the first connection with 4401 when its token expires; the SDK opens a second with a fresh token
    await until(async () => ws.opened >= 2 && (await subscriptionsRunning(server.url)) >= before + 1, 20_000);
    expect(given).toHaveLength(2);
    const nodeId = await renameAStructure('Renamed after a token renewal');
    const { value, done } = await first;
    expect(done).toBe(false);
    expect(value?.data?.directoryChanged).toEqual({ kind: 'STRUCTURE', nodeId, at: expect.any(String) });
    expect(ws.opened).toBe(2);
    await events.return?.();
  }, 40_000);

  it('an expired token with nothing fresher (4401) ends the subscription with an UnauthenticatedError', async () => {
    const ws = countingWebSocket();
    const chorus = track(createClient({ url: server.url, token: await server.tokenFor(analystEmail, '3s'), webSocketImpl: ws.Impl }));
    const error = await chorus.subscribe(DirectoryChangedDocument).next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(ws.opened).toBe(1);
  }, 40_000);

  it('return() ends a subscription that waits for an event', async () => {
    const chorus = track(createClient({ url: server.url, token: admin, webSocketImpl: WebSocket }));
    const before = await subscriptionsRunning(server.url);
    const events = chorus.subscribe(DirectoryChangedDocument);
    const pending = events.next();
    await untilSubscribed(server.url, before + 1);
    await events.return?.();
    expect(await pending).toEqual({ done: true, value: undefined });
    await until(async () => (await subscriptionsRunning(server.url)) <= before, 10_000);
  });
});
