import type { WebSocket } from 'ws';

/** Below this many bytes waiting in a socket, a message counts as sent as soon as it is queued. */
const SEND_BUFFER_BYTES = 256 * 1024;

/**
 * graphql-ws sends a subscription's next event once the previous one's write has called back,
 * a later turn of the event loop: in a burst, a subscriber who sees every change got one per
 * turn, each turn long with everybody else's work, and the last changes came seconds late.
 * Here a message counts as sent when it is queued while the socket keeps up (under
 * SEND_BUFFER_BYTES waiting); past that, the write's callback is awaited again, so a slow
 * reader still holds back its own stream and nobody else's memory.
 */
export function sendWithoutWaitingForTheWire(socket: Pick<WebSocket, 'send' | 'bufferedAmount' | 'readyState' | 'OPEN'>): void {
  const send = socket.send.bind(socket) as (data: unknown, cb?: (err?: Error) => void) => void;
  (socket as unknown as { send: typeof send }).send = (data, cb) => {
    if (!cb || socket.bufferedAmount >= SEND_BUFFER_BYTES || socket.readyState !== socket.OPEN) return send(data, cb);
    send(data);
    cb();
  };
}
