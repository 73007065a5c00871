/**
 * OpenTelemetry traces, as an operations team receives them: the real server process
 * (src/main.ts, so the instrumentations load before http, graphql and pg) with the
 * standard OTEL_EXPORTER_OTLP_ENDPOINT pointed at a small OTLP/HTTP endpoint this test
 * runs (JSON encoding). One request gives one trace with HTTP, GraphQL and pg spans, and
 * the request id of the log lines as an attribute.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { mintToken } from '../packages/server/src/access/credentials';
import { loadConfig } from '../packages/server/src/core/config';
import { freePort } from '../packages/server/src/core/embedded-postgres';
import { startTelemetry } from '../packages/server/src/core/telemetry';
import { createTestDatabase, sql } from './support/db';
import { collect, wsClient } from './support/ws';

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
  scope: string;
}

/* ---------- the OTLP/HTTP endpoint ---------- */

const spans: Span[] = [];
const receiver: Server = createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    if (req.method === 'POST' && req.url === '/v1/traces' && /json/.test(req.headers['content-type'] ?? '')) {
      const payload = JSON.parse(body) as { resourceSpans: { scopeSpans: { scope: { name: string }; spans: Omit<Span, 'scope'>[] }[] }[] };
      for (const rs of payload.resourceSpans) for (const ss of rs.scopeSpans) for (const s of ss.spans) spans.push({ ...s, scope: ss.scope.name });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    } else {
      res.writeHead(404).end();
    }
  });
});
await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
const otlpUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

/* ---------- the server process ---------- */

const db = await createTestDatabase();
const port = await freePort();
let log = '';
const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
  cwd: fileURLToPath(new URL('../packages/server', import.meta.url)),
  env: {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'info',
    OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '100',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
child.stdout!.on('data', (d) => (log += d));
child.stderr!.on('data', (d) => (log += d));
const exited = new Promise<void>((ok) => child.once('exit', () => ok()));

afterAll(async () => {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
  await new Promise((ok) => receiver.close(ok));
  await db.drop();
});

const deadline = Date.now() + 120_000;
while (!log.includes('chorus-support is listening') && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
if (!log.includes('chorus-support is listening')) throw new Error(`the server did not come up:\n${log.slice(-4000)}`);

const attr = (s: Span, key: string) => {
  const v = s.attributes.find((a) => a.key === key)?.value;
  return v?.stringValue ?? (v?.intValue !== undefined ? Number(v.intValue) : undefined);
};

/** Waits until the trace holding a server span with this request id has GraphQL and pg spans too. */
async function traceOf(requestId: string): Promise<{ server?: Span; trace: Span[] }> {
  const until = Date.now() + 20_000;
  let server: Span | undefined;
  let trace: Span[] = [];
  while (Date.now() < until) {
    server = spans.find((s) => s.kind === 2 && attr(s, 'chorus.request_id') === requestId);
    trace = server ? spans.filter((s) => s.traceId === server!.traceId) : [];
    if (trace.some((s) => s.scope.includes('instrumentation-pg')) && trace.some((s) => s.scope.includes('instrumentation-graphql'))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { server, trace };
}

/** The first JSON log line of the server that `ok` accepts, waiting for it a while (the output is written asynchronously). */
async function logLine(ok: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown> | undefined> {
  const until = Date.now() + 10_000;
  for (;;) {
    const found = log.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>).find(ok);
    if (found || Date.now() > until) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const { rows: admins } = await sql(db.url, `select id from person where 'ADMINISTRATOR' = any(held_roles) and active order by email limit 1`);
const token = await mintToken(loadConfig({ NODE_ENV: 'test' }).jwt, admins[0].id, '1h');

describe('OpenTelemetry traces over OTLP', () => {
  it('one request: a trace with HTTP, GraphQL and pg spans, carrying the request id of its log lines', async () => {
    const requestId = `trace-test-${Date.now()}`;
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
      body: JSON.stringify({ query: `query TracedPeek { viewer { kind } structures(first: 2) { nodes { code } } }` }),
    });
    expect((await res.json()).data.viewer.kind).toBe('PERSON');
    expect(res.headers.get('x-request-id')).toBe(requestId);

    // the HTTP server span names the request id
    const { server: http, trace } = await traceOf(requestId);
    expect(http, `no server span with the request id; spans: ${spans.map((s) => s.name).join(', ')}`).toBeDefined();
    expect(http!.scope).toContain('instrumentation-http');
    expect(attr(http!, 'http.method') ?? attr(http!, 'http.request.method')).toBe('POST');

    const graphql = trace.filter((s) => s.scope.includes('instrumentation-graphql'));
    expect(graphql.map((s) => s.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^query TracedPeek/)]));
    const pg = trace.filter((s) => s.scope.includes('instrumentation-pg'));
    expect(pg.length).toBeGreaterThanOrEqual(2); // the viewer's authentication and the structures page
    expect(pg.every((s) => attr(s, 'db.system') === 'postgresql' || attr(s, 'db.system.name') === 'postgresql')).toBe(true);
    // every span of the trace hangs under the HTTP request
    const ids = new Set(trace.map((s) => s.spanId));
    expect(trace.filter((s) => s !== http).every((s) => s.parentSpanId && ids.has(s.parentSpanId))).toBe(true);

    // and the log line of the request leads to the trace
    const line = await logLine((l) => JSON.stringify(l).includes(requestId) && l.trace_id !== undefined);
    expect(line?.trace_id).toBe(http!.traceId);
  });

  it('a WebSocket operation has a server span of its own with its request id, its GraphQL and pg spans under it', async () => {
    const client = wsClient(`http://127.0.0.1:${port}/graphql`, { token });
    const q = collect(client, `query TracedWsPeek { viewer { kind } }`);
    expect((await q.next(1))[0]).toMatchObject({ data: { viewer: { kind: 'PERSON' } } });
    await client.dispose();
    const line = await logLine((l) => l.msg === 'ws operation' && l.operationName === 'TracedWsPeek');
    expect(line?.requestId).toBeTruthy();
    const { server, trace } = await traceOf(String(line!.requestId));
    expect(server?.name).toBe('graphql-ws TracedWsPeek');
    expect(trace.some((s) => s.scope.includes('instrumentation-graphql') && s.name.startsWith('query TracedWsPeek'))).toBe(true);
    expect(trace.some((s) => s.scope.includes('instrumentation-pg'))).toBe(true);
  });

  it('the probes are not traced', async () => {
    const before = spans.length;
    await fetch(`http://127.0.0.1:${port}/healthz`);
    await fetch(`http://127.0.0.1:${port}/metrics`);
    // a traced request after them: once its span is exported, any probe span would have been too
    // (spans are exported in the order they end), so the check does not depend on a guessed delay
    const requestId = `after-probes-${Date.now()}`;
    await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId }, body: JSON.stringify({ query: '{ structures(first: 1) { nodes { code } } }' }) });
    const { server: control } = await traceOf(requestId);
    expect(control, 'the request after the probes was traced').toBeDefined();
    expect(spans.slice(before).filter((s) => s.scope.includes('instrumentation-http') && s.kind === 2 && s !== control).map((s) => s.name)).toEqual([]);
  });

  it('without OTEL_EXPORTER_OTLP_ENDPOINT nothing starts', () => {
    expect(startTelemetry({})).toBeNull();
    expect(startTelemetry({ OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl, OTEL_SDK_DISABLED: 'true' })).toBeNull();
  });
});
