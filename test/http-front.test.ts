/**
 * The HTTP front of /graphql: how a request that is not a plain JSON POST is answered (a
 * compressed body, an oversized one sent in chunks, a form post, a GET, another method),
 * and the access line every request leaves: its id, the caller, the status.
 */
import { createRequire } from 'node:module';
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../packages/server/src/core/logger';
import { browserPageText } from '../packages/server/src/explorer';
import { demoCredentialsText } from '../packages/server/src/seed/demo';
import { startTestServer } from './support/server';

// pino is the server's dependency (not the e2e package's): load the server's copy
const pino = createRequire(new URL('../packages/server/package.json', import.meta.url))('pino') as (opts: object, stream: { write(line: string): void }) => Logger;
const lines: Record<string, any>[] = [];
const server = await startTestServer({ env: { LOG_LEVEL: 'info' }, logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) }) });
const analyst = await server.tokenForRole('ANALYST');
const auth = { authorization: `Bearer ${analyst}` };
const VIEWER = JSON.stringify({ query: '{ viewer { kind roles } }' });

/** A raw request, for bodies fetch will not send as they are (chunked without a length). */
function raw(method: string, headers: Record<string, string>, chunks: Buffer[]): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(server.url, { method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(parts).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

/** The access line of a request id, once written (the log is written as the answer goes). */
async function accessLine(id: string) {
  for (let i = 0; i < 50; i++) {
    const line = lines.find((l) => l.req?.id === id && /^request (completed|aborted)$/.test(l.msg));
    if (line) return line;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no access line for ${id}`);
}

describe('the HTTP front of /graphql', () => {
  it('takes a gzip- or deflate-compressed JSON body, and refuses an encoding it does not know with 415', async () => {
    const gz = await raw('POST', { 'content-type': 'application/json', 'content-encoding': 'gzip', ...auth }, [gzipSync(VIEWER)]);
    expect([gz.status, JSON.parse(gz.text).data.viewer.kind]).toEqual([200, 'PERSON']);
    const odd = await raw('POST', { 'content-type': 'application/json', 'content-encoding': 'zstd', ...auth }, [Buffer.from(VIEWER)]);
    expect(odd.status).toBe(415);
    expect(JSON.parse(odd.text).errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', requestId: odd.headers['x-request-id'] });
  });

  it('refuses a chunked body as soon as it passes 2 MB, with 413 and no trace', async () => {
    const chunk = Buffer.alloc(256 * 1024, 'x');
    const res = await raw('POST', { 'content-type': 'application/json', ...auth }, [Buffer.from('{"query":"{ viewer { kind } }","variables":{"pad":"'), ...Array.from({ length: 10 }, () => chunk), Buffer.from('"}}')]);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).errors[0]).toEqual({ message: 'Le corps de la requête est trop volumineux.', extensions: { code: 'BAD_REQUEST', requestId: res.headers['x-request-id'] } });
    // the connection and the server are fine afterwards
    expect((await server.gql('{ viewer { kind } }', {}, { token: analyst })).body.data.viewer.kind).toBe('PERSON');
  });

  it('answers a form or text post with the CSRF prevention’s 400, never running it', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await raw('POST', { 'content-type': type, ...auth }, [Buffer.from(VIEWER)]);
      expect(res.status, type).toBe(400);
      expect(res.text, type).toMatch(/falsification de requête intersite \(CSRF\)/);
    }
    const xml = await raw('POST', { 'content-type': 'application/xml', ...auth }, [Buffer.from('<q/>')]);
    expect(xml.status).toBe(400);
    expect(xml.text).toMatch(/Corps POST absent, type de contenu non valide/);
  });

  it('runs a query sent by GET (with a preflight header), refuses a mutation by GET and other methods', async () => {
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ viewer { kind } }')}`, { headers: { ...auth, 'apollo-require-preflight': '1' } });
    expect([get.status, ((await get.json()) as any).data.viewer.kind]).toEqual([200, 'PERSON']);
    const mutation = await fetch(`${server.url}?query=${encodeURIComponent('mutation { __typename }')}`, { headers: { ...auth, 'apollo-require-preflight': '1' } });
    expect(mutation.status).toBe(405);
    const put = await fetch(server.url, { method: 'PUT', headers: { 'content-type': 'application/json', ...auth }, body: VIEWER });
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET, POST']);
  });

  it('refuses the preflight of an origin CORS_ORIGINS does not list with 403 and a body naming the setting; a listed one may send trace context', async () => {
    const preflight = (origin: string) =>
      fetch(server.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization, traceparent, tracestate' } });
    const refused = await preflight('https://app.unlisted.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const body = (await refused.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({ code: 'ORIGIN_NOT_ALLOWED', origin: 'https://app.unlisted.example' });
    expect(body.errors[0].message).toMatch(/CORS_ORIGINS/);
    expect(body.errors[0].message).not.toMatch(/CSRF|Cross-Site/);
    // the listed origin (outside production: the hosted Sandbox) gets its preflight, W3C trace context headers included
    const allowed = await preflight('https://studio.apollographql.com');
    expect([allowed.status, allowed.headers.get('access-control-allow-origin')]).toEqual([204, 'https://studio.apollographql.com']);
    expect(allowed.headers.get('access-control-allow-headers')?.split(',')).toEqual(expect.arrayContaining(['traceparent', 'tracestate']));
    // an OPTIONS that is not a preflight (no Access-Control-Request-Method), or a request of an unlisted origin that is not one, is not this refusal
    const plain = await fetch(server.url, { method: 'POST', headers: { origin: 'https://app.unlisted.example', 'content-type': 'application/json', ...auth }, body: VIEWER });
    expect([plain.status, plain.headers.get('access-control-allow-origin')]).toEqual([200, null]);
  });

  it('the start banner names the browser page this server actually serves', () => {
    const url = 'http://localhost:4000/graphql';
    expect(browserPageText({ browserPage: 'explorer', explorer: true }, url)).toMatch(/^Open http:\/\/localhost:4000\/graphql in a browser \(the API explorer, ruru, served by this server/);
    expect(browserPageText({ browserPage: 'sandbox', explorer: true }, url)).toMatch(/Apollo Sandbox.*http:\/\/localhost:4000\/explorer/);
    expect(browserPageText({ browserPage: 'none', explorer: true }, url)).toMatch(/^Open http:\/\/localhost:4000\/explorer in a browser \(the API explorer/);
    expect(browserPageText({ browserPage: 'none', explorer: false }, url)).toMatch(/no browser page/);
    const banner = demoCredentialsText({ tokens: [], apiKey: null }, url, { browserPage: 'explorer', explorer: true });
    expect(banner).toMatch(/the API explorer, ruru/);
    expect(banner).not.toMatch(/Sandbox/);
  });

  it('leaves one access line per request: its id, method, path, status and the caller', async () => {
    const ok = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'front-ok-1', 'user-agent': 'SAXO/3.2', ...auth }, body: VIEWER });
    expect(ok.status).toBe(200);
    const line = await accessLine('front-ok-1');
    expect(line).toMatchObject({ level: 30, msg: 'request completed', req: { id: 'front-ok-1', method: 'POST', url: '/graphql', userAgent: 'SAXO/3.2' }, res: { statusCode: 200 }, viewer: expect.stringMatching(/@/) });
    expect(line.responseTime).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(line)).not.toContain(analyst); // no credentials in the log
    const bad = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'front-bad-1' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    const badLine = await accessLine('front-bad-1');
    expect(badLine.res).toEqual({ statusCode: 400 });
    expect(badLine.viewer).toBeUndefined();
    // other routes have theirs too; probes do not
    await fetch(`${server.url.replace(/\/graphql$/, '')}/healthz`, { headers: { 'x-request-id': 'front-probe-1' } });
    await fetch(`${server.url.replace(/\/graphql$/, '')}/nothing-here`, { headers: { 'x-request-id': 'front-404-1' } });
    expect(await accessLine('front-404-1')).toMatchObject({ res: { statusCode: 404 } });
    expect(lines.some((l) => l.req?.id === 'front-probe-1')).toBe(false);
    expect(lines.filter((l) => l.req?.id === 'front-ok-1' && l.msg === 'request completed')).toHaveLength(1);
  });
});
