/**
 * Every HTTP request's id and access line, for every route: the id a client gave in
 * `x-request-id` (when well-formed) or a new one, sent back in that header; a logger
 * carrying it (`req.log`, made on first use by `LoggedRequest`); one line when the answer has gone, naming the
 * caller. pino-http did this with a child logger and a serialisation of the request for
 * every request, a tenth of a small request's CPU.
 */
import { randomUUID } from 'node:crypto';
import { IncomingMessage, type ServerResponse } from 'node:http';
import { context as otelContext } from '@opentelemetry/api';
import type { Logger } from './logger';

declare module 'http' {
  interface IncomingMessage {
    /** The request id (`x-request-id`), set by `beginRequest`. */
    id: string;
    /** A logger whose lines carry the request id. */
    log: Logger;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Probes and scrapes: answered, not logged. */
const QUIET = new Set(['/healthz', '/readyz', '/metrics']);

const CALLER = Symbol('caller label');
const BASE_LOGGER = Symbol('server logger');
const LOGGER = Symbol('request logger');

/**
 * The class of the server's requests (`createServer`'s `IncomingMessage` option): `req.log` is
 * made on first use by a getter of the class. It was a getter defined on each request, and an
 * accessor of its own gives an object a hidden class of its own: V8 keeps those in its old
 * generation, where this one held the getter, whose scope held the request and its answer. Every
 * request then outlived the young-generation collections that would have freed it (a third of a
 * small request's memory was promoted, and each of those collections took ten times longer).
 */
export class LoggedRequest extends IncomingMessage {
  [BASE_LOGGER]?: Logger;
  [LOGGER]?: Logger;
}
/**
 * Gives the requests of `proto` their `req.log` getter. Express swaps each request's
 * prototype for its own (`app.request`), which drops LoggedRequest's: app.ts gives it there too.
 */
export function defineRequestLog(proto: object): void {
  Object.defineProperty(proto, 'log', {
    configurable: true,
    enumerable: false,
    get(this: LoggedRequest) {
      return (this[LOGGER] ??= this[BASE_LOGGER]!.child({ req: { id: this.id } }));
    },
  });
}
defineRequestLog(LoggedRequest.prototype);

/** Names the caller in the request's access line (a person's email, an application and its key prefix). */
export function nameCaller(req: IncomingMessage, label: string | undefined): void {
  (req as { [CALLER]?: string })[CALLER] = label;
}

/** Gives the request its id and logger, and writes its access line once the answer is sent. */
export function beginRequest(logger: Logger, req: LoggedRequest, res: ServerResponse): void {
  const startedAt = performance.now();
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.id = id;
  res.setHeader('x-request-id', id);
  req[BASE_LOGGER] = logger;
  const path = req.url ?? '';
  if (QUIET.has(path.split('?', 1)[0])) return;
  // in the request's trace context (when tracing is on), so that the line carries its trace id
  const line = otelContext.bind(otelContext.active(), (aborted: boolean) => {
    const status = aborted ? 499 : res.statusCode;
    const level = status >= 500 && status !== 503 ? 'error' : status === 503 ? 'warn' : 'info';
    logger[level](
      {
        req: { id, method: req.method, url: req.url, remoteAddress: req.socket.remoteAddress, userAgent: req.headers['user-agent'] },
        res: { statusCode: status },
        responseTime: Math.round(performance.now() - startedAt),
        viewer: (req as { [CALLER]?: string })[CALLER],
      },
      aborted ? 'request aborted' : 'request completed',
    );
  });
  let written = false;
  const once = (aborted: boolean) => () => {
    if (written) return;
    written = true;
    line(aborted);
  };
  res.once('finish', once(false));
  // closed before the answer was sent: the client went away
  res.once('close', once(true));
}
