/**
 * What the directory said about a credential, kept for a few seconds so that a burst of
 * requests (a retry storm, a busy front end) does not read the same person or key on
 * every request. Correctness does not rest on the time limit: PostgreSQL triggers announce
 * every change of a person, assignment, key or application (CREDENTIALS_CHANGED), and each
 * instance drops the entries concerned when it hears of it; the time limit bounds what a
 * change nobody announces (an assignment starting or ending by the clock, a notification
 * lost while the event connection was down) can outlive.
 */
import type { CredentialsChange } from '../core/live-connections';

interface Entry<T> {
  value: T;
  until: number;
  /** Which principal the entry belongs to, for targeted invalidation. */
  principal: string;
}

export class CredentialCache<T = unknown> {
  private readonly entries = new Map<string, Entry<T>>();
  /** Reads in flight: a burst of requests with one credential reads it once. */
  private readonly reading = new Map<string, Promise<T | undefined>>();
  /** Bumped by every invalidation: a read that began before one is not kept. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  /** The cached value, or the one `read` gives (shared with concurrent callers); what was not found is never kept. */
  async through(key: string, principal: (value: T) => string, read: () => Promise<T | undefined>): Promise<T | undefined> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    if (!this.enabled) return read();
    const inflight = this.reading.get(key);
    if (inflight) return inflight;
    const generation = this.generation;
    const p = read().then(
      (value) => {
        this.reading.delete(key);
        if (value !== undefined && generation === this.generation) this.set(key, principal(value), value);
        return value;
      },
      (e) => {
        this.reading.delete(key);
        throw e;
      },
    );
    this.reading.set(key, p);
    return p;
  }

  set(key: string, principal: string, value: T): void {
    if (!this.enabled) return;
    // Map keeps insertion order: the oldest entry goes first when full
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, until: Date.now() + this.ttlMs, principal });
  }

  /** Drops what a change concerns (every entry when the change names nobody). */
  invalidate(change?: CredentialsChange): void {
    this.generation++;
    // a read begun before the change may have seen the old rows: later callers read afresh
    this.reading.clear();
    const principals = new Set([change?.personId && `PERSON:${change.personId}`, change?.applicationId && `APPLICATION:${change.applicationId}`].filter(Boolean));
    if (!principals.size) return this.entries.clear();
    for (const [key, e] of this.entries) if (principals.has(e.principal)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
