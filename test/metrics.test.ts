/**
 * /metrics as an operations team scrapes it: the Prometheus text format (parsed by a
 * parser library), whose counters move as the server works — queries, a mutation with a
 * user error, a subscription over WebSocket, refused queries — and whose pool-waiting
 * gauge rises while a burst waits for connections.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { chatWidget } from './support/chatbot';
import { sql } from './support/db';
import { scrape, type Scrape } from './support/metrics';
import { startTestServer } from './support/server';
import { collect, wsClient } from './support/ws';

// a small pool, so a burst has to wait; a generous acquire timeout, so it waits rather than fails
const server = await startTestServer({ env: { DB_POOL_SIZE: '2', DB_ACQUIRE_TIMEOUT_MS: '30000', MAX_QUERY_DEPTH: '6', METRICS_MAX_OPERATION_NAMES: '40', WEBHOOK_POLL_MS: '200', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_MAX_ATTEMPTS: '2', WEBHOOK_RETRY_BASE_MS: '50' } });
const metricsUrl = server.url.replace(/\/graphql$/, '/metrics');
const admin = await server.tokenForRole('ADMINISTRATOR');

const OPS = 'chorus_graphql_operations_total';
const delta = (before: Scrape, after: Scrape, name: string, labels: Record<string, string> = {}) => after.value(name, labels) - before.value(name, labels);

/** Scrapes until `ok` holds (events and gauges move a moment after the answer). */
async function eventually(ok: (s: Scrape) => boolean, ms = 10_000): Promise<Scrape> {
  const deadline = Date.now() + ms;
  for (;;) {
    const s = await scrape(metricsUrl);
    if (ok(s) || Date.now() > deadline) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('/metrics', () => {
  it('is the Prometheus text format, with the process defaults, the pool and the queues', async () => {
    const s = await eventually((x) => x.labelValues('chorus_webhook_deliveries', 'status').size === 2);
    expect(s.family('process_cpu_user_seconds_total')?.type).toBe('counter');
    expect(s.family('process_resident_memory_bytes')?.type).toBe('gauge');
    expect(s.family('nodejs_eventloop_lag_seconds')?.type).toBe('gauge');
    expect(s.value('chorus_db_pool_max')).toBeGreaterThanOrEqual(2);
    expect(s.family('chorus_db_pool_waiting')?.type).toBe('gauge');
    expect(s.family('chorus_graphql_operation_duration_seconds')?.type).toBe('histogram');
    // the dispatcher counted the webhook queue (the demo data has none queued)
    expect(s.labelValues('chorus_webhook_deliveries', 'status')).toEqual(new Set(['pending', 'failed']));
    expect(s.value('chorus_webhook_deliveries', { status: 'pending' })).toBe(0);
  });

  it('counts queries by name, type, transport and outcome, with their latency, statements and cost', async () => {
    const before = await scrape(metricsUrl);
    let cost = 0;
    for (let i = 0; i < 3; i++) {
      const r = await server.gql(`query MetricsPeek { viewer { kind } structures(first: 2) { nodes { code } } }`, {}, { token: admin });
      expect(r.body.errors).toBeUndefined();
      cost += r.body.extensions.cost;
    }
    const after = await scrape(metricsUrl);
    expect(delta(before, after, OPS, { operation: 'MetricsPeek', type: 'query', transport: 'http', outcome: 'ok' })).toBe(3);
    const op = { operation: 'MetricsPeek', type: 'query' };
    expect(after.histogram('chorus_graphql_operation_duration_seconds', op).count - before.histogram('chorus_graphql_operation_duration_seconds', op).count).toBe(3);
    const statements = after.histogram('chorus_graphql_operation_statements', op);
    expect(statements.count - before.histogram('chorus_graphql_operation_statements', op).count).toBe(3);
    // the viewer's authentication and the structures page, at least, each time
    expect(statements.sum - before.histogram('chorus_graphql_operation_statements', op).sum).toBeGreaterThanOrEqual(6);
    // the cost the counter adds is the one each answer reported
    expect(cost).toBeGreaterThan(0);
    expect(delta(before, after, 'chorus_graphql_query_cost_total', op)).toBe(cost);
  });

  it('a mutation answered with userErrors counts as user_error; one that succeeds as ok, and its event is published and delivered', async () => {
    const { body } = await server.gql(`{ structures(first: 1) { nodes { id } } }`, {}, { token: admin });
    const id = body.data.structures.nodes[0].id;
    const RENAME = `mutation MetricsRename($input: UpdateStructureInput!) { updateStructure(input: $input) { userErrors { code } } }`;
    const before = await scrape(metricsUrl);
    const bad = await server.gql(RENAME, { input: { id, name: '' } }, { token: admin });
    expect(bad.body.data.updateStructure.userErrors).toEqual([{ code: 'REQUIRED' }]);
    const good = await server.gql(RENAME, { input: { id, name: 'Renommée par le test des métriques' } }, { token: admin });
    expect(good.body.data.updateStructure.userErrors).toEqual([]);
    const after = await eventually((s) => delta(before, s, 'chorus_events_delivered_total', { type: 'DIRECTORY_CHANGED' }) >= 1);
    expect(delta(before, after, OPS, { operation: 'MetricsRename', type: 'mutation', outcome: 'user_error' })).toBe(1);
    expect(delta(before, after, OPS, { operation: 'MetricsRename', type: 'mutation', outcome: 'ok' })).toBe(1);
    expect(delta(before, after, 'chorus_events_published_total', { type: 'DIRECTORY_CHANGED' })).toBe(1);
    expect(delta(before, after, 'chorus_events_delivered_total', { type: 'DIRECTORY_CHANGED' })).toBe(1);
    const lag = { type: 'DIRECTORY_CHANGED' };
    expect(after.histogram('chorus_event_delivery_lag_seconds', lag).count - before.histogram('chorus_event_delivery_lag_seconds', lag).count).toBe(1);
  });

  it('refused queries count under their code, on HTTP and WebSocket alike', async () => {
    const DEEP = `query MetricsTooDeep { tickets(first: 1) { nodes { structure { parent { parent { parent { parent { code } } } } } } } }`;
    const before = await scrape(metricsUrl);
    const http = await server.gql(DEEP, {}, { token: admin });
    expect(http.body.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
    const client = wsClient(server.url, { token: admin });
    const ws = collect(client, DEEP);
    await ws.next(1).catch(() => undefined);
    expect(JSON.stringify(ws.errors)).toContain('QUERY_TOO_DEEP');
    await client.dispose();
    const unauthenticated = await server.gql(`query MetricsNoToken { tickets(first: 1) { nodes { id } } }`);
    expect(unauthenticated.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const garbled = await server.gql(`query { viewer {`, {}, { token: admin });
    expect(garbled.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const after = await scrape(metricsUrl);
    expect(delta(before, after, OPS, { operation: 'MetricsTooDeep', type: 'query', transport: 'http', outcome: 'QUERY_TOO_DEEP' })).toBe(1);
    expect(delta(before, after, OPS, { operation: 'MetricsTooDeep', type: 'query', transport: 'ws', outcome: 'QUERY_TOO_DEEP' })).toBe(1);
    expect(delta(before, after, OPS, { operation: 'MetricsNoToken', outcome: 'UNAUTHENTICATED' })).toBe(1);
    // an unparsable document names nothing: no label comes from it
    expect(delta(before, after, OPS, { operation: '(invalid)', type: 'unknown', outcome: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
  });

  it('a subscription over WebSocket is counted, and the connection and subscription gauges follow it', async () => {
    const before = await scrape(metricsUrl);
    const client = wsClient(server.url, { token: admin });
    const sub = collect(client, `subscription MetricsWatch { directoryChanged { kind } }`);
    const open = await eventually((s) => delta(before, s, 'chorus_graphql_subscriptions') === 1);
    expect(delta(before, open, 'chorus_graphql_subscriptions')).toBe(1);
    expect(delta(before, open, 'chorus_websocket_connections')).toBe(1);
    expect(delta(before, open, OPS, { operation: 'MetricsWatch', type: 'subscription', transport: 'ws', outcome: 'ok' })).toBe(1);
    // a query over the same socket counts as a WebSocket query
    const q = collect(client, `query MetricsWsPeek { viewer { kind } }`);
    expect((await q.next(1))[0]).toMatchObject({ data: { viewer: { kind: 'PERSON' } } });
    sub.dispose();
    const closedSub = await eventually((s) => delta(before, s, 'chorus_graphql_subscriptions') === 0);
    expect(delta(before, closedSub, 'chorus_graphql_subscriptions')).toBe(0);
    expect(delta(before, closedSub, OPS, { operation: 'MetricsWsPeek', type: 'query', transport: 'ws', outcome: 'ok' })).toBe(1);
    await client.dispose();
    const closed = await eventually((s) => delta(before, s, 'chorus_websocket_connections') === 0);
    expect(delta(before, closed, 'chorus_websocket_connections')).toBe(0);
  });

  it("counts the bots' answers by how sure the matcher was", async () => {
    const widget = chatWidget(server.url, await server.tokenForRole('END_USER', 'CSP-LYON'));
    const before = await scrape(metricsUrl);
    const { conversation } = await widget.start('IZIA');
    await widget.send(conversation.id, "Poste de pièce 1508892764/00003 n'a pas encore été reporté dans exercice en cours");
    await widget.send(conversation.id, 'Zorglub quintessence hexapode 998877');
    const after = await scrape(metricsUrl);
    expect(delta(before, after, 'chorus_chatbot_messages_total')).toBe(2);
    expect(delta(before, after, 'chorus_chatbot_messages_total', { outcome: 'confident' })).toBe(1);
    expect(delta(before, after, 'chorus_chatbot_messages_total', { outcome: 'unanswered' })).toBe(1);
    // through the SDK's named operations
    expect(delta(before, after, OPS, { operation: 'SendMessage', type: 'mutation', outcome: 'ok' })).toBe(2);
  });

  it('the webhook queue: a delivery pending, then retried and failed', async () => {
    const receiver = createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
    await sql(server.databaseUrl, `update application_client set webhook_url = $1 where name = 'SAXO'`, [`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`]);
    const before = await scrape(metricsUrl);
    const { rows } = await sql(
      server.databaseUrl,
      `insert into webhook_delivery (id, application_id, event, payload, next_attempt_at) select gen_random_uuid(), id, 'TICKET_UPDATED', '{}', now() + interval '1 hour' from application_client where name = 'SAXO' returning id`,
    );
    const pending = await eventually((s) => s.value('chorus_webhook_deliveries', { status: 'pending' }) === 1);
    expect(pending.value('chorus_webhook_deliveries', { status: 'pending' })).toBe(1);
    await sql(server.databaseUrl, `update webhook_delivery set next_attempt_at = now() where id = $1`, [rows[0].id]);
    const failed = await eventually((s) => s.value('chorus_webhook_deliveries', { status: 'failed' }) === 1);
    receiver.close();
    expect(failed.value('chorus_webhook_deliveries', { status: 'failed' })).toBe(1);
    expect(failed.value('chorus_webhook_deliveries', { status: 'pending' })).toBe(0);
    expect(delta(before, failed, 'chorus_webhook_attempts_total', { result: 'retry' })).toBe(1);
    expect(delta(before, failed, 'chorus_webhook_attempts_total', { result: 'failed' })).toBe(1);
  });

  it('the pool-waiting gauge rises while a burst waits for connections, and falls back', async () => {
    const before = await scrape(metricsUrl);
    // both connections of the pool busy for a while, then a burst of requests
    const conn = server.orm.em.getConnection();
    const busy = [conn.execute('select pg_sleep(1.5)'), conn.execute('select pg_sleep(1.5)')];
    const burst = Array.from({ length: 8 }, () => server.gql(`query MetricsBurst { viewer { kind } }`, {}, { token: admin }));
    let waiting = 0;
    let inUse = 0;
    let done = false;
    const all = Promise.all([...busy, ...burst]).finally(() => (done = true));
    while (!done) {
      const s = await scrape(metricsUrl);
      waiting = Math.max(waiting, s.value('chorus_db_pool_waiting'));
      inUse = Math.max(inUse, s.value('chorus_db_pool_in_use'));
      await new Promise((r) => setTimeout(r, 50));
    }
    const answers = (await all).slice(2) as { body: { data: { viewer?: { kind: string } } } }[];
    expect(answers.every((a) => a.body.data?.viewer?.kind === 'PERSON')).toBe(true);
    expect(waiting).toBeGreaterThanOrEqual(1);
    expect(inUse).toBe(2);
    const after = await eventually((s) => s.value('chorus_db_pool_waiting') === 0);
    expect(after.value('chorus_db_pool_waiting')).toBe(0);
    expect(after.histogram('chorus_db_pool_acquire_seconds').count - before.histogram('chorus_db_pool_acquire_seconds').count).toBeGreaterThanOrEqual(10);
    expect(delta(before, after, OPS, { operation: 'MetricsBurst', outcome: 'ok' })).toBe(8);
  });
  it('operation names are bounded: past METRICS_MAX_OPERATION_NAMES distinct ones, they count as "(other)"', async () => {
    for (let i = 0; i < 45; i++) await server.gql(`query MetricsName${i} { __typename }`, {}, { token: admin });
    const s = await scrape(metricsUrl);
    const names = s.labelValues(OPS, 'operation');
    expect(names.has('(other)')).toBe(true);
    // 40 names at most, besides the placeholders
    expect([...names].filter((n) => !n.startsWith('(')).length).toBeLessThanOrEqual(40);
    expect(names.has('MetricsName44')).toBe(false);
  });
});
