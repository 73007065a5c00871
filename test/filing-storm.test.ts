/**
 * Business applications retry in bursts after an outage. A storm of filings for one flow,
 * over two instances (two server processes, as deployed) with a small pool, must neither
 * stall the instances nor duplicate: one ticket per key, one grouped ticket per flow, no
 * internal error, every answer within 10 s, and an unrelated query answered within 1 s
 * meanwhile.
 */
import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { mintToken } from '../packages/server/src/access/credentials';
import { loadConfig } from '../packages/server/src/core/config';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { createTestDatabase, sql } from './support/db';
import { graphqlClient } from './support/server';
import { startServerProcess } from './support/server-process';

const db = await createTestDatabase();
const env = { DATABASE_URL: db.url, NODE_ENV: 'test', DB_POOL_SIZE: '4' };
const [procA, procB] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
const a = { gql: graphqlClient(procA.url), databaseUrl: db.url };
const b = { gql: graphqlClient(procB.url) };
afterAll(async () => {
  await Promise.all([procA.stop(), procB.stop()]);
  await db.drop();
});
await sql(a.databaseUrl, `update application_client set cost_budget_per_minute = 10000000 where name = 'SAXO'`);
const lyon = Buffer.from(`Structure:${(await sql(a.databaseUrl, `select id from structure where code = 'CSP-LYON'`)).rows[0].id}`).toString('base64url');
const { rows: analysts } = await sql(db.url, `select id from person where 'ANALYST' = any(held_roles) and active order by email limit 1`);
const analystToken = await mintToken(loadConfig({ NODE_ENV: 'test' }).jwt, analysts[0].id, '1h');

/**
 * The analyst's front end already has its connection open (keep-alive) when the storm
 * starts: what is timed is the server's answer, not a TCP handshake queued behind the
 * storm's hundred new connections.
 */
const analystAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
afterAll(() => analystAgent.destroy());
function analystAsks(query: string, anonymous = false): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query });
    const req = http.request(procA.url, { method: 'POST', agent: analystAgent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(anonymous ? {} : { authorization: `Bearer ${analystToken}` }) } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const FILE = `mutation($input: FileIncidentInput!) { fileIncident(input: $input) { ticket { id } replayed filing { groupedWithFirst } userErrors { code } } }`;

function incident(flowId: string, key: string) {
  const now = Date.now();
  return {
    idempotencyKey: key,
    structureId: lyon,
    flow: { id: flowId, type: 'EJ', direction: 'TO_CHORUS', exchangedAt: new Date(now - 60_000).toISOString() },
    errorMessage: 'Ctre financier 0123-DR69-DP69 n’existe pas ds périm. Fin 0141 et exercice 2026',
    occurredAt: new Date(now - 1000).toISOString(),
  };
}

// the storm meets running instances: each has filed once before (first-use costs paid)
for (const [i, server] of [a, b].entries()) {
  const warm = await server.gql(FILE, { input: incident(`STORM-WARM-${i}-${Date.now()}`, `warm-${i}-${Date.now()}`) }, { apiKey: DEMO_API_KEY });
  if (warm.body.data?.fileIncident?.userErrors?.length !== 0) throw new Error(`warm-up filing failed: ${JSON.stringify(warm.body)}`);
}

/** Fires `n` filings at once, half on each instance, while an analyst asks `{ viewer }` on A; returns every answer with its duration. */
async function storm(inputs: ReturnType<typeof incident>[]) {
  // the connection is open before the storm; asked anonymously, so the analyst is not in the credentials cache yet
  expect((await analystAsks('{ __typename }', true)).status).toBe(200);
  const timed = <T>(p: Promise<T>) => {
    const start = Date.now();
    return p.then((r) => ({ r, ms: Date.now() - start }));
  };
  const filings = Promise.all(inputs.map((input, i) => timed((i % 2 ? b : a).gql(FILE, { input }, { apiKey: DEMO_API_KEY }))));
  // the unrelated query arrives in the thick of it
  await new Promise((r) => setTimeout(r, 150));
  const unrelated = await timed(analystAsks(`{ viewer { kind } }`));
  return { results: await filings, unrelated };
}

const internalErrors = (results: { r: { status: number; body: any } }[]) =>
  results.filter((x) => x.r.status >= 500 || x.r.body.errors?.some((e: any) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')).length;

describe('a retry storm on one flow, over two instances with a pool of 4', () => {
  it('100 concurrent filings with one key: one ticket, no error, all within 10 s, an unrelated query within 1 s', async () => {
    const flow = `STORM-KEY-${Date.now()}`;
    // a retry sends the very same body
    const input = incident(flow, `${flow}-k`);
    const { results, unrelated } = await storm(Array.from({ length: 100 }, () => input));
    if (process.env.STORM_DEBUG) console.log(JSON.stringify(results.map((x) => [x.ms, x.r.status, x.r.body.errors?.[0]?.extensions?.code ?? x.r.body.data?.fileIncident?.userErrors?.[0]?.code ?? 'ok'])), unrelated.ms);
    expect(internalErrors(results)).toBe(0);
    expect(results.every((x) => x.r.status === 200 && x.r.body.data.fileIncident.userErrors.length === 0)).toBe(true);
    expect(new Set(results.map((x) => x.r.body.data.fileIncident.ticket.id)).size).toBe(1);
    expect(results.filter((x) => !x.r.body.data.fileIncident.replayed)).toHaveLength(1);
    expect(Math.max(...results.map((x) => x.ms))).toBeLessThan(10_000);
    expect(unrelated.r.status).toBe(200);
    expect(unrelated.ms).toBeLessThan(1000);
    const { rows } = await sql(a.databaseUrl, `select count(*)::int n from incident_filing where flow_id = $1`, [flow]);
    expect(rows[0].n).toBe(1);
  });

  it('100 concurrent filings with distinct keys on one flow: one grouped ticket, 100 filings, no error, all within 10 s', async () => {
    const flow = `STORM-FLOW-${Date.now()}`;
    const { results, unrelated } = await storm(Array.from({ length: 100 }, (_, i) => incident(flow, `${flow}-${i}`)));
    expect(internalErrors(results)).toBe(0);
    expect(results.every((x) => x.r.status === 200 && x.r.body.data.fileIncident.userErrors.length === 0)).toBe(true);
    expect(new Set(results.map((x) => x.r.body.data.fileIncident.ticket.id)).size).toBe(1);
    expect(results.filter((x) => x.r.body.data.fileIncident.filing.groupedWithFirst)).toHaveLength(99);
    expect(Math.max(...results.map((x) => x.ms))).toBeLessThan(10_000);
    expect(unrelated.ms).toBeLessThan(1000);
    const { rows } = await sql(a.databaseUrl, `select count(*)::int filings, count(distinct ticket_id)::int tickets from incident_filing where flow_id = $1`, [flow]);
    expect(rows[0]).toEqual({ filings: 100, tickets: 1 });
    // each repeat is a public comment written through the desk (its counters moved under the row lock)
    const t = await sql(a.databaseUrl, `select comment_count from ticket where id = (select ticket_id from incident_filing where flow_id = $1 limit 1)`, [flow]);
    expect(t.rows[0].comment_count).toBe(99);
  });
});
