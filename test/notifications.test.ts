/**
 * The mail outbox end to end: the real server, its graphile-worker runner, and a real SMTP
 * server started here as the relay (smtp-server), whose mails are parsed with mailparser.
 */
import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../packages/server/src/core/ids';
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
const cca = { token: await server.tokenFor(ccaPerson.email) };
const sn1 = { token: await server.tokenFor(sn1Person.email) };
const admin = { token: await server.tokenForRole('ADMINISTRATOR') };

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
