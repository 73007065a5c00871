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
 * Events carry ids and facts, and rows only where they fit under PostgreSQL's limit (a ticket's
 * change, see the ChangesCarried migration): a subscriber reads what an event does not carry.
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

/**
 * A subscriber's stream of `topic`: the messages it takes (`accept`, as they arrive), what is read
 * for each (`read`), and what it gets of that (`pick`; null: nothing). Without `pick`, `read`'s
 * answer is what it gets.
 */
export type SubscribeWhere = <M, P, R = P>(topic: string, accept: (message: M) => boolean, read: (message: M) => P | null | Promise<P | null>, pick?: (message: M, read: P) => R | null) => AsyncIterableIterator<R>;

/**
 * Streams of a topic's messages, one iterator deep, one listener per topic for all of its
 * subscribers. `accept` and `read` run when a message arrives, and values are yielded in
 * arrival order, so each stream keeps the topic's order however long a read takes; a read not
 * done holds back the messages behind it, not their reads. When the subscribers of a message
 * share its read (the same promise: the caller keeps one read per message), one reaction to it
 * serves them all: with hundreds of subscribers per instance, a promise or two per subscriber
 * and message cost more than delivering, as did a pipeline of iterators per subscriber and
 * reads chained one behind the other.
 */
export function subscribeWhereOn(target: Pick<PostgresEventTarget, 'addEventListener' | 'removeEventListener'>): SubscribeWhere {
  const topics = new Map<string, { subscribers: Set<Subscriber<unknown, unknown, unknown>>; listener: (e: CustomEvent) => void }>();
  const join = (topic: string, sub: Subscriber<unknown, unknown, unknown>) => {
    let t = topics.get(topic);
    if (!t) {
      const subscribers = new Set<Subscriber<unknown, unknown, unknown>>();
      t = { subscribers, listener: (e: CustomEvent) => dispatch(subscribers, e.detail) };
      topics.set(topic, t);
      target.addEventListener(topic, t.listener);
    }
    t.subscribers.add(sub);
  };
  const leave = (topic: string, sub: Subscriber<unknown, unknown, unknown>) => {
    const t = topics.get(topic);
    if (!t?.subscribers.delete(sub) || t.subscribers.size) return;
    topics.delete(topic);
    target.removeEventListener(topic, t.listener);
  };
  return <M, P, R = P>(topic: string, accept: (message: M) => boolean, read: (message: M) => P | null | Promise<P | null>, pick?: (message: M, read: P) => R | null) => {
    const sub: Subscriber<M, P, R> = new Subscriber<M, P, R>(accept, read, pick ?? ((_m, v) => v as unknown as R), () => join(topic, sub as never), () => leave(topic, sub as never));
    return sub.stream;
  };
}

/**
 * Hands a message to every subscriber of its topic. Subscribers that wait on the same thing (the
 * same read, behind the same earlier delivery) get one reaction to it: in a burst each message
 * arrives while the reads of earlier ones are under way, and a promise chained per subscriber
 * and message cost more than delivering.
 */
function dispatch<M>(subscribers: Iterable<Subscriber<M, unknown, unknown>>, message: M): void {
  let groups: Map<Promise<void> | null, Map<unknown, Subscriber<M, unknown, unknown>[]>> | null = null;
  for (const sub of subscribers) {
    if (!sub.receive(message)) continue;
    groups ??= new Map();
    let byRead = groups.get(sub.behind);
    if (!byRead) groups.set(sub.behind, (byRead = new Map()));
    let group = byRead.get(sub.pending);
    if (!group) byRead.set(sub.pending, (group = []));
    group.push(sub);
  }
  if (!groups) return;
  for (const [behind, byRead] of groups) {
    for (const [read, group] of byRead) {
      const settle = (value: unknown) => {
        for (const sub of group) sub.settle(message, value);
      };
      const fail = (err: unknown) => {
        for (const sub of group) sub.failed(err);
      };
      let done: Promise<void>;
      if (!isPromise(read)) done = behind!.then(() => settle(read)); // an answer given at once, behind a pending one
      else if (!behind) done = read.then(settle, fail);
      else {
        read.catch(() => undefined); // handled in turn, below: not an unhandled rejection meanwhile
        done = behind.then(() => read).then(settle, fail);
      }
      for (const sub of group) {
        sub.chain = done;
        sub.pending = undefined;
      }
    }
  }
}

class Subscriber<M, P, R> {
  readonly stream: Stream<R>;
  /** Reads not yet settled, oldest first, behind `chain`. */
  private waiting = 0;
  chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly accept: (message: M) => boolean,
    private readonly read: (message: M) => P | null | Promise<P | null>,
    private readonly pick: (message: M, read: P) => R | null,
    start: () => void,
    stop: () => void,
  ) {
    this.stream = new Stream<R>(start, stop);
  }

  /** What `receive` left to await: the read (or an answer given at once), and the delivery it waits behind (null: none). */
  pending: P | null | Promise<P | null> | undefined;
  behind: Promise<void> | null = null;

  /**
   * Takes a message as it arrives: handles it here when it is not accepted or is answered at
   * once with nothing ahead of it; else returns true with `pending` and `behind` set, and the
   * caller awaits them once for every subscriber waiting on the same, then calls `settle`.
   */
  receive(message: M): boolean {
    let read: P | null | Promise<P | null>;
    try {
      if (!this.accept(message)) return false;
      read = this.read(message);
    } catch (err) {
      this.stream.fail(err);
      return false;
    }
    if (this.waiting === 0 && !isPromise(read)) {
      this.deliver(message, read);
      return false;
    }
    this.behind = this.waiting++ === 0 ? null : this.chain;
    this.pending = read;
    return true;
  }

  settle(message: M, read: P | null): void {
    this.waiting--;
    this.deliver(message, read);
  }

  /** A failed read or pick ends this stream, and only it. */
  failed(err: unknown): void {
    this.waiting--;
    this.stream.fail(err);
  }

  private deliver(message: M, read: P | null): void {
    if (read === null) return;
    let value: R | null;
    try {
      value = this.pick(message, read);
    } catch (err) {
      this.stream.fail(err);
      return;
    }
    if (value !== null) this.stream.push(value);
  }
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
