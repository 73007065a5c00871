/**
 * GraphQL over HTTP at `/graphql`: Apollo Server answers every request (its checks of
 * method, content type and CSRF, its errors and status codes), handed the request straight
 * from node:http. Express's router and body parser in front of it cost about a quarter of a
 * small request's CPU; this reads the body once and writes Apollo's answer as it is.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
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

export function graphqlHttpHandler<C extends BaseContext>(opts: GraphqlHttpOptions<C>) {
  const { apollo } = opts;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: unknown;
    try {
      body = await bodyOf(req, opts.maxBodyBytes, opts.bodyTimeoutMs);
    } catch (e) {
      if (!(e instanceof BodyError)) throw e;
      res.statusCode = e.status;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      if (e.closeConnection) {
        res.shouldKeepAlive = false;
        res.once('finish', () => req.socket.destroy());
      }
      return void res.end(JSON.stringify({ errors: [{ message: e.message, extensions: { code: 'BAD_REQUEST', requestId: req.id } }] }));
    }
    const headers = new HeaderMap();
    for (const key in req.headers) {
      const value = req.headers[key];
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const answer = await opts.observed(() =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: q < 0 ? '' : url.slice(q), body },
        context: () => opts.context(req, res),
      }),
    );
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') return void res.end(answer.body.string);
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
