/**
 * Personal data (issue #31, item 5): an administrator erases a person (pseudonymised,
 * deactivated, token refused, their comments kept unsigned, statistics unchanged, audited);
 * the retention job purges closed tickets and idle conversations past their retention and
 * keeps the recent ones, and is audited.
 */
import { describe, expect, it } from 'vitest';
import { RETENTION_TASK } from '../packages/server/src/privacy';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { until } from './support/until';

const server = await startTestServer({ env: { RETENTION_TICKET_DAYS: '365', RETENTION_CONVERSATION_DAYS: '90', RETENTION_FILE_DAYS: '0' } });
const admin = await server.tokenForRole('ADMINISTRATOR');
const analyst = await server.tokenForRole('ANALYST');

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const rows = async (text: string, params: unknown[] = []) => (await sql(server.databaseUrl, text, params)).rows;
const one = async (text: string, params: unknown[] = []) => (await rows(text, params))[0];

const ERASE = `mutation($input: ErasePersonInput!) { erasePerson(input: $input) { person { id firstName lastName fullName email active roles } userErrors { code field message } } }`;
const STATS = `query($by: TicketStatisticsDimension!) { ticketStatistics(groupBy: $by, first: 100) { rows { key label ticketCount openCount resolvedCount escalatedCount reopenCount medianResolutionSeconds } } }`;
const VIEWER = `{ viewer { kind person { email } } }`;
const AUDIT = `query($filter: AuditFilter) { auditEntries(filter: $filter) { edges { node { action actorKind actorPerson { email } targetType targetId before after } } } }`;

// the person who wrote the most comments (a support agent or a CCA), not an administrator
const author = await one(
  `select p.id, p.email, p.first_name, p.last_name, count(*)::int as comments
     from ticket_comment c join person p on p.id = c.author_id
    where p.active and not ('ADMINISTRATOR' = any(p.held_roles))
    group by p.id order by count(*) desc, p.email limit 1`,
);


describe('erasePerson', () => {
  it('is refused to other roles, to oneself, and for an unknown person, writing nothing', async () => {
    const count = async () => Number((await one(`select count(*) n from audit_entry`)).n);
    const before = await count();
    for (const role of ['ANALYST', 'SN1_AGENT', 'CCA', 'PLATFORM_HEAD']) {
      const res = await server.gql(ERASE, { input: { personId: gid('Person', author.id) } }, { token: await server.tokenForRole(role) });
      expect(res.body.errors[0].extensions.code, role).toBe('FORBIDDEN');
      // the role that may, in words
      expect(res.body.errors[0].message, role).toMatch(/administrateur/);
      expect(res.body.errors[0].message, role).not.toMatch(/ADMINISTRATOR/);
    }
    const me = await one(`select id from person where 'ADMINISTRATOR' = any(held_roles) and active order by created_at, email limit 1`);
    const self = await server.gql(ERASE, { input: { personId: gid('Person', me.id) } }, { token: admin });
    expect(self.body.data.erasePerson).toMatchObject({ person: null, userErrors: [{ code: 'CANNOT_ERASE_YOURSELF', field: ['input', 'personId'] }] });
    expect(self.body.data.erasePerson.userErrors[0].message).toMatch(/administrateur/);
    const selfEn = await server.gql(ERASE, { input: { personId: gid('Person', me.id) } }, { token: admin, headers: { 'accept-language': 'en' } });
    expect(selfEn.body.data.erasePerson.userErrors[0]).toMatchObject({ code: 'CANNOT_ERASE_YOURSELF', message: expect.stringMatching(/^An administrator does not erase their own account/) });
    const unknown = await server.gql(ERASE, { input: { personId: gid('Person', '00000000-0000-4000-8000-000000000000') } }, { token: admin });
    expect(unknown.body.data.erasePerson.userErrors[0].code).toBe('NOT_FOUND');
    const badId = await server.gql(ERASE, { input: { personId: gid('Structure', author.id) } }, { token: admin });
    expect(badId.body.data.erasePerson.userErrors[0].code).toBe('INVALID_ID');
    expect(await count()).toBe(before);
    expect((await one(`select email, active from person where id = $1`, [author.id])).email).toBe(author.email);
  });

  it('pseudonymises the person, revokes their token, unsigns their comments and keeps the statistics', async () => {
    const token = await server.tokenFor(author.email);
    expect((await server.gql(VIEWER, {}, { token })).body.data.viewer.person.email).toBe(author.email);
    // an audited change before the erasure carries their name
    const UPDATE = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { userErrors { code } } }`;
    expect((await server.gql(UPDATE, { input: { id: gid('Person', author.id), lastName: `${author.last_name}-Martin` } }, { token: admin })).body.data.updatePerson.userErrors).toEqual([]);
    const stats = async () => {
      const out: Record<string, unknown> = {};
      for (const by of ['STRUCTURE', 'LEVEL', 'MONTH']) out[by] = (await server.gql(STATS, { by }, { token: analyst })).body.data.ticketStatistics.rows;
      return out;
    };
    const statsBefore = await stats();
    const counts = async () =>
      one(
        `select (select count(*) from ticket)::int tickets, (select count(*) from ticket_comment)::int comments, (select count(*) from ticket_event)::int events,
                (select count(*) from conversation)::int conversations, (select count(*) from person)::int people`,
      );
    const countsBefore = await counts();
    const written = await rows(`select id, body from ticket_comment where author_id = $1 order by id`, [author.id]);
    expect(written.length).toBe(author.comments);

    // mails in the outbox: one to them, one to someone else that names them (arranged by SQL: mail is off in tests)
    const other = await one(`select id, email from person where id <> $1 and active order by email limit 1`, [author.id]);
    const fullName = `${author.first_name} ${author.last_name}-Martin`;
    for (const [recipient, email] of [[author.id, author.email], [other.id, other.email]]) {
      await sql(
        server.databaseUrl,
        `insert into notification (id, source_table, source_id, kind, recipient_id, recipient_email, delivery, status, subject, text_body, html_body)
         values (gen_random_uuid(), 'ticket_comment', gen_random_uuid(), 'TICKET_COMMENTED', $1, $2, 'IMMEDIATE', 'HELD', $3, $4, $5)`,
        [recipient, email, `Commentaire de ${fullName}`, `${fullName} (${author.email}) a écrit : …`, `<p>${fullName} a écrit</p>`],
      );
    }

    const res = await server.gql(ERASE, { input: { personId: gid('Person', author.id) } }, { token: admin });
    expect(res.body.data.erasePerson.userErrors).toEqual([]);
    // the mail to them is gone; the mail to the other names the pseudonym
    expect(await rows(`select id from notification where recipient_id = $1`, [author.id])).toEqual([]);
    const pseudonym = `Personne effacée #${author.id.slice(0, 8)}`;
    expect(await one(`select subject, text_body, html_body from notification where recipient_id = $1 and subject like 'Commentaire de %'`, [other.id])).toEqual({
      subject: `Commentaire de ${pseudonym}`,
      text_body: `${pseudonym} (effacee-${author.id}@personne-effacee.invalid) a écrit : …`,
      html_body: `<p>${pseudonym} a écrit</p>`,
    });
    const short = author.id.slice(0, 8);
    expect(res.body.data.erasePerson.person).toMatchObject({
      firstName: 'Personne effacée',
      lastName: `#${short}`,
      fullName: `Personne effacée #${short}`,
      email: `effacee-${author.id}@personne-effacee.invalid`,
      active: false,
      roles: [],
    });
    // nothing of who they were is left on their row, and no running correspondent role
    const row = await one(`select first_name, last_name, email, held_roles, active from person where id = $1`, [author.id]);
    expect(JSON.stringify(row)).not.toContain(author.last_name);
    expect(JSON.stringify(row)).not.toContain(author.email);
    expect(await rows(`select id from correspondent_assignment where person_id = $1 and (until is null or until > now())`, [author.id])).toEqual([]);

    // the token no longer works
    const after = await server.gql(VIEWER, {}, { token });
    expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    // their comments stay, word for word, signed by nobody
    expect(await rows(`select id from ticket_comment where author_id = $1`, [author.id])).toEqual([]);
    const kept = await rows(`select id, body, author_id from ticket_comment where id = any($1::uuid[]) order by id`, [written.map((w) => w.id)]);
    expect(kept).toEqual(written.map((w) => ({ ...w, author_id: null })));

    // history and statistics: the same counts, the same figures
    expect(await counts()).toEqual(countsBefore);
    expect(await stats()).toEqual(statsBefore);

    // the audit: the erasure, by the administrator, without their name; the earlier entry blanked
    const audit = (await server.gql(AUDIT, { filter: { targetId: gid('Person', author.id) } }, { token: analyst })).body.data.auditEntries.edges.map((e: any) => e.node);
    expect(audit.map((a: any) => a.action)).toEqual(['PERSON_ERASED', 'PERSON_UPDATED']);
    expect(audit[0]).toMatchObject({ actorKind: 'PERSON', targetType: 'Person', after: { active: false, pseudonym: `Personne effacée #${short}`, commentsUnattributed: author.comments } });
    expect(audit[1].before).toEqual({ lastName: '[effacé]' });
    expect(audit[1].after).toEqual({ lastName: '[effacé]' });
    const everything = JSON.stringify((await rows(`select before, after from audit_entry`)).map((r) => [r.before, r.after]));
    expect(everything).not.toContain(author.email);
    expect(everything).not.toContain(`${author.last_name}-Martin`);
    // the blanking is the erasure's alone: the table still refuses any other rewrite
    await expect(sql(server.databaseUrl, `update audit_entry set after = '{}' where target_id = $1`, [author.id])).rejects.toThrow(/append-only/);

    // twice: refused
    const again = await server.gql(ERASE, { input: { personId: gid('Person', author.id) } }, { token: admin });
    expect(again.body.data.erasePerson.userErrors[0].code).toBe('PERSON_ALREADY_ERASED');
  });
});

describe('the retention job', () => {
  it('purges a ticket closed past the retention with what hangs on it, keeps recent ones, and is audited', async () => {
    const closed = await rows(`select id, reference from ticket where status = 'CLOSED' order by closed_at desc, id`);
    expect(closed.length).toBeGreaterThanOrEqual(2);
    const [old, recent] = closed;
    // the test is about dates: the old ticket was closed two years ago
    await sql(server.databaseUrl, `update ticket set closed_at = now() - interval '730 days' where id = $1`, [old.id]);
    expect(Number((await one(`select count(*) n from ticket_event where ticket_id = $1`, [old.id])).n)).toBeGreaterThan(0);
    // two conversations with the bot; one of them idle for 200 days (the test is about dates)
    const user = await server.tokenForRole('END_USER');
    const START = `mutation { startConversation(input: { bot: "IZIA" }) { conversation { id } userErrors { code } } }`;
    const convs = [];
    for (let i = 0; i < 2; i++) {
      const started = await server.gql(START, {}, { token: user });
      expect(started.body.data.startConversation.userErrors).toEqual([]);
      convs.push({ id: Buffer.from(started.body.data.startConversation.conversation.id, 'base64url').toString().split(':')[1] });
    }
    await sql(server.databaseUrl, `update conversation set last_activity_at = now() - interval '200 days' where id = $1`, [convs[0].id]);
    const ticketsBefore = Number((await one(`select count(*) n from ticket`)).n);
    const expectedTickets = Number((await one(`select count(*) n from ticket where status in ('CLOSED', 'CANCELLED') and coalesce(closed_at, updated_at) < now() - interval '365 days'`)).n);
    const expectedConvs = Number((await one(`select count(*) n from conversation cv where last_activity_at < now() - interval '90 days' and not exists (select 1 from ticket_request r where r.conversation_id = cv.id and r.status = 'PENDING')`)).n);

    await sql(server.databaseUrl, `select graphile_worker.add_job($1, '{}'::json)`, [RETENTION_TASK]);
    const entry = await until(async () => one(`select actor_kind, actor_person_id, target_type, after from audit_entry where action = 'RETENTION_PURGED'`), 30_000);

    expect(entry).toMatchObject({ actor_kind: 'SYSTEM', actor_person_id: null, target_type: 'RetentionPurge' });
    expect(entry.after).toMatchObject({ tickets: expectedTickets, conversations: expectedConvs, files: 0, ticketDays: 365, conversationDays: 90 });
    expect(await rows(`select id from ticket where id = $1`, [old.id])).toEqual([]);
    expect(await rows(`select id from ticket_event where ticket_id = $1`, [old.id])).toEqual([]);
    expect(await rows(`select id from ticket_comment where ticket_id = $1`, [old.id])).toEqual([]);
    expect(await rows(`select id from ticket where id = $1`, [recent.id])).toHaveLength(1);
    expect(Number((await one(`select count(*) n from ticket`)).n)).toBe(ticketsBefore - expectedTickets);
    expect(await rows(`select id from conversation where id = $1`, [convs[0].id])).toEqual([]);
    expect(await rows(`select id from conversation where id = $1`, [convs[1].id])).toHaveLength(1);

    // the desk still answers: statistics and the kept ticket
    const stats = await server.gql(STATS, { by: 'MONTH' }, { token: analyst });
    expect(stats.body.errors).toBeUndefined();
    const kept = await server.gql(`query($r: String!) { ticket(reference: $r) { reference history(last: 5) { kind } } }`, { r: recent.reference }, { token: analyst });
    expect(kept.body.data.ticket.reference).toBe(recent.reference);
    const gone = await server.gql(`query($r: String!) { ticket(reference: $r) { reference } }`, { r: old.reference }, { token: analyst });
    expect(gone.body.data.ticket).toBeNull();

    // the history stays append-only outside the job
    await expect(sql(server.databaseUrl, `delete from ticket_event where ticket_id = $1`, [recent.id])).rejects.toThrow(/append-only/);

    // analysts read the purge in the audit
    const audit = await server.gql(AUDIT, { filter: { actions: ['RETENTION_PURGED'] } }, { token: analyst });
    expect(audit.body.data.auditEntries.edges[0].node).toMatchObject({ actorKind: 'SYSTEM', actorPerson: null, targetId: null });
  });
});
