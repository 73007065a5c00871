/**
 * The retention job (RGPD, storage limitation): on the job queue (core/job-queue.ts), at
 * RETENTION_CRON, it deletes what has outlived its retention, each kind only when its
 * duration is set (0: kept for ever, the default):
 * - tickets CLOSED or CANCELLED for more than RETENTION_TICKET_DAYS (since `closed_at`, or their
 *   last change for a cancelled one), with everything hanging on them: history (the one delete
 *   the history's trigger lets through, under `chorus.retention_purge`), comments, attachments and
 *   their bytes, service-level rows, known-error links, incident filings, webhook deliveries and
 *   mails about them (and the reply addresses of those mails). The statistics then count the tickets that remain: those of the periods
 *   kept;
 * - chatbot conversations idle for more than RETENTION_CONVERSATION_DAYS, with their turns,
 *   feedback and decided ticket requests (a conversation whose request a CCA has not decided yet
 *   stays; a ticket opened from one keeps itself, without the link);
 * - the files of tickets closed for more than RETENTION_FILE_DAYS (the ticket stays, its
 *   attachments go).
 * Each kind goes in batches, one transaction each; a run that purged anything is recorded in
 * the audit (RETENTION_PURGED, by the platform) in the transaction of its last batch.
 */
import { sqlLiteral } from '../core/sql';
import { TicketStatus } from '../service-desk';
import type pg from 'pg';
import { AuditAction } from '../audit/audit.enums';
import { recordSystemAudit } from '../audit/audit.service';
import { storeFor } from '../attachments/file-store';
import type { Config } from '../core/config';
import type { MikroORM } from '../core/database';
import { startJobRunner, type JobContext, type JobRunner } from '../core/job-queue';
import type { Logger } from '../core/logger';

export const RETENTION_TASK = 'privacy:retention-purge';
const BATCH = 500;
const CLOSED = `status in (${sqlLiteral(TicketStatus.CLOSED)}, ${sqlLiteral(TicketStatus.CANCELLED)})`;

export interface RetentionSettings {
  ticketDays: number;
  conversationDays: number;
  fileDays: number;
}

export interface PurgeCounts {
  tickets: number;
  conversations: number;
  files: number;
}

type Client = pg.PoolClient;
const ids = async (c: Client, text: string, values: unknown[]) => (await c.query<{ id: string }>(text, values)).rows.map((r) => r.id);

/** Deletes stored files (chunks and attachment rows cascade); returns those whose bytes live outside the database. */
async function deleteFiles(c: Client, fileIds: string[]): Promise<{ id: string; store: string }[]> {
  if (!fileIds.length) return [];
  return (await c.query<{ id: string; store: string }>(`delete from stored_file where id = any($1::uuid[]) returning id, store`, [fileIds])).rows.filter((f) => f.store !== 'postgres');
}

async function purgeTicketBatch(c: Client, cutoff: Date): Promise<{ n: number; outside: { id: string; store: string }[] }> {
  const doomed = await ids(c, `select id from ticket where ${CLOSED} and coalesce(closed_at, updated_at) < $1 order by id limit ${BATCH} for update skip locked`, [cutoff]);
  if (!doomed.length) return { n: 0, outside: [] };
  await c.query(`select set_config('chorus.retention_purge', 'on', true)`);
  const outside = await deleteFiles(c, await ids(c, `select file_id as id from ticket_attachment where ticket_id = any($1::uuid[])`, [doomed]));
  await c.query(`delete from incident_filing where ticket_id = any($1::uuid[])`, [doomed]);
  await c.query(`delete from webhook_delivery where ticket_id = any($1::uuid[])`, [doomed]);
  await c.query(`delete from notification where ticket_id = any($1::uuid[])`, [doomed]);
  await c.query(`delete from notification_reply_address where ticket_id = any($1::uuid[])`, [doomed]);
  await c.query(`update ticket_request set ticket_id = null where ticket_id = any($1::uuid[])`, [doomed]);
  await c.query(`delete from ticket where id = any($1::uuid[])`, [doomed]);
  await c.query(`select set_config('chorus.retention_purge', '', true)`);
  return { n: doomed.length, outside };
}

async function purgeConversationBatch(c: Client, cutoff: Date): Promise<number> {
  const doomed = await ids(
    c,
    `select id from conversation cv where last_activity_at < $1
        and not exists (select 1 from ticket_request r where r.conversation_id = cv.id and r.status = 'PENDING')
      order by id limit ${BATCH} for update skip locked`,
    [cutoff],
  );
  if (!doomed.length) return 0;
  await c.query(`delete from ticket_request where conversation_id = any($1::uuid[])`, [doomed]);
  // the review queue keeps the message it learnt from, not the link to a conversation that is gone
  await c.query(`update review_entry set conversation_id = null where conversation_id = any($1::uuid[])`, [doomed]);
  await c.query(`delete from conversation where id = any($1::uuid[])`, [doomed]);
  return doomed.length;
}

async function purgeFileBatch(c: Client, cutoff: Date): Promise<{ n: number; outside: { id: string; store: string }[] }> {
  const rows = (
    await c.query<{ file_id: string; ticket_id: string }>(
      `select a.file_id, a.ticket_id from ticket_attachment a join ticket t on t.id = a.ticket_id
        where t.${CLOSED} and coalesce(t.closed_at, t.updated_at) < $1 order by a.id limit ${BATCH} for update of t skip locked`,
      [cutoff],
    )
  ).rows;
  if (!rows.length) return { n: 0, outside: [] };
  const outside = await deleteFiles(c, rows.map((r) => r.file_id));
  // the tickets' counters follow their attachments
  await c.query(
    `update ticket t set attachment_count = 0, public_attachment_count = 0, attachment_bytes = 0
      where t.id = any($1::uuid[]) and not exists (select 1 from ticket_attachment a where a.ticket_id = t.id)`,
    [[...new Set(rows.map((r) => r.ticket_id))]],
  );
  return { n: rows.length, outside };
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** One run of the job; `now` is the moment it acts as (a test or a manual run may pass one). */
export async function purgeExpired(job: Pick<JobContext, 'transaction'>, settings: RetentionSettings, now = new Date(), logger?: Logger): Promise<PurgeCounts> {
  const counts: PurgeCounts = { tickets: 0, conversations: 0, files: 0 };
  const outside: { id: string; store: string }[] = [];
  const loop = async (days: number, batch: (c: Client, cutoff: Date) => Promise<number | { n: number; outside: { id: string; store: string }[] }>, key: keyof PurgeCounts) => {
    if (!days) return;
    const cutoff = daysBefore(now, days);
    for (;;) {
      const r = await job.transaction((c) => batch(c, cutoff));
      const n = typeof r === 'number' ? r : r.n;
      if (typeof r !== 'number') outside.push(...r.outside);
      counts[key] += n;
      if (n < BATCH) break;
    }
  };
  await loop(settings.ticketDays, purgeTicketBatch, 'tickets');
  await loop(settings.fileDays, purgeFileBatch, 'files');
  await loop(settings.conversationDays, purgeConversationBatch, 'conversations');
  if (counts.tickets || counts.conversations || counts.files) {
    await job.transaction((c) =>
      recordSystemAudit(c, {
        action: AuditAction.RETENTION_PURGED,
        target: { type: 'RetentionPurge', id: null },
        after: { ...counts, ticketDays: settings.ticketDays, conversationDays: settings.conversationDays, fileDays: settings.fileDays },
      }),
    );
  }
  // bytes kept outside the database go once their rows are gone (deleting twice is harmless)
  for (const f of outside) await storeFor(f.store).discard?.(f.id).catch((err: unknown) => logger?.warn({ err, fileId: f.id }, 'retention: stored object not deleted'));
  return counts;
}

/**
 * Starts the retention job on this instance when a retention is set (nothing otherwise): a
 * pool of two connections, one job at a time; the queue runs each tick once across instances.
 */
export async function startRetention(orm: MikroORM, config: Config, logger: Logger): Promise<JobRunner | null> {
  const r = config.retention;
  if (!r.ticketDays && !r.conversationDays && !r.fileDays) return null;
  logger.info({ retention: r }, 'retention job on');
  return startJobRunner({
    connectionString: orm.config.getClientUrl(),
    poolSize: 2,
    concurrency: 1,
    pollMs: 2000,
    logger,
    tasks: {
      [RETENTION_TASK]: async (payload, job) => {
        const at = (payload as { at?: string } | null)?.at;
        const counts = await purgeExpired(job, r, at ? new Date(at) : new Date(), logger);
        logger.info({ purged: counts }, 'retention purge done');
      },
    },
    recurring: [{ task: RETENTION_TASK, cron: r.cron }],
  });
}
