import { ClientError } from 'graphql-request';
import { ChorusApiError, NetworkError } from './api-error.js';
import { ERROR_CLASSES } from './error-classes.js';

export * from './api-error.js';
export * from './error-classes.js';

/** Turns whatever graphql-request threw into a typed ChorusApiError (the subclass of its code). */
export function toApiError(e: unknown): ChorusApiError {
  if (e instanceof ChorusApiError) return e;
  if (e instanceof ClientError) {
    const errors = (e.response.errors ?? []) as ChorusApiError['errors'];
    const first = errors[0];
    const code = (first?.extensions?.code as string | undefined) ?? (e.response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
    const headers = e.response.headers as Headers | undefined;
    const requestId = headers?.get?.('x-request-id') ?? (first?.extensions?.requestId as string | undefined) ?? null;
    const Cls = (ERROR_CLASSES as Record<string, typeof ChorusApiError>)[code] ?? ChorusApiError;
    return new Cls(first?.message ?? `HTTP ${e.response.status}`, { code, requestId, status: e.response.status, errors, cause: e });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new NetworkError(`No answer from the chorus-support API: ${message}`, { code: 'NETWORK_ERROR', cause: e });
}
