/**
 * French first, English on request: every text a person reads comes from one catalogue,
 * in the language the request asks for (Accept-Language; over WebSocket the upgrade's
 * header or the `locale` connection parameter), French by default, with Content-Language said.
 */
import { describe, expect, it } from 'vitest';
import { startTestServer } from './support/server';
import { collect } from './support/ws';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const server = await startTestServer();
const cca = await server.tokenForRole('CCA');
const anonymous = '{ tickets(first: 1) { totalCount } }';
const adminOnly = '{ notifications(first: 1) { totalCount } }';

describe('the language of an answer over HTTP', () => {
  it('is French by default, and says so', async () => {
    const res = await server.gql(anonymous);
    expect(res.headers.get('content-language')).toBe('fr');
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors[0].message).toMatch(/^Authentification requise/);
  });

  it('is English when the client prefers it, French when French weighs more', async () => {
    const en = await server.gql(anonymous, {}, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.headers.get('content-language')).toBe('en');
    expect(en.body.errors[0].message).toMatch(/^Authentication required/);
    const fr = await server.gql(anonymous, {}, { headers: { 'accept-language': 'en;q=0.5, fr-FR;q=0.8' } });
    expect(fr.body.errors[0].message).toMatch(/^Authentification requise/);
    const other = await server.gql(anonymous, {}, { headers: { 'accept-language': 'de-DE' } });
    expect(other.headers.get('content-language')).toBe('fr');
  });

  it('names the roles that may act in words, not codes', async () => {
    const fr = await server.gql(adminOnly, {}, { token: cca });
    expect(fr.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(fr.body.errors[0].message).toContain('administrateur');
    expect(fr.body.errors[0].message).not.toMatch(/ADMINISTRATOR|ANALYST/);
    const en = await server.gql(adminOnly, {}, { token: cca, headers: { 'accept-language': 'en' } });
    expect(en.body.errors[0].message).toContain('administrator');
  });
});

describe('the language of an answer over WebSocket', () => {
  async function firstError(params: Record<string, unknown>, headers: Record<string, string> = {}): Promise<string> {
    const client = createClient({
      url: server.url.replace(/^http/, 'ws'),
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers });
        }
      },
      connectionParams: { authorization: `Bearer ${cca}`, ...params },
      retryAttempts: 0,
    });
    try {
      const sub = collect(client, adminOnly);
      await sub.next(1).catch(() => undefined);
      const r = sub.results[0] as { errors?: { message: string }[] } | undefined;
      return r?.errors?.[0]?.message ?? String(sub.errors[0]);
    } finally {
      await client.dispose();
    }
  }

  it('follows the upgrade request’s Accept-Language, or the locale parameter', async () => {
    expect(await firstError({})).toContain('administrateur');
    expect(await firstError({}, { 'accept-language': 'en' })).toContain('administrator');
    expect(await firstError({ locale: 'en' })).toContain('administrator');
    expect(await firstError({ locale: 'fr' }, { 'accept-language': 'en' })).toContain('administrateur');
  });
});

