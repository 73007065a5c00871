/**
 * CORS for browser apps on other origins (front-ends, the hosted Apollo Sandbox): the
 * allowed origins come from the validated CORS_ORIGINS setting, nothing else. Apollo's
 * CSRF prevention stays on: a cross-origin call must still be a JSON POST (or carry a
 * preflighted header), so a listed origin is the only way past the browser.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';
import type { Config } from './config';
import { CORE_SITUATIONS as T } from './core.messages';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a browser page served from `origin` may call the API. */
export function originAllowed(config: Config['cors'], origin: string): boolean {
  if (config.origins.includes(origin)) return true;
  if (!config.allowLocalhost) return false;
  try {
    const u = new URL(origin);
    return (u.protocol === 'http:' || u.protocol === 'https:') && LOCAL_HOSTS.has(u.hostname);
  } catch {
    return false;
  }
}

/** CORS headers on every route (a preflight is answered here); node:http's request and response will do. */
export function corsMiddleware(config: Config['cors']): ReturnType<typeof cors> {
  return cors({
    origin: (origin, done) => done(null, origin !== undefined && originAllowed(config, origin)),
    credentials: true,
    methods: ['GET', 'POST', 'OPTIONS'],
    // traceparent and tracestate: a front-end's OpenTelemetry (W3C trace context) continues its trace here
    allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name', 'traceparent', 'tracestate'],
    exposedHeaders: ['x-request-id'],
    maxAge: config.maxAgeSeconds,
    optionsSuccessStatus: 204,
  });
}

/**
 * A CORS preflight from an origin that is not allowed is answered here: 403, no
 * Access-Control-Allow-Origin (so the browser refuses the call), and a body saying what to
 * change — the developer looking at the refused preflight in the browser's network tab sees
 * that the server's CORS_ORIGINS must list the page's origin. Without this, the cors middleware
 * let the OPTIONS through to GraphQL, which answered with a CSRF 400 that misled. Returns
 * whether it answered.
 */
export function preflightRefusal(config: Config['cors'], req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'OPTIONS') return false;
  const origin = req.headers.origin;
  if (origin === undefined || req.headers['access-control-request-method'] === undefined || originAllowed(config, origin)) return false;
  res.statusCode = 403;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('vary', 'Origin');
  res.end(
    JSON.stringify({
      errors: [
        {
          message: T['ORIGIN_NOT_ALLOWED.origin']({ origin: origin.slice(0, 200) }).render(),
          extensions: { code: 'ORIGIN_NOT_ALLOWED', origin: origin.slice(0, 200), requestId: req.id },
        },
      ],
    }),
  );
  return true;
}
