/**
 * A future `iat` does not stretch a token past JWT_MAX_LIFETIME_SECONDS (issue 29,
 * finding 6): the one verifier refuses it, for HS256 and JWKS tokens, over HTTP and
 * over WebSocket; an honest token (iat now, or a few seconds ahead) still passes.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sql } from './support/db';
import { startTestServer, type TestServer } from './support/server';

// a JWKS served from this process, on 127.0.0.1
const { publicKey, privateKey } = await generateKeyPair('ES256');
const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
const jwksServer = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
await new Promise<void>((ok) => jwksServer.listen(0, '127.0.0.1', ok));
afterAll(() => new Promise<void>((ok) => jwksServer.close(() => ok())));

const hs = await startTestServer();
const jwks = await startTestServer({ databaseUrl: hs.databaseUrl, env: { JWKS_URL: `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json` } });
const { id: personId } = (await sql(hs.databaseUrl, `select id from person where email = 'zoe.lefevre@ac-lyon.example'`)).rows[0];
const MAX = hs.config.jwt.maxLifetimeSeconds;
const now = () => Math.floor(Date.now() / 1000);
const TEN_YEARS = 10 * 365 * 86_400;

type Signer = (claims: { iat?: number; exp: number }) => Promise<string>;
const signers: Record<string, { server: TestServer; sign: Signer }> = {
  HS256: {
    server: hs,
    sign: ({ iat, exp }) => {
      const t = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(personId).setIssuer(hs.config.jwt.issuer).setAudience(hs.config.jwt.audience).setExpirationTime(exp);
      return (iat === undefined ? t : t.setIssuedAt(iat)).sign(new TextEncoder().encode(hs.config.jwt.secret!));
    },
  },
  JWKS: {
    server: jwks,
    sign: ({ iat, exp }) => {
      const t = new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'test-key' }).setSubject(personId).setIssuer(jwks.config.jwt.issuer).setAudience(jwks.config.jwt.audience).setExpirationTime(exp);
      return (iat === undefined ? t : t.setIssuedAt(iat)).sign(privateKey);
    },
  },
};

const VIEWER = `{ viewer { kind } }`;

async function overHttp(server: TestServer, token: string): Promise<{ code: string; message?: string }> {
  const res = await server.gql(VIEWER, {}, { token });
  const e = res.body.errors?.[0];
  return e ? { code: e.extensions.code, message: e.message } : { code: res.body.data.viewer.kind };
}

/** The query over a WebSocket connection opened with the token: its answer, or how the connection ended. */
async function overWs(server: TestServer, token: string): Promise<{ code: string; message?: string }> {
  let closed: { code: number; reason: string } | null = null;
  const client = createClient({
    url: server.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
    on: { closed: (e) => (closed = e as { code: number; reason: string }) },
  });
  try {
    return await new Promise((resolve) => {
      let answer: { code: string; message?: string } | null = null;
      client.subscribe(
        { query: VIEWER },
        {
          next: (r) => (answer = r.errors?.length ? { code: String(r.errors[0].extensions?.code), message: r.errors[0].message } : { code: (r.data as any).viewer.kind }),
          error: (e) => {
            const errors = Array.isArray(e) ? e : [];
            resolve(errors.length ? { code: String(errors[0].extensions?.code), message: errors[0].message } : { code: `CLOSED_${closed?.code}`, message: closed?.reason });
          },
          complete: () => resolve(answer ?? { code: 'NO_RESULT' }),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

describe.each(Object.keys(signers))('%s tokens', (kind) => {
  const { server, sign } = signers[kind];

  it('refuses iat = now + 10 years − 60 s with exp = now + 10 years, over HTTP and WebSocket', async () => {
    const token = await sign({ iat: now() + TEN_YEARS - 60, exp: now() + TEN_YEARS });
    const http = await overHttp(server, token);
    expect(http).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/émis dans le futur/) });
    // graphql-ws closes a connection refused at its start with 4403 Forbidden
    expect((await overWs(server, token)).code).toBe('CLOSED_4403');
  });

  it('refuses a token whose iat sits just past the clock skew, and one whose exp is far though iat is within it', async () => {
    expect((await overHttp(server, await sign({ iat: now() + 120, exp: now() + 600 }))).message).toMatch(/émis dans le futur/);
    // iat 50 s ahead (tolerated) cannot carry an exp more than the maximum (and the skew) from now
    expect((await overHttp(server, await sign({ iat: now() + 50, exp: now() + 50 + MAX + 120 }))).message).toMatch(/durée de vie/);
    // no iat: the lifetime is counted from now
    expect((await overHttp(server, await sign({ exp: now() + MAX + 3600 }))).message).toMatch(/durée de vie/);
  });

  it('still accepts an honest token: iat now, or a few seconds ahead of our clock, for the whole maximum lifetime', async () => {
    const honest = await sign({ iat: now(), exp: now() + MAX });
    expect(await overHttp(server, honest)).toEqual({ code: 'PERSON' });
    expect(await overWs(server, honest)).toEqual({ code: 'PERSON' });
    const issuerAhead = await sign({ iat: now() + 30, exp: now() + 30 + MAX });
    expect(await overHttp(server, issuerAhead)).toEqual({ code: 'PERSON' });
    expect(await overWs(server, issuerAhead)).toEqual({ code: 'PERSON' });
  });
});
