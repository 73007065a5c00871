import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { desk, type TransitionName } from './service-desk.helpers';
import { TRANSITIONS } from '../packages/server/src/service-desk/ticket.transitions';

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
});
