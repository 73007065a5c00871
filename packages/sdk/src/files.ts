/**
 * Sending files: `createUpload` gives a short-lived URL on the server, the bytes are PUT
 * there as the raw body (streamed), then the upload is attached by id. A Buffer (or
 * Uint8Array) is sent with its SHA-256, so the server refuses a damaged copy, and is
 * resent on a network failure or 5xx; a stream cannot be replayed and is sent once.
 */
import { NetworkError, ChorusApiError } from './api-error.js';
import { isRetryable, retryDelayMs, sleep, type RetryPolicy } from './retry.js';

/** A file to send: its name and its bytes, whole or as a Node.js stream / any async iterable of chunks. */
export interface FileSource {
  /** The name as the user knows it (sanitised by the server; never used to decide the type). */
  name: string;
  /** The bytes: a Buffer / Uint8Array, or a Node.js Readable (any AsyncIterable<Uint8Array>). */
  data: Uint8Array | AsyncIterable<Uint8Array>;
  /** The number of bytes of a stream, when known: sent as Content-Length so a cut-off upload is recognised as such. */
  size?: number;
  /** Internal (support levels only); support agents only. */
  internal?: boolean;
}

export interface UploadResult {
  uploadId: string;
  size: number;
  sha256: string;
  contentType: string;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** PUTs the bytes to an upload URL; throws a ChorusApiError with the server's reason (`errors[0].extensions.reason`). */
export async function putBytes(fetchImpl: typeof fetch, url: string, source: FileSource, policy: RetryPolicy, timeoutMs: number): Promise<UploadResult> {
  const whole = source.data instanceof Uint8Array ? source.data : null;
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  if (whole) {
    headers['content-length'] = String(whole.byteLength);
    headers['x-content-sha256'] = await sha256Hex(whole);
  } else if (source.size != null) headers['content-length'] = String(source.size);
  for (let attempt = 0; ; attempt++) {
    let error: ChorusApiError;
    try {
      const res = await fetchImpl(url, {
        method: 'PUT',
        headers,
        body: (whole ?? source.data) as BodyInit,
        // a stream body needs half-duplex in Node's fetch
        ...(whole ? {} : { duplex: 'half' }),
        signal: AbortSignal.timeout(timeoutMs),
      } as RequestInit);
      const body = (await res.json().catch(() => ({}))) as UploadResult & { errors?: ChorusApiError['errors'] };
      if (res.ok) return body;
      // a resent Buffer whose first send did arrive: the upload is there, attach it
      if (attempt > 0 && res.status === 409) return { uploadId: '', size: whole!.byteLength, sha256: headers['x-content-sha256'], contentType: '' };
      const first = body.errors?.[0];
      error = new ChorusApiError(first?.message ?? `HTTP ${res.status}`, { code: (first?.extensions?.code as string) ?? 'BAD_REQUEST', status: res.status, errors: body.errors ?? [], requestId: res.headers.get('x-request-id') });
    } catch (e) {
      error = new NetworkError(`Upload failed: ${e instanceof Error ? e.message : String(e)}`, { code: 'NETWORK_ERROR', cause: e });
    }
    // only whole bytes can be sent again; the PUT is idempotent (a second one is refused, not doubled)
    if (!whole || attempt >= policy.retries || !isRetryable(error, 'query', true)) throw error;
    await sleep(retryDelayMs(error, attempt, policy));
  }
}
