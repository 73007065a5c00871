/**
 * How the SDK sends an operation: by the id of its document (the SHA-256 of its text, in
 * `extensions.persistedQuery`, the APQ protocol), not the text. The server knows the SDK's
 * documents from the manifest `gen` writes (packages/schema/persisted-documents.json), so the
 * request is a few hundred bytes and the server parses nothing new. A server that does not know
 * the id (another version, a proxy's cache…) answers PERSISTED_QUERY_NOT_FOUND or
 * PERSISTED_QUERY_NOT_SUPPORTED without running anything; the same request then goes with the
 * full document, as it always did.
 */

/** Answers that say "unknown id" are this small; a larger one is an operation's answer, never read twice. */
const REFUSAL_MAX_BYTES = 2048;

const PERSISTED_REFUSALS = new Set(['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The refusal's code when the answer says the id is unknown, else null (the answer is the operation's). */
async function persistedRefusal(res: Response): Promise<string | null> {
  const length = res.headers.get('content-length');
  if (length !== null && Number(length) > REFUSAL_MAX_BYTES) return null;
  const text = await res.clone().text();
  if (!text.includes('PERSISTED_QUERY_NOT_')) return null;
  try {
    const code = (JSON.parse(text) as { errors?: { extensions?: { code?: unknown } }[] }).errors?.[0]?.extensions?.code;
    return typeof code === 'string' && PERSISTED_REFUSALS.has(code) ? code : null;
  } catch {
    return null;
  }
}

/** A fetch that sends each GraphQL POST by its document's id, and again with the document when the server does not know the id. */
export function sendingPersistedIds(send: typeof fetch): typeof fetch {
  const ids = new Map<string, Promise<string>>();
  /** The server said it takes no ids at all: the client stops sending them. */
  let unsupported = false;
  return async (input, init) => {
    // no SubtleCrypto (a browser page on plain http): the document goes as text, as it always did
    if (unsupported || !globalThis.crypto?.subtle || init?.method !== 'POST' || typeof init.body !== 'string') return send(input, init);
    let request: Record<string, unknown>;
    try {
      request = JSON.parse(init.body) as Record<string, unknown>;
    } catch {
      return send(input, init);
    }
    if (!request || typeof request.query !== 'string' || Array.isArray(request)) return send(input, init);
    const text = request.query;
    let id = ids.get(text);
    if (!id) ids.set(text, (id = sha256Hex(text)));
    const { query: _query, ...rest } = request;
    const extensions = { ...(rest.extensions as Record<string, unknown> | undefined), persistedQuery: { version: 1, sha256Hash: await id } };
    const byId = await send(input, { ...init, body: JSON.stringify({ ...rest, extensions }) });
    const refusal = await persistedRefusal(byId);
    if (!refusal) return byId;
    if (refusal === 'PERSISTED_QUERY_NOT_SUPPORTED') unsupported = true;
    return send(input, init);
  };
}
