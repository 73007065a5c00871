import { ChorusApiError, NetworkError } from './api-error.js';
import { ERROR_CLASSES } from './error-classes.js';

/** The typed error (the subclass of its code) for an answer carrying GraphQL errors or a failed HTTP status. */
export function errorFromResponse(status: number | null, errors: ChorusApiError['errors'], headers?: { get(name: string): string | null } | null, cause?: unknown): ChorusApiError {
  const first = errors[0];
  const code = (first?.extensions?.code as string | undefined) ?? (status !== null && status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
  const requestId = headers?.get?.('x-request-id') ?? (first?.extensions?.requestId as string | undefined) ?? null;
  const Cls = (ERROR_CLASSES as Record<string, typeof ChorusApiError>)[code] ?? ChorusApiError;
  return new Cls(first?.message ?? `HTTP ${status}`, { code, requestId, status, errors, cause });
}

/** No answer came back. */
export function networkError(e: unknown, what = 'No answer from the chorus-support API'): NetworkError {
  return new NetworkError(`${what}: ${e instanceof Error ? e.message : String(e)}`, { code: 'NETWORK_ERROR', cause: e });
}
