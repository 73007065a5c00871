/**
 * CORS for browser apps on other origins (front-ends, the hosted Apollo Sandbox): the
 * allowed origins come from the validated CORS_ORIGINS setting, nothing else. Apollo's
 * CSRF prevention stays on: a cross-origin call must still be a JSON POST (or carry a
 * preflighted header), so a listed origin is the only way past the browser.
 */
import cors from 'cors';
import type { Config } from './config';

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
    allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name'],
    exposedHeaders: ['x-request-id'],
    maxAge: config.maxAgeSeconds,
    optionsSuccessStatus: 204,
  });
}
