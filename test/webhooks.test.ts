import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { signWebhook, enqueueWebhook } from '../packages/server/src/integration/webhooks';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { sql } from './support/db';
import { buildAppSchema } from '../packages/server/src/schema';
import { startTestServer } from './support/server';
import { until as untilTruthy } from './support/until';

/** A webhook receiver on loopback that answers with the scripted statuses, then 200. */
function receiver(script: number[] = []) {
  const calls: { headers: IncomingMessage['headers']; body: string }[] = [];
  const srv = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      calls.push({ headers: req.headers, body });
      res.statusCode = script.shift() ?? 200;
      res.end();
    });
  });
  return new Promise<{ url: string; calls: typeof calls; close: () => void }>((ok) =>
    srv.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/hook`, calls, close: () => srv.close() })),
  );
}

const env = { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_POLL_MS: '50', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_MAX_ATTEMPTS: '3' };
const server = await startTestServer({ env });
const SECRET = 'a-shared-webhook-secret-0001';

async function point(url: string) {
  await sql(server.databaseUrl, `update application_client set webhook_url = $1, webhook_secret = $2 where name = 'SAXO'`, [url, SECRET]);
  const { rows } = await sql(server.databaseUrl, `select id from application_client where name = 'SAXO'`);
  return rows[0].id as string;
}

async function enqueue(applicationId: string, payload: Record<string, unknown>) {
  const em = server.orm.em.fork();
  const d = await enqueueWebhook(em, applicationId, 'ticket.status_changed', payload);
  await em.flush();
  return d!.id;
}

const until = <T>(probe: () => Promise<T | undefined | false>, ms = 5000) => untilTruthy(probe, ms, 50);

describe('webhooks', () => {
  it('POSTs a signed body, retries a failing receiver with backoff, and records the attempts', async () => {
    const hook = await receiver([500]);
    afterAll(hook.close);
    const appId = await point(hook.url);
    const id = await enqueue(appId, { reference: 'FSD-2026-000001', status: 'RESOLVED' });
    await until(async () => hook.calls.length >= 2);
    const [failed, ok] = hook.calls;
    expect(failed.body).toBe(ok.body);
    const body = JSON.parse(ok.body);
    expect(body).toMatchObject({ id, event: 'ticket.status_changed', data: { reference: 'FSD-2026-000001', status: 'RESOLVED' } });
    expect(ok.headers['x-chorus-signature']).toBe(signWebhook(SECRET, String(ok.headers['x-chorus-timestamp']), ok.body));

    const gid = Buffer.from(`WebhookDelivery:${id}`).toString('base64url');
    const seen = await until(async () => {
      const r = await server.gql(`{ webhookDeliveries(first: 5) { nodes { id status attempts lastStatusCode deliveredAt } } }`, {}, { apiKey: DEMO_API_KEY });
      const d = r.body.data.webhookDeliveries.nodes.find((n: any) => n.id === gid);
      return d?.status === 'DELIVERED' && d;
    });
    expect(seen).toMatchObject({ attempts: 2, lastStatusCode: 200 });
  });

  it('gives up after the last attempt (FAILED), and never calls a private host that is not allowed', async () => {
    const hook = await receiver([503, 503, 503, 503]);
    afterAll(hook.close);
    const appId = await point(hook.url);
    const id = await enqueue(appId, { n: 1 });
    const row = await until(async () => (await sql(server.databaseUrl, `select status, attempts, last_error from webhook_delivery where id = $1 and status = 'FAILED'`, [id])).rows[0]);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3, last_error: expect.stringMatching(/503/) });
    expect(hook.calls.length).toBe(3);

    // a server that allows no private host, on its own database
    const strict = await startTestServer({ env: { ...env, WEBHOOK_ALLOWED_HOSTS: '' } });
    const other = await receiver();
    afterAll(other.close);
    await sql(strict.databaseUrl, `update application_client set webhook_url = $1 where name = 'SAXO'`, [other.url]);
    const em = strict.orm.em.fork();
    const saxo = (await sql(strict.databaseUrl, `select id from application_client where name = 'SAXO'`)).rows[0].id;
    const blocked = (await enqueueWebhook(em, saxo, 'ticket.status_changed', { n: 2 }))!.id;
    await em.flush();
    const blockedRow = await until(async () => (await sql(strict.databaseUrl, `select attempts, last_error from webhook_delivery where id = $1 and attempts > 0`, [blocked])).rows[0]);
    expect(blockedRow.last_error).toMatch(/private or local/);
    expect(other.calls.length).toBe(0);
  });
  it('one status change makes one webhook, however often the modules were composed in the process', async () => {
    await buildAppSchema(); // composes the modules again, as a second server or a schema dump in the same process would
    const { rows } = await sql(
      server.databaseUrl,
      `select s.id from application_client a join application_client_structure x on x.application_client_id = a.id join structure s on s.id = x.structure_id where a.name = 'SAXO' order by s.code limit 1`,
    );
    const structureId = Buffer.from(`Structure:${rows[0].id}`).toString('base64url');
    const opened = await server.gql(
      `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id version reference status } userErrors { code } } }`,
      { input: { structureId, application: 'CHORUS_COEUR', domain: 'EJ', title: 'composed twice', description: 'd' } },
      { apiKey: DEMO_API_KEY },
    );
    expect(opened.body.data.openTicket).toMatchObject({ ticket: { status: 'SUBMITTED' }, userErrors: [] });
    const { id, version, reference } = opened.body.data.openTicket.ticket;
    const cancelled = await server.gql(`mutation($input: CancelTicketInput!) { cancelTicket(input: $input) { ticket { status } userErrors { code } } }`, { input: { id, version, reason: 'filed by mistake' } }, { apiKey: DEMO_API_KEY });
    expect(cancelled.body.data.cancelTicket).toEqual({ ticket: { status: 'CANCELLED' }, userErrors: [] });
    const deliveries = await sql(server.databaseUrl, `select count(*)::int as n from webhook_delivery where event = 'ticket.status_changed' and payload->>'reference' = $1 and payload->>'to' = 'CANCELLED'`, [reference]);
    expect(deliveries.rows[0].n).toBe(1);
  });

  it("delivers one ticket's events in order: a RESOLVED waits while the IN_PROGRESS before it is retried", async () => {
    // a long backoff: without the order, the RESOLVED would go out during it
    const slow = await startTestServer({ env: { ...env, WEBHOOK_RETRY_BASE_MS: '1000' } });
    const ok: { to: string; reference: string }[] = [];
    let failedOnce = false;
    const hook = await scriptedReceiver((body) => {
      if (body.event !== 'ticket.status_changed') return 200;
      if (body.data.to === 'IN_PROGRESS' && !failedOnce) return (failedOnce = true), 500;
      ok.push(body.data);
      return 200;
    });
    afterAll(hook.close);
    await sql(slow.databaseUrl, `update application_client set webhook_url = $1 where name = 'SAXO'`, [hook.url]);
    const { id, reference } = await openAsSaxo(slow, 'ordered events');
    const sn1 = await slow.tokenForRole('SN1_AGENT');
    const version = async () => (await slow.gql(`query($id: ID!) { node(id: $id) { ... on Ticket { version } } }`, { id }, { token: sn1 })).body.data.node.version;
    const taken = await slow.gql(`mutation($input: TakeTicketInput!) { takeTicket(input: $input) { userErrors { code } } }`, { input: { id, version: await version() } }, { token: sn1 });
    expect(taken.body.data.takeTicket.userErrors).toEqual([]);
    await until(async () => failedOnce);
    const resolved = await slow.gql(`mutation($input: ResolveTicketInput!) { resolveTicket(input: $input) { userErrors { code } } }`, { input: { id, version: await version(), reason: 'Flux rejoué, intégré.' } }, { token: sn1 });
    expect(resolved.body.data.resolveTicket.userErrors).toEqual([]);
    await until(async () => ok.some((d) => d.reference === reference && d.to === 'RESOLVED'));
    expect(ok.filter((d) => d.reference === reference).map((d) => d.to)).toEqual(['IN_PROGRESS', 'RESOLVED']);
  });

  it('sends a public comment to the application that filed the ticket, never an internal one nor its own', async () => {
    const got: any[] = [];
    const hook = await scriptedReceiver((body) => (got.push(body), 200));
    afterAll(hook.close);
    await point(hook.url);
    const { id, reference } = await openAsSaxo(server, 'comments told');
    const sn1 = await server.tokenForRole('SN1_AGENT');
    const version = (await server.gql(`query($id: ID!) { node(id: $id) { ... on Ticket { version } } }`, { id }, { token: sn1 })).body.data.node.version;
    expect((await server.gql(`mutation($input: TakeTicketInput!) { takeTicket(input: $input) { userErrors { code } } }`, { input: { id, version } }, { token: sn1 })).body.data.takeTicket.userErrors).toEqual([]);
    const comment = (input: Record<string, unknown>, auth: { token?: string; apiKey?: string }) =>
      server.gql(`mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { userErrors { code } } }`, { input: { ticketId: id, ...input } }, auth);
    expect((await comment({ body: 'Note interne : voir le flux SEM', internal: true }, { token: sn1 })).body.data.addTicketComment.userErrors).toEqual([]);
    expect((await comment({ body: 'Le lot a été rejoué, merci de vérifier.' }, { token: sn1 })).body.data.addTicketComment.userErrors).toEqual([]);
    expect((await comment({ body: 'Vérifié de notre côté.' }, { apiKey: DEMO_API_KEY })).body.data.addTicketComment.userErrors).toEqual([]);

    // queued with the comment, in its transaction: exactly the public one of the support
    const queued = await sql(server.databaseUrl, `select payload->>'body' as body from webhook_delivery where event = 'ticket.comment_added' and payload->>'reference' = $1`, [reference]);
    expect(queued.rows).toEqual([{ body: 'Le lot a été rejoué, merci de vérifier.' }]);
    const told = await until(async () => got.find((b) => b.event === 'ticket.comment_added' && b.data.reference === reference));
    expect(told.data).toMatchObject({ ticketId: id, reference, body: 'Le lot a été rejoué, merci de vérifier.', commentId: expect.any(String) });
    expect(JSON.stringify(got)).not.toContain('Note interne');
  });
});

/** A receiver on loopback whose answer depends on the JSON body it gets. */
function scriptedReceiver(answer: (body: any) => number) {
  const srv = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      res.statusCode = answer(JSON.parse(body));
      res.end();
    });
  });
  return new Promise<{ url: string; close: () => void }>((ok) => srv.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/hook`, close: () => srv.close() })));
}

/** A ticket filed by SAXO through its API key. */
async function openAsSaxo(on: typeof server, title: string): Promise<{ id: string; reference: string }> {
  const { rows } = await sql(
    on.databaseUrl,
    `select s.id from application_client a join application_client_structure x on x.application_client_id = a.id join structure s on s.id = x.structure_id where a.name = 'SAXO' order by s.code limit 1`,
  );
  const structureId = Buffer.from(`Structure:${rows[0].id}`).toString('base64url');
  const opened = await on.gql(
    `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id reference } userErrors { code } } }`,
    { input: { structureId, application: 'CHORUS_COEUR', domain: 'EJ', title, description: 'd' } },
    { apiKey: DEMO_API_KEY },
  );
  expect(opened.body.data.openTicket.userErrors).toEqual([]);
  return opened.body.data.openTicket.ticket;
}
