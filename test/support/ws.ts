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
