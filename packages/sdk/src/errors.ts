import { ClientError } from 'graphql-request';
import { ChorusApiError } from './api-error.js';
import { errorFromResponse, networkError } from './response-error.js';

export * from './api-error.js';
export * from './error-classes.js';

/** Turns whatever graphql-request threw into a typed ChorusApiError (the subclass of its code). */
export function toApiError(e: unknown): ChorusApiError {
  if (e instanceof ChorusApiError) return e;
  if (e instanceof ClientError) return errorFromResponse(e.response.status, (e.response.errors ?? []) as ChorusApiError['errors'], e.response.headers as Headers | undefined, e);
  return networkError(e);
}
