/**
 * The outbox when mail cannot leave: no transport at all (HELD, readable), a relay down for
 * a while under two instances (delivered later, none twice), a relay that never comes back
 * (FAILED after NOTIFICATION_MAX_ATTEMPTS, visible to administrators).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../packages/server/src/core/config';
import { createRequire } from 'node:module';
import type { Logger } from '../packages/server/src/core/logger';
import { sql } from './support/db';
import { startTestServer, type TestServer } from './support/server';
import { startTestRelay } from './support/smtp';
import { until } from './support/until';
import { desk } from './service-desk.helpers';

// pino is the server's dependency (not the e2e package's): load the server's copy
const pino = createRequire(new URL('../packages/server/package.json', import.meta.url))('pino') as (opts: object, stream: { write(line: string): void }) => Logger;

const COMMENT = `mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { comment { id } userErrors { code message } } }`;
const LIST = `query($filter: NotificationFilter) { notifications(first: 50, filter: $filter) { totalCount nodes { id status subject textBody recipientEmail attempts lastError } } }`;

/** A CCA's ticket in CSP-LYON, taken by SN1, and what it takes to comment on it. */
async function scene(server: TestServer) {
  const { open, ok } = desk(server);
  const cca = { token: await server.tokenForRole('CCA', 'CSP-LYON') };
  const sn1 = { token: await server.tokenForRole('SN1_AGENT') };
  const admin = { token: await server.tokenForRole('ADMINISTRATOR') };
  const newTicket = async (title: string) => ok('TAKE', sn1, (await open(cca, { title })).ticket);
  const comment = async (s: TestServer, ticketId: string, body: string) => {
    const r = await s.gql(COMMENT, { input: { ticketId, body, internal: false } }, sn1);
    expect(r.body.data.addTicketComment.userErrors).toEqual([]);
  };
  return { cca, sn1, admin, newTicket, comment };
}

describe('without SMTP_URL', async () => {
  const lines: any[] = [];
  const server = await startTestServer({ env: { LOG_LEVEL: 'info', NOTIFICATION_POLL_MS: '200' }, logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) }) });
  const s = await scene(server);

  it('keeps mails in the outbox as HELD, readable by administrators, with a logged link to the dev page that shows them', async () => {
    const t = await s.newTicket('Sans relais');
    await s.comment(server, t.id, 'Lu sans relais SMTP.');
    const held = await until(async () => {
      const r = await server.gql(LIST, { filter: { status: 'HELD', kind: 'TICKET_PUBLIC_COMMENT' } }, s.admin);
      return r.body.data.notifications.nodes.find((n: any) => n.subject.startsWith(`[${t.reference}]`));
    }, 15_000);
    expect(held).toMatchObject({ status: 'HELD', attempts: 0 });
    expect(held.textBody).toContain('Lu sans relais SMTP.');
    expect(lines.some((l) => l.msg?.startsWith('no SMTP_URL: notifications are kept in the outbox as HELD'))).toBe(true);
    const line = await until(async () => lines.find((l) => l.msg?.includes(`[${t.reference}]`) && l.read), 5000);
    expect(line.msg).toBe(`mail kept in the outbox (no transport): ${held.subject}`);
    const page = await fetch(line.read);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Lu sans relais SMTP.');
    const text = await (await fetch(`${line.read}?format=text`)).text();
    expect(text).toBe(held.textBody);
    expect((await fetch(`http://127.0.0.1:${server.port}/dev/mails/not-an-id`)).status).toBe(404);
  });
});

describe('the dev mail page in production', async () => {
  const server = await startTestServer({ env: { NODE_ENV: 'production', JWT_SECRET: 'outbox-test-secret-0123456789-abcdefghijkl', DEMO_DATA: 'false', NOTIFICATIONS: 'off' } });

  it('is not served', async () => {
    const r = await fetch(`http://127.0.0.1:${server.port}/dev/mails/00000000-0000-0000-0000-000000000000`);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain('Aucun courriel');
  });
});

describe('the relay down for a while, two instances', async () => {
  const relay = await startTestRelay();
  relay.down = true;
  const env = { SMTP_URL: relay.url, NOTIFICATION_RETRY_BASE_MS: '100', NOTIFICATION_MAX_ATTEMPTS: '20', NOTIFICATION_POLL_MS: '100' };
  const a = await startTestServer({ env });
  const b = await startTestServer({ databaseUrl: a.databaseUrl, env });
  const s = await scene(a);

  it('delivers every mail once the relay is back, none twice', async () => {
    const tickets = [];
    for (let i = 0; i < 4; i++) tickets.push(await s.newTicket(`Relais en panne ${i}`));
    // the changes reach both instances
    for (const [i, t] of tickets.entries()) for (let k = 0; k < 3; k++) await s.comment(i % 2 ? a : b, t.id, `Commentaire ${k} sur la demande ${i}.`);
    const refs = tickets.map((t) => t.reference);
    const count = async (where: string) =>
      (await sql(a.databaseUrl, `select count(*)::int n from notification n join ticket t on t.id = n.ticket_id where t.reference = any($1) and ${where}`, [refs])).rows[0].n as number;
    // every mail decided, and tried at least twice while the relay refuses
    await until(async () => (await count(`n.kind = 'TICKET_PUBLIC_COMMENT'`)) === 12 && (await count(`n.attempts >= 2`)) === 12, 30_000);
    expect(await count(`n.status = 'PENDING' and n.last_error is not null`)).toBe(12);
    expect(relay.mails).toEqual([]);
    relay.down = false;
    await until(async () => (await count(`n.status = 'SENT'`)) === 12, 30_000);
    const bodies = relay.mails.map((m) => m.parsed.text!.match(/Commentaire \d sur la demande \d\./)![0]);
    expect(bodies).toHaveLength(12);
    expect(new Set(bodies).size).toBe(12);
    // both instances worked the queue (the runner's id is in graphile-worker's log, not needed: the relay saw each mail once)
    const { rows } = await sql(a.databaseUrl, `select message_id from notification n join ticket t on t.id = n.ticket_id where t.reference = any($1)`, [refs]);
    expect(new Set(rows.map((r) => r.message_id)).size).toBe(12);
    expect(new Set(relay.mails.map((m) => m.parsed.messageId))).toEqual(new Set(rows.map((r) => r.message_id)));
  });
});

describe('a relay that never comes back', async () => {
  const relay = await startTestRelay();
  relay.down = true;
  const server = await startTestServer({ env: { SMTP_URL: relay.url, NOTIFICATION_RETRY_BASE_MS: '50', NOTIFICATION_MAX_ATTEMPTS: '3', NOTIFICATION_POLL_MS: '100' } });
  const s = await scene(server);

  it('gives up after NOTIFICATION_MAX_ATTEMPTS: FAILED with its last error, listed for administrators', async () => {
    const t = await s.newTicket('Relais perdu');
    await s.comment(server, t.id, 'Ce courriel ne partira pas.');
    const failed = await until(async () => {
      const r = await server.gql(LIST, { filter: { status: 'FAILED' } }, s.admin);
      const mine = r.body.data.notifications.nodes.filter((n: any) => n.subject.startsWith(`[${t.reference}]`));
      // the CCA is the requester too: one mail
      return mine.length === 1 && mine;
    }, 30_000);
    for (const n of failed) {
      expect(n).toMatchObject({ status: 'FAILED', attempts: 3 });
      expect(n.lastError).toMatch(/421|indisponible/i);
    }
    // and nothing more is tried
    const { rows } = await sql(server.databaseUrl, `select count(*)::int n from graphile_worker.jobs where task_identifier = 'notifications:deliver'`);
    expect(rows[0].n).toBe(0);
    expect(relay.mails).toEqual([]);
  });
});

describe('configuration', () => {
  const SECRET = 'outbox-test-secret-0123456789-abcdefghijkl';

  it('production without SMTP_URL refuses to start (exit 78, the variable named) unless NOTIFICATIONS=off', () => {
    const r = spawnSync(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: fileURLToPath(new URL('../packages/server', import.meta.url)),
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', NODE_ENV: 'production', JWT_SECRET: SECRET },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(78);
    expect(r.stderr).toMatch(/Invalid configuration:\n\s+SMTP_URL: production delivers notifications by mail: set SMTP_URL, or NOTIFICATIONS=off/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, NOTIFICATIONS: 'off' }).notifications.enabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, SMTP_URL: 'smtps://u:p@relay.example.gouv.fr:465' }).notifications).toMatchObject({ enabled: true, smtpUrl: 'smtps://u:p@relay.example.gouv.fr:465' });
  });

  it('names a bad mail setting, without echoing a password', () => {
    const bad = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    const url = bad({ SMTP_URL: 'http://user:s3cret@relay.example:25' });
    expect(url).toMatch(/SMTP_URL: SMTP_URL must be smtp:/);
    expect(url).not.toContain('s3cret');
    expect(bad({ MAIL_FROM: 'pas une adresse' })).toMatch(/MAIL_FROM/);
    expect(bad({ NOTIFICATION_DIGEST_HOUR: '24' })).toMatch(/NOTIFICATION_DIGEST_HOUR/);
    expect(bad({ NOTIFICATION_TIME_ZONE: 'Europe/Parys' })).toMatch(/NOTIFICATION_TIME_ZONE: an IANA time zone/);
    expect(bad({ NOTIFICATIONS: 'maybe' })).toMatch(/NOTIFICATIONS/);
  });
});
