/**
 * `@chorus-support/sdk/request`: one function that sends any typed document of
 * `@chorus-support/sdk/documents`, with the client's credentials, retries and typed errors,
 * on the platform's `fetch` alone. A browser bundle keeps only the documents it sends
 * (the package has no side effects), where `createClient` carries every operation.
 *
 * @example
 * ```ts
 * import { createRequest, ChorusApiError } from '@chorus-support/sdk/request';
 * import { ViewerDocument } from '@chorus-support/sdk/documents';
 *
 * const token = process.env.CHORUS_TOKEN;
 * if (!token) throw new Error('Set CHORUS_TOKEN.');
 * const request = createRequest({ url: process.env.CHORUS_URL ?? 'http://localhost:4000/graphql', getToken: () => token });
 * try {
 *   const { viewer } = await request(ViewerDocument);
 *   console.log(viewer.kind, viewer.roles.join(', '));
 * } catch (e) {
 *   if (e instanceof ChorusApiError) console.error(`${e.code} (request ${e.requestId})`);
 *   throw e;
 * }
 * ```
 */
import { print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ChorusApiError } from './api-error.js';
import { Credentials, type CredentialOptions } from './credentials.js';
import { errorFromResponse, networkError } from './response-error.js';
import { IDEMPOTENT_OPERATIONS, retryPolicy, withRetries, type RetryPolicy } from './retry.js';

export * from './api-error.js';
export * from './error-classes.js';
export type { CredentialOptions } from './credentials.js';
export type { RetryPolicy } from './retry.js';
export type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export interface RequestOptions extends CredentialOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof fetch | undefined;
  /** Extra headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Per-attempt timeout in ms (default 30 000). */
  timeoutMs?: number | undefined;
  /** Extra attempts for safe failures (default 2); see RetryPolicy. */
  retries?: number | Partial<RetryPolicy> | undefined;
}

/** The variables argument: optional when the operation needs none. */
export type VariablesArgument<TVariables> = Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

/** Sends a typed document; resolves its data, or throws a ChorusApiError subclass. */
export interface Request {
  <TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, ...variables: VariablesArgument<TVariables>): Promise<TResult>;
  /** Uses this bearer token from now on (for a client made with `token` or `getToken`). */
  setToken(token: string): void;
}

const printed = new WeakMap<DocumentNode, { query: string; operation: OperationDefinitionNode | undefined }>();
function source(document: DocumentNode) {
  let s = printed.get(document);
  if (!s) printed.set(document, (s = { query: print(document), operation: document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition') }));
  return s;
}

/**
 * Returns `request(document, variables)`. Failures throw a ChorusApiError subclass (one per
 * code); network errors, 5xx answers and THROTTLED are retried when safe, like `createClient`.
 */
export function createRequest(options: RequestOptions): Request {
  const credentials = new Credentials(options);
  const policy = retryPolicy(options.retries);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const request = <TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, ...[variables]: VariablesArgument<TVariables>): Promise<TResult> => {
    const { query, operation } = source(document);
    const operationName = operation?.name?.value;
    const body = JSON.stringify({ query, variables, operationName });
    const call = { operationType: operation?.operation ?? 'query', idempotent: IDEMPOTENT_OPERATIONS.has(operationName ?? ''), renewable: credentials.renewable };
    return withRetries(
      call,
      policy,
      async () => {
        const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...options.headers, ...(await credentials.headers()) };
        let res: Response;
        try {
          res = await (options.fetch ?? globalThis.fetch)(options.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
        } catch (e) {
          throw networkError(e);
        }
        const json = (await res.json().catch(() => null)) as { data?: TResult | null; errors?: ChorusApiError['errors'] } | null;
        if (res.ok && json?.data && !json.errors?.length) return json.data;
        throw errorFromResponse(res.status, json?.errors ?? [], res.headers);
      },
      (e) => (e instanceof ChorusApiError ? e : networkError(e)),
    );
  };
  return Object.assign(request, { setToken: (token: string) => credentials.setToken(token) });
}
