/**
 * fileIncidents: a night's batch of failed flows in one call. Each incident keeps every
 * rule of a single filing (its key, its structure, its routing, grouping), gets its own
 * result in order, and a refused one stops no other. Charged per incident.
 */
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { createClient, FlowDirection, type FileIncidentInput } from '@chorus-support/sdk';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer();
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const structureId = async (code: string) => gid('Structure', (await sql(server.databaseUrl, `select id from structure where code = $1`, [code])).rows[0].id);
await sql(server.databaseUrl, `update application_client set cost_budget_per_minute = 10000000 where name = 'SAXO'`);
const saxo = createClient({ url: server.url, apiKey: DEMO_API_KEY, webSocketImpl: WebSocket });
const lyon = await structureId('CSP-LYON');

let seq = 0;
function incident(patch: Partial<FileIncidentInput> = {}): Omit<FileIncidentInput, 'idempotencyKey'> & { idempotencyKey?: string } {
  const now = new Date();
  return {
    structureId: lyon,
    flow: { id: `BATCH-${process.pid}-${++seq}`, type: 'EJ', direction: FlowDirection.TO_CHORUS, exchangedAt: new Date(now.getTime() - 60_000).toISOString() },
    errorMessage: `Tiers inconnu dans le référentiel (${seq})`,
    occurredAt: now.toISOString(),
    ...patch,
  };
}
const count = async (where: string, params: unknown[]) => (await sql(server.databaseUrl, `select count(*)::int n from incident_filing where ${where}`, params)).rows[0].n as number;

describe('fileIncidents', () => {
  it('files each incident with its own result, in order, and says how many', async () => {
    const inputs = Array.from({ length: 12 }, (_, i) => incident({ idempotencyKey: `batch-ok-${process.pid}-${i}` }));
    const r = await saxo.incidents.fileMany(inputs);
    expect(r.userErrors).toEqual([]);
    expect(r.filedCount).toBe(12);
    expect(r.refusedCount).toBe(0);
    expect(r.results!.map((x) => x.index)).toEqual([...Array(12).keys()]);
    for (const [i, x] of r.results!.entries()) {
      expect(x.userErrors).toEqual([]);
      expect(x.replayed).toBe(false);
      expect(x.filing!.idempotencyKey).toBe(`batch-ok-${process.pid}-${i}`);
      expect(x.ticket!.level).toBe('SN1');
    }
    expect(new Set(r.results!.map((x) => x.ticket!.id)).size).toBe(12);
    expect(await count(`idempotency_key like $1`, [`batch-ok-${process.pid}-%`])).toBe(12);

    // retried whole, after a lost answer: every one is a replay, nothing new written
    const again = await saxo.incidents.fileMany(inputs);
    expect(again.results!.every((x) => x.replayed === true)).toBe(true);
    expect(again.results!.map((x) => x.ticket!.id)).toEqual(r.results!.map((x) => x.ticket!.id));
    expect(await count(`idempotency_key like $1`, [`batch-ok-${process.pid}-%`])).toBe(12);
  });

  it('refuses the bad ones alone, each field under its own index, and files the rest', async () => {
    const elsewhere = await structureId('AC-LYON'); // SAXO is not registered for it
    const inputs = [
      incident({ idempotencyKey: `batch-mix-${process.pid}-0` }),
      incident({ idempotencyKey: 'short', errorMessage: '' }),
      incident({ idempotencyKey: `batch-mix-${process.pid}-2`, structureId: elsewhere }),
      incident({ idempotencyKey: `batch-mix-${process.pid}-3`, occurredAt: new Date(Date.now() + 86_400_000).toISOString() }),
      incident({ idempotencyKey: `batch-mix-${process.pid}-4`, structureId: 'not-an-id' }),
      incident({ idempotencyKey: `batch-mix-${process.pid}-5` }),
    ];
    const r = await saxo.incidents.fileMany(inputs);
    expect(r.userErrors).toEqual([]);
    expect(r.filedCount).toBe(2);
    expect(r.refusedCount).toBe(4);
    const [ok0, bad1, bad2, bad3, bad4, ok5] = r.results!;
    expect(ok0!.ticket).not.toBeNull();
    expect(ok5!.ticket).not.toBeNull();
    // both bad fields of item 1 are reported, each at its path
    expect(bad1!.ticket).toBeNull();
    expect(bad1!.userErrors.map((e) => e.field!.join('.')).sort()).toEqual(['input.incidents.1.errorMessage', 'input.incidents.1.idempotencyKey']);
    expect(bad2!.userErrors.map((e) => [e.code, e.field!.join('.')])).toEqual([['STRUCTURE_NOT_ALLOWED', 'input.incidents.2.structureId']]);
    expect(bad3!.userErrors[0]!.code).toBe('OCCURRED_IN_FUTURE');
    expect(bad3!.userErrors[0]!.field).toEqual(['input', 'incidents', '3', 'occurredAt']);
    expect(bad4!.userErrors[0]!.code).toBe('INVALID_ID');
    expect(await count(`idempotency_key like $1`, [`batch-mix-${process.pid}-%`])).toBe(2);
  });

  it('takes a hundred at once within the cost limit', async () => {
    const r = await saxo.incidents.fileMany(Array.from({ length: 100 }, (_, i) => incident({ idempotencyKey: `batch-100-${process.pid}-${i}` })));
    expect(r.filedCount).toBe(100);
    expect(await count(`idempotency_key like $1`, [`batch-100-${process.pid}-%`])).toBe(100);
  });

  it('refuses an empty call and one of more than 100 as a whole', async () => {
    const none = await saxo.incidents.fileMany([]);
    expect(none.results).toBeNull();
    expect(none.userErrors[0]!.field).toEqual(['input', 'incidents']);
    const many = await saxo.incidents.fileMany(Array.from({ length: 101 }, () => incident()));
    expect(many.results).toBeNull();
    expect(many.userErrors[0]!.field).toEqual(['input', 'incidents']);
    expect(await count(`flow_id = $1`, [`BATCH-${process.pid}-${seq}`])).toBe(0);
  });

  it('is charged per incident', async () => {
    const doc = `mutation($input: FileIncidentsInput!) { fileIncidents(input: $input) { filedCount results { index } userErrors { code } } }`;
    const one = await server.gql(doc, { input: { incidents: [{ ...incident(), idempotencyKey: `batch-cost-${process.pid}-a` }] } }, { apiKey: DEMO_API_KEY });
    const ten = await server.gql(doc, { input: { incidents: Array.from({ length: 10 }, (_, i) => ({ ...incident(), idempotencyKey: `batch-cost-${process.pid}-b${i}` })) } }, { apiKey: DEMO_API_KEY });
    expect(one.body.data.fileIncidents.filedCount).toBe(1);
    expect(ten.body.data.fileIncidents.filedCount).toBe(10);
    expect(ten.body.extensions.cost).toBe(10 * one.body.extensions.cost);
  });

  it('is for business applications only', async () => {
    const doc = `mutation($input: FileIncidentsInput!) { fileIncidents(input: $input) { filedCount } }`;
    const input = { incidents: [{ ...incident(), idempotencyKey: `batch-who-${process.pid}` }] };
    for (const role of ['CCA', 'SN1_AGENT', 'ADMINISTRATOR']) {
      const r = await server.gql(doc, { input }, { token: await server.tokenForRole(role) });
      expect(r.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await server.gql(doc, { input })).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await count(`idempotency_key = $1`, [`batch-who-${process.pid}`])).toBe(0);
  });
});
