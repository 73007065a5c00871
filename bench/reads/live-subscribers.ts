/**
 * A worker thread of the live bench holding its share of the subscribers: a thousand
 * graphql-ws clients in the thread that also drives the burst made the bench's own event loop
 * a queue (its delay reached 40–80 ms in a burst), and a delivery's arrival was stamped when
 * that queue got to it rather than when it arrived. Each worker connects its subscribers,
 * stamps each delivery as it arrives, and hands everything back when told to finish.
 */
import { parentPort } from 'node:worker_threads';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface SubscriberSpec {
  url: string;
  connectionParams: Record<string, unknown>;
  kind: string;
}

export type ToWorker = { type: 'connect'; subs: SubscriberSpec[]; query: string; warmRefs: string[] } | { type: 'finish' };
export type FromWorker =
  | { type: 'connected' }
  | { type: 'failed'; error: string }
  | { type: 'count'; delivered: number }
  | { type: 'results'; received: { reference: string; seq: number; latency: number }[][]; errors: number[]; loopDelayP99: number };

const port = parentPort!;
const clients: Client[] = [];
const received: { reference: string; seq: number; latency: number }[][] = [];
const errors: number[] = [];
let delivered = 0;
const loop = monitorEventLoopDelay({ resolution: 5 });

port.on('message', async (msg: ToWorker) => {
  if (msg.type === 'connect') {
    try {
      await connect(msg.subs, msg.query, new Set(msg.warmRefs));
      loop.enable();
      setInterval(() => port.postMessage({ type: 'count', delivered } satisfies FromWorker), 100).unref();
      port.postMessage({ type: 'connected' } satisfies FromWorker);
    } catch (e) {
      port.postMessage({ type: 'failed', error: String((e as Error)?.message ?? e) } satisfies FromWorker);
    }
  } else {
    loop.disable();
    await Promise.all(clients.map((c) => c.dispose()));
    port.postMessage({ type: 'results', received, errors, loopDelayP99: loop.percentile(99) / 1e6 } satisfies FromWorker);
    port.close();
  }
});

async function connect(subs: SubscriberSpec[], query: string, warmRefs: Set<string>): Promise<void> {
  // 50 at a time
  for (let i = 0; i < subs.length; i += 50) {
    await Promise.all(
      subs.slice(i, i + 50).map(
        (s, j) =>
          new Promise<void>((ok, fail) => {
            const k = i + j;
            received[k] = [];
            errors[k] = 0;
            const client = createClient({ url: s.url, webSocketImpl: WebSocket, connectionParams: s.connectionParams, retryAttempts: 0, lazy: false });
            clients.push(client);
            // a refused connection closes (4403) without an error event: without this it would wait forever
            const offClosed = client.on('closed', (e) => fail(new Error(`subscriber ${s.kind} was refused: ${(e as { code?: number })?.code} ${(e as { reason?: string })?.reason ?? ''}`)));
            const off = client.on('connected', () => {
              off();
              offClosed();
              client.subscribe(
                { query },
                {
                  next: (v) => {
                    const now = Date.now();
                    if (v.errors) errors[k]++;
                    const e = (v.data as { ticketEvents?: { seq: number; createdAt: string; ticket: { reference: string } } } | null)?.ticketEvents;
                    if (e && warmRefs.has(e.ticket.reference)) return;
                    if (e) {
                      received[k].push({ reference: e.ticket.reference, seq: e.seq, latency: now - Date.parse(e.createdAt) });
                      delivered++;
                    }
                  },
                  error: () => errors[k]++,
                  complete: () => undefined,
                },
              );
              ok();
            });
            client.on('error', (e) => fail(new Error(`subscriber could not connect: ${String((e as Error)?.message ?? e)}`)));
          }),
      ),
    );
  }
}
