import type { Config } from '../core/config';
import type { MikroORM } from '../core/database';
import { startJobRunner, type JobRunner } from '../core/job-queue';
import type { Logger } from '../core/logger';
import { smtpMailer } from './mailer';
import { MAIL_ACTIONS_PATH } from './mail-actions/router';
import { signAction } from './mail-actions/tokens';
import { dueReminders, TRAINING_REMINDER_SOURCE } from './training.kinds';
import { decide, deliver, DECIDE_TASK, DELIVER_TASK, DIGEST_TASK, sendDigests, type OutboxSettings } from './outbox';

export const DEV_MAILS_PATH = '/dev/mails';
export const REMINDERS_TASK = 'notifications:training-reminders';

/** Where this instance is reached, for links in mails when PUBLIC_URL is unset. */
export interface NotificationsStart {
  orm: MikroORM;
  config: Config;
  logger: Logger;
  /** This server's own base URL (http://host:port). */
  selfUrl: string;
}

/**
 * Starts the outbox's worker on this instance: a small pool of its own (3 connections, one
 * of them the queue's LISTEN), two jobs at a time. Every instance runs one; the queue's
 * SKIP LOCKED shares the jobs between them.
 */
export async function startNotifications({ orm, config, logger, selfUrl }: NotificationsStart): Promise<JobRunner> {
  const n = config.notifications;
  const mailer = n.enabled && n.smtpUrl ? smtpMailer(n.smtpUrl, n.mailFrom) : null;
  if (!n.enabled) logger.info('mail is off (NOTIFICATIONS=off): no notification is decided or sent');
  else if (!mailer) logger.info(`no SMTP_URL: notifications are kept in the outbox as HELD, readable by administrators${config.env === 'production' ? '' : ` and at ${selfUrl}${DEV_MAILS_PATH}/<id>`}`);
  const settings: OutboxSettings = {
    mailer,
    maxAttempts: n.maxAttempts,
    retryBaseMs: n.retryBaseMs,
    digestHour: n.digestHour,
    render: {
      timeZone: n.timeZone,
      publicUrl: n.publicUrl ?? selfUrl,
      actionUrl: (action, personId, objectId) => `${n.publicUrl ?? selfUrl}${MAIL_ACTIONS_PATH}/${signAction(n.actionSecret, { action, personId, objectId }, n.actionTtlSeconds)}`,
    },
    replies: n.inbound.port !== undefined ? { secret: n.actionSecret, domain: n.replyDomain } : null,
    devMailsUrl: config.env === 'production' ? null : `${selfUrl}${DEV_MAILS_PATH}`,
    logger,
  };
  const runner = await startJobRunner({
    connectionString: orm.config.getClientUrl(),
    poolSize: 3,
    concurrency: 2,
    pollMs: n.pollMs,
    logger,
    tasks: {
      [DECIDE_TASK]: async (payload, job) => {
        const { table, id } = payload as { table: string; id: string };
        // off: the triggers' requests are drained, nothing is decided
        if (n.enabled) await decide(table, id, job, settings);
      },
      [DELIVER_TASK]: async (payload, job) => deliver((payload as { id: string }).id, job, settings),
      // hourly: each seated trainee's reminder once their session is TRAINING_REMINDER_DAYS away (`at`: the moment to act as, for a test or a manual run)
      [REMINDERS_TASK]: async (payload, job) => {
        if (!n.enabled) return;
        const at = (payload as { at?: string } | null)?.at;
        for (const id of await dueReminders(job, at ? new Date(at) : new Date(), n.reminderDays)) await decide(TRAINING_REMINDER_SOURCE, id, job, settings);
      },
      [DIGEST_TASK]: async (payload, job) => {
        const at = (payload as { at?: string } | null)?.at;
        await sendDigests(at ? new Date(at) : new Date(), job, settings);
      },
    },
    // hourly: the digest sends what was decided before the last digest hour (in the zone), so the hour it runs at is enough
    recurring: [
      { task: DIGEST_TASK, cron: '0 * * * *' },
      { task: REMINDERS_TASK, cron: '15 * * * *' },
    ],
  });
  return {
    stop: async () => {
      await runner.stop();
      mailer?.close();
    },
  };
}
