/**
 * The two steps of the outbox, run as jobs of the queue (core/job-queue.ts):
 *
 * - DECIDE (`notifications:decide`, added by the source tables' triggers in the
 *   transaction that inserted the row): the kinds of that table say whether the row is news,
 *   to whom, and what they read; each recipient is checked against the read policy, their
 *   preference applied, and one `notification` row per (source, recipient, kind) written
 *   with its mail rendered — with, in the same transaction, the job that delivers it.
 * - DELIVER (`notifications:deliver`): under the row's lock (SKIP LOCKED: another instance
 *   holding it is sending it), send, mark SENT with the relay's message id; on failure count
 *   the attempt and come back after retryBaseMs × 2^(attempt-1), FAILED after maxAttempts.
 *
 * DAILY_DIGEST rows wait for `notifications:digest` (every hour; it sends what was decided
 * before the last digest hour, one mail per person).
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { DateTime } from 'luxon';
import { personViewer } from '../access/authenticate';
import { ADD_JOB_SQL, type JobContext } from '../core/job-queue';
import type { Logger } from '../core/logger';
import { kindsOf, type RenderContext, type SqlReader } from './kinds';
import { NotificationDelivery, NotificationKind, NotificationStatus } from './notification.enums';
import type { Mailer } from './mailer';
import { renderMail, type Block } from './render';
import { replyAddress, replyCode } from './mail-actions/tokens';

export const DECIDE_TASK = 'notifications:decide';
export const DELIVER_TASK = 'notifications:deliver';
export const DIGEST_TASK = 'notifications:digest';

export interface OutboxSettings {
  /** Null: no transport (no SMTP_URL, or NOTIFICATIONS=off): rows are HELD. */
  mailer: Mailer | null;
  maxAttempts: number;
  retryBaseMs: number;
  digestHour: number;
  render: RenderContext;
  /** Replies by mail (mail-actions/replies.ts): a ticket's mail carries a Reply-To of its ticket and recipient; null when the inbound listener is off. */
  replies: { secret: string; domain: string } | null;
  /** Development: where a HELD mail can be read (GET /dev/mails/:id), logged for each. */
  devMailsUrl: string | null;
  logger: Logger;
}

interface Decided {
  id: string;
  kind: NotificationKind;
  recipientId: string;
  email: string;
  ticketId: string | null;
  delivery: NotificationDelivery;
  subject: string;
  text: string;
  html: string;
}

interface PersonRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
}

/** A person's choice for each kind they set one for. */
async function preferences(db: SqlReader, personIds: string[]): Promise<Map<string, NotificationDelivery>> {
  if (!personIds.length) return new Map();
  const rows = await db.execute<{ person_id: string; kind: string; delivery: NotificationDelivery }[]>(
    `select person_id, kind, delivery from notification_preference where person_id = any(?::uuid[])`,
    [personIds],
  );
  return new Map(rows.map((r) => [`${r.person_id}:${r.kind}`, r.delivery]));
}

/** DECIDE for one committed source row: writes its notifications (none twice) and their delivery jobs. */
export async function decide(table: string, id: string, job: JobContext, s: OutboxSettings): Promise<number> {
  const kinds = kindsOf(table);
  if (!kinds.length) return 0;
  const db: SqlReader = job;
  const source = kinds[0].source;
  const facts = await source.load(db, id);
  if (!facts) return 0;
  const actor = source.actorId(facts);
  const wanted: { kind: (typeof kinds)[number]; personId: string }[] = [];
  for (const kind of kinds) {
    if (!kind.applies(facts)) continue;
    for (const personId of new Set(await kind.recipients(db, facts))) if (personId !== actor) wanted.push({ kind, personId });
  }
  if (!wanted.length) return 0;
  const ids = [...new Set(wanted.map((w) => w.personId))];
  const people = new Map(
    (await db.execute<PersonRow[]>(`select id, email, first_name, last_name from person where active and id = any(?::uuid[])`, [ids])).map((p) => [p.id, p]),
  );
  const prefs = await preferences(db, ids);
  const viewers = new Map<string, Awaited<ReturnType<typeof personViewer>> | null>();
  const decided: Decided[] = [];
  for (const { kind, personId } of wanted) {
    const person = people.get(personId);
    if (!person) continue;
    if (!viewers.has(personId)) viewers.set(personId, await personViewer(job, personId).catch(() => null));
    const viewer = viewers.get(personId);
    // the same rule as the read: who may not see it is not told it
    if (!viewer || !kind.maySee(viewer, facts)) continue;
    const delivery = prefs.get(`${personId}:${kind.kind}`) ?? NotificationDelivery.IMMEDIATE;
    if (delivery === NotificationDelivery.NONE) continue;
    const mail = kind.render(facts, { personId, email: person.email, firstName: person.first_name, lastName: person.last_name }, s.render);
    decided.push({ id: randomUUID(), kind: kind.kind, recipientId: personId, email: person.email, ticketId: source.ticketId?.(facts) ?? null, delivery, ...mail });
  }
  if (!decided.length) return 0;
  const status = s.mailer ? NotificationStatus.PENDING : NotificationStatus.HELD;
  const written = await job.transaction(async (c) => {
    const out: Decided[] = [];
    for (const d of decided) {
      const { rows } = await c.query(
        `insert into notification (id, source_table, source_id, kind, recipient_id, recipient_email, ticket_id, delivery, status, subject, text_body, html_body)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         on conflict (source_table, source_id, recipient_id, kind) do nothing returning id`,
        [d.id, table, id, d.kind, d.recipientId, d.email, d.ticketId, d.delivery, status, d.subject, d.text, d.html],
      );
      if (!rows.length) continue; // decided before (a retried job, another instance)
      out.push(d);
      if (status === NotificationStatus.PENDING && d.delivery === NotificationDelivery.IMMEDIATE)
        await c.query(ADD_JOB_SQL, [DELIVER_TASK, JSON.stringify({ id: d.id }), `deliver:${d.id}`, null, s.maxAttempts + 5]);
    }
    return out;
  });
  if (!s.mailer)
    for (const d of written)
      s.logger.info({ notification: d.id, kind: d.kind, to: d.email, ...(s.devMailsUrl ? { read: `${s.devMailsUrl}/${d.id}` } : {}) }, `mail kept in the outbox (no transport): ${d.subject}`);
  return written.length;
}

/** The wait before attempt `attempt + 1`. */
export const retryDelayMs = (s: Pick<OutboxSettings, 'retryBaseMs'>, attempt: number) => s.retryBaseMs * 2 ** Math.max(0, attempt - 1);

const errorText = (e: unknown) => String((e as Error)?.message ?? e).slice(0, 1000);

/** DELIVER one notification (see the file's comment). */
export async function deliver(id: string, job: JobContext, s: OutboxSettings): Promise<void> {
  const mailer = s.mailer;
  if (!mailer) return;
  await job.transaction(async (c) => {
    const { rows } = await c.query<{ recipient_email: string; recipient_id: string; ticket_id: string | null; subject: string; text_body: string; html_body: string; attempts: number }>(
      `select recipient_email, recipient_id, ticket_id, subject, text_body, html_body, attempts from notification where id = $1 and status = 'PENDING' for update skip locked`,
      [id],
    );
    const n = rows[0];
    if (!n) return; // sent, failed, or being sent by another instance
    const replyTo = n.ticket_id && s.replies ? await replyAddressFor(c, s.replies, n.ticket_id, n.recipient_id) : undefined;
    try {
      const { messageId } = await mailer.send({ to: n.recipient_email, subject: n.subject, text: n.text_body, html: n.html_body, replyTo });
      await c.query(`update notification set status = 'SENT', message_id = $2, sent_at = now(), attempts = attempts + 1, last_error = null, updated_at = now() where id = $1`, [id, messageId]);
    } catch (e) {
      await failedAttempt(c, [id], n.attempts + 1, errorText(e), s);
      if (n.attempts + 1 < s.maxAttempts) {
        const at = new Date(Date.now() + retryDelayMs(s, n.attempts + 1));
        await c.query(ADD_JOB_SQL, [DELIVER_TASK, JSON.stringify({ id }), `deliver:${id}`, at.toISOString(), s.maxAttempts + 5]);
      }
      s.logger.warn({ notification: id, attempt: n.attempts + 1, err: e }, 'mail not delivered');
    }
  });
}

/** The ticket's reply address for this recipient, recorded so the inbound listener knows what its code stands for. */
async function replyAddressFor(c: pg.PoolClient, r: { secret: string; domain: string }, ticketId: string, personId: string): Promise<string> {
  const code = replyCode(r.secret, ticketId, personId);
  await c.query(`insert into notification_reply_address (code, ticket_id, person_id) values ($1, $2, $3) on conflict do nothing`, [code, ticketId, personId]);
  return replyAddress(code, r.domain);
}

async function failedAttempt(c: pg.PoolClient, ids: string[], attempts: number, error: string, s: OutboxSettings) {
  await c.query(
    `update notification set attempts = $2::int, last_error = $3::text, status = case when $2::int >= $4::int then 'FAILED' else status end, updated_at = now() where id = any($1::uuid[])`,
    [ids, attempts, error, s.maxAttempts],
  );
}

/** The last digest moment at or before `at`: today's (or yesterday's) digest hour in the zone. */
export function lastDigestMoment(at: Date, hour: number, zone: string): Date {
  const local = DateTime.fromJSDate(at, { zone });
  let moment = local.set({ hour, minute: 0, second: 0, millisecond: 0 });
  if (moment > local) moment = moment.minus({ days: 1 });
  return moment.toJSDate();
}

/**
 * DIGEST: for each person, the DAILY_DIGEST notifications decided before the last digest
 * moment, in one mail. Idempotent (what it sends is SENT), so it runs every hour and whenever
 * asked (`at`: the moment to act as, for tests and a manual run).
 */
export async function sendDigests(at: Date, job: JobContext, s: OutboxSettings): Promise<number> {
  const mailer = s.mailer;
  if (!mailer) return 0;
  const cutoff = lastDigestMoment(at, s.digestHour, s.render.timeZone);
  const { rows: people } = await job.query<{ recipient_id: string }>(
    `select distinct recipient_id from notification where delivery = 'DAILY_DIGEST' and status = 'PENDING' and created_at <= $1`,
    [cutoff],
  );
  let sent = 0;
  for (const { recipient_id } of people) {
    await job.transaction(async (c) => {
      const { rows } = await c.query<{ id: string; recipient_email: string; subject: string; text_body: string; attempts: number; created_at: Date }>(
        `select id, recipient_email, subject, text_body, attempts, created_at from notification
          where recipient_id = $1 and delivery = 'DAILY_DIGEST' and status = 'PENDING' and created_at <= $2
          order by created_at, id for update skip locked`,
        [recipient_id, cutoff],
      );
      if (!rows.length) return;
      const ids = rows.map((r) => r.id);
      const mail = digestMail(rows, s);
      try {
        const { messageId } = await mailer.send({ to: rows[0].recipient_email, ...mail });
        await c.query(`update notification set status = 'SENT', message_id = $2, sent_at = now(), attempts = attempts + 1, last_error = null, updated_at = now() where id = any($1::uuid[])`, [ids, messageId]);
        sent += 1;
      } catch (e) {
        // the next hourly run tries again
        await failedAttempt(c, ids, Math.max(...rows.map((r) => r.attempts)) + 1, errorText(e), s);
        s.logger.warn({ recipient: recipient_id, err: e }, 'digest not delivered');
      }
    });
  }
  return sent;
}

function digestMail(rows: { subject: string; text_body: string; created_at: Date }[], s: OutboxSettings) {
  const count = rows.length === 1 ? '1 notification' : `${rows.length} notifications`;
  const blocks: Block[] = [{ p: `Voici le récapitulatif de vos notifications du service desk Chorus (${count}).` }];
  for (const r of rows) {
    blocks.push({ h2: r.subject });
    // each notification's own text, without its signature
    blocks.push({ quote: r.text_body.split('\n--\n')[0].trim() });
  }
  return renderMail({
    subject: `Récapitulatif quotidien du support Chorus : ${count}`,
    heading: `Votre récapitulatif quotidien (${count})`,
    blocks,
    footer: `Vous recevez ce récapitulatif une fois par jour, à ${s.digestHour} h, parce que vous avez choisi le récapitulatif quotidien pour ces notifications. Vous pouvez changer ce choix dans vos préférences de notification.`,
  });
}
