import type { ServerErrorCode } from './error-classes.js';

/** Error codes in `errors[].extensions.code` (the server's, see ServerErrorCode), and NETWORK_ERROR when no answer came back. */
export type ApiErrorCode = ServerErrorCode | 'NETWORK_ERROR' | (string & {});

/**
 * A failed call: the GraphQL error code, the server's request id to quote, and the raw
 * errors. Each server code has its own subclass (ThrottledError, NotFoundError…).
 *
 * @example
 * ```ts
 * import { ChorusApiError, createClient, ThrottledError } from '@chorus-support/sdk';
 *
 * const apiKey = process.env.CHORUS_API_KEY;
 * if (!apiKey) throw new Error('Set CHORUS_API_KEY.');
 * const chorus = createClient({ url: process.env.CHORUS_URL ?? 'http://localhost:4000/graphql', apiKey, retries: 0 });
 * try {
 *   const { currentApplication } = await chorus.CurrentApplication();
 *   console.log(currentApplication.name);
 * } catch (e) {
 *   if (e instanceof ThrottledError) console.error(`retry in ${e.retryAfterSeconds ?? 1} s`);
 *   else if (e instanceof ChorusApiError) console.error(`${e.code}: ${e.message} (request ${e.requestId})`);
 *   else throw e;
 * }
 * ```
 */
export class ChorusApiError extends Error {
  /** The first error's `extensions.code`, or NETWORK_ERROR when no answer came back. */
  readonly code: ApiErrorCode;
  /** The server's request id (the `x-request-id` header), to quote when reporting a problem. */
  readonly requestId: string | null;
  /** HTTP status, when an answer came back. */
  readonly status: number | null;
  /** Every GraphQL error of the response. */
  readonly errors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;

  constructor(message: string, init: { code: ApiErrorCode; requestId?: string | null; status?: number | null; errors?: ChorusApiError['errors']; cause?: unknown }) {
    super(message, { cause: init.cause });
    this.name = new.target.name;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.status = init.status ?? null;
    this.errors = init.errors ?? [];
  }
}

/** The server refused the request as malformed: an argument, the document, its depth or cost, the HTTP request itself. */
export class BadInputError extends ChorusApiError {}

/** No answer came back (connection refused or dropped, timeout). */
export class NetworkError extends ChorusApiError {}
