/**
 * Comments on `ticketEvents` (the feed of every ticket in the viewer's perimeter), over real
 * WebSockets on two instances sharing one database: a comment written on its own arrives as a
 * COMMENT_ADDED event, public ones for whoever sees the ticket, internal ones only for those
 * who may read internal comments; a transition's reason (also posted as a public comment) is
 * told once, by its TRANSITION event.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from './support/server';
import { desk } from './service-desk.helpers';
import { collect, subscriptionsRunning, untilSubscribed, wsClient } from './support/ws';

const a = await startTestServer();
const b = await startTestServer({ databaseUrl: a.databaseUrl });
const { open, ok } = desk(a);
const cca = { token: await a.tokenForRole('CCA', 'CSP-LYON') };
const ccaBordeaux = { token: await a.tokenForRole('CCA', 'CSP-BORDEAUX') };
const sn1 = { token: await a.tokenForRole('SN1_AGENT') };

const clients: ReturnType<typeof wsClient>[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
});

const EVENTS = `subscription { ticketEvents { id kind seq field transition toStatus actor { email } ticket { reference } comment { id body internal author { email } } } }`;
const COMMENT = `mutation($i: AddTicketCommentInput!) { addTicketComment(input: $i) { comment { id } userErrors { code } } }`;

async function comment(auth: { token: string }, ticketId: string, body: string, internal = false): Promise<string> {
  const r = await a.gql(COMMENT, { i: { ticketId, body, internal } }, auth);
  expect(r.body.data.addTicketComment.userErrors).toEqual([]);
  return r.body.data.addTicketComment.comment.id;
}

type Feed = ReturnType<typeof collect<{ data: { ticketEvents: any } }>>;
const events = (f: Feed) => f.results.map((r) => r.data.ticketEvents);

/** Subscribes on instance B and waits until the server runs the subscriptions. */
async function feeds(...auths: { token: string }[]): Promise<Feed[]> {
  const before = await subscriptionsRunning(a.url);
  const made = auths.map((auth) => {
    const c = wsClient(b.url, auth);
    clients.push(c);
    return collect<{ data: { ticketEvents: any } }>(c, EVENTS);
  });
  await untilSubscribed(a.url, before + made.length);
  return made;
}

/** Waits until `feed` received an event whose comment body is `body` (later changes then arrived in order too). */
async function until(feed: Feed, body: string): Promise<void> {
  for (let n = 1; ; n++) {
    const got = await feed.next(n, 10_000);
    if (got.some((r) => r.data.ticketEvents.comment?.body === body)) return;
  }
}

describe('comments on ticketEvents', () => {
  it('public comments reach whoever sees the ticket, internal ones the support levels only; a transition’s reason is told once', async () => {
    const [agentFeed, ccaFeed, bordeauxFeed] = await feeds(sn1, cca, ccaBordeaux);
    let t = (await open(cca)).ticket;
    t = await ok('TAKE', sn1, t);
    const internalId = await comment(sn1, t.id, 'note interne : voir le poste 12', true);
    await comment(sn1, t.id, 'Pouvez-vous joindre une capture ?');
    // a transition whose reason is posted as a public comment: one TRANSITION event, no COMMENT_ADDED
    t = await ok('REQUEST_INFO', sn1, t, 'Quel est le numéro de l’EJ ?');
    // a comment too long for a notification's payload is read back, and arrives the same way
    const long = `Voici le détail. ${'x'.repeat(8000)}`;
    await comment(cca, t.id, long);
    await comment(cca, t.id, 'fin');
    // Bordeaux's own ticket closes its feed's wait: what came before it arrived too
    const own = (await open(ccaBordeaux)).ticket;
    await Promise.all([until(agentFeed, 'fin'), until(ccaFeed, 'fin'), bordeauxFeed.next(2, 10_000)]);

    const mine = (f: Feed) => events(f).filter((e) => e.ticket.reference === t.reference);
    const shape = (e: any) => [e.kind, e.transition ?? e.field, e.comment?.body?.slice(0, 20) ?? null];
    expect(mine(agentFeed).map(shape)).toEqual([
      ['OPENED', null, null],
      ['TRANSITION', 'SUBMIT', null],
      ['TRANSITION', 'TAKE', null],
      ['COMMENT_ADDED', 'internalComment', 'note interne : voir '],
      ['COMMENT_ADDED', 'comment', 'Pouvez-vous joindre '],
      ['TRANSITION', 'REQUEST_INFO', null],
      ['COMMENT_ADDED', 'comment', 'Voici le détail. xxx'],
      ['COMMENT_ADDED', 'comment', 'fin'],
    ]);
    // the CCA: the same without the internal comment
    expect(mine(ccaFeed).map(shape)).toEqual(mine(agentFeed).map(shape).filter((s) => s[1] !== 'internalComment'));
    expect(events(ccaFeed).some((e) => e.comment?.id === internalId || e.comment?.internal)).toBe(false);
    // another structure's CCA: only their own ticket
    expect(events(bordeauxFeed).map((e) => e.ticket.reference)).toEqual([own.reference, own.reference]);

    const added = mine(agentFeed).filter((e) => e.kind === 'COMMENT_ADDED');
    expect(added[0]).toMatchObject({ comment: { id: internalId, internal: true, author: { email: expect.any(String) } }, toStatus: 'IN_PROGRESS', seq: 3 });
    expect(added[0].actor.email).toBe(added[0].comment.author.email);
    expect(added[2].comment.body).toBe(long);
    // ids: global ids of type TicketEvent, unique, none an id of the history's events
    const ids = mine(agentFeed).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(Buffer.from(id, 'base64url').toString('utf8')).toMatch(/^TicketEvent:/);
  });

  it('an application sees the public comments of its own tickets only', async () => {
    const { DEMO_API_KEY } = await import('../packages/server/src/integration/integration.demo');
    const before = await subscriptionsRunning(a.url);
    const c = wsClient(b.url, { apiKey: DEMO_API_KEY });
    clients.push(c);
    const appFeed = collect<{ data: { ticketEvents: any } }>(c, EVENTS);
    await untilSubscribed(a.url, before + 1);
    const { rows } = await (await import('./support/db')).sql(a.databaseUrl, `select id from structure where code = 'CSP-LYON'`);
    const structureId = Buffer.from(`Structure:${rows[0].id}`).toString('base64url');
    const others = (await open(cca)).ticket;
    await comment(cca, others.id, 'pas pour l’application');
    const mine = (await open({ apiKey: DEMO_API_KEY }, { structureId, nature: 'TECHNICAL' })).ticket;
    const tech = { token: await a.tokenForRole('TECHNICAL_AGENT') };
    await ok('TAKE', tech, mine);
    await comment(tech, mine.id, 'interne', true);
    await comment(tech, mine.id, 'réponse à l’application');
    await until(appFeed, 'réponse à l’application');
    expect(events(appFeed).map((e) => [e.ticket.reference, e.kind, e.comment?.body ?? null])).toEqual([
      [mine.reference, 'OPENED', null],
      [mine.reference, 'TRANSITION', null],
      [mine.reference, 'TRANSITION', null],
      [mine.reference, 'COMMENT_ADDED', 'réponse à l’application'],
    ]);
  });
});
