/**
 * The API from a browser: the self-contained explorer (ruru) at /explorer and, by choice, at
 * GET /graphql; Apollo Sandbox when chosen; CORS for front-ends on other origins. The
 * browser parts run in headless Chromium with every host but 127.0.0.1 unreachable.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../packages/server/src/core/config';
import { originAllowed } from '../packages/server/src/core/cors';
import { ARTIFACTS, chromiumMissing, launchBrowser, type TestBrowser } from './support/browser';
import { startTestServer } from './support/server';
import { subscriptionsRunning, untilSubscribed } from './support/ws';
import { desk } from './service-desk.helpers';

const SECRET = 'a-production-secret-of-forty-characters!!';
const missing = chromiumMissing();

/** A static page server standing for a front-end's own origin. */
async function originServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const s: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<!doctype html><title>front-end</title><p>front-end</p>');
  });
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, close: () => new Promise((ok) => s.close(() => ok())) };
}

const listed = await originServer();
const unlisted = await originServer();
afterAll(() => Promise.all([listed.close(), unlisted.close()]));
const server = await startTestServer({ env: { CORS_ORIGINS: listed.origin } });
const base = server.url.replace(/\/graphql$/, '');

describe('explorer and CORS settings', () => {
  it('development shows the local explorer at /graphql and allows the hosted Sandbox and localhost', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ browserPage: 'explorer', explorer: true });
    expect(originAllowed(c.cors, 'https://studio.apollographql.com')).toBe(true);
    expect(originAllowed(c.cors, 'http://localhost:5173')).toBe(true);
    expect(originAllowed(c.cors, 'http://127.0.0.1:8080')).toBe(true);
    expect(originAllowed(c.cors, 'https://evil.example')).toBe(false);
  });

  it('production shows nothing, serves no explorer unless told, and allows only the listed origins', () => {
    const c = loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, NOTIFICATIONS: 'off', CORS_ORIGINS: 'https://saxo.education.gouv.fr' });
    expect(c).toMatchObject({ browserPage: 'none', explorer: false });
    expect(originAllowed(c.cors, 'https://saxo.education.gouv.fr')).toBe(true);
    expect(originAllowed(c.cors, 'https://studio.apollographql.com')).toBe(false);
    expect(originAllowed(c.cors, 'http://localhost:5173')).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, NOTIFICATIONS: 'off', EXPLORER: 'true', GRAPHQL_BROWSER_PAGE: 'explorer' })).toMatchObject({ browserPage: 'explorer', explorer: true });
  });

  it.each([
    [{ GRAPHQL_BROWSER_PAGE: 'graphiql' }, /GRAPHQL_BROWSER_PAGE/],
    [{ GRAPHQL_BROWSER_PAGE: 'explorer', EXPLORER: 'false' }, /needs EXPLORER=true/],
    [{ CORS_ORIGINS: '*' }, /wildcard/],
    [{ CORS_ORIGINS: 'https://ok.example, saxo.fr' }, /"saxo.fr": not a URL/],
    [{ CORS_ORIGINS: 'https://saxo.fr/' }, /not an exact origin.*https:\/\/saxo.fr/],
    [{ CORS_ORIGINS: 'ftp://saxo.fr' }, /only http and https/],
    [{ CORS_MAX_AGE_SECONDS: '-1' }, /CORS_MAX_AGE_SECONDS/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('what a browser gets over HTTP', () => {
  const html = (path: string) => fetch(base + path, { headers: { accept: 'text/html' } });

  it('the explorer page refers only to assets this server serves, and serves them', async () => {
    for (const path of ['/explorer', '/graphql']) {
      const res = await html(path);
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain('/explorer/static/ruru.js');
      // no script, style or font from elsewhere
      expect(page.match(/(?:src|href)="https?:\/\/[^"]*"/g) ?? []).toEqual([]);
      expect(page).not.toMatch(/unpkg|jsdelivr|googleapis|apollographql/);
    }
    for (const asset of ['ruru.js', 'ruru.css', 'jsonWorker.js', 'graphqlWorker.js', 'editorWorker.js']) {
      const res = await fetch(`${base}/explorer/static/${asset}`);
      expect(res.status, asset).toBe(200);
      expect((await res.arrayBuffer()).byteLength, asset).toBeGreaterThan(100);
    }
  });

  it('GraphQL over GET and POST still works beside the page', async () => {
    const res = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': '1' } });
    expect((await res.json()).data).toEqual({ __typename: 'Query' });
  });

  it('GRAPHQL_BROWSER_PAGE=sandbox gives Apollo Sandbox at /graphql, the explorer keeps /explorer', async () => {
    const sandbox = await startTestServer({ databaseUrl: server.databaseUrl, env: { GRAPHQL_BROWSER_PAGE: 'sandbox' } });
    const root = sandbox.url.replace(/\/graphql$/, '');
    const page = await (await fetch(sandbox.url, { headers: { accept: 'text/html' } })).text();
    expect(page).toMatch(/apollographql\.com/);
    expect((await fetch(`${root}/explorer`)).status).toBe(200);
    await sandbox.close();
  });

  it('production without EXPLORER: no page at /graphql, nothing at /explorer, introspection still gated', async () => {
    const prod = await startTestServer({ databaseUrl: server.databaseUrl, env: { NODE_ENV: 'production', JWT_SECRET: SECRET, DEMO_DATA: 'false', NOTIFICATIONS: 'off' } });
    const root = prod.url.replace(/\/graphql$/, '');
    expect((await fetch(`${root}/explorer`)).status).toBe(404);
    expect((await fetch(`${root}/explorer/static/ruru.js`)).status).toBe(404);
    const page = await fetch(prod.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/html/);
    await prod.close();
  });

  it('production with EXPLORER=true serves the explorer, and introspection stays for analysts', async () => {
    const prod = await startTestServer({ databaseUrl: server.databaseUrl, env: { NODE_ENV: 'production', JWT_SECRET: SECRET, DEMO_DATA: 'false', NOTIFICATIONS: 'off', EXPLORER: 'true' } });
    const root = prod.url.replace(/\/graphql$/, '');
    expect((await fetch(`${root}/explorer`)).status).toBe(200);
    const anonymous = await prod.gql('{ __schema { queryType { name } } }');
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // production refuses the demo directory's accounts (.example): a real-looking analyst
    const { sql } = await import('./support/db');
    await sql(server.databaseUrl, `insert into person (id, first_name, last_name, email, structure_id, held_roles) select gen_random_uuid(), 'Ana', 'Lyste', 'ana.lyste@education.gouv.fr', structure_id, '{ANALYST}' from person limit 1 on conflict do nothing`);
    const analyst = await prod.gql('{ __schema { queryType { name } } }', {}, { token: await prod.tokenFor('ana.lyste@education.gouv.fr') });
    expect(analyst.body.data.__schema.queryType.name).toBe('Query');
    await prod.close();
  });

  it('answers a preflight from a listed origin with the allow headers and a max age', async () => {
    const res = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin: listed.origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(listed.origin);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/x-api-key/);
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it('gives an unlisted origin no allow header, and keeps CSRF prevention', async () => {
    const res = await fetch(server.url, { method: 'OPTIONS', headers: { origin: unlisted.origin, 'access-control-request-method': 'POST' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    // a "simple" cross-site request (no preflight) is still refused by Apollo
    const simple = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { origin: listed.origin } });
    expect(simple.status).toBe(400);
  });
});

/** Replaces the explorer's operation and runs it, once the editor has taken the new text. */
async function runInExplorer(page: Page, operation: string): Promise<void> {
  await page.getByLabel('Operation Editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(operation);
  // GraphiQL parses the editor's text on a debounce and picks HTTP or WebSocket from that
  // parse: clicking before it ran sends a subscription over HTTP (Apollo's 400)
  await page.waitForFunction((op) => localStorage.getItem('graphiql:query') === op, operation);
  await page.locator('.graphiql-execute-button').click();
}

describe.skipIf(missing !== null)(`in headless Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let b: TestBrowser;
  beforeAll(async () => {
    b = await launchBrowser();
  });
  afterAll(() => b?.close());

  it('loads the explorer offline, runs a query with a bearer token, and shows the answer', async () => {
    const ctx = await b.context();
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/explorer`);
    const admin = await server.tokenForRole('ADMINISTRATOR');
    const { rows } = await import('./support/db').then((db) => db.sql(server.databaseUrl, `select p.email from person p where 'ADMINISTRATOR' = any(p.held_roles) and p.active order by p.created_at, p.email limit 1`));
    // the docs come from introspection: the explorer loaded the schema
    await page.getByLabel('Show Documentation Explorer').click();
    await page.locator('.graphiql-doc-explorer-content').getByText('Query', { exact: true }).first().click();
    await page.getByText('Reads. Lists are Relay connections', { exact: false }).first().waitFor({ timeout: 20_000 });
    // the Headers tab takes the token
    await page.locator('button[data-name="headers"]').click();
    await page.locator('.graphiql-editor-tool .monaco-editor').last().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${admin}` }));
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText(rows[0].email).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'explorer-query.png') });

    // a subscription over graphql-ws at the same URL: the Headers tab goes as connection parameters
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    const subscribedBefore = await subscriptionsRunning(server.url);
    await runInExplorer(page, 'subscription Feed { ticketEvents { seq kind ticket { reference } } }');
    await untilSubscribed(server.url, subscribedBefore + 1);
    expect(sockets).toEqual([`${base.replace(/^http/, 'ws')}/graphql`]);
    const { ticket } = await desk(server).open({ token: await server.tokenForRole('CCA', 'CSP-LYON') });
    await page.locator('.result-window').getByText(ticket.reference).first().waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('.result-window').innerText()).toMatch(/"ticketEvents"/);
    await page.screenshot({ path: join(ARTIFACTS, 'explorer-subscription.png') });

    expect(ctx.blocked, 'requests the explorer made outside 127.0.0.1').toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 90_000);

  it('a page on a listed origin calls the API with a bearer token; an unlisted one is refused', async () => {
    const token = await server.tokenForRole('ANALYST');
    const call = ([url, token]: string[]) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ viewer { kind roles } }' }) })
        .then(async (r) => ({ ok: true, status: r.status, body: await r.json(), requestId: r.headers.get('x-request-id') }))
        .catch((e: Error) => ({ ok: false, error: String(e) }));
    const ctx = await b.context();
    const page = await ctx.newPage();
    await page.goto(listed.origin);
    const allowed = await page.evaluate(call, [server.url, token]);
    expect(allowed).toMatchObject({ ok: true, status: 200, body: { data: { viewer: { kind: 'PERSON' } } } });
    expect((allowed as { requestId: string }).requestId, 'x-request-id is exposed').toBeTruthy();
    await page.goto(unlisted.origin);
    const refused = await page.evaluate(call, [server.url, token]);
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/Failed to fetch/) });
    await ctx.close();
  }, 60_000);
});
