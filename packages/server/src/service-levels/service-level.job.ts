import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../core/logger';
import { announceCrossings, dueCrossings, refreshSnapshots, staleTickets } from './service-level.service';

/**
 * The service-level job of every instance: computes the standings of tickets never
 * computed or changed since (after a rule change, all of them), then announces the
 * crossings that time brought. Several instances run it at once safely: snapshots are
 * upserts, and a crossing is announced only by whoever claims its unique row.
 */
export class ServiceLevelJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly pollMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((err) => this.logger.error({ err }, 'service-level job failed'))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(tick, this.pollMs);
        });
    };
    this.timer = setTimeout(tick, this.pollMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass; returns how many tickets were refreshed and how many events announced. */
  async runOnce(): Promise<{ refreshed: number; announced: number }> {
    const em = this.orm.em.fork();
    const stale = await staleTickets(em);
    if (stale.length) await em.transactional((tem) => refreshSnapshots(tem, stale));
    let announced = 0;
    for (const ticketId of await dueCrossings(em)) {
      if (this.stopped) break;
      // the history events reach ticketEvents through the database's own trigger
      announced += (await announceCrossings(this.orm.em.fork(), ticketId)).length;
    }
    return { refreshed: stale.length, announced };
  }
}
