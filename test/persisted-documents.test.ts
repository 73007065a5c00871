/**
 * Persisted documents: the SDK's operations are known to the server from the manifest `gen`
 * writes (packages/schema/persisted-documents.json) and the SDK sends their ids; a front-end's
 * build brings its own manifest (PERSISTED_DOCUMENTS_FILES); a GET by id needs no CSRF header
 * and may be kept briefly by the browser that asked; registration by any client (APQ) is on
 * outside production and off with PERSISTED_QUERIES=manifest (production's default).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from '@chorus-support/sdk';
import { loadConfig } from '../packages/server/src/core/config';
import { PersistedDocuments, PersistedDocumentsError, SDK_MANIFEST_PATH } from '../packages/server/src/core/persisted-documents';
import { startTestServer } from './support/server';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const SDK_MANIFEST = JSON.parse(readFileSync(SDK_MANIFEST_PATH, 'utf8')) as Record<string, string>;
const idOf = (name: string) => Object.entries(SDK_MANIFEST).find(([, doc]) => new RegExp(`^(query|mutation|subscription) ${name}\\b`).test(doc))![0];

// a front-end's own manifests, in the two formats read: a plain map (GraphQL Code Generator) and Apollo's
const dir = mkdtempSync(join(tmpdir(), 'persisted-'));
const FRONT_QUERY = 'query FrontViewer { viewer { kind roles } }';
const APOLLO_QUERY = 'query FrontStructures { structures(first: 1) { totalCount } }';
writeFileSync(join(dir, 'front.json'), JSON.stringify({ [sha256(FRONT_QUERY)]: FRONT_QUERY }));
writeFileSync(
  join(dir, 'apollo.json'),
  JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha256(APOLLO_QUERY), name: 'FrontStructures', type: 'query', body: APOLLO_QUERY }] }),
);

// development's default (APQ on), and one as production has it (manifests only) with the front-end's manifests
const server = await startTestServer();
const strict = await startTestServer({ databaseUrl: server.databaseUrl, env: { PERSISTED_QUERIES: 'manifest', PERSISTED_DOCUMENTS_FILES: `${join(dir, 'front.json')}, ${join(dir, 'apollo.json')}` } });
const analyst = await server.tokenForRole('ANALYST');
const auth = { authorization: `Bearer ${analyst}` };

const byId = (id: string, extra: Record<string, unknown> = {}) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: id } }, ...extra });

async function post(url: string, body: unknown, headers: Record<string, string> = auth) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

async function getById(url: string, id: string, params: Record<string, string> = {}, headers: Record<string, string> = auth) {
  const search = new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } }), ...params });
  const res = await fetch(`${url}?${search}`, { headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

describe('the SDK manifest', () => {
  it('is keyed by the SHA-256 of each document, and every document of it is known to the server without registration', async () => {
    expect(Object.keys(SDK_MANIFEST).length).toBeGreaterThan(50);
    for (const [id, doc] of Object.entries(SDK_MANIFEST)) expect(sha256(doc)).toBe(id);
    // sent by id alone, each is found and parsed: asking for an operation it lacks runs nothing and says so
    for (const id of Object.keys(SDK_MANIFEST)) {
      const res = await post(server.url, byId(id, { operationName: 'NotInIt' }));
      expect([res.status, res.body.errors[0].extensions.code], id).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
    }
    // the server without registration knows them too
    const res = await post(strict.url, byId(idOf('Viewer')));
    expect(res.body.data.viewer.kind).toBe('PERSON');
  });

  it('the SDK sends its operations by id; when a server does not know the id, the same call goes again with the document', async () => {
    const sent: any[] = [];
    const recording: typeof fetch = (input, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    const chorus = createClient({ url: strict.url, token: analyst, fetch: recording });
    expect((await chorus.Viewer()).viewer.kind).toBe('PERSON');
    expect(sent).toHaveLength(1);
    expect(sent[0].query).toBeUndefined();
    expect(sent[0]).toMatchObject({ operationName: 'Viewer', extensions: { persistedQuery: { version: 1, sha256Hash: idOf('Viewer') } } });

    // a server that does not know it (here: the id altered on the way) answers PERSISTED_QUERY_NOT_FOUND; the SDK resends the document
    sent.length = 0;
    const altering: typeof fetch = (input, init) => {
      const body = JSON.parse(String(init?.body));
      if (body.extensions?.persistedQuery) body.extensions.persistedQuery.sha256Hash = 'f'.repeat(64);
      sent.push(body);
      return fetch(input, { ...init, body: JSON.stringify(body) });
    };
    const fallback = createClient({ url: strict.url, token: analyst, fetch: altering, retries: 0 });
    expect((await fallback.Viewer()).viewer.kind).toBe('PERSON');
    expect(sent.map((b) => [b.query === undefined, b.extensions?.persistedQuery?.sha256Hash ?? null])).toEqual([
      [true, 'f'.repeat(64)],
      [false, null],
    ]);
  });
});

describe('GET by id', () => {
  it('needs no CSRF header, and a success may be kept briefly by the browser that asked (private, varying with the credentials)', async () => {
    const res = await getById(server.url, idOf('Viewer'));
    expect([res.status, res.body.data.viewer.kind]).toEqual([200, 'PERSON']);
    expect(res.headers.get('cache-control')).toBe('private, max-age=10');
    expect(res.headers.get('vary')).toMatch(/Authorization, X-Api-Key, Accept-Language/);
    // an answer with errors is not kept
    const anonymous = await getById(server.url, idOf('Tickets'), { variables: JSON.stringify({ first: 1 }) }, {});
    expect(anonymous.body.errors.length).toBeGreaterThan(0);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
    // the same document sent as text by GET still needs the header
    const text = await fetch(`${server.url}?${new URLSearchParams({ query: SDK_MANIFEST[idOf('Viewer')] })}`, { headers: auth });
    expect(text.status).toBe(400);
  });

  it('never runs a mutation, nor a subscription, even persisted', async () => {
    const mutation = await getById(server.url, idOf('CreateStructure'), { variables: JSON.stringify({ input: { code: 'CSP-GET', name: 'Par GET', kind: 'SHARED_SERVICE_CENTRE', ministryId: 'x' } }) });
    expect([mutation.status, mutation.headers.get('allow'), mutation.body.data]).toEqual([405, 'POST', undefined]);
    expect(mutation.headers.get('cache-control')).toBe('no-store');
    const subscription = await getById(server.url, idOf('DirectoryChanged'));
    expect([subscription.status, subscription.body.errors[0].extensions.code]).toEqual([400, 'SUBSCRIPTION_OVER_HTTP']);
  });

  it('an id the server does not know, by GET, is no exemption: the CSRF header is still asked', async () => {
    const res = await getById(server.url, 'a'.repeat(64));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/apollo-require-preflight/);
  });
});

describe('registration by any client (APQ)', () => {
  const DOC = 'query Mine { viewer { kind } }';

  it('outside production (PERSISTED_QUERIES=apq), a client registers a document by sending it with its id, then sends the id alone', async () => {
    const unknown = await post(server.url, byId(sha256(DOC)));
    expect([unknown.status, unknown.body.errors[0].extensions.code]).toEqual([200, 'PERSISTED_QUERY_NOT_FOUND']);
    const registered = await post(server.url, byId(sha256(DOC), { query: DOC }));
    expect(registered.body.data.viewer.kind).toBe('PERSON');
    const known = await post(server.url, byId(sha256(DOC)));
    expect(known.body.data.viewer.kind).toBe('PERSON');
    // an id that is not the document's SHA-256 registers nothing
    expect((await post(server.url, byId('b'.repeat(64), { query: DOC }))).status).toBe(400);
  });

  it('with PERSISTED_QUERIES=manifest, a document sent with its id runs but is not registered; the id alone stays unknown', async () => {
    const doc = 'query Other { viewer { roles } }';
    const sent = await post(strict.url, byId(sha256(doc), { query: doc }));
    expect(sent.body.data.viewer.roles).toContain('ANALYST');
    const again = await post(strict.url, byId(sha256(doc)));
    expect([again.status, again.body.errors[0].extensions.code]).toEqual([200, 'PERSISTED_QUERY_NOT_FOUND']);
    expect(again.body.errors[0].message).toMatch(/PERSISTED_DOCUMENTS_FILES/);
    // a manifest's id sent with another document is refused
    const mismatch = await post(strict.url, byId(idOf('Viewer'), { query: doc }));
    expect([mismatch.status, mismatch.body.errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
  });

  it('production registers nothing unless told; development does', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), NOTIFICATIONS: 'off' } as const;
    expect(loadConfig(prod).persisted).toEqual({ files: [], mode: 'manifest', getMaxAgeSeconds: 10 });
    expect(loadConfig({ ...prod, PERSISTED_QUERIES: 'apq' }).persisted.mode).toBe('apq');
    expect(loadConfig({ NODE_ENV: 'development' }).persisted.mode).toBe('apq');
    expect(() => loadConfig({ PERSISTED_QUERIES: 'everything' })).toThrow(/PERSISTED_QUERIES/);
  });
});

describe("a front-end's own manifest (PERSISTED_DOCUMENTS_FILES)", () => {
  it('is known by id, in either format, by POST and by GET', async () => {
    const front = await post(strict.url, byId(sha256(FRONT_QUERY)));
    expect(front.body.data.viewer).toMatchObject({ kind: 'PERSON', roles: expect.arrayContaining(['ANALYST']) });
    const apollo = await getById(strict.url, sha256(APOLLO_QUERY));
    expect([apollo.status, typeof apollo.body.data.structures.totalCount]).toEqual([200, 'number']);
    // the development server, which was not given it, does not know it
    expect((await post(server.url, byId(sha256(FRONT_QUERY)))).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('a manifest that cannot be read, or holds a document that does not parse, stops the start with the file named', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ abc: 'query { viewer { ' }));
    expect(() => new PersistedDocuments([broken])).toThrow(PersistedDocumentsError);
    expect(() => new PersistedDocuments([broken])).toThrow(/broken\.json: document abc does not parse/);
    expect(() => new PersistedDocuments([join(dir, 'missing.json')])).toThrow(/cannot read .*missing\.json/);
    writeFileSync(join(dir, 'empty.json'), '{}');
    expect(() => new PersistedDocuments([join(dir, 'empty.json')])).toThrow(/holds no documents/);
    // one id, two documents across manifests
    writeFileSync(join(dir, 'clash.json'), JSON.stringify({ [sha256(FRONT_QUERY)]: APOLLO_QUERY }));
    expect(() => new PersistedDocuments([join(dir, 'front.json'), join(dir, 'clash.json')])).toThrow(/names another document/);
  });
});
