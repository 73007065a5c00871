/**
 * @chorus-support/sdk — a typed client for the chorus-support GraphQL API.
 *
 *   const chorus = createClient({ url: 'http://localhost:4000/graphql', apiKey: process.env.CHORUS_API_KEY });
 *   const { viewer } = await chorus.Viewer();
 */
import { GraphQLClient } from 'graphql-request';
import { getSdk, type SdkFunctionWrapper } from './generated.js';
import { toApiError } from './errors.js';

export * from './generated.js';
export * from './errors.js';

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A person's bearer token (JWT). */
  token?: string;
  /** A business application's API key (`csk_…`). */
  apiKey?: string;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

export type ChorusClient = ReturnType<typeof getSdk>;

/** Builds the credentials headers for HTTP (and WebSocket connection params). */
export function credentialHeaders(options: Pick<ClientOptions, 'token' | 'apiKey'>): Record<string, string> {
  if (options.token && options.apiKey) throw new Error('Pass either token or apiKey, not both.');
  if (options.token) return { authorization: `Bearer ${options.token}` };
  if (options.apiKey) return { 'x-api-key': options.apiKey };
  return {};
}

/**
 * Returns the typed operations. Failures throw a ChorusApiError subclass carrying the
 * GraphQL error code and the request id; a mutation's expected failures come back as
 * `userErrors` in its result, never as exceptions.
 */
export function createClient(options: ClientOptions): ChorusClient {
  const client = new GraphQLClient(options.url, {
    fetch: options.fetch,
    headers: { ...options.headers, ...credentialHeaders(options) },
  });
  const wrapper: SdkFunctionWrapper = async (action) => {
    try {
      return await action();
    } catch (e) {
      throw toApiError(e);
    }
  };
  return getSdk(client, wrapper);
}
