/**
 * Batches work per key within this process: while one batch for a key runs, new items for
 * that key wait here — holding no database connection — and the next batch takes them all
 * at once. A burst for one key then costs a few transactions instead of one each, and never
 * more than one pooled connection per key and instance: with more waiters than
 * connections, waiting in PostgreSQL (on a lock, holding a connection) would stall
 * everything. Cross-instance exclusion stays with PostgreSQL (a transaction-scoped lock).
 */
export class KeyedBatcher<I, O> {
  private readonly pending = new Map<string, { item: I; resolve(o: O): void; reject(e: unknown): void }[]>();
  private readonly running = new Set<string>();

  constructor(
    /** Processes one batch; answers one outcome (a value or an Error) per item, in order. */
    private readonly process: (key: string, items: I[]) => Promise<(O | Error)[]>,
    private readonly maxBatch = 200,
  ) {}

  run(key: string, item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      let queue = this.pending.get(key);
      if (!queue) this.pending.set(key, (queue = []));
      queue.push({ item, resolve, reject });
      if (!this.running.has(key)) void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    this.running.add(key);
    try {
      for (;;) {
        const queue = this.pending.get(key);
        if (!queue?.length) break;
        const batch = queue.splice(0, this.maxBatch);
        if (!queue.length) this.pending.delete(key);
        try {
          const outcomes = await this.process(key, batch.map((b) => b.item));
          batch.forEach((b, i) => (outcomes[i] instanceof Error ? b.reject(outcomes[i]) : b.resolve(outcomes[i] as O)));
        } catch (e) {
          batch.forEach((b) => b.reject(e));
        }
      }
    } finally {
      this.running.delete(key);
    }
  }
}
