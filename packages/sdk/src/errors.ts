import { ClientError } from 'graphql-request';

/** Error codes the API uses in `errors[].extensions.code`. */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'THROTTLED'
  | 'QUERY_TOO_COMPLEX'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'GRAPHQL_PARSE_FAILED'
  | 'BAD_REQUEST'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK_ERROR'
  | (string & {});

/** A failed call: the GraphQL error code, the server's request id to quote, and the raw errors. */
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
    this.name = 'ChorusApiError';
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.status = init.status ?? null;
    this.errors = init.errors ?? [];
  }
}

/** The caller is not authenticated (missing, expired or revoked credentials). */
export class UnauthenticatedError extends ChorusApiError {}
/** The caller's role does not allow the operation. */
export class ForbiddenError extends ChorusApiError {}
/** The server refused the input (malformed id, value out of range, query too deep or too costly…). */
export class BadInputError extends ChorusApiError {}
/** No answer came back (connection refused or dropped, timeout). */
export class NetworkError extends ChorusApiError {}

const CLASSES: Record<string, typeof ChorusApiError> = {
  UNAUTHENTICATED: UnauthenticatedError,
  FORBIDDEN: ForbiddenError,
  BAD_USER_INPUT: BadInputError,
  GRAPHQL_VALIDATION_FAILED: BadInputError,
  QUERY_TOO_COMPLEX: BadInputError,
};

/** Turns whatever graphql-request threw into a typed ChorusApiError. */
export function toApiError(e: unknown): ChorusApiError {
  if (e instanceof ChorusApiError) return e;
  if (e instanceof ClientError) {
    const errors = (e.response.errors ?? []) as ChorusApiError['errors'];
    const first = errors[0];
    const code = (first?.extensions?.code as string | undefined) ?? (e.response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
    const headers = e.response.headers as Headers | undefined;
    const requestId = headers?.get?.('x-request-id') ?? (first?.extensions?.requestId as string | undefined) ?? null;
    const Cls = CLASSES[code] ?? ChorusApiError;
    return new Cls(first?.message ?? `HTTP ${e.response.status}`, { code, requestId, status: e.response.status, errors, cause: e });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new NetworkError(`No answer from the chorus-support API: ${message}`, { code: 'NETWORK_ERROR', cause: e });
}
