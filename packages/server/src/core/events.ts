import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createPubSub } from '@graphql-yoga/subscription';
import type { Logger } from './logger';
import { eventMetrics } from './metrics';

const CHANNEL = 'chorus_support_events';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_PAYLOAD = 7900;

/** Delivered locally when the LISTEN connection is back after a loss: events may have been missed. */
export const EVENTS_RESUMED = 'EVENTS_RESUMED';

/** The marker `flush` sends itself; never delivered to listeners. */
const FLUSH = '__FLUSH__';

type Listener = ((e: CustomEvent) => void) | { handleEvent(e: CustomEvent): void } | null;

/**
 * An EventTarget whose events travel through PostgreSQL LISTEN/NOTIFY, so every server
 * instance on one database receives every instance's events with no extra component.
 * Events carry ids and small facts only; subscribers re-read the rows they need.
 */
export class PostgresEventTarget {
  private readonly listeners = new Map<string, Set<Listener>>();
  private client: pg.Client | null = null;
  /** NOTIFY goes through its own connection: the LISTEN connection only listens. */
  private readonly publisher: pg.Pool;
  private closed = false;
  private listenedBefore = false;
  private readonly instance = randomUUID();
  private flushSeq = 0;
  private readonly flushing = new Map<number, () => void>();
  private nextFlush: Promise<void> | null = null;
  private ready: Promise<void>;

  constructor(
    private readonly connectionString: string,
    private readonly logger: Logger,
  ) {
    // one connection, FIFO: events reach subscribers in the order they were published
    this.publisher = new pg.Pool({ connectionString, max: 1, application_name: 'chorus-support-events-publish' });
    this.publisher.on('error', (err) => this.logger.warn({ err }, 'event publisher connection lost'));
    this.ready = this.connect();
  }

  /** Connects and LISTENs, retrying with backoff until it works or the target closes. */
  private async connect(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      try {
        await this.listen();
        if (attempt > 0) this.logger.info({ attempt }, 'event connection restored');
        return;
      } catch (err) {
        if (attempt === 0) this.logger.error({ err }, 'event connection failed; retrying');
        await new Promise((r) => setTimeout(r, Math.min(5000, 100 * 2 ** attempt)));
      }
    }
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'chorus-support-events' });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        // `at`: when it was published (ms since the epoch), by an instance or by a trigger
        const { type, detail, at } = JSON.parse(msg.payload) as { type: string; detail: unknown; at?: number };
        if (type === FLUSH) {
          const { instance, seq } = detail as { instance: string; seq: number };
          if (instance === this.instance) this.flushing.get(seq)?.();
          return;
        }
        eventMetrics.delivered(type, at);
        this.deliver(type, detail);
      } catch (e) {
        this.logger.warn({ err: e }, 'unreadable event payload');
      }
    });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost || this.closed) return;
      lost = true;
      this.logger.error({ err }, 'event connection lost; reconnecting');
      this.client = null;
      client.end().catch(() => undefined);
      this.ready = this.connect();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (e) {
      lost = true; // a failed attempt is retried by connect(), not by onLost
      await client.end().catch(() => undefined);
      throw e;
    }
    this.client = client;
    // what was announced while the connection was down is lost: say so, so caches start afresh
    if (this.listenedBefore) this.deliver(EVENTS_RESUMED, {});
    this.listenedBefore = true;
  }

  /**
   * Resolves once this instance has received every event committed before the call:
   * PostgreSQL delivers notifications in commit order, so a marker sent now comes back
   * after them. Callers of one moment share one marker; gives up after `timeoutMs`.
   */
  flush(timeoutMs = 1000): Promise<void> {
    if (this.closed || !this.client) return Promise.resolve();
    if (this.nextFlush) return this.nextFlush;
    const seq = ++this.flushSeq;
    const flushed = new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.flushing.delete(seq);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      timer.unref();
      this.flushing.set(seq, done);
    });
    this.nextFlush = flushed;
    // callers arriving after the marker left need a marker of their own
    setImmediate(() => {
      this.nextFlush = null;
      this.publish(JSON.stringify({ type: FLUSH, detail: { instance: this.instance, seq } }), FLUSH);
    });
    return flushed;
  }

  /** Resolves once this instance listens, so a test can publish right after start. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  private deliver(type: string, detail: unknown): void {
    const event = new CustomEvent(type, { detail });
    for (const l of this.listeners.get(type) ?? []) {
      if (typeof l === 'function') l(event);
      else l?.handleEvent(event);
    }
  }

  addEventListener(type: string, listener: Listener): void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  dispatchEvent(event: Event): boolean {
    const payload = JSON.stringify({ type: event.type, detail: (event as CustomEvent).detail, at: Date.now() });
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) {
      this.logger.error({ type: event.type }, 'event payload too large for NOTIFY; dropped');
      return false;
    }
    if (this.closed) return false;
    eventMetrics.published(event.type);
    this.publish(payload, event.type);
    return true;
  }

  private publish(payload: string, type: string): void {
    void this.publisher.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch((err) => this.logger.error({ err, type }, 'could not publish event'));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.ready.catch(() => undefined);
    await this.client?.end().catch(() => undefined);
    await this.publisher.end().catch(() => undefined);
  }
}

export function createEventBus(connectionString: string, logger: Logger) {
  const target = new PostgresEventTarget(connectionString, logger);
  // the type-graphql 2 PubSub: publish(topic, payload) / subscribe(topic), and subscribeWhere
  const pubSub = Object.assign(createPubSub({ eventTarget: target }), { subscribeWhere: subscribeWhereOn(target) });
  return { pubSub, target };
}

/** Which messages of a topic a subscriber gets (`accept`, as they arrive), and what of each (`map`; null: skipped). */
export type SubscribeWhere = <M, R>(topic: string, accept: (message: M) => boolean, map: (message: M) => R | null | Promise<R | null>) => AsyncIterableIterator<R>;

/**
 * A subscriber's stream of a topic, one iterator deep: `accept` and then `map` run when a
 * message arrives, and the mapped values are yielded in arrival order, so the stream keeps the
 * topic's order however long each map takes. A map may answer at once (no promise: most
 * subscribers of a busy topic skip most messages) or later; a later answer holds back the
 * messages behind it, not their maps. With hundreds of subscribers per instance, a pipeline of
 * iterators per subscriber (subscribe, filter, map, filter) cost more than delivering, and maps
 * chained one behind the other queued a burst's reads.
 */
export function subscribeWhereOn(target: Pick<PostgresEventTarget, 'addEventListener' | 'removeEventListener'>): SubscribeWhere {
  return <M, R>(topic: string, accept: (message: M) => boolean, map: (message: M) => R | null | Promise<R | null>) => {
    /** Values not yet settled, oldest first, behind `chain`. */
    let waiting = 0;
    let chain: Promise<void> = Promise.resolve();
    const settled = (value: R | null) => {
      waiting--;
      if (value !== null) stream.push(value);
    };
    // a failed map ends this stream, and only it
    const failed = (err: unknown) => {
      waiting--;
      stream.fail(err);
    };
    const listener = (e: CustomEvent) => {
      const message = e.detail as M;
      let value: R | null | Promise<R | null>;
      try {
        if (!accept(message)) return;
        value = map(message);
      } catch (err) {
        stream.fail(err);
        return;
      }
      if (!isPromise(value)) {
        if (waiting === 0) {
          if (value !== null) stream.push(value);
        } else {
          waiting++;
          chain = chain.then(() => settled(value));
        }
        return;
      }
      if (waiting++ === 0) chain = value.then(settled, failed);
      else {
        value.catch(() => undefined); // handled in turn, below: not an unhandled rejection meanwhile
        const later = value;
        chain = chain.then(() => later.then(settled, failed));
      }
    };
    const stream = new Stream<R>(
      () => target.addEventListener(topic, listener),
      () => target.removeEventListener(topic, listener),
    );
    return stream;
  };
}

/** How many values a subscriber may leave untaken before its stream ends with an error: a reader that stopped reading. */
export const MAX_UNTAKEN = 1024;

/**
 * A push-fed async iterator, one promise per value taken (a general-purpose channel such as
 * @repeaterjs/repeater made one per value pushed too, a tenth of a burst's CPU with a thousand
 * subscribers). It listens from the first `next()` and stops listening when it ends: returned,
 * failed, or MAX_UNTAKEN values behind.
 */
class Stream<T> implements AsyncIterableIterator<T> {
  private readonly untaken: T[] = [];
  private taker: { resolve: (r: IteratorResult<T>) => void; reject: (err: unknown) => void } | null = null;
  private state: 'idle' | 'open' | 'ended' = 'idle';
  private error: { err: unknown } | null = null;

  constructor(
    private readonly start: () => void,
    private readonly stop: () => void,
  ) {}

  push(value: T): void {
    if (this.state === 'ended') return;
    const taker = this.taker;
    if (taker) {
      this.taker = null;
      taker.resolve({ value, done: false });
    } else if (this.untaken.length >= MAX_UNTAKEN) this.fail(new Error(`the subscriber left ${MAX_UNTAKEN} values untaken`));
    else this.untaken.push(value);
  }

  fail(err: unknown): void {
    if (this.state === 'ended') return;
    this.end();
    const taker = this.taker;
    this.taker = null;
    if (taker) taker.reject(err);
    else this.error = { err };
  }

  next(): Promise<IteratorResult<T>> {
    if (this.state === 'idle') {
      this.state = 'open';
      this.start();
    }
    if (this.untaken.length) return Promise.resolve({ value: this.untaken.shift()!, done: false });
    if (this.error) {
      const { err } = this.error;
      this.error = null;
      return Promise.reject(err);
    }
    if (this.state === 'ended') return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.taker = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.end();
    this.untaken.length = 0;
    const taker = this.taker;
    this.taker = null;
    taker?.resolve({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err?: unknown): Promise<IteratorResult<T>> {
    this.return();
    return Promise.reject(err);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private end(): void {
    if (this.state === 'open') this.stop();
    this.state = 'ended';
  }
}

function isPromise<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as Promise<T> | null)?.then === 'function';
}

export type PubSub = ReturnType<typeof createEventBus>['pubSub'];
