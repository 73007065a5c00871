/**
 * What an operations team scrapes at /metrics (Prometheus text format, prom-client). The
 * metric objects are per process, like prom-client means them: every server instance of
 * the process (tests start several) adds to the same counters, and the pool gauges sum
 * the pools of the instances running. Labels are bounded: operation names come from
 * named operations of schema-valid documents and the first `maxOperationNames` distinct
 * ones are kept, later ones count as "(other)"; no ids, no free text.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { mapStream } from './streams';
import type { MikroORM } from './database';

export const registry = new Registry();

const OTHER = '(other)';

/** A label whose distinct values are capped: past the cap, new values count as "(other)". */
export class BoundedLabel {
  private readonly seen = new Set<string>();
  constructor(
    public max: number,
    private readonly pattern: RegExp,
  ) {}

  value(v: string): string {
    if (this.seen.has(v)) return v;
    if (this.seen.size >= this.max || !this.pattern.test(v)) return OTHER;
    this.seen.add(v);
    return v;
  }
}

/** GraphQL names, not too long. */
const operationNames = new BoundedLabel(200, /^[_A-Za-z][_0-9A-Za-z]{0,79}$/);
/** Error codes are coded enums; the cap is a belt. */
const errorCodes = new BoundedLabel(100, /^[A-Z][A-Z0-9_]{0,59}$/);
/** Event types are the code's own topics; the cap is a belt. */
const eventTypes = new BoundedLabel(50, /^[A-Z][A-Z0-9_]{0,59}$/);

/* ---------- the pools of the running instances ---------- */

interface TarnPool {
  max: number;
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  on(event: string, listener: (...args: unknown[]) => void): void;
  removeListener(event: string, listener: (...args: unknown[]) => void): void;
}

const pools = new Set<TarnPool>();

function sumPools(f: (p: TarnPool) => number): number {
  let n = 0;
  for (const p of pools) n += f(p);
  return n;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const m = {
  operations: new Counter({
    name: 'chorus_graphql_operations_total',
    help: 'GraphQL operations answered, by operation name, type, transport and outcome (ok, user_error, or the error code of the first error).',
    labelNames: ['operation', 'type', 'transport', 'outcome'] as const,
    registers: [registry],
  }),
  duration: new Histogram({
    name: 'chorus_graphql_operation_duration_seconds',
    help: 'Time from receiving an operation to its answer (for a subscription: until it is set up).',
    labelNames: ['operation', 'type'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  }),
  statements: new Histogram({
    name: 'chorus_graphql_operation_statements',
    help: 'SQL statements one operation sent (authentication included).',
    labelNames: ['operation', 'type'] as const,
    buckets: [1, 2, 3, 5, 8, 13, 21, 34, 55, 100, 200],
    registers: [registry],
  }),
  cost: new Counter({
    name: 'chorus_graphql_query_cost_total',
    help: 'Query cost charged (computed cost of each operation; again for each event an application subscription delivers).',
    labelNames: ['operation', 'type'] as const,
    registers: [registry],
  }),
  poolInUse: new Gauge({ name: 'chorus_db_pool_in_use', help: 'Database connections lent out.', registers: [registry], collect() { this.set(sumPools((p) => p.numUsed())); } }),
  poolIdle: new Gauge({ name: 'chorus_db_pool_idle', help: 'Database connections open and free.', registers: [registry], collect() { this.set(sumPools((p) => p.numFree())); } }),
  poolWaiting: new Gauge({ name: 'chorus_db_pool_waiting', help: 'Requests waiting for a database connection (> 0 for long: the pool is saturated).', registers: [registry], collect() { this.set(sumPools((p) => p.numPendingAcquires())); } }),
  poolMax: new Gauge({ name: 'chorus_db_pool_max', help: 'Most connections the pools open (DB_POOL_SIZE per instance).', registers: [registry], collect() { this.set(sumPools((p) => p.max)); } }),
  acquire: new Histogram({
    name: 'chorus_db_pool_acquire_seconds',
    help: 'Time waited for a database connection.',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  }),
  acquireFailures: new Counter({ name: 'chorus_db_pool_acquire_failures_total', help: 'Waits for a database connection that ended without one (timeout, database down).', registers: [registry] }),
  websockets: new Gauge({ name: 'chorus_websocket_connections', help: 'Open WebSocket connections.', registers: [registry] }),
  subscriptions: new Gauge({ name: 'chorus_graphql_subscriptions', help: 'Running GraphQL subscriptions.', registers: [registry] }),
  published: new Counter({
    name: 'chorus_events_published_total',
    help: 'Events this instance published on the LISTEN/NOTIFY channel (those written by database triggers are counted on delivery only).',
    labelNames: ['type'] as const,
    registers: [registry],
  }),
  delivered: new Counter({ name: 'chorus_events_delivered_total', help: 'Events this instance received from the LISTEN/NOTIFY channel, from any instance or trigger.', labelNames: ['type'] as const, registers: [registry] }),
  lag: new Histogram({
    name: 'chorus_event_delivery_lag_seconds',
    help: 'Time from an event being published (by an instance, or by a trigger as its row is written: delivery waits for the commit) to this instance receiving it.',
    labelNames: ['type'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  }),
  webhooksQueued: new Gauge({
    name: 'chorus_webhook_deliveries',
    help: 'Webhook deliveries in the queue by status (pending: waiting or retrying; failed: gave up), as last counted by the dispatcher (the same on every instance).',
    labelNames: ['status'] as const,
    registers: [registry],
  }),
  webhookAttempts: new Counter({
    name: 'chorus_webhook_attempts_total',
    help: 'Webhook delivery attempts by result: delivered, retry (failed, will retry), failed (failed for the last time).',
    labelNames: ['result'] as const,
    registers: [registry],
  }),
  chatbot: new Counter({
    name: 'chorus_chatbot_messages_total',
    help: 'Messages sent to the bots by what the matcher made of them: confident, ambiguous, unanswered, not_understood.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  }),
  serviceLevels: new Counter({
    name: 'chorus_service_level_crossings_total',
    help: 'Service-level crossings announced (each once, whatever the number of instances): at_risk, breached.',
    labelNames: ['state'] as const,
    registers: [registry],
  }),
};

let defaultsOn = false;

/**
 * Starts watching one instance's database: its pool (sizes, acquire time) and the
 * statements each operation sends. Returns what stops it. The process defaults (CPU,
 * memory, event-loop lag, GC) start with the first instance.
 */
export function watchDatabase(orm: MikroORM, maxOperationNames: number): () => void {
  operationNames.max = maxOperationNames;
  if (!defaultsOn) {
    defaultsOn = true;
    collectDefaultMetrics({ register: registry });
  }
  const knex = orm.em.getConnection().getKnex() as unknown as { client: { pool?: TarnPool }; on(e: string, l: () => void): void; removeListener(e: string, l: () => void): void };
  const onQuery = () => {
    const o = scope.getStore();
    if (o) o.statements++;
  };
  knex.on('query', onQuery);
  const pool = knex.client.pool;
  if (!pool) return () => knex.removeListener('query', onQuery);
  const waits = new Map<unknown, number>();
  const onRequest = (id: unknown) => {
    if (waits.size > 10_000) waits.clear(); // a lost event must not grow the map for ever
    waits.set(id, performance.now());
  };
  const onSuccess = (id: unknown) => {
    const t0 = waits.get(id);
    waits.delete(id);
    if (t0 !== undefined) m.acquire.observe((performance.now() - t0) / 1000);
  };
  const onFail = (id: unknown) => {
    waits.delete(id);
    m.acquireFailures.inc();
  };
  pool.on('acquireRequest', onRequest);
  pool.on('acquireSuccess', onSuccess);
  pool.on('acquireFail', onFail);
  pools.add(pool);
  return () => {
    pools.delete(pool);
    pool.removeListener('acquireRequest', onRequest);
    pool.removeListener('acquireSuccess', onSuccess);
    pool.removeListener('acquireFail', onFail);
    knex.removeListener('query', onQuery);
  };
}

/* ---------- one operation, whatever the transport ---------- */

export type OperationType = 'query' | 'mutation' | 'subscription' | 'unknown';

/** What is measured of one GraphQL operation; it lives in an async scope so the statements it sends are counted. */
export interface Observation {
  transport: 'http' | 'ws';
  startedAt: number;
  statements: number;
  /** A mutation answered with userErrors (set by runMutation). */
  userErrors: boolean;
  /** The bounded label of the operation's name. */
  name: string;
  type: OperationType;
  observed: boolean;
}

const scope = new AsyncLocalStorage<Observation>();

/** Runs a transport's handling of one operation in a fresh observation scope. */
export function observing<T>(transport: Observation['transport'], run: () => T): T {
  return scope.run({ transport, startedAt: performance.now(), statements: 0, userErrors: false, name: '(invalid)', type: 'unknown', observed: false }, run);
}

/** Runs later work of an operation (graphql-ws executes after onSubscribe returned) in its scope again. */
export function withinObservation<T>(o: Observation | undefined, run: () => T): T {
  return o ? scope.run(o, run) : run();
}

export function currentObservation(): Observation | undefined {
  return scope.getStore();
}

/** Names the operation once its document is known to be valid. */
export function describeOperation(o: Observation | undefined, name: string | undefined, type: OperationType): void {
  if (!o) return;
  o.name = name ? operationNames.value(name) : '(anonymous)';
  o.type = type;
}

/** Counts an operation's answer once: outcome, latency, statements. */
export function operationFinished(o: Observation | undefined, errorCode: unknown): void {
  if (!o || o.observed) return;
  o.observed = true;
  const outcome = errorCode !== undefined && errorCode !== null ? errorCodes.value(String(errorCode)) : o.userErrors ? 'user_error' : 'ok';
  const of = operationSeries(o);
  seriesOf(answered, `${o.name} ${o.type} ${o.transport} ${outcome}`, () => m.operations.labels({ operation: o.name, type: o.type, transport: o.transport, outcome })).inc();
  of.duration.observe((performance.now() - o.startedAt) / 1000);
  of.statements.observe(o.statements);
}

export function costCharged(o: Observation | undefined, cost: number): void {
  if (o && cost > 0) operationSeries(o).cost.inc(cost);
}

/**
 * The series of a set of labels, made once: prom-client sorts and joins the labels to find a
 * series on every call, a few percent of a small request. Labels are bounded (see above), so
 * are these maps.
 */
function seriesOf<S>(made: Map<string, S>, key: string, make: () => S): S {
  let s = made.get(key);
  if (!s) made.set(key, (s = make()));
  return s;
}

const answered = new Map<string, ReturnType<typeof m.operations.labels>>();
const byOperation = new Map<string, { duration: ReturnType<typeof m.duration.labels>; statements: ReturnType<typeof m.statements.labels>; cost: ReturnType<typeof m.cost.labels> }>();

function operationSeries(o: Observation) {
  return seriesOf(byOperation, `${o.name} ${o.type}`, () => {
    const labels = { operation: o.name, type: o.type };
    return { duration: m.duration.labels(labels), statements: m.statements.labels(labels), cost: m.cost.labels(labels) };
  });
}

/** Counts an open WebSocket; returns what to call when it closes. */
export function websocketOpened(): () => void {
  m.websockets.inc();
  let open = true;
  return () => {
    if (open) m.websockets.dec();
    open = false;
  };
}

/** Wraps a subscription's event stream so the running-subscriptions gauge follows it, however it ends. */
export function trackSubscription<T>(source: AsyncIterable<T>): AsyncIterableIterator<T> {
  m.subscriptions.inc();
  return mapStream(source, (value) => value, () => m.subscriptions.dec());
}

/* ---------- the other places things happen ---------- */

export const eventMetrics = {
  published(type: string): void {
    m.published.inc({ type: eventTypes.value(type) });
  },
  delivered(type: string, publishedAtMs: unknown): void {
    const label = eventTypes.value(type);
    m.delivered.inc({ type: label });
    if (typeof publishedAtMs === 'number' && Number.isFinite(publishedAtMs)) m.lag.observe({ type: label }, Math.max(0, Date.now() - publishedAtMs) / 1000);
  },
};

export const webhookMetrics = {
  attempt(result: 'delivered' | 'retry' | 'failed'): void {
    m.webhookAttempts.inc({ result });
  },
  queue(pending: number, failed: number): void {
    m.webhooksQueued.set({ status: 'pending' }, pending);
    m.webhooksQueued.set({ status: 'failed' }, failed);
  },
};

export type ChatbotOutcome = 'confident' | 'ambiguous' | 'unanswered' | 'not_understood';

export function chatbotAnswered(outcome: ChatbotOutcome): void {
  m.chatbot.inc({ outcome });
}

export function serviceLevelCrossed(state: 'at_risk' | 'breached'): void {
  m.serviceLevels.inc({ state });
}

/* ---------- the endpoint ---------- */

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/**
 * GET /metrics: the registry in the Prometheus text format; with a token, only for
 * `Authorization: Bearer <token>` (compared in constant time).
 */
export function metricsHandler(token: string | undefined) {
  const expected = token ? digest(token) : null;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (expected) {
      const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (!given || !timingSafeEqual(digest(given), expected)) {
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="metrics"' });
        res.end('The metrics need their bearer token (METRICS_TOKEN).\n');
        return;
      }
    }
    try {
      const body = await registry.metrics();
      res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The metrics could not be collected.\n');
    }
  };
}
