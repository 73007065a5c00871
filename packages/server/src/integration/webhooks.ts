import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../core/logger';
import { webhookMetrics } from '../core/metrics';
import { ApplicationClient } from '../access/application-client.entity';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { checkedLookup, webhookUrlProblem, type WebhookTargetPolicy } from './webhook-url';

export interface WebhookPolicy extends WebhookTargetPolicy {
  retryBaseMs: number;
  maxAttempts: number;
  pollMs: number;
  timeoutMs: number;
}

export const SIGNATURE_HEADER = 'x-chorus-signature';

const QUEUE_COUNT_EVERY_MS = 5000;

/** `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`: the receiver recomputes it with the shared secret. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Queues an event for the application's webhook, in the caller's unit of work; nothing when it
 * has none. Events about a ticket (`ticketId`, the raw uuid) go out to the application in the
 * order they were queued.
 */
export async function enqueueWebhook(em: EntityManager, applicationId: string, event: string, payload: Record<string, unknown>, ticketId: string | null = null): Promise<WebhookDelivery | null> {
  const application = await em.findOne(ApplicationClient, { id: applicationId });
  if (!application?.webhookUrl || !application.active) return null;
  return em.create(WebhookDelivery, { application, event, payload, ticketId });
}

/**
 * POSTs a delivery. The socket resolves the host through `checkedLookup`: it connects only to
 * addresses that passed the check (a literal address was judged by `webhookUrlProblem`). No
 * redirect is followed (it could lead to a private address); the answer's body is not read.
 */
function post(url: URL, policy: WebhookPolicy, body: string, headers: Record<string, string>): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      lookup: checkedLookup(policy),
      signal: AbortSignal.timeout(policy.timeoutMs),
    });
    req.once('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EWEBHOOKTARGET' ? new Error(`the webhook host ${e.message}`) : e));
    req.end(body);
  });
}

/**
 * Delivers due webhook calls: claims a batch with FOR UPDATE SKIP LOCKED (so several server
 * instances share the work without sending twice), POSTs each signed body, and reschedules
 * failures with exponential backoff until the last attempt. A delivery about a ticket waits
 * while an earlier one of the same ticket to the same application is still PENDING (being sent
 * or retried): the application hears IN_PROGRESS before RESOLVED. One given up on (FAILED)
 * no longer holds the next ones.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private queueCountedAt = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly policy: WebhookPolicy,
    private readonly logger: Logger,
  ) {}

  start(): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((err) => this.logger.error({ err }, 'webhook dispatch failed'))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(tick, this.policy.pollMs);
        });
    };
    this.timer = setTimeout(tick, this.policy.pollMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over the due deliveries; returns how many were attempted. */
  async runOnce(): Promise<number> {
    const em = this.orm.em.fork();
    const claimed = await em.execute<{ id: string }[]>(
      `update webhook_delivery set next_attempt_at = now() + interval '60 seconds'
        where id in (select d.id from webhook_delivery d
                      where d.status = 'PENDING' and d.next_attempt_at <= now()
                        and not exists (select 1 from webhook_delivery e
                                         where e.status = 'PENDING' and e.application_id = d.application_id
                                           and e.ticket_id = d.ticket_id and e.queue_order < d.queue_order)
                      order by d.next_attempt_at limit 20 for update of d skip locked)
        returning id`,
    );
    if (!claimed.length) {
      await this.countQueue(em, false);
      return 0;
    }
    const deliveries = await em.find(WebhookDelivery, { id: { $in: claimed.map((r) => r.id) } }, { populate: ['application'] });
    await Promise.all(deliveries.map((d) => this.attempt(d)));
    await em.flush();
    await this.countQueue(em, true);
    return deliveries.length;
  }

  /** The queue's pending and failed deliveries for /metrics: after attempts, else at most every 5 s (a scrape never queries the database). */
  private async countQueue(em: EntityManager, changed: boolean): Promise<void> {
    if (!changed && Date.now() - this.queueCountedAt < QUEUE_COUNT_EVERY_MS) return;
    this.queueCountedAt = Date.now();
    const [row] = await em.execute<{ pending: number; failed: number }[]>(
      `select count(*) filter (where status = 'PENDING')::int as pending, count(*) filter (where status = 'FAILED')::int as failed from webhook_delivery where status in ('PENDING', 'FAILED')`,
    );
    webhookMetrics.queue(row.pending, row.failed);
  }

  private async attempt(d: WebhookDelivery): Promise<void> {
    const app = d.application.getEntity();
    d.attempts += 1;
    try {
      if (!app.webhookUrl) throw new Error('the application has no webhook URL any more');
      const problem = webhookUrlProblem(app.webhookUrl, this.policy);
      if (problem) throw new Error(`the webhook URL ${problem}`);
      const body = JSON.stringify({ id: d.id, event: d.event, createdAt: d.createdAt.toISOString(), data: d.payload });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const res = await post(new URL(app.webhookUrl), this.policy, body, {
        'content-type': 'application/json',
        'user-agent': 'chorus-support-webhooks/1',
        'x-chorus-event': d.event,
        'x-chorus-delivery': d.id,
        'x-chorus-timestamp': timestamp,
        ...(app.webhookSecret ? { [SIGNATURE_HEADER]: signWebhook(app.webhookSecret, timestamp, body) } : {}),
      });
      d.lastStatusCode = res.status;
      if (res.status < 200 || res.status >= 300) throw new Error(`the receiver answered HTTP ${res.status}`);
      d.status = WebhookDeliveryStatus.DELIVERED;
      d.deliveredAt = new Date();
      d.lastError = null;
      webhookMetrics.attempt('delivered');
    } catch (e) {
      d.lastError = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      if (d.attempts >= this.policy.maxAttempts) d.status = WebhookDeliveryStatus.FAILED;
      else d.nextAttemptAt = new Date(Date.now() + this.policy.retryBaseMs * 2 ** (d.attempts - 1));
      webhookMetrics.attempt(d.status === WebhookDeliveryStatus.FAILED ? 'failed' : 'retry');
      this.logger.warn({ delivery: d.id, attempts: d.attempts, error: d.lastError }, 'webhook delivery failed');
    }
  }
}
