/**
 * Replies by mail become comments, end to end: the ticket mails arrive at a real relay
 * started here with their Reply-To; a reply is sent with nodemailer to the platform's own
 * inbound SMTP listener (INBOUND_SMTP_PORT) and lands on the ticket as a public comment,
 * its quoted history and signature stripped, its attachment checked and attached.
 */
import { describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { toGlobalId } from '../packages/server/src/core/ids';
import { replyText } from '../packages/server/src/notifications';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { startTestRelay, type ReceivedMail } from './support/smtp';
import { until } from './support/until';
import { desk } from './service-desk.helpers';

const DOMAIN = 'reponses.chorus.example';
const relay = await startTestRelay();
const server = await startTestServer({
  env: { SMTP_URL: relay.url, MAIL_FROM: 'Support Chorus <support@chorus.example>', NOTIFICATION_POLL_MS: '200', INBOUND_SMTP_PORT: '0', REPLY_DOMAIN: DOMAIN, INBOUND_SMTP_RATE_PER_HOUR: '20', INBOUND_SMTP_MAX_BYTES: '100000' },
});
const { open, ok } = desk(server);
const inbound = nodemailer.createTransport({ host: '127.0.0.1', port: server.inboundSmtpPort!, secure: false, ignoreTLS: true });

async function person(where: string) {
  const { rows } = await sql(server.databaseUrl, `select p.id, p.email, p.first_name, p.last_name from person p join structure s on s.id = p.structure_id where ${where} order by p.email limit 1`);
  return rows[0] as { id: string; email: string; first_name: string; last_name: string };
}
const cca = await person(`s.code = 'CSP-LYON' and exists (select 1 from correspondent_assignment a where a.person_id = p.id and a.kind = 'CCA' and a.until is null)`);
const requester = await person(`s.code = 'CSP-LYON' and p.held_roles = '{END_USER}' and not exists (select 1 from correspondent_assignment a where a.person_id = p.id)`);
const sn1 = { token: await server.tokenForRole('SN1_AGENT') };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A ticket opened by the CCA for the requester, taken, with a public comment from SN1: its mails to both, with their Reply-To. */
async function ticketWithMails(title: string) {
  const { ticket } = await open({ token: await server.tokenFor(cca.email) }, { title, requesterId: toGlobalId('Person', requester.id) });
  const taken = await ok('TAKE', sn1, ticket);
  const r = await server.gql(`mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { userErrors { code } } }`, { input: { ticketId: taken.id, body: 'Pouvez-vous nous donner le numéro de l’EJ ?', internal: false } }, sn1);
  expect(r.body.data.addTicketComment.userErrors).toEqual([]);
  const mailOf = (email: string) => until(async () => relay.to(email).find((m) => m.parsed.subject === `[${ticket.reference}] Nouveau commentaire sur votre demande`), 15_000);
  const toCca = await mailOf(cca.email);
  const toRequester = await mailOf(requester.email);
  const ticketId = (await sql(server.databaseUrl, 'select id from ticket where reference = $1', [ticket.reference])).rows[0].id as string;
  return { reference: ticket.reference as string, ticketId, toCca, toRequester };
}

const replyTo = (m: ReceivedMail) => m.parsed.replyTo?.value[0]?.address ?? '';
const commentsOf = async (ticketId: string) =>
  (await sql(server.databaseUrl, `select c.body, c.internal, p.email from ticket_comment c left join person p on p.id = c.author_id where c.ticket_id = $1 order by c.created_at`, [ticketId])).rows;

describe('a reply by mail', () => {
  it('each ticket mail has a Reply-To of its own (ticket and recipient); the CCA’s reply becomes a public comment, quoted history stripped, with its attachment', async () => {
    const t = await ticketWithMails('Réponse par mail');
    const address = replyTo(t.toCca);
    expect(address).toMatch(new RegExp(`^reply\\+[a-z2-7]{20}@${DOMAIN.replace(/\./g, '\\.')}$`));
    expect(replyTo(t.toRequester)).toMatch(/^reply\+/);
    expect(replyTo(t.toRequester)).not.toBe(address);
    await inbound.sendMail({
      from: `${cca.first_name} ${cca.last_name} <${cca.email}>`,
      to: address,
      subject: `RE: [${t.reference}] Nouveau commentaire sur votre demande`,
      text: [
        'Bonjour,',
        '',
        'Le numéro de l’EJ est 1300004567.',
        '',
        '-- ',
        'Jeanne, CSP Lyon',
        '',
        'Le lun. 7 déc. 2026 à 21:05, Support Chorus <support@chorus.example> a écrit :',
        '> Pouvez-vous nous donner le numéro de l’EJ ?',
      ].join('\n'),
      attachments: [{ filename: 'capture-ej.png', content: PNG }],
    });
    const comments = await until(async () => {
      const rows = await commentsOf(t.ticketId);
      return rows.some((c) => c.email === cca.email) ? rows : undefined;
    }, 15_000);
    expect(comments.find((c) => c.email === cca.email)).toEqual({ body: 'Bonjour,\n\nLe numéro de l’EJ est 1300004567.', internal: false, email: cca.email });
    const { rows: files } = await sql(server.databaseUrl, `select a.name, a.content_type, a.internal, a.size from ticket_attachment a where a.ticket_id = $1`, [t.ticketId]);
    expect(files).toEqual([{ name: 'capture-ej.png', content_type: 'image/png', internal: false, size: PNG.length }]);
    // the comment is news for the requester, by mail as any comment
    const told = await until(async () => relay.to(requester.email).find((m) => m.parsed.subject?.startsWith(`[${t.reference}]`) && String(m.parsed.text).includes('1300004567')), 15_000);
    expect(told.parsed.text).not.toContain('Jeanne, CSP Lyon');
  });

  it('from a person who may not comment (the requester, not a CCA) is refused in French, and adds nothing', async () => {
    const t = await ticketWithMails('Réponse refusée');
    const err = await inbound.sendMail({ from: requester.email, to: replyTo(t.toRequester), subject: 'Re', text: 'Je réponds aussi.' }).then(
      () => null,
      (e: Error & { responseCode?: number }) => e,
    );
    expect(err?.responseCode).toBe(550);
    expect(err?.message).toContain('Vous ne pouvez pas commenter cette demande par mail');
    expect((await commentsOf(t.ticketId)).map((c) => c.body)).toEqual(['Pouvez-vous nous donner le numéro de l’EJ ?']);
  });

  it('to an unknown address, or from someone else than the address’s person, is refused at RCPT', async () => {
    const t = await ticketWithMails('Adresse d’un autre');
    const attempts = [
      { from: requester.email, to: replyTo(t.toCca) }, // the CCA's address, sent by someone else
      { from: cca.email, to: `reply+${'a'.repeat(20)}@${DOMAIN}` },
      { from: cca.email, to: `support@${DOMAIN}` },
      { from: cca.email, to: replyTo(t.toCca).replace(DOMAIN, 'ailleurs.example') },
    ];
    for (const a of attempts) {
      const err = await inbound.sendMail({ ...a, subject: 'Re', text: 'Bonjour' }).then(
        () => null,
        (e: Error & { responseCode?: number; command?: string }) => e,
      );
      expect(err?.responseCode, a.to).toBe(550);
      expect(err?.command).toBe('RCPT TO');
    }
    expect(await commentsOf(t.ticketId)).toHaveLength(1);
  });

  it('made only of the quoted history is refused (nothing to add)', async () => {
    const t = await ticketWithMails('Réponse vide');
    const err = await inbound.sendMail({ from: cca.email, to: replyTo(t.toCca), subject: 'Re', text: 'On Mon, Dec 7, 2026 at 9:05 PM Support Chorus <support@chorus.example> wrote:\n> Pouvez-vous ?' }).then(
      () => null,
      (e: Error & { responseCode?: number }) => e,
    );
    expect(err?.responseCode).toBe(550);
    expect(await commentsOf(t.ticketId)).toHaveLength(1);
  });
});

describe('the listener’s bounds', () => {
  it('refuses a message over INBOUND_SMTP_MAX_BYTES, and adds nothing', async () => {
    const t = await ticketWithMails('Réponse trop grosse');
    const big = Buffer.concat([PNG, Buffer.alloc(150_000, 1)]);
    const err = await inbound.sendMail({ from: cca.email, to: replyTo(t.toCca), subject: 'Re', text: 'Voici la capture.', attachments: [{ filename: 'grosse.png', content: big }] }).then(
      () => null,
      (e: Error & { responseCode?: number }) => e,
    );
    expect(err?.responseCode).toBe(552);
    expect(await commentsOf(t.ticketId)).toHaveLength(1);
  });

  it('limits each sender to INBOUND_SMTP_RATE_PER_HOUR messages an hour', async () => {
    const send = () => inbound.sendMail({ from: 'flood@ailleurs.example', to: `reply+${'b'.repeat(20)}@${DOMAIN}`, subject: 'x', text: 'x' }).then(() => null, (e: Error & { responseCode?: number; command?: string }) => e);
    for (let i = 0; i < 20; i++) expect((await send())?.command).toBe('RCPT TO');
    const err = await send();
    expect(err?.responseCode).toBe(450);
    expect(err?.command).toBe('MAIL FROM');
  });
});

describe('replyText', () => {
  it('drops quoted lines, the quote header (even wrapped) and the signature', () => {
    expect(replyText('Merci.\n\nLe lun. 7 déc. 2026 à 21:05, Support Chorus\n<support@chorus.example> a écrit :\n> Question')).toBe('Merci.');
    expect(replyText('Ok\r\n> cité\r\nsuite\r\n-- \r\nSignature')).toBe('Ok\nsuite');
    expect(replyText('Yes.\n\nOn Mon, Dec 7, 2026 at 9:05 PM Support <s@x> wrote:\n> q')).toBe('Yes.');
    expect(replyText('Réponse\n\n-----Message d’origine-----\nDe : support')).toBe('Réponse');
  });
});
