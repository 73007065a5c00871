import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { until } from './support/until';
import { desk, type TransitionName } from './service-desk.helpers';
import { TRANSITIONS } from '../packages/server/src/service-desk/ticket.transitions';
import { redecisions } from '../packages/server/src/service-desk/ticket.service';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { fromGlobalId } from '../packages/server/src/core/ids';

const server = await startTestServer();
const { open, fire, ok } = desk(server);
const cca = { token: await server.tokenForRole('CCA', 'CSP-LYON') };
const { rows: sn1Rows } = await sql(server.databaseUrl, `select email from person where 'SN1_AGENT' = any(held_roles) order by email`);
const sn1s = await Promise.all(sn1Rows.map(async (r) => ({ token: await server.tokenFor(r.email) })));

describe('two agents acting on one ticket at once', () => {
  it('20 simultaneous transitions on the version they all read: one wins, 19 get CONFLICT, the history lists only the winner', async () => {
    const t = (await open(cca)).ticket;
    expect(t.status).toBe('SUBMITTED');
    // every one of these is legal from SUBMITTED for its actor: only the version decides
    const attempts: [TransitionName, { token: string }][] = [];
    for (let i = 0; i < 20; i++) {
      const kind = i % 4;
      if (kind === 0) attempts.push(['CANCEL', cca]);
      else if (kind === 1) attempts.push(['TRANSFER_TO_TECHNICAL', sn1s[i % sn1s.length]]);
      else attempts.push(['TAKE', sn1s[i % sn1s.length]]);
    }
    const results = await Promise.all(attempts.map(([tr, who]) => fire(tr, who, t, 'concurrent')));
    const winners = results.map((r, i) => ({ r, tr: attempts[i][0] })).filter(({ r }) => r.userErrors.length === 0);
    const losers = results.filter((r) => r.userErrors.length > 0);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    for (const l of losers) {
      expect(l.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'version'] })]);
      expect(l.ticket).toBeNull();
    }

    const winner = winners[0];
    const { rows: [row] } = await sql(server.databaseUrl, `select status, version, event_count from ticket where id = (select id from ticket where reference = $1)`, [t.reference]);
    expect(row.status).toBe(TRANSITIONS[winner.tr].to);
    expect(row.version).toBe(t.version + 1);
    const { rows: events } = await sql(server.databaseUrl, `select seq, transition from ticket_event where ticket_id = (select id from ticket where reference = $1) order by seq`, [t.reference]);
    expect(events.map((e) => e.transition)).toEqual([null, 'SUBMIT', winner.tr]);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('agents who reload and retry all get through, one after the other, with nothing lost', async () => {
    let t = (await open(cca)).ticket;
    t = await ok('TAKE', sn1s[0], t);
    // 10 comments and 10 priority edits at once; edits retry on CONFLICT with the fresh version
    const UPDATE = `mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { ticket { version } userErrors { code } } }`;
    const COMMENT = `mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { userErrors { code } } }`;
    const edit = async (i: number) => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const { rows } = await sql(server.databaseUrl, `select version from ticket where reference = $1`, [t.reference]);
        const r = await server.gql(UPDATE, { input: { id: t.id, version: rows[0].version, title: `Titre ${i}` } }, sn1s[i % sn1s.length]);
        if (!r.body.data.updateTicket.userErrors.length) return attempt;
        expect(r.body.data.updateTicket.userErrors[0].code).toBe('CONFLICT');
      }
      throw new Error('never got through');
    };
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => edit(i)),
      ...Array.from({ length: 10 }, (_, i) => server.gql(COMMENT, { input: { ticketId: t.id, body: `commentaire ${i}`, internal: i % 2 === 0 } }, sn1s[i % sn1s.length])),
    ]);
    const { rows: [row] } = await sql(server.databaseUrl, `select version, comment_count, public_comment_count, event_count, (select count(*)::int from ticket_event e where e.ticket_id = t.id) as events from ticket t where reference = $1`, [t.reference]);
    expect(row.comment_count).toBe(10);
    expect(row.public_comment_count).toBe(5);
    expect(row.events).toBe(row.event_count);
    // each successful edit (distinct titles) wrote exactly one FIELD_CHANGED event
    const { rows: changes } = await sql(server.databaseUrl, `select count(*)::int as n from ticket_event where ticket_id = (select id from ticket where reference = $1) and kind = 'FIELD_CHANGED'`, [t.reference]);
    expect(row.version).toBe(t.version + 10);
    expect(changes[0].n).toBe(10);
  });
  it('transitions that post a public comment, while others comment at once: no comment uncounted, none written twice', async () => {
    // a change is written once decided, on condition the ticket still holds what it was read with;
    // a comment (no version) moving the counters in between makes the change decide again
    let t = (await open(cca)).ticket;
    t = await ok('TAKE', sn1s[0], t);
    const COMMENT = `mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { userErrors { code } } }`;
    const chain = async () => {
      for (const [tr, who] of [['REQUEST_INFO', sn1s[0]], ['PROVIDE_INFO', cca], ['REQUEST_INFO', sn1s[0]], ['PROVIDE_INFO', cca]] as const) {
        const { rows } = await sql(server.databaseUrl, `select version from ticket where reference = $1`, [t.reference]);
        const r = await fire(tr, who, { id: t.id, version: rows[0].version }, `${tr} pendant les commentaires`);
        expect(r.userErrors).toEqual([]);
      }
    };
    const comments = Array.from({ length: 30 }, (_, i) => server.gql(COMMENT, { input: { ticketId: t.id, body: `commentaire ${i}`, internal: i % 3 === 0 } }, sn1s[i % sn1s.length]));
    const [, ...answers] = await Promise.all([chain(), ...comments]);
    expect(answers.map((a) => a.body.errors ?? a.body.data.addTicketComment.userErrors)).toEqual(answers.map(() => []));
    const { rows: [row] } = await sql(
      server.databaseUrl,
      `select comment_count, public_comment_count, event_count, version,
              (select count(*)::int from ticket_comment c where c.ticket_id = t.id) as comments,
              (select count(*)::int from ticket_comment c where c.ticket_id = t.id and not c.internal) as public_comments,
              (select count(*)::int from ticket_event e where e.ticket_id = t.id) as events
         from ticket t where reference = $1`,
      [t.reference],
    );
    expect(row.comments).toBe(34);
    expect(row.public_comments).toBe(24);
    expect(row.comment_count).toBe(row.comments);
    expect(row.public_comment_count).toBe(row.public_comments);
    expect(row.event_count).toBe(row.events);
    expect(row.version).toBe(t.version + 4);
  });

  it('a transition the ticket moved under more often than it may decide again is decided under the row lock: it gets through, written once', async () => {
    const { ticket, reference, uuid } = await openByApplication();
    // a limit of one: a single comment landing between the change's read and its write uses it up
    // (under load, 30 comments landing at once did the same to the limit of 10)
    const answer = await loseOneWrite(uuid, () => fire('REQUEST_INFO', sn1s[0], ticket, 'Merci de joindre le numéro de l’EJ.'), async () => {});
    expect(answer.userErrors).toEqual([]);
    expect(answer.ticket).toMatchObject({ status: 'WAITING_FOR_INFO', version: ticket.version + 1 });
    const row = await countsOf(reference);
    expect(row.comments).toBe(2); // the comment that moved the ticket, and the reason
    expect(row.public_comments).toBe(1);
    expect(row.comment_count).toBe(row.comments);
    expect(row.public_comment_count).toBe(row.public_comments);
    expect(row.event_count).toBe(row.events);
    expect(row.version).toBe(ticket.version + 1);
    expect(row.request_info_events).toBe(1);
    expect(row.webhooks).toBe(1);
  });

  it('the locked pass still answers CONFLICT when a real change moved the version, and writes nothing', async () => {
    const { ticket, reference, uuid } = await openByApplication();
    const answer = await loseOneWrite(uuid, () => fire('REQUEST_INFO', sn1s[0], ticket, 'Merci de joindre le numéro de l’EJ.'), async (c) => {
      await c.query(`update ticket set version = version + 1 where id = $1`, [uuid]);
    });
    expect(answer.ticket).toBeNull();
    expect(answer.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'version'], message: expect.stringContaining('a changé depuis votre lecture') })]);
    const row = await countsOf(reference);
    expect(row.comments).toBe(1);
    expect(row.public_comments).toBe(0);
    expect(row.comment_count).toBe(row.comments);
    expect(row.event_count).toBe(row.events);
    expect(row.version).toBe(ticket.version + 1);
    expect(row.request_info_events).toBe(0);
    expect(row.webhooks).toBe(0);
  });
});

/** A ticket SAXO filed and an agent took, SAXO listening by webhook (a status change enqueues one delivery). */
async function openByApplication() {
  await sql(server.databaseUrl, `update application_client set webhook_url = 'http://127.0.0.1:9/hook', webhook_secret = 'a-shared-webhook-secret-0001' where name = 'SAXO'`);
  const { rows } = await sql(
    server.databaseUrl,
    `select s.id from application_client a join application_client_structure x on x.application_client_id = a.id join structure s on s.id = x.structure_id where a.name = 'SAXO' order by s.code limit 1`,
  );
  const opened = await open({ apiKey: DEMO_API_KEY }, { structureId: Buffer.from(`Structure:${rows[0].id}`).toString('base64url') });
  expect(opened.userErrors).toEqual([]);
  const ticket = await ok('TAKE', sn1s[0], opened.ticket);
  return { ticket: ticket as { id: string; version: number }, reference: opened.ticket.reference as string, uuid: fromGlobalId(ticket.id).id };
}

const countsOf = async (reference: string) =>
  (
    await sql(
      server.databaseUrl,
      `select comment_count, public_comment_count, event_count, version,
              (select count(*)::int from ticket_comment c where c.ticket_id = t.id) as comments,
              (select count(*)::int from ticket_comment c where c.ticket_id = t.id and not c.internal) as public_comments,
              (select count(*)::int from ticket_event e where e.ticket_id = t.id) as events,
              (select count(*)::int from ticket_event e where e.ticket_id = t.id and e.transition = 'REQUEST_INFO') as request_info_events,
              (select count(*)::int from webhook_delivery w where w.payload->>'reference' = t.reference and w.event = 'ticket.status_changed' and w.payload->>'to' = 'WAITING_FOR_INFO') as webhooks
         from ticket t where reference = $1`,
      [reference],
    )
  ).rows[0];

/**
 * Runs `change` with one write of one statement allowed, and makes it lose that write: the test
 * holds the ticket's row lock with an internal comment added as addComment does (and `more`),
 * uncommitted, so the change reads the ticket as it was; once the change waits to write, the
 * comment commits under it. No sleeps: PostgreSQL shows the change waiting.
 */
async function loseOneWrite<T>(ticketId: string, change: () => Promise<T>, more: (holder: pg.Client) => Promise<void>): Promise<T> {
  const holder = new pg.Client({ connectionString: server.databaseUrl });
  await holder.connect();
  const limit = redecisions.limit;
  redecisions.limit = 1;
  try {
    await holder.query('begin');
    await holder.query(`select 1 from ticket where id = $1 for update`, [ticketId]);
    await holder.query(`insert into ticket_comment (id, ticket_id, body, internal, created_at, updated_at) values (gen_random_uuid(), $1, 'pendant la décision', true, now(), now())`, [ticketId]);
    await holder.query(`update ticket set comment_count = comment_count + 1, updated_at = now() where id = $1`, [ticketId]);
    await more(holder);
    let settled = false;
    const answer = change().finally(() => (settled = true));
    await until(async () => {
      if (settled) throw new Error('the change answered before it waited to write');
      const { rows } = await sql(server.databaseUrl, `select 1 from pg_stat_activity where wait_event_type = 'Lock' and query ~* '^\\s*with w0 as' and query like $1`, [`%${ticketId}%`]);
      return rows.length > 0;
    }, 20_000, 10);
    await holder.query('commit');
    return await answer;
  } finally {
    redecisions.limit = limit;
    await holder.end();
  }
}
