/**
 * Fair shares of one instance: each caller (a person, an application) has at most
 * `concurrency` operations running here at once; the next ones wait in line, holding
 * nothing — no database connection, no CPU — and past `maxWaiting` are refused with
 * THROTTLED. A retry storm from one business application then queues behind itself
 * instead of in front of everybody else.
 */
export class Admission {
  private readonly byCaller = new Map<string, { running: number; waiting: (() => void)[] }>();

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  /** Resolves with the function that frees the slot (idempotent), or null when the line is full. */
  async enter(caller: string): Promise<(() => void) | null> {
    let lane = this.byCaller.get(caller);
    if (!lane) this.byCaller.set(caller, (lane = { running: 0, waiting: [] }));
    if (lane.running >= this.concurrency) {
      if (lane.waiting.length >= this.maxWaiting) return null;
      await new Promise<void>((resolve) => lane!.waiting.push(resolve));
      // the slot was handed over by its previous holder: `running` did not change
    } else lane.running++;
    let freed = false;
    return () => {
      if (freed) return;
      freed = true;
      const next = lane!.waiting.shift();
      if (next) next();
      else if (--lane!.running === 0) this.byCaller.delete(caller);
    };
  }

  /** Operations running for a caller (for tests and metrics). */
  running(caller: string): number {
    return this.byCaller.get(caller)?.running ?? 0;
  }
}
