/**
 * Webhook targets (issue 29, finding 8): IPv4 inside IPv6, trailing dots, names resolving
 * to loopback and plain http are refused at registration in production; each delivery
 * checks again and connects only to the addresses it checked, so a name that now resolves
 * to a private address is not called.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { enqueueWebhook } from '../packages/server/src/integration/webhooks';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { until } from './support/until';

/** The names this file's servers resolve (nothing leaves the machine): tests change them as DNS would. */
const dns = new Map<string, string[]>();
const resolve = async (host: string) => {
  const found = dns.get(host);
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};
const PUBLIC = '93.184.215.14';

const calls: IncomingMessage['headers'][] = [];
const receiver = createServer((req, res) => {
  calls.push(req.headers);
  req.resume().on('end', () => res.end());
});
await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
afterAll(() => new Promise<void>((ok) => receiver.close(() => ok())));
const port = (receiver.address() as AddressInfo).port;

const server = await startTestServer({
  env: { WEBHOOK_ALLOWED_HOSTS: 'receiver.test', WEBHOOK_POLL_MS: '50', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_MAX_ATTEMPTS: '2' },
  adjust: (c) => (c.webhooks.resolve = resolve),
});
const admin = await server.tokenForRole('ADMINISTRATOR');
const one = async (q: string, p: unknown[] = []) => (await sql(server.databaseUrl, q, p)).rows[0];
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const saxo = (await one(`select id from application_client where name = 'SAXO'`)).id as string;

const REGISTER = `mutation($input: RegisterApplicationInput!) { registerApplication(input: $input) { application { id } userErrors { field code message } } }`;
const UPDATE = `mutation($input: UpdateApplicationInput!) { updateApplication(input: $input) { application { id } userErrors { field code message } } }`;

async function deliver(payload: Record<string, unknown>) {
  const em = server.orm.em.fork();
  const d = await enqueueWebhook(em, saxo, 'ticket.status_changed', payload);
  await em.flush();
  return until(async () => (await sql(server.databaseUrl, `select status, attempts, last_error from webhook_delivery where id = $1 and (status <> 'PENDING' or attempts > 0)`, [d!.id])).rows[0], 10_000, 25);
}

// production, on a database of its own (its dispatcher must not take this file's deliveries)
const prod = await startTestServer({ env: { NODE_ENV: 'production', JWT_SECRET: 'webhook-test-secret-0123456789-abcdefghij', DEMO_DATA: 'false', NOTIFICATIONS: 'off' }, adjust: (c) => (c.webhooks.resolve = resolve) });
// production refuses the demo accounts: a real-looking administrator
await sql(
  prod.databaseUrl,
  `insert into person (id, first_name, last_name, email, structure_id, held_roles) select gen_random_uuid(), 'Admin', 'Webhooks', 'admin.webhooks@education.gouv.fr', s.id, '{ADMINISTRATOR}' from structure s where s.code = 'CSP-LYON'`,
);
const prodAdmin = await prod.tokenFor('admin.webhooks@education.gouv.fr');
const ministryId = gid('Ministry', (await sql(prod.databaseUrl, `select id from ministry where code = 'MIN06'`)).rows[0].id);
let n = 0;
const register = (webhookUrl: string) => prod.gql(REGISTER, { input: { name: `HOOK-${++n}`, ministryId, structureIds: [], contactEmail: 'hooks@education.gouv.fr', webhookUrl } }, { token: prodAdmin });
dns.set('127.0.0.1.nip.io', ['127.0.0.1']);
dns.set('hooks.partner.gouv.fr', [PUBLIC, '2606:4700::1111']);
dns.set('dual.partner.gouv.fr', [PUBLIC, '64:ff9b::a00:1']);

describe('registration in production', () => {
  it.each([
    ['http://[::127.0.0.1]/', /https/],
    ['http://[64:ff9b::7f00:1]/', /https/],
    ['http://[2002:7f00:1::]/', /https/],
    ['http://localhost./', /https/],
    ['http://127.0.0.1.nip.io/', /https/],
    ['http://hooks.partner.gouv.fr/', /https/],
    ['https://[::127.0.0.1]/', /privée ou locale/],
    ['https://[64:ff9b::7f00:1]/', /privée ou locale/],
    ['https://[2002:7f00:1::]/', /privée ou locale/],
    ['https://[::ffff:127.0.0.1]/', /privée ou locale/],
    ['https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', /privée ou locale/],
    ['https://localhost./', /nom d’hôte local/],
    ['https://127.0.0.1.nip.io/', /privée ou locale/],
    ['https://dual.partner.gouv.fr/', /privée ou locale/],
    ['https://nowhere.partner.gouv.fr/', /ne se résout pas/],
  ])('refuses %s with WEBHOOK_URL_REFUSED', async (url, why) => {
    const res = await register(url);
    expect(res.body.data.registerApplication).toEqual({ application: null, userErrors: [{ field: ['input', 'webhookUrl'], code: 'WEBHOOK_URL_REFUSED', message: expect.stringMatching(why) }] });
  });

  it('accepts an https URL whose every address is public, and refuses the same checks on a change of URL', async () => {
    const res = await register('https://hooks.partner.gouv.fr/chorus');
    expect(res.body.data.registerApplication.userErrors).toEqual([]);
    const changed = await prod.gql(UPDATE, { input: { id: res.body.data.registerApplication.application.id, webhookUrl: 'https://[64:ff9b::7f00:1]/' } }, { token: prodAdmin });
    expect(changed.body.data.updateApplication.userErrors[0]).toMatchObject({ code: 'WEBHOOK_URL_REFUSED' });
  });
});

describe('delivery', () => {
  it('connects to the address its own check resolved (a name no real DNS knows reaches the receiver)', async () => {
    dns.set('receiver.test', ['127.0.0.1']);
    const set = await server.gql(UPDATE, { input: { id: gid('ApplicationClient', saxo), webhookUrl: `http://receiver.test:${port}/hook` } }, { token: admin });
    expect(set.body.data.updateApplication.userErrors).toEqual([]);
    const before = calls.length;
    expect(await deliver({ n: 1 })).toMatchObject({ status: 'DELIVERED', attempts: 1 });
    expect(calls.length).toBe(before + 1);
    expect(calls.at(-1)!.host).toBe(`receiver.test:${port}`);
  });

  it('refuses a delivery whose host now resolves to a private address (accepted at registration), without calling it', async () => {
    dns.set('rebind.partner.gouv.fr', [PUBLIC]);
    const set = await server.gql(UPDATE, { input: { id: gid('ApplicationClient', saxo), webhookUrl: `http://rebind.partner.gouv.fr:${port}/hook` } }, { token: admin });
    expect(set.body.data.updateApplication.userErrors).toEqual([]);
    const before = calls.length;
    for (const now of [['127.0.0.1'], [PUBLIC, '::ffff:127.0.0.1'], ['2002:7f00:1::']]) {
      dns.set('rebind.partner.gouv.fr', now);
      const row = await deliver({ now });
      expect(row.last_error, now.join()).toMatch(/private or local/);
    }
    expect(calls.length).toBe(before);
  });
});
