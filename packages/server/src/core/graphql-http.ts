/**
 * GraphQL over HTTP at `/graphql`: Apollo Server answers every request (its checks of
 * method and content type, its errors and status codes), handed the request straight
 * from node:http. Express's router and body parser in front of it cost about a quarter of a
 * small request's CPU; this reads the body once and writes Apollo's answer as it is.
 *
 * Before Apollo, here (public interfaces only, no library internals): a document sent by its
 * persisted id is put in its place (core/persisted-documents.ts), and the CSRF prevention is
 * done — Apollo's rule, with a message saying which header to send, and one exemption: a GET
 * of a persisted document by its id (see `csrfRefusal`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { PersistedDocuments } from './persisted-documents';
import { CORE_SITUATIONS as T } from './core.messages';

export interface GraphqlHttpOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  /** The largest body accepted (once decompressed), in bytes. */
  maxBodyBytes: number;
  /** How long the body may take to arrive, in all (a slow client cannot stretch it by trickling bytes). */
  bodyTimeoutMs: number;
  /** The operation's context: credentials → viewer … */
  context(req: IncomingMessage, res: ServerResponse): Promise<C>;
  /** Runs the handling of one operation in its metrics scope. */
  observed<T>(run: () => T): T;
  /**
   * Documents known by id; with `apq`, an unknown id goes on to Apollo's automatic persisted
   * queries (any client registers, in a bounded cache), else it is PERSISTED_QUERY_NOT_FOUND and
   * a document sent with an id is run without being registered. A GET by id that succeeds may be
   * kept `getMaxAgeSeconds` by the browser that asked.
   */
  persisted: { documents: PersistedDocuments; apq: boolean; getMaxAgeSeconds: number };
}

/** What is refused before GraphQL, in the shape of GraphQL errors. */
class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The rest of the body is not worth waiting for: the connection closes once answered. */
    readonly closeConnection = false,
  ) {
    super(message);
  }
}

/** `application/json` and its `+json` kinds; Apollo refuses other content types of a POST itself. */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = { gzip: createGunzip, 'x-gzip': createGunzip, deflate: createInflate, br: createBrotliDecompress };

/** The request's body as text, decompressed, at most `max` bytes, within `timeoutMs`. */
function readBody(req: IncomingMessage, max: number, timeoutMs: number): Promise<string> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity' && Number(req.headers['content-length']) > max) {
    req.resume();
    return Promise.reject(new BodyError(413, T['BAD_REQUEST.tooLarge']().render()));
  }
  const decoder = DECODERS[encoding];
  if (encoding !== 'identity' && !decoder) {
    req.resume();
    return Promise.reject(new BodyError(415, T['BAD_REQUEST.encoding']({ encoding: String(encoding).slice(0, 60) }).render()));
  }
  const source: Readable = decoder ? (req.pipe(decoder()) as unknown as Readable) : req;
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const late = setTimeout(() => {
      source.removeAllListeners('data');
      req.unpipe();
      reject(new BodyError(408, T['BAD_REQUEST.tooSlow']({ ms: timeoutMs }).render(), true));
    }, timeoutMs);
    source.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) return void chunks.push(c);
      clearTimeout(late);
      source.removeAllListeners('data');
      req.unpipe();
      req.resume();
      reject(new BodyError(413, T['BAD_REQUEST.tooLarge']().render()));
    });
    source.once('end', () => {
      clearTimeout(late);
      resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    });
    source.once('error', () => {
      clearTimeout(late);
      reject(new BodyError(400, T['BAD_REQUEST.unreadable']().render()));
    });
  });
}

/** The JSON body of a POST with a JSON content type; anything else is left to Apollo, which says what is wrong. */
async function bodyOf(req: IncomingMessage, max: number, timeoutMs: number): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const text = await readBody(req, max, timeoutMs);
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '') || !text.length) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, T['BAD_REQUEST.json']().render());
  }
}

/** The headers that say a request was preflighted (a browser cannot send them cross-origin without CORS allowing it). */
const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'];
/** The content types a page of any origin may POST without a preflight. */
const SIMPLE_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * Apollo's CSRF prevention, done here so that its message says what to send and so that a GET
 * of a persisted document by id needs no header. A request a page of another origin can send
 * without a CORS preflight (a GET, a form or text POST) must carry a preflight header; a JSON
 * POST is preflighted by the browser anyway.
 *
 * Why a GET by persisted id is exempt: such a request can only run a document of the server's
 * manifests, and a GET never runs a mutation (Apollo answers 405 before running anything), so it
 * cannot change anything; and credentials here are headers (`Authorization`, `X-Api-Key`), never
 * cookies, which a cross-site page cannot make the browser send — so the forged request runs
 * anonymously, and its answer is not readable by that page unless CORS_ORIGINS lists its origin.
 * What is left is a read that anyone may do, of a document the server chose.
 */
function csrfRefusal(method: string, headers: IncomingMessage['headers'], persistedGet: boolean): string | null {
  if (persistedGet) return null;
  const type = headers['content-type'];
  if (type !== undefined && !SIMPLE_TYPES.has(type.split(';', 1)[0].trim().toLowerCase())) return null;
  if (PREFLIGHT_HEADERS.some((h) => (headers[h]?.length ?? 0) > 0)) return null;
  return method === 'GET'
    ? T['BAD_REQUEST.csrfGet']().render()
    : T['BAD_REQUEST.csrfPost']().render();
}

/** What a request's `extensions.persistedQuery` asks, against the documents known by id. */
type Persisted =
  /** No id, or an unknown one left to Apollo's APQ: the request goes on as it is. */
  | { kind: 'as-is' }
  /** A known id (or an id to drop): the request goes on with this document and these extensions. */
  | { kind: 'document'; query: string; extensions: Record<string, unknown> | undefined; known: boolean }
  | { kind: 'refused'; status: number; code: string; message: string };

function resolvePersisted(opts: GraphqlHttpOptions<BaseContext>['persisted'], query: unknown, extensions: unknown): Persisted {
  const pq = extensions && typeof extensions === 'object' ? (extensions as { persistedQuery?: { sha256Hash?: unknown; version?: unknown } }).persistedQuery : undefined;
  const id = pq && typeof pq === 'object' ? pq.sha256Hash : undefined;
  if (typeof id !== 'string') return { kind: 'as-is' };
  const { persistedQuery: _pq, ...rest } = extensions as Record<string, unknown>;
  const others = Object.keys(rest).length ? rest : undefined;
  const known = opts.documents.get(id);
  if (known !== undefined) {
    if (query === undefined || query === null || query === known) return { kind: 'document', query: known, extensions: others, known: true };
    return { kind: 'refused', status: 400, code: 'BAD_REQUEST', message: T['BAD_REQUEST.persistedMismatch']({ id: id.slice(0, 80) }).render() };
  }
  if (opts.apq) return { kind: 'as-is' };
  if (typeof query === 'string' && query.length) return { kind: 'document', query, extensions: others, known: false };
  // Apollo's own answer to an unknown id (200, not cached), which Apollo Client's persisted-query link retries with the document
  return {
    kind: 'refused',
    status: 200,
    code: 'PERSISTED_QUERY_NOT_FOUND',
    message: T['PERSISTED_QUERY_NOT_FOUND.manifest']().render(),
  };
}

/** `Vary` with `names` added to what is there (CORS's `Origin`). */
function addVary(res: ServerResponse, names: string): void {
  const had = res.getHeader('vary');
  res.setHeader('vary', had ? `${String(had)}, ${names}` : names);
}

function answerError(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string, closeConnection = false): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  if (status === 200) res.setHeader('cache-control', 'private, no-cache, must-revalidate');
  if (closeConnection) {
    res.shouldKeepAlive = false;
    res.once('finish', () => req.socket.destroy());
  }
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, requestId: req.id } }] }));
}

export function graphqlHttpHandler<C extends BaseContext>(opts: GraphqlHttpOptions<C>) {
  const { apollo } = opts;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: unknown;
    try {
      body = await bodyOf(req, opts.maxBodyBytes, opts.bodyTimeoutMs);
    } catch (e) {
      if (!(e instanceof BodyError)) throw e;
      return answerError(req, res, e.status, 'BAD_REQUEST', e.message, e.closeConnection);
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '';
    const q = url.indexOf('?');
    let search = q < 0 ? '' : url.slice(q);
    // a document sent by its id
    let persisted: Persisted = { kind: 'as-is' };
    if (method === 'POST' && body && typeof body === 'object' && !Array.isArray(body)) {
      const b = body as Record<string, unknown>;
      persisted = resolvePersisted(opts.persisted, b.query, b.extensions);
      if (persisted.kind === 'document') {
        const { extensions: _e, ...rest } = b;
        body = persisted.extensions ? { ...rest, query: persisted.query, extensions: persisted.extensions } : { ...rest, query: persisted.query };
      }
    } else if (method === 'GET' && search.includes('extensions=')) {
      const params = new URLSearchParams(search);
      let extensions: unknown;
      try {
        extensions = JSON.parse(params.get('extensions') ?? '');
      } catch {
        extensions = undefined; // Apollo says what is wrong with it
      }
      persisted = resolvePersisted(opts.persisted, params.get('query') ?? undefined, extensions);
      if (persisted.kind === 'document') {
        params.set('query', persisted.query);
        if (persisted.extensions) params.set('extensions', JSON.stringify(persisted.extensions));
        else params.delete('extensions');
        search = `?${params.toString()}`;
      }
    }
    if (persisted.kind === 'refused') return answerError(req, res, persisted.status, persisted.code, persisted.message);
    const persistedGet = method === 'GET' && persisted.kind === 'document' && persisted.known;
    // a request that carries an operation (a GET without one is a landing page's, or Apollo's 400)
    if (method === 'POST' || search.length > 1) {
      const refusal = csrfRefusal(method, req.headers, persistedGet);
      if (refusal) return answerError(req, res, 400, 'BAD_REQUEST', refusal);
    }
    const headers = new HeaderMap();
    for (const key in req.headers) {
      const value = req.headers[key];
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const answer = await opts.observed(() =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search, body },
        context: () => opts.context(req, res),
      }),
    );
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    // a GET by id that succeeded: the asking browser may keep it briefly (errors are no-store: the HTTP plugin)
    if (persistedGet && res.statusCode === 200 && !answer.headers.has('cache-control')) {
      const maxAge = opts.persisted.getMaxAgeSeconds;
      res.setHeader('cache-control', maxAge > 0 ? `private, max-age=${maxAge}` : 'private, no-cache');
      addVary(res, 'Authorization, X-Api-Key, Accept-Language');
    }
    if (answer.body.kind === 'complete') return void res.end(answer.body.string);
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
