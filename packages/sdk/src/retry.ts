import type { ChorusApiError } from './api-error.js';

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

/**
 * Runs one call with the policy's retries. A call refused as UNAUTHENTICATED is sent once more
 * when `renewable` (the credentials callback may give a fresh token).
 */
export async function withRetries<T>(
  call: { operationType: string; idempotent: boolean; renewable: boolean },
  policy: RetryPolicy,
  attempt: () => Promise<T>,
  toError: (e: unknown) => ChorusApiError,
): Promise<T> {
  let renewed = false;
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      const error = toError(e);
      if (error.code === 'UNAUTHENTICATED' && call.renewable && !renewed) {
        renewed = true;
        n--;
        continue;
      }
      if (n >= policy.retries || !isRetryable(error, call.operationType, call.idempotent)) throw error;
      await sleep(retryDelayMs(error, n, policy));
    }
  }
}

/** The policy from a client's `retries` option (default: 2 extra attempts, 200 ms first backoff, 60 s longest throttle wait). */
export function retryPolicy(retries: number | Partial<RetryPolicy> | undefined): RetryPolicy {
  return { retries: 2, baseDelayMs: 200, maxThrottleWaitMs: 60_000, ...(typeof retries === 'number' ? { retries } : retries) };
}

/**
 * Operations whose mutations are safe to resend: FileIncident and FileIncidents carry idempotency keys;
 * AddTicketAttachment and AddKnowledgeImage name their upload, which attaches once (a resend returns the same one).
 */
export const IDEMPOTENT_OPERATIONS: ReadonlySet<string> = new Set(['FileIncident', 'FileIncidents', 'AddTicketAttachment', 'AddKnowledgeImage']);
