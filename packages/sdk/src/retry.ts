import { ChorusApiError } from './errors.js';

export interface RetryPolicy {
  /** Extra attempts after the first (default 2). */
  retries: number;
  /** First backoff delay in ms, doubled each attempt with jitter (default 200). */
  baseDelayMs: number;
  /** Longest wait honoured for a THROTTLED retry-after, in ms (default 60 000). */
  maxThrottleWaitMs: number;
}

/**
 * Whether a failed call may be sent again. A query always may; a mutation only when it
 * is idempotent (it carries an idempotency key) or was refused before running (THROTTLED).
 */
export function isRetryable(error: ChorusApiError, operationType: string, idempotent: boolean): boolean {
  if (error.code === 'THROTTLED') return true;
  const transient = error.code === 'NETWORK_ERROR' || (error.status !== null && error.status >= 500);
  return transient && (operationType !== 'mutation' || idempotent);
}

export function retryDelayMs(error: ChorusApiError, attempt: number, policy: RetryPolicy): number {
  if (error.code === 'THROTTLED') {
    const seconds = Number(error.errors[0]?.extensions?.retryAfterSeconds ?? 1);
    return Math.min(policy.maxThrottleWaitMs, Math.max(0, seconds * 1000) + Math.random() * 250);
  }
  const backoff = policy.baseDelayMs * 2 ** attempt;
  return backoff / 2 + Math.random() * (backoff / 2);
}

export const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));
