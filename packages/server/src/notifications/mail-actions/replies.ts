/**
 * Replies by mail become comments. Each ticket mail carries a Reply-To unique to its
 * ticket and recipient (reply+<code>@REPLY_DOMAIN, see tokens.ts and the outbox's
 * delivery); this inbound SMTP listener (INBOUND_SMTP_PORT, off by default) takes mail for
 * those addresses only: RCPT is refused for any other address, or when the sender is not
 * the person the address was written for. The text, without its quoted history and
 * signature, becomes a PUBLIC comment through the desk's own `addComment` as that person,
 * and its attachments become ticket attachments through the attachments module (upload,
 * receive, attach: its checks), all in one transaction. A person who may not comment gets
 * the refusal in French as the SMTP answer (their server bounces it to them).
 * Plain SMTP, no AUTH: it sits behind the organisation's MTA, which does TLS and SPF/DKIM.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { personViewer } from '../../access/authenticate';
import { addTicketAttachment, createUpload, pendingUpload, receiveUpload, UploadPurpose } from '../../attachments';
import type { Config } from '../../core/config';
import type { MikroORM } from '../../core/database';
import { DomainError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { TEXT } from '../../core/validation';
import { addComment } from '../../service-desk';
import { codeOfAddress } from './tokens';

export interface InboundSmtp {
  port: number;
  stop(): Promise<void>;
}

interface Target {
  ticketId: string;
  personId: string;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * The reply's own text: lines quoted with '>' dropped, and everything from the quote's
 * header (« Le … a écrit : », "On … wrote:", possibly wrapped on two lines) or the
 * signature separator ('-- ') on.
 */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  const header = (l: string) => /^\s*(Le|On)\s.+\s(a écrit|wrote)\s?:\s*$/i.test(l);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/^-- ?$/.test(l) || header(l) || (/^\s*(Le|On)\s/.test(l) && i + 1 < lines.length && header(`${l} ${lines[i + 1]}`))) break;
    if (/^-{2,}\s*(Message d’origine|Message d'origine|Original Message)/i.test(l)) break;
    if (/^\s*>/.test(l)) continue;
    out.push(l);
  }
  return out.join('\n').replace(/[^\S\n]+$/gm, '').replace(/^\n+|\n+$/g, '').replace(/\n{3,}/g, '\n\n');
}

/** The French answer to a refused comment or attachment. */
function refusalText(e: DomainError): string {
  switch (e.code) {
    case 'NOT_YOUR_STRUCTURE':
    case 'READ_ONLY_ROLE':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
      return 'Vous ne pouvez pas commenter cette demande par mail : seuls le support et le correspondant (CCA) de la structure peuvent y répondre. Votre message n’a pas été ajouté.';
    case 'TICKET_CLOSED':
      return 'Cette demande est clôturée : rouvrez-la depuis la plateforme pour y répondre. Votre message n’a pas été ajouté.';
    case 'TICKET_FINISHED':
      return 'Cette demande est annulée : elle ne prend plus de réponse. Votre message n’a pas été ajouté.';
    default:
      return `Votre réponse n’a pas pu être ajoutée à la demande (règle ${e.code}). Votre message n’a pas été ajouté ; répondez depuis la plateforme.`;
  }
}

export async function startInboundSmtp(orm: MikroORM, config: Config, logger: Logger): Promise<InboundSmtp | null> {
  const n = config.notifications;
  if (n.inbound.port === undefined) return null;
  const targets = new WeakMap<SMTPServerSession, Target>();
  // per sender: when their last messages came (a sliding hour)
  const recent = new Map<string, number[]>();
  const allowed = (sender: string) => {
    const now = Date.now();
    const times = (recent.get(sender) ?? []).filter((t) => t > now - 3_600_000);
    if (recent.size > 10_000) recent.clear(); // bounded memory; a flood of senders resets the window
    if (times.length >= n.inbound.ratePerHour) return false;
    times.push(now);
    recent.set(sender, times);
    return true;
  };

  const server = new SMTPServer({
    name: n.replyDomain,
    banner: 'Support Chorus : réponses aux notifications',
    size: n.inbound.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    // a client that keeps its connection open must not hold the shutdown past its timeout
    closeTimeout: 3000,
    onMailFrom(address: SMTPServerAddress, _session, callback) {
      if (!allowed(address.address.toLowerCase())) return callback(smtpError(450, '4.7.1 Trop de messages de cette adresse : réessayez plus tard.'));
      callback();
    },
    onRcptTo(address: SMTPServerAddress, session, callback) {
      const code = codeOfAddress(address.address, n.replyDomain);
      if (!code) return callback(smtpError(550, '5.1.1 Adresse inconnue : seules les adresses de réponse aux notifications sont acceptées.'));
      if (targets.has(session)) return callback(smtpError(452, '4.5.3 Une seule demande par message.'));
      orm.em
        .fork()
        .execute<{ ticket_id: string; person_id: string; email: string }[]>(
          `select r.ticket_id, r.person_id, p.email from notification_reply_address r join person p on p.id = r.person_id and p.active where r.code = ?`,
          [code],
        )
        .then(([row]) => {
          if (!row) return callback(smtpError(550, '5.1.1 Adresse de réponse inconnue.'));
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : '';
          // the address was written for one person: a reply from anyone else is theirs to send from the platform
          if (from !== row.email.toLowerCase()) return callback(smtpError(550, '5.7.1 Cette adresse de réponse a été envoyée à une autre personne : répondez depuis votre propre messagerie ou depuis la plateforme.'));
          targets.set(session, { ticketId: row.ticket_id, personId: row.person_id });
          callback();
        })
        .catch((e) => {
          logger.error({ err: e }, 'inbound mail: reply address lookup failed');
          callback(smtpError(451, '4.3.0 Erreur temporaire, réessayez plus tard.'));
        });
    },
    onData(stream, session, callback) {
      const target = targets.get(session);
      simpleParser(stream)
        .then(async (parsed) => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) throw smtpError(552, `5.3.4 Message trop volumineux (au plus ${n.inbound.maxBytes} octets).`);
          if (!target) throw smtpError(503, '5.5.1 Aucun destinataire accepté.');
          const body = replyText(parsed.text ?? '').replace(/[^\P{Cc}\n\t]/gu, '');
          if (!body) throw smtpError(550, '5.6.0 Votre réponse est vide (seul le message cité a été trouvé) : rien n’a été ajouté.');
          if (body.length > TEXT.long) throw smtpError(552, `5.3.4 Votre réponse dépasse ${TEXT.long} caractères.`);
          const files = parsed.attachments.filter((a) => a.contentDisposition !== 'inline' || !a.related);
          await orm.em.fork().transactional(async (tx) => {
            const viewer = await personViewer(tx, target.personId);
            await addComment(tx, viewer, target.ticketId, body, false);
            for (const a of files) {
              const { file } = await createUpload(tx, viewer, config.files, { fileName: a.filename || 'piece-jointe', purpose: UploadPurpose.TICKET_ATTACHMENT });
              await receiveUpload(tx, config.files, await pendingUpload(tx, file.id), (async function* () { yield a.content; })(), { contentLength: a.content.length, sha256: null });
              await addTicketAttachment(tx, viewer, config.files, { ticketId: target.ticketId, uploadId: file.id, internal: false });
            }
          });
          logger.info({ ticket: target.ticketId, person: target.personId, attachments: files.length }, 'reply by mail added as a comment');
          callback();
        })
        .catch((e) => {
          if ((e as { responseCode?: number }).responseCode) return callback(e);
          if (e instanceof DomainError) return callback(smtpError(550, `5.7.1 ${refusalText(e)}`));
          if ((e as { extensions?: { code?: string } })?.extensions?.code === 'UNAUTHENTICATED') return callback(smtpError(550, '5.7.1 Vous n’avez plus accès à la plateforme.'));
          logger.error({ err: e }, 'inbound mail failed');
          callback(smtpError(451, '4.3.0 Erreur temporaire, réessayez plus tard.'));
        });
    },
  });
  server.on('error', (err) => logger.warn({ err }, 'inbound SMTP error'));
  await new Promise<void>((ok, fail) => {
    server.server.once('error', fail);
    server.listen(n.inbound.port, n.inbound.host, () => ok());
  });
  const port = (server.server.address() as AddressInfo).port;
  logger.info(`inbound SMTP for replies listening on ${n.inbound.host}:${port} (addresses reply+…@${n.replyDomain})`);
  return { port, stop: () => new Promise<void>((ok) => server.close(() => ok())) };
}
