import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client over a real WebSocket, with credentials in the connection parameters. */
export function wsClient(httpUrl: string, auth: { token?: string; apiKey?: string }): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: auth.token ? { authorization: `Bearer ${auth.token}` } : { apiKey: auth.apiKey },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined, // surfaced through the subscription's error callback instead
  });
}

/** Subscribes and collects results; `next(n)` waits until n results arrived (or times out). */
export function collect<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const results: T[] = [];
  const errors: unknown[] = [];
  let completed = false;
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (r) => {
        results.push(r as T);
        wake();
      },
      error: (e) => {
        errors.push(e);
        wake();
      },
      complete: () => {
        completed = true;
        wake();
      },
    },
  );
  return {
    results,
    errors,
    get completed() {
      return completed;
    },
    dispose,
    async next(n: number, timeoutMs = 5000): Promise<T[]> {
      const deadline = Date.now() + timeoutMs;
      while (results.length < n && errors.length === 0 && !completed) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${n} results (got ${results.length})`);
        await new Promise<void>((ok) => {
          waiters.push(ok);
          setTimeout(ok, 100);
        });
      }
      return results.slice(0, n);
    },
  };
}

/**
 * Waits until the server process runs at least `n` subscriptions (its /metrics gauge), so a
 * test changes data only once its subscriber is registered, without a guessed sleep.
 */
export async function untilSubscribed(httpUrl: string, n: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = await subscriptionsRunning(httpUrl);
    if (running >= n) return;
    if (Date.now() > deadline) throw new Error(`${running} subscriptions running after ${timeoutMs} ms, waiting for ${n}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The subscriptions the server process runs now (its /metrics gauge). */
export async function subscriptionsRunning(httpUrl: string): Promise<number> {
  const text = await fetch(httpUrl.replace(/\/graphql$/, '/metrics')).then((r) => r.text());
  return Number(/^chorus_graphql_subscriptions (\d+)/m.exec(text)?.[1] ?? 0);
}
