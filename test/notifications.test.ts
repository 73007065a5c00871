/**
 * The mail outbox end to end: the real server, its graphile-worker runner, and a real SMTP
 * server started here as the relay (smtp-server), whose mails are parsed with mailparser.
 */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { createClient, NotificationDelivery, NotificationKind } from '@chorus-support/sdk';
import { toGlobalId } from '../packages/server/src/core/ids';
import { DIGEST_TASK } from '../packages/server/src/notifications';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { startTestRelay } from './support/smtp';
import { until } from './support/until';
import { desk } from './service-desk.helpers';

const relay = await startTestRelay();
const server = await startTestServer({ env: { SMTP_URL: relay.url, MAIL_FROM: 'Support Chorus <support@chorus.example>', NOTIFICATION_RETRY_BASE_MS: '100', NOTIFICATION_POLL_MS: '200' } });
const { open, ok } = desk(server);

async function person(where: string, params: unknown[] = []) {
  const { rows } = await sql(server.databaseUrl, `select p.id, p.email, p.first_name, p.last_name from person p join structure s on s.id = p.structure_id where ${where} order by p.email limit 1`, params);
  return rows[0] as { id: string; email: string; first_name: string; last_name: string };
}
const ccaPerson = await person(`s.code = 'CSP-LYON' and exists (select 1 from correspondent_assignment a where a.person_id = p.id and a.kind = 'CCA' and a.until is null)`);
const requester = await person(`s.code = 'CSP-LYON' and p.held_roles = '{END_USER}' and not exists (select 1 from correspondent_assignment a where a.person_id = p.id)`);
const sn1Person = await person(`'SN1_AGENT' = any(p.held_roles)`);
const ccaToken = await server.tokenFor(ccaPerson.email);
const cca = { token: ccaToken };
const sn1 = { token: await server.tokenFor(sn1Person.email) };
const admin = { token: await server.tokenForRole('ADMINISTRATOR') };
const requesterAuth = { token: await server.tokenFor(requester.email) };
const sn2People = (await sql(server.databaseUrl, `select email from person where active and 'SN2_AGENT' = any(held_roles) order by email`)).rows.map((r) => r.email as string);

/** The mails about one ticket that reached one address. */
const about = (reference: string, email: string) => relay.to(email).filter((m) => m.parsed.subject?.startsWith(`[${reference}]`));

/** Every decision and delivery due now is done (the queue holds none of them), so an absent mail is absent for good. */
async function settled() {
  await until(async () => {
    const { rows } = await sql(
      server.databaseUrl,
      `select count(*)::int n from graphile_worker.jobs where task_identifier in ('notifications:decide', 'notifications:deliver') and run_at <= now() and attempts < max_attempts`,
    );
    return rows[0].n === 0;
  }, 20_000);
}

const COMMENT = `mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { comment { id } userErrors { code message } } }`;

async function openTaken(title = 'EJ bloqué') {
  const { ticket } = await open(cca, { title, requesterId: toGlobalId('Person', requester.id) });
  return ok('TAKE', sn1, ticket);
}

async function comment(ticketId: string, body: string, internal = false) {
  const r = await server.gql(COMMENT, { input: { ticketId, body, internal } }, sn1);
  expect(r.body.data.addTicketComment.userErrors).toEqual([]);
}

describe('a public comment', () => {
  it('reaches the requester and the opener through SMTP, in French, with text and HTML parts and a link to the ticket', async () => {
    const t = await openTaken('Poste de pièce non reporté');
    await comment(t.id, 'Pouvez-vous essayer de nouveau ? <b>Merci</b> & bonne journée.');
    const toRequester = await until(async () => relay.to(requester.email).find((m) => m.parsed.subject?.includes(t.reference)), 15_000);
    const toCca = await until(async () => relay.to(ccaPerson.email).find((m) => m.parsed.subject?.includes(t.reference)), 15_000);
    for (const m of [toRequester, toCca]) {
      expect(m.parsed.subject).toBe(`[${t.reference}] Nouveau commentaire sur votre demande`);
      expect(m.parsed.from?.value).toEqual([{ name: 'Support Chorus', address: 'support@chorus.example' }]);
      expect(m.parsed.text).toContain('> Pouvez-vous essayer de nouveau ? <b>Merci</b> & bonne journée.');
      expect(m.parsed.text).toContain('État : en cours de traitement');
      // the HTML escapes what people wrote, and says it in French
      const html = String(m.parsed.html);
      expect(html).toContain('<html lang="fr">');
      expect(html).toContain('&#60;b&#62;Merci&#60;/b&#62; &#38; bonne journée.');
      expect(html).not.toContain('<b>Merci</b>');
      const link = html.match(/<a href="([^"]+)">Voir la demande/)?.[1];
      expect(link).toBe(`http://127.0.0.1:${server.port}/tickets/${t.reference}`);
      expect(m.parsed.text).toContain(`Voir la demande ${t.reference} : ${link}`);
    }
    expect(toRequester.parsed.text).toContain(`Bonjour ${requester.first_name} ${requester.last_name},`);
    // its author is not told of their own comment
    expect(relay.to(sn1Person.email).filter((m) => m.parsed.subject?.includes(t.reference))).toEqual([]);
    // the outbox says SENT, with the relay's message id
    const { rows } = await sql(server.databaseUrl, `select n.status, n.message_id, n.attempts from notification n join ticket t on t.id = n.ticket_id where t.reference = $1 and n.kind = 'TICKET_PUBLIC_COMMENT'`, [t.reference]);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(rows.map((r) => r.message_id)).toContain(toRequester.parsed.messageId);
  });
});

describe('who is told what', () => {
  it('a question (WAITING_FOR_INFO) reaches the requester and the opener once, with the question; its public comment is not mailed again', async () => {
    const t = await openTaken('Question au demandeur');
    await ok('REQUEST_INFO', sn1, t, 'Quel est le numéro de l’EJ concerné ?');
    const mail = await until(async () => about(t.reference, requester.email)[0], 15_000);
    await until(async () => about(t.reference, ccaPerson.email)[0], 15_000);
    await settled();
    expect(mail.parsed.subject).toBe(`[${t.reference}] Le support a besoin d’informations`);
    expect(mail.parsed.text).toContain('> Quel est le numéro de l’EJ concerné ?');
    expect(mail.parsed.text).toContain('État : en attente de votre réponse');
    expect(mail.parsed.text).toContain('Et ensuite\u00a0?');
    // one mail each: the question's public comment is the same news
    expect(about(t.reference, requester.email)).toHaveLength(1);
    expect(about(t.reference, ccaPerson.email)).toHaveLength(1);
  });

  it('resolution reaches the requesting side (with the place for the rating link); closure by the CCA reaches the requester only', async () => {
    const t = await openTaken('À résoudre');
    const resolved = await ok('RESOLVE', sn1, t, 'Le poste a été débloqué.');
    const mail = await until(async () => about(t.reference, requester.email).find((m) => m.parsed.subject?.includes('résolue')), 15_000);
    expect(mail.parsed.subject).toBe(`[${t.reference}] Votre demande a été résolue`);
    expect(mail.parsed.text).toContain('> Le poste a été débloqué.');
    expect(mail.parsed.text).toContain('État : résolue');
    await ok('CLOSE', cca, resolved, 'Merci');
    const closed = await until(async () => about(t.reference, requester.email).find((m) => m.parsed.subject?.includes('clôturée')), 15_000);
    expect(closed.parsed.subject).toBe(`[${t.reference}] Votre demande a été clôturée`);
    expect(closed.parsed.text).toContain(`clôturée par ${ccaPerson.first_name} ${ccaPerson.last_name}`);
    await settled();
    // the CCA closed it: they are not told of their own act
    expect(about(t.reference, ccaPerson.email).map((m) => m.parsed.subject)).toEqual([`[${t.reference}] Votre demande a été résolue`]);
  });

  it('an escalation reaches the SN2 team, and nobody on the requesting side', async () => {
    expect(sn2People.length).toBeGreaterThan(0);
    const t = await openTaken('À escalader');
    await ok('ESCALATE', sn1, t, 'Anomalie du progiciel, à analyser par l’AIFE.');
    for (const email of sn2People) {
      const mail = await until(async () => about(t.reference, email)[0], 15_000);
      expect(mail.parsed.subject).toBe(`[${t.reference}] Demande transmise au niveau 2`);
      expect(mail.parsed.text).toContain('> Anomalie du progiciel, à analyser par l’AIFE.');
    }
    await settled();
    expect(about(t.reference, requester.email)).toEqual([]);
    expect(about(t.reference, ccaPerson.email)).toEqual([]);
  });

  it('an internal comment is never mailed to the CCA or the requester (the read policy decides, not the trigger)', async () => {
    const t = await openTaken('Commentaire interne');
    await comment(t.id, 'Note interne : le fournisseur est en retard.', true);
    await comment(t.id, 'Nous analysons votre demande.');
    await until(async () => about(t.reference, requester.email)[0], 15_000);
    await settled();
    for (const email of [requester.email, ccaPerson.email]) {
      const mails = about(t.reference, email);
      expect(mails).toHaveLength(1);
      expect(mails[0].parsed.text).toContain('Nous analysons votre demande.');
      expect(mails[0].parsed.text).not.toContain('fournisseur');
    }
    const { rows } = await sql(server.databaseUrl, `select count(*)::int n from notification where text_body like '%fournisseur%'`);
    expect(rows[0].n).toBe(0);
  });
});

describe('the outbox guarantees', () => {
  it('a rolled-back change asks for nothing and sends nothing; a committed one always does', async () => {
    const t = await openTaken('Transaction annulée');
    const ticketId = (await sql(server.databaseUrl, 'select id from ticket where reference = $1', [t.reference])).rows[0].id;
    const insert = `insert into ticket_comment (id, ticket_id, author_id, body, internal, created_at, updated_at) values (gen_random_uuid(), $1, $2, $3, false, now(), now()) returning id`;
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      await client.query('begin');
      const rolledBack = (await client.query(insert, [ticketId, sn1Person.id, 'Ce commentaire est annulé.'])).rows[0].id;
      // inside the transaction the decision is asked for…
      expect((await client.query(`select count(*)::int n from graphile_worker.jobs where key = $1`, [`decide:ticket_comment:${rolledBack}`])).rows[0].n).toBe(1);
      await client.query('rollback');
      // …and goes with it
      expect((await client.query(`select count(*)::int n from graphile_worker.jobs where key = $1`, [`decide:ticket_comment:${rolledBack}`])).rows[0].n).toBe(0);
      await client.query('begin');
      await client.query(insert, [ticketId, sn1Person.id, 'Ce commentaire est validé.']);
      await client.query('commit');
    } finally {
      await client.end();
    }
    const mail = await until(async () => about(t.reference, requester.email)[0], 15_000);
    await settled();
    expect(mail.parsed.text).toContain('Ce commentaire est validé.');
    expect(relay.mails.filter((m) => m.parsed.text?.includes('Ce commentaire est annulé'))).toEqual([]);
    expect((await sql(server.databaseUrl, `select count(*)::int n from notification where text_body like '%commentaire est annulé%'`)).rows[0].n).toBe(0);
  });

  it('deciding the same row again writes nothing new and sends nothing twice', async () => {
    const t = await openTaken('Décision rejouée');
    await comment(t.id, 'Premier passage.');
    await until(async () => about(t.reference, requester.email)[0], 15_000);
    await settled();
    const { rows } = await sql(server.databaseUrl, `select c.id from ticket_comment c join ticket t on t.id = c.ticket_id where t.reference = $1`, [t.reference]);
    // the job asked again (a retried job, a second instance): the unique key holds
    await sql(server.databaseUrl, `select graphile_worker.add_job('notifications:decide', json_build_object('table', 'ticket_comment', 'id', $1::uuid))`, [rows[0].id]);
    await settled();
    expect((await sql(server.databaseUrl, `select count(*)::int n from notification where source_id = $1`, [rows[0].id])).rows[0].n).toBe(2);
    expect(about(t.reference, requester.email)).toHaveLength(1);
  });
});

describe('the outbox through the API', () => {
  const LIST = `query($filter: NotificationFilter) { notifications(first: 10, filter: $filter) { totalCount nodes { id kind status delivery recipientEmail subject textBody htmlBody attempts messageId sentAt lastError } } }`;

  it('administrators read the mails with their subject, text and state, filtered by recipient, kind and status', async () => {
    const t = await openTaken('Lue par l’administrateur');
    await comment(t.id, 'Message pour l’administrateur.');
    await until(async () => about(t.reference, requester.email)[0], 15_000);
    await settled();
    const r = await server.gql(LIST, { filter: { recipient: toGlobalId('Person', requester.id), kind: 'TICKET_PUBLIC_COMMENT', status: 'SENT' } }, admin);
    expect(r.body.errors).toBeUndefined();
    const mine = r.body.data.notifications.nodes.find((n: any) => n.subject.startsWith(`[${t.reference}]`));
    expect(mine).toMatchObject({ kind: 'TICKET_PUBLIC_COMMENT', status: 'SENT', delivery: 'IMMEDIATE', recipientEmail: requester.email, attempts: 1, lastError: null });
    expect(mine.textBody).toContain('Message pour l’administrateur.');
    expect(mine.messageId).toBe(about(t.reference, requester.email)[0].parsed.messageId);
    expect(r.body.data.notifications.nodes.every((n: any) => n.recipientEmail === requester.email && n.status === 'SENT')).toBe(true);
    const none = await server.gql(LIST, { filter: { recipient: toGlobalId('Person', requester.id), status: 'FAILED' } }, admin);
    expect(none.body.data.notifications.totalCount).toBe(0);
  });

  it('nobody else reads the outbox: a CCA is refused, and node(id:) shows them nothing', async () => {
    const r = await server.gql(LIST, {}, cca);
    expect(r.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const [row] = (await sql(server.databaseUrl, `select id from notification limit 1`)).rows;
    const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('Notification', row.id) }, cca);
    expect(node.body.data.node).toBeNull();
    const asAdmin = await server.gql(`query($id: ID!) { node(id: $id) { ... on Notification { subject } } }`, { id: toGlobalId('Notification', row.id) }, admin);
    expect(asAdmin.body.data.node.subject).toMatch(/^\[FSD-/);
  });
});

describe('preferences', () => {
  const SET = `mutation($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { preferences { kind delivery isDefault } userErrors { code message } } }`;
  const set = async (kind: string, delivery: string) => {
    const r = await server.gql(SET, { input: { kind, delivery } }, requesterAuth);
    expect(r.body.data.setNotificationPreference.userErrors).toEqual([]);
    return r.body.data.setNotificationPreference.preferences;
  };

  it('lists every kind with its default, IMMEDIATE; the SDK reads and sets them', async () => {
    const r = await server.gql(`{ notificationPreferences { kind delivery isDefault } }`, {}, requesterAuth);
    expect(r.body.data.notificationPreferences).toContainEqual({ kind: 'TICKET_RESOLVED', delivery: 'IMMEDIATE', isDefault: true });
    expect(r.body.data.notificationPreferences.every((p: any) => p.delivery === 'IMMEDIATE')).toBe(true);
    const sdk = createClient({ url: server.url, token: ccaToken });
    const set = await sdk.notifications.setPreference(NotificationKind.TICKET_CLOSED, NotificationDelivery.NONE);
    expect(set.userErrors).toEqual([]);
    expect(await sdk.notifications.preferences()).toContainEqual({ kind: NotificationKind.TICKET_CLOSED, delivery: NotificationDelivery.NONE, isDefault: false });
    await sdk.notifications.setPreference(NotificationKind.TICKET_CLOSED, NotificationDelivery.IMMEDIATE);
    // the requester's own choices are not the CCA's
    expect((await server.gql(`{ notificationPreferences { kind delivery isDefault } }`, {}, requesterAuth)).body.data.notificationPreferences.every((p: any) => p.isDefault)).toBe(true);
  });

  it('NONE: the requester is not told (the opener still is)', async () => {
    const prefs = await set('TICKET_RESOLVED', 'NONE');
    expect(prefs).toContainEqual({ kind: 'TICKET_RESOLVED', delivery: 'NONE', isDefault: false });
    const t = await openTaken('Sans courriel de résolution');
    await ok('RESOLVE', sn1, t, 'Corrigé.');
    await until(async () => about(t.reference, ccaPerson.email)[0], 15_000);
    await settled();
    expect(about(t.reference, requester.email)).toEqual([]);
    await set('TICKET_RESOLVED', 'IMMEDIATE');
  });

  it('DAILY_DIGEST: gathered, then one mail at the digest hour through the worker', async () => {
    await set('TICKET_PUBLIC_COMMENT', 'DAILY_DIGEST');
    const t = await openTaken('Pour le récapitulatif');
    await comment(t.id, 'Premier point du jour.');
    await comment(t.id, 'Second point du jour.');
    await until(async () => about(t.reference, ccaPerson.email).length === 2, 15_000);
    await settled();
    expect(about(t.reference, requester.email)).toEqual([]);
    const waiting = await sql(server.databaseUrl, `select status, delivery from notification where recipient_id = $1 and delivery = 'DAILY_DIGEST'`, [requester.id]);
    expect(waiting.rows).toEqual([{ status: 'PENDING', delivery: 'DAILY_DIGEST' }, { status: 'PENDING', delivery: 'DAILY_DIGEST' }]);
    // before the digest hour that follows them, the digest job sends nothing
    await sql(server.databaseUrl, `select graphile_worker.add_job($1, json_build_object('at', now()::text))`, [DIGEST_TASK]);
    await until(async () => (await sql(server.databaseUrl, `select count(*)::int n from graphile_worker.jobs where task_identifier = $1`, [DIGEST_TASK])).rows[0].n === 0, 15_000);
    expect(relay.to(requester.email).filter((m) => m.parsed.subject?.startsWith('Récapitulatif'))).toEqual([]);
    // the next morning's run (the clock given to the job) sends them in one mail
    await sql(server.databaseUrl, `select graphile_worker.add_job($1, json_build_object('at', (now() + interval '1 day')::text))`, [DIGEST_TASK]);
    const digest = await until(async () => relay.to(requester.email).find((m) => m.parsed.subject?.startsWith('Récapitulatif')), 15_000);
    expect(digest.parsed.subject).toBe('Récapitulatif quotidien du support Chorus : 2 notifications');
    expect(digest.parsed.text).toContain('Premier point du jour.');
    expect(digest.parsed.text).toContain('Second point du jour.');
    expect(String(digest.parsed.html)).toContain(`<h2>[${t.reference}] Nouveau commentaire sur votre demande</h2>`);
    const sent = await sql(server.databaseUrl, `select status, message_id from notification where recipient_id = $1 and delivery = 'DAILY_DIGEST'`, [requester.id]);
    expect(sent.rows.map((r) => r.status)).toEqual(['SENT', 'SENT']);
    expect(new Set(sent.rows.map((r) => r.message_id))).toEqual(new Set([digest.parsed.messageId]));
    // run again: nothing twice
    await sql(server.databaseUrl, `select graphile_worker.add_job($1, json_build_object('at', (now() + interval '1 day')::text))`, [DIGEST_TASK]);
    await until(async () => (await sql(server.databaseUrl, `select count(*)::int n from graphile_worker.jobs where task_identifier = $1`, [DIGEST_TASK])).rows[0].n === 0, 15_000);
    expect(relay.to(requester.email).filter((m) => m.parsed.subject?.startsWith('Récapitulatif'))).toHaveLength(1);
    await set('TICKET_PUBLIC_COMMENT', 'IMMEDIATE');
  });

  it('an application has no preferences: a clear user error', async () => {
    const { DEMO_API_KEY } = await import('../packages/server/src/integration/integration.demo');
    const r = await server.gql(SET, { input: { kind: 'TICKET_RESOLVED', delivery: 'NONE' } }, { apiKey: DEMO_API_KEY });
    expect(r.body.data.setNotificationPreference).toMatchObject({ preferences: null, userErrors: [{ code: 'NOT_A_PERSON' }] });
  });
});
