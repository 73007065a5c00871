import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { print } from 'graphql';
import { createClient, FileIncidentDocument, FlowDirection, type FileIncidentInput } from '@chorus-support/sdk';
import { generateApiKey } from '../packages/server/src/access/credentials';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { subscriptionsRunning, untilSubscribed } from './support/ws';

const server = await startTestServer({ env: { RATE_LIMIT_WINDOW_SECONDS: '1' } });
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const structureId = async (code: string) => gid('Structure', (await sql(server.databaseUrl, `select id from structure where code = $1`, [code])).rows[0].id);
// a generous budget, except where a test sets its own: a 1-second window keeps throttling tests short
await sql(server.databaseUrl, `update application_client set cost_budget_per_minute = 10000000 where name in ('SAXO', 'GAIA')`);
const saxo = () => createClient({ url: server.url, apiKey: DEMO_API_KEY, webSocketImpl: WebSocket, retries: { retries: 8, baseDelayMs: 20 } });

let flowSeq = 0;
async function incident(patch: Partial<FileIncidentInput> = {}): Promise<Omit<FileIncidentInput, 'idempotencyKey'> & { idempotencyKey?: string }> {
  const now = new Date();
  return {
    structureId: await structureId('CSP-LYON'),
    flow: { id: `SAXO-EJ-${process.pid}-${++flowSeq}`, type: 'EJ', direction: FlowDirection.TO_CHORUS, exchangedAt: new Date(now.getTime() - 60_000).toISOString() },
    errorMessage: 'Ctre financier 0123-DR69-DP69 n’existe pas ds périm. Fin 0141 et exercice 2026',
    documentNumbers: ['1508892764/00003'],
    occurredAt: now.toISOString(),
    ...patch,
  };
}

async function count(table: string, where = 'true', params: unknown[] = []) {
  return (await sql(server.databaseUrl, `select count(*)::int n from ${table} where ${where}`, params)).rows[0].n as number;
}

describe('filing incidents', () => {
  it('routes a functional rejection to SN1 and a transport failure to CES-CHOREGIE, saying why', async () => {
    const client = saxo();
    const functional = await client.incidents.file(await incident());
    expect(functional.userErrors).toEqual([]);
    expect(functional.ticket).toMatchObject({ level: 'SN1', nature: 'FUNCTIONAL', status: 'SUBMITTED', domain: { code: 'EJ' }, openedByApplicationName: 'SAXO' });
    expect(functional.filing?.routingReason).toMatch(/Centre financier inconnu/);

    const technical = await client.incidents.file(await incident({ errorMessage: 'Dépôt SFTP : délai d’attente dépassé (connexion interrompue)' }));
    expect(technical.ticket).toMatchObject({ level: 'TECHNICAL', nature: 'TECHNICAL' });
    expect(technical.filing?.routingReason).toMatch(/Transport du flux.*CES-CHOREGIE/);

    const unknown = await client.incidents.file(await incident({ errorMessage: 'Erreur inattendue 42' }));
    expect(unknown.ticket).toMatchObject({ level: 'SN1' });
    expect(unknown.filing?.routingReason).toMatch(/par défaut/);

    // its whole history so far, opening and submission, is the application's doing
    const history = await sql(server.databaseUrl, `select e.kind, e.transition, e.actor_application_id is not null as by_app from ticket_event e join ticket t on t.id = e.ticket_id where t.reference = $1 order by e.seq`, [functional.ticket!.reference]);
    expect(history.rows).toEqual([
      { kind: 'OPENED', transition: null, by_app: true },
      { kind: 'TRANSITION', transition: 'SUBMIT', by_app: true },
    ]);
  });

  it('routing rules are data an administrator edits', async () => {
    const admin = createClient({ url: server.url, token: await server.tokenForRole('ADMINISTRATOR') });
    const bad = await admin.SaveIncidentRoutingRule({ input: { position: 5, label: 'broken', pattern: '(unclosed', nature: 'TECHNICAL' as never } });
    expect(bad.saveIncidentRoutingRule.userErrors[0].code).toBe('INVALID_ROUTING_PATTERN');
    const saved = await admin.SaveIncidentRoutingRule({ input: { position: 5, label: 'Quota de flux dépassé', pattern: 'quota de flux', nature: 'TECHNICAL' as never } });
    expect(saved.saveIncidentRoutingRule.userErrors).toEqual([]);
    const filed = await saxo().incidents.file(await incident({ errorMessage: 'Quota de flux dépassé pour le budget 0141' }));
    expect(filed.ticket?.level).toBe('TECHNICAL');
    expect(filed.filing?.routingReason).toMatch(/Quota de flux/);
    const cca = await server.gql(`{ incidentRoutingRules { id } }`, {}, { token: await server.tokenForRole('CCA') });
    expect(cca.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('the same key returns the same ticket; the same key with another body is a conflict', async () => {
    const client = saxo();
    const input = { ...(await incident()), idempotencyKey: `saxo-key-${Date.now()}` };
    const first = await client.incidents.file(input);
    const again = await client.incidents.file(input);
    expect(again.ticket?.id).toBe(first.ticket?.id);
    expect(again.replayed).toBe(true);
    const other = await client.incidents.file({ ...input, errorMessage: 'Autre message' });
    expect(other.userErrors).toEqual([{ field: ['input', 'idempotencyKey'], code: 'IDEMPOTENCY_KEY_REUSED', message: expect.any(String) }]);
    expect(await count('incident_filing', 'idempotency_key = $1', [input.idempotencyKey])).toBe(1);
  });

  it('a retry after a dropped response (committed on the server, lost on the way back) returns the same ticket', async () => {
    let dropped = 0;
    const dropFirstAnswer: typeof fetch = async (input, init) => {
      const res = await fetch(input, init); // the server does the work and commits
      if (dropped++ === 0) {
        await res.text();
        throw new TypeError('fetch failed: other side closed');
      }
      return res;
    };
    const client = createClient({ url: server.url, apiKey: DEMO_API_KEY, fetch: dropFirstAnswer, retries: { retries: 2, baseDelayMs: 10 } });
    const input = await incident();
    const before = await count('ticket');
    const filed = await client.incidents.file(input);
    expect(dropped).toBe(2);
    expect(filed.replayed).toBe(true); // the answer came from the retry, which found the first call's work
    expect(await count('ticket')).toBe(before + 1);
    expect(await count('incident_filing', 'flow_id = $1', [input.flow.id])).toBe(1);
  });

  it('50 concurrent filings with one key across two server instances make exactly one ticket', async () => {
    const other = await startTestServer({ databaseUrl: server.databaseUrl, env: { RATE_LIMIT_WINDOW_SECONDS: '1' } });
    const input = { ...(await incident()), idempotencyKey: `race-${Date.now()}` };
    const query = `mutation($input: FileIncidentInput!) { fileIncident(input: $input) { ticket { id reference } replayed userErrors { code } } }`;
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? other : server).gql(query, { input }, { apiKey: DEMO_API_KEY })));
    const ids = new Set(results.map((r) => r.body.data?.fileIncident?.ticket?.id));
    expect(results.every((r) => r.status === 200 && r.body.data.fileIncident.userErrors.length === 0)).toBe(true);
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.body.data.fileIncident.replayed).length).toBe(1);
    expect(await count('ticket', 'client_request_id = $1', [input.idempotencyKey])).toBe(1);
    expect(await count('incident_filing', 'idempotency_key = $1', [input.idempotencyKey])).toBe(1);
  });

  it('attaches repeats of one flow’s failure to the first ticket instead of opening new ones', async () => {
    const client = saxo();
    const base = await incident();
    const first = await client.incidents.file(base);
    const repeat = await client.incidents.file({ ...base, errorMessage: base.errorMessage.replace('2026', '2025'), documentNumbers: ['1508892999/00001'] });
    expect(repeat.ticket?.id).toBe(first.ticket?.id);
    expect(repeat.filing?.groupedWithFirst).toBe(true);
    const detail = await client.IncidentTicket({ id: first.ticket!.id });
    const t = detail.node as { incidentFilings: { groupedWithFirst: boolean }[]; commentCount: number };
    expect(t.incidentFilings.map((f) => f.groupedWithFirst)).toEqual([false, true]);
    // the repeat is told on the first ticket, as one comment
    expect(t.commentCount).toBe(1);
    const otherFlow = await client.incidents.file(await incident());
    expect(otherFlow.ticket?.id).not.toBe(first.ticket?.id);
  });
});

describe('bad filings', () => {
  const FILE = `mutation($input: FileIncidentInput!) { fileIncident(input: $input) { ticket { id } userErrors { field code } } }`;

  it.each([
    ['a missing idempotency key', (i: any) => ({ ...i, idempotencyKey: '' }), ['input.idempotencyKey', 'INVALID_FORMAT']],
    ['an over-long idempotency key', (i: any) => ({ ...i, idempotencyKey: 'k'.repeat(101) }), ['input.idempotencyKey', 'INVALID_FORMAT']],
    ['a malformed flow id', (i: any) => ({ ...i, flow: { ...i.flow, id: 'flux avec espaces; drop table' } }), ['input.flow.id', 'INVALID_FORMAT']],
    ['an occurrence in the future', (i: any) => ({ ...i, occurredAt: new Date(Date.now() + 3_600_000).toISOString() }), ['input.occurredAt', 'OCCURRED_IN_FUTURE']],
    ['an empty error message', (i: any) => ({ ...i, errorMessage: '  ' }), ['input.errorMessage', 'REQUIRED']],
    ['51 document numbers', (i: any) => ({ ...i, documentNumbers: Array.from({ length: 51 }, (_, n) => `D${n}`) }), ['input.documentNumbers', 'TOO_MANY_ITEMS']],
  ])('refuses %s, writing nothing', async (_name, patch, [field, code]) => {
    const before = await count('incident_filing');
    const res = await server.gql(FILE, { input: patch({ ...(await incident()), idempotencyKey: `bad-${Date.now()}` }) }, { apiKey: DEMO_API_KEY });
    expect(res.body.data.fileIncident.userErrors.map((e: any) => [e.field.join('.'), e.code])).toContainEqual([field, code]);
    expect(await count('incident_filing')).toBe(before);
  });

  it("refuses a structure of another ministry, or one the application doesn't file for", async () => {
    for (const code of ['CSP-LILLE', 'CSP-LYON']) {
      const app = code === 'CSP-LYON' ? 'GAIA-LESS' : 'SAXO';
      let apiKey = DEMO_API_KEY;
      if (app !== 'SAXO') {
        const k = generateApiKey();
        await sql(server.databaseUrl, `insert into application_client (id, name, ministry_id, contact_email) select gen_random_uuid(), 'GAIA-LESS', id, 'g@x.example' from ministry where code = 'MIN06'`);
        await sql(server.databaseUrl, `insert into api_key (id, application_id, prefix, hash) select gen_random_uuid(), id, $1, $2 from application_client where name = 'GAIA-LESS'`, [k.prefix, k.hash]);
        apiKey = k.key;
      }
      const res = await server.gql(FILE, { input: { ...(await incident({ structureId: await structureId(code) })), idempotencyKey: `foreign-${code}-${Date.now()}` } }, { apiKey });
      expect(res.body.data.fileIncident.userErrors).toEqual([{ field: ['input', 'structureId'], code: 'STRUCTURE_NOT_ALLOWED' }]);
    }
  });

  it('refuses revoked and unknown keys, and people', async () => {
    const k = generateApiKey();
    await sql(server.databaseUrl, `insert into api_key (id, application_id, prefix, hash, revoked_at) select gen_random_uuid(), id, $1, $2, now() from application_client where name = 'SAXO'`, [k.prefix, k.hash]);
    const input = { ...(await incident()), idempotencyKey: `revoked-${Date.now()}` };
    expect((await server.gql(FILE, { input }, { apiKey: k.key })).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(FILE, { input }, { apiKey: generateApiKey().key })).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(FILE, { input }, { token: await server.tokenForRole('CCA', 'CSP-LYON') })).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it("never shows an application another application's tickets or a structure's other tickets", async () => {
    const mine = await saxo().incidents.file(await incident());
    const k = generateApiKey();
    await sql(server.databaseUrl, `insert into api_key (id, application_id, prefix, hash) select gen_random_uuid(), id, $1, $2 from application_client where name = 'GAIA'`, [k.prefix, k.hash]);
    const gaia = createClient({ url: server.url, apiKey: k.key });
    expect((await gaia.IncidentTicket({ id: mine.ticket!.id })).node).toBeNull();
    const seen: string[] = [];
    for await (const t of gaia.tickets.iterate()) seen.push(t.id);
    expect(seen).toEqual([]);
    const saxoSees: string[] = [];
    for await (const t of saxo().tickets.iterate()) saxoSees.push(t.openedByApplicationName ?? 'person');
    // every ticket SAXO opened, and only those
    const opened = await sql(server.databaseUrl, `select count(*)::int n from ticket t join application_client a on a.id = t.opened_by_application_id where a.name = 'SAXO'`);
    expect(saxoSees.length).toBe(opened.rows[0].n);
    expect(new Set(saxoSees)).toEqual(new Set(['SAXO']));
  });

  it('a flood from one client is throttled, then every filing lands once (nothing lost, no duplicates)', async () => {
    // one filing (the SDK's FileIncident, whatever it costs today) per 1-second window: 12 concurrent filings must meet THROTTLED however slow the machine
    const probe = await server.gql(print(FileIncidentDocument), { input: { ...(await incident()), idempotencyKey: `flood-probe-${Date.now()}` } }, { apiKey: DEMO_API_KEY });
    const cost = Number(probe.body.extensions.cost);
    expect(cost).toBeGreaterThan(0);
    await sql(server.databaseUrl, `update application_client set cost_budget_per_minute = 60 * $1 where name = 'SAXO'`, [cost]);
    const inputs = await Promise.all(Array.from({ length: 12 }, async () => ({ ...(await incident()), idempotencyKey: `flood-${Date.now()}-${++flowSeq}` })));
    let throttled = 0;
    const counting = createClient({
      url: server.url,
      apiKey: DEMO_API_KEY,
      retries: { retries: 50, baseDelayMs: 10, maxThrottleWaitMs: 2000 },
      fetch: async (i, init) => {
        const res = await fetch(i, init);
        if (res.status === 429) throttled++;
        return res;
      },
    });
    const results = await Promise.all(inputs.map((input) => counting.incidents.file(input))).finally(() =>
      sql(server.databaseUrl, `update application_client set cost_budget_per_minute = 10000000 where name = 'SAXO'`),
    );
    expect(throttled).toBeGreaterThan(0);
    expect(results.every((r) => r.userErrors.length === 0 && r.ticket)).toBe(true);
    const keys = inputs.map((i) => i.idempotencyKey);
    expect(await count('incident_filing', 'idempotency_key = any($1)', [keys])).toBe(12);
    expect(await count('ticket', 'client_request_id = any($1)', [keys])).toBe(12);
  }, 120_000);
});

describe('following an incident', () => {
  it('the filing application adds a public comment and more document numbers, but no internal comment', async () => {
    const filed = await saxo().incidents.file(await incident());
    const id = filed.ticket!.id;
    const comment = await server.gql(`mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { userErrors { code } } }`, { input: { ticketId: id, body: 'Le flux a été relancé à 14 h, même rejet.' } }, { apiKey: DEMO_API_KEY });
    expect(comment.body.data.addTicketComment.userErrors).toEqual([]);
    const internal = await server.gql(`mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { userErrors { code } } }`, { input: { ticketId: id, body: 'interne', internal: true } }, { apiKey: DEMO_API_KEY });
    expect(internal.body.data.addTicketComment.userErrors.length).toBe(1);
    const docs = await server.gql(`mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { ticket { documentNumbers } userErrors { code } } }`, { input: { id, version: filed.ticket!.version, documentNumbers: ['1508892764/00003', '1508892764/00004'] } }, { apiKey: DEMO_API_KEY });
    expect(docs.body.data.updateTicket.userErrors).toEqual([]);
    expect(docs.body.data.updateTicket.ticket.documentNumbers).toEqual(['1508892764/00003', '1508892764/00004']);
  });

  it('the example flow monitor files an incident and waits for its resolution by subscription', async () => {
    const flowId = `SAXO-EJ-MONITOR-${Date.now()}`;
    const subscribedBefore = await subscriptionsRunning(server.url);
    const child = spawn(process.execPath, [fileURLToPath(new URL('../packages/sdk/examples/flow-monitor.mjs', import.meta.url))], {
      env: { ...process.env, CHORUS_URL: server.url, CHORUS_API_KEY: DEMO_API_KEY, FLOW_ID: flowId, TIMEOUT_S: '30' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((ok) => child.on('exit', ok));
    for (let i = 0; i < 100 && !/filed (FSD-\S+) \((\S+)\)/.test(out); i++) await new Promise((r) => setTimeout(r, 100));
    const [, reference, ticketId] = /filed (FSD-\S+) \((\S+)\) level=(\S+)/.exec(out) ?? [];
    expect(reference, out).toBeDefined();
    await untilSubscribed(server.url, subscribedBefore + 1); // the monitor subscribes

    // the technical team takes and resolves it
    const tech = await server.tokenForRole('TECHNICAL_AGENT');
    const read = async () => (await server.gql(`query($id: ID!) { node(id: $id) { ... on Ticket { version status level } } }`, { id: ticketId }, { token: tech })).body.data.node;
    const take = await server.gql(`mutation($input: TakeTicketInput!) { takeTicket(input: $input) { userErrors { code message } } }`, { input: { id: ticketId, version: (await read()).version } }, { token: tech });
    expect(take.body.data.takeTicket.userErrors).toEqual([]);
    const resolve = await server.gql(`mutation($input: ResolveTicketInput!) { resolveTicket(input: $input) { userErrors { code message } } }`, { input: { id: ticketId, version: (await read()).version, reason: 'Dépôt SFTP rejoué, flux intégré.' } }, { token: tech });
    expect(resolve.body.data.resolveTicket.userErrors).toEqual([]);

    expect(await exited, out).toBe(0);
    expect(out).toContain(`resolved ${reference}`);
    expect(out).toMatch(/update .* status=IN_PROGRESS/);
  }, 40_000);

  it('an application with a webhook is called, signed, on every status change', async () => {
    const { createServer } = await import('node:http');
    const calls: any[] = [];
    const hook = createServer((req, res) => {
      let b = '';
      req.on('data', (d) => (b += d));
      req.on('end', () => {
        calls.push(JSON.parse(b));
        res.end();
      });
    });
    await new Promise<void>((ok) => hook.listen(0, '127.0.0.1', ok));
    const hooked = await startTestServer({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_POLL_MS: '50' } });
    await sql(hooked.databaseUrl, `update application_client set webhook_url = $1, webhook_secret = 'whsec-0123456789abcdef' where name = 'SAXO'`, [`http://127.0.0.1:${(hook.address() as any).port}/h`]);
    const client = createClient({ url: hooked.url, apiKey: DEMO_API_KEY });
    const lyon = gid('Structure', (await sql(hooked.databaseUrl, `select id from structure where code = 'CSP-LYON'`)).rows[0].id);
    const filed = await client.incidents.file({ ...(await incident()), structureId: lyon });
    const sn1 = await hooked.tokenForRole('SN1_AGENT');
    const v = async () => (await hooked.gql(`query($id: ID!) { node(id: $id) { ... on Ticket { version } } }`, { id: filed.ticket!.id }, { token: sn1 })).body.data.node.version;
    await hooked.gql(`mutation($input: TakeTicketInput!) { takeTicket(input: $input) { userErrors { code } } }`, { input: { id: filed.ticket!.id, version: await v() } }, { token: sn1 });
    for (let i = 0; i < 100 && calls.length < 1; i++) await new Promise((r) => setTimeout(r, 50));
    hook.close();
    expect(calls[0]).toMatchObject({ event: 'ticket.status_changed', data: { reference: filed.ticket!.reference, from: 'SUBMITTED', to: 'IN_PROGRESS' } });
  });
});
