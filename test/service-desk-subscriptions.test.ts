import { createClient, type Client } from 'graphql-ws';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer } from './support/server';
import { desk } from './service-desk.helpers';
import { subscriptionsRunning, untilSubscribed } from './support/ws';

// two instances on one database: events travel through PostgreSQL LISTEN/NOTIFY
const a = await startTestServer();
const b = await startTestServer({ databaseUrl: a.databaseUrl });
const { open, ok } = desk(a);
const cca = { token: await a.tokenForRole('CCA', 'CSP-LYON') };
const ccaBordeaux = await a.tokenForRole('CCA', 'CSP-BORDEAUX');
const sn1 = { token: await a.tokenForRole('SN1_AGENT') };
const sn2Token = await a.tokenForRole('SN2_AGENT');

const clients: Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
});

function wsClient(url: string, params: Record<string, string>): Client {
  const c = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: params, retryAttempts: 0, lazy: false });
  clients.push(c);
  return c;
}

/** Subscribes and collects what arrives; `ready` resolves once the server acknowledged the subscription. */
function collect(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const items: any[] = [];
  const errors: any[] = [];
  let done = false;
  const stop = client.subscribe({ query, variables }, { next: (v) => (v.errors ? errors.push(...v.errors) : items.push(v.data)), error: (e) => errors.push(e), complete: () => (done = true) });
  return { items, errors, stop, isDone: () => done };
}

const until = async (check: () => boolean, ms = 5000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
};
/**
 * Subscribes, then waits until the server runs the new subscriptions (its gauge, shared by both
 * in-process instances), so that no change is made before its subscriber listens.
 */
async function subscribed<T>(make: () => T[]): Promise<T[]> {
  const before = await subscriptionsRunning(a.url);
  const subs = make();
  await untilSubscribed(a.url, before + subs.length);
  return subs;
}

const UPDATED = `subscription($id: ID!) { ticketUpdated(id: $id) { reference status level version commentCount comments { body internal } } }`;
const EVENTS = `subscription($f: TicketEventsFilter) { ticketEvents(filter: $f) { seq transition toStatus toLevel ticket { reference structure { code } } } }`;

describe('live ticket updates across two server instances', () => {
  it('delivers ticketUpdated on instance B for changes made on instance A, without internal comments for a CCA', async () => {
    const t = (await open(cca)).ticket;
    const [ccaSub, sn1Sub] = await subscribed(() => [
      collect(wsClient(b.url, { authorization: `Bearer ${cca.token}` }), UPDATED, { id: t.id }),
      collect(wsClient(b.url, { authorization: `Bearer ${sn1.token}` }), UPDATED, { id: t.id }),
    ]);
    const taken = await ok('TAKE', sn1, t);
    await until(() => ccaSub.items.length >= 1 && sn1Sub.items.length >= 1);
    expect(ccaSub.items[0].ticketUpdated).toMatchObject({ reference: t.reference, status: 'IN_PROGRESS', version: taken.version });

    // an internal comment reaches SN1's subscription only
    await a.gql(`mutation($i: AddTicketCommentInput!) { addTicketComment(input: $i) { userErrors { code } } }`, { i: { ticketId: t.id, body: 'note interne', internal: true } }, sn1);
    await a.gql(`mutation($i: AddTicketCommentInput!) { addTicketComment(input: $i) { userErrors { code } } }`, { i: { ticketId: t.id, body: 'réponse publique' } }, sn1);
    await until(() => sn1Sub.items.length >= 3 && ccaSub.items.length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(sn1Sub.items).toHaveLength(3);
    expect(ccaSub.items).toHaveLength(2);
    expect(ccaSub.items.every((i: any) => i.ticketUpdated.comments.every((c: any) => !c.internal))).toBe(true);
    expect(ccaSub.items[1].ticketUpdated.commentCount).toBe(1);
    expect(sn1Sub.items[2].ticketUpdated.commentCount).toBe(2);
  });

  it('refuses a subscription to a ticket the viewer cannot see as NOT_FOUND', async () => {
    const t = (await open(cca)).ticket;
    const sub = collect(wsClient(b.url, { authorization: `Bearer ${ccaBordeaux}` }), UPDATED, { id: t.id });
    await until(() => sub.errors.length > 0 || sub.isDone());
    expect(sub.errors[0]?.extensions?.code ?? sub.errors[0]?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // SN2 sees only what was escalated to it: refused the same way, not an empty stream
    const sn2Sub = collect(wsClient(b.url, { authorization: `Bearer ${sn2Token}` }), UPDATED, { id: t.id });
    await until(() => sn2Sub.errors.length > 0 || sn2Sub.isDone());
    expect(sn2Sub.errors[0]?.extensions?.code ?? sn2Sub.errors[0]?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(sn2Sub.items).toEqual([]);
  });

  it('feeds a level’s queue with ticketEvents, only for tickets the subscriber sees', async () => {
    const [sn2Queue, bordeauxFeed, lyonFeed] = await subscribed(() => [
      collect(wsClient(b.url, { authorization: `Bearer ${sn2Token}` }), EVENTS, { f: { level: ['SN2'] } }),
      collect(wsClient(a.url, { authorization: `Bearer ${ccaBordeaux}` }), EVENTS, {}),
      collect(wsClient(b.url, { authorization: `Bearer ${cca.token}` }), EVENTS, {}),
    ]);
    let t = (await open(cca)).ticket;
    t = await ok('TAKE', sn1, t);
    t = await ok('ESCALATE', sn1, t, 'AIFE');
    await until(() => sn2Queue.items.length >= 1 && lyonFeed.items.length >= 4);
    await new Promise((r) => setTimeout(r, 300));
    // SN2 sees the escalation (the ticket is now at SN2 and was escalated), not the earlier TAKE
    expect(sn2Queue.items.map((i: any) => i.ticketEvents.transition)).toEqual(['ESCALATE']);
    expect(sn2Queue.items[0].ticketEvents.ticket.reference).toBe(t.reference);
    // the opening itself (OPENED, then SUBMIT) reaches the queue like any other history event
    expect(lyonFeed.items.map((i: any) => [i.ticketEvents.seq, i.ticketEvents.transition])).toEqual([[1, null], [2, 'SUBMIT'], [3, 'TAKE'], [4, 'ESCALATE']]);
    expect(bordeauxFeed.items).toEqual([]);
  });

  it('accepts an application’s API key in connectionParams and shows it its own tickets only', async () => {
    const { DEMO_API_KEY } = await import('../packages/server/src/integration/integration.demo');
    const [appFeed] = await subscribed(() => [collect(wsClient(b.url, { apiKey: DEMO_API_KEY }), EVENTS, {})]);
    const { rows } = await (await import('./support/db')).sql(a.databaseUrl, `select id from structure where code = 'CSP-LYON'`);
    const mine = (await open({ apiKey: DEMO_API_KEY }, { structureId: Buffer.from(`Structure:${rows[0].id}`).toString('base64url'), nature: 'TECHNICAL' })).ticket;
    const notMine = (await open(cca)).ticket;
    await ok('TAKE', { token: await a.tokenForRole('TECHNICAL_AGENT') }, mine);
    await ok('TAKE', sn1, notMine);
    await until(() => appFeed.items.length >= 3);
    await new Promise((r) => setTimeout(r, 300));
    // its ticket's opening, submission and take; nothing of the CCA's ticket
    expect(appFeed.items.map((i: any) => [i.ticketEvents.ticket.reference, i.ticketEvents.seq])).toEqual([[mine.reference, 1], [mine.reference, 2], [mine.reference, 3]]);
  });
});

describe('an application’s live updates and its cost budget', () => {
  it('charges every event to the budget; once it is spent, the next event is THROTTLED and the subscription ends', async () => {
    const { sql } = await import('./support/db');
    const admin = { token: await a.tokenForRole('ADMINISTRATOR') };
    const ministry = (await sql(a.databaseUrl, `select id from ministry where code = 'MIN06'`)).rows[0].id;
    const REGISTER = `mutation($input: RegisterApplicationInput!) { registerApplication(input: $input) { application { id } issued { key } userErrors { code } } }`;
    const input = { name: `LIVE-BUDGET-${Date.now()}`, ministryId: Buffer.from(`Ministry:${ministry}`).toString('base64url'), structureIds: [], contactEmail: 'live@education.example', costBudgetPerMinute: 100_000 };
    const reg = (await a.gql(REGISTER, { input }, admin)).body.data.registerApplication;
    const appId = (await sql(a.databaseUrl, `select id from application_client where name = $1`, [input.name])).rows[0].id;
    // its ticket: opened by a CCA, filed in the application's name
    let t = (await open(cca)).ticket;
    await sql(a.databaseUrl, `update ticket set opened_by_application_id = $1 where reference = $2`, [appId, t.reference]);
    // not across a minute boundary: the budget is per minute
    const secondsLeft = 60 - new Date().getUTCSeconds();
    if (secondsLeft < 15) await new Promise((r) => setTimeout(r, secondsLeft * 1000 + 200));
    const [feed] = await subscribed(() => [collect(wsClient(b.url, { apiKey: reg.issued.key }), EVENTS, {})]);
    const spent = async () => Number((await sql(a.databaseUrl, `select coalesce(sum(spent), 0) as s from application_cost_window where application_id = $1`, [appId])).rows[0].s);
    // subscribing was charged once: the subscription's cost
    const cost = await spent();
    expect(cost).toBeGreaterThan(0);
    await sql(a.databaseUrl, `update application_client set cost_budget_per_minute = $2 where id = $1`, [appId, cost * 3]);
    const steps: [Parameters<typeof ok>[0], { token: string }][] = [['TAKE', sn1], ['REQUEST_INFO', sn1], ['PROVIDE_INFO', cca], ['RESOLVE', sn1]];
    for (const [i, [transition, who]] of steps.entries()) {
      t = await ok(transition, who, t);
      await until(() => feed.items.length + feed.errors.length > i);
      await new Promise((r) => setTimeout(r, 150)); // the event's charge is done before the next change
    }
    await until(() => feed.isDone());
    // two events fit the budget; the third overdrew it (its charge was refused), the fourth was refused
    expect(feed.items.map((i: any) => i.ticketEvents.transition)).toEqual(['TAKE', 'REQUEST_INFO', 'PROVIDE_INFO']);
    expect(feed.errors).toHaveLength(1);
    expect(feed.errors[0].extensions).toMatchObject({ code: 'THROTTLED', retryAfterSeconds: expect.any(Number) });
    expect(await spent()).toBe(cost * 3);
  });
});

