/**
 * Runs tasks one at a time per key within this process. A burst of requests for one key
 * then waits here, holding no database connection, instead of each taking a pooled
 * connection only to wait on a lock in PostgreSQL: with more waiters than connections,
 * the lock holder could no longer get the connection it needs and everything stalls.
 * Cross-instance exclusion stays with PostgreSQL (a transaction-scoped lock).
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await task();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Keys with a task running or waiting (for tests and metrics). */
  get size(): number {
    return this.tails.size;
  }
}
