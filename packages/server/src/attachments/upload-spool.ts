/**
 * An upload's bytes, received into a temporary file before anything touches the database.
 * The client sets the pace of the network: while it sends, the upload holds a socket and a
 * file descriptor — never a transaction nor a pooled connection — and a client that stalls
 * (no byte for `idleMs`) or trickles (not done after `totalMs`) is cut off. The bytes are
 * counted, hashed and their type checked as they arrive, so an oversized or refused file is
 * stopped early; the file is removed on every path (refusal, client gone, after the commit).
 */
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { UploadRefusal, UploadRefused } from './attachment.errors';
import { SNIFF_BYTES } from './file-check';
import { FILE_MESSAGES as M } from './attachment.messages';

/** Temporary files are named after this prefix and the file id (an operator can find leftovers of a crash). */
export const SPOOL_PREFIX = 'chorus-upload-';
const READ_BYTES = 64 * 1024;

export interface SpoolLimits {
  maxBytes: number;
  idleMs: number;
  totalMs: number;
}

export interface SpoolChecks {
  /** The media type from the first SNIFF_BYTES (or all the bytes of a smaller file); throws to refuse. */
  type(head: Buffer): Promise<string>;
  /** The error for a body passing `maxBytes`. */
  tooLarge(): Error;
}

export interface SpooledFile {
  size: number;
  sha256: string;
  /** '' for an empty body (no byte to sniff). */
  contentType: string;
  /** The bytes again, from the temporary file. */
  read(): Readable;
  /** Removes the temporary file (again: no-op). */
  remove(): Promise<void>;
}

const TIMED_OUT = Symbol('timed out');

function within<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((ok) => (timer = setTimeout(ok, Math.max(0, ms), TIMED_OUT)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Receives `body` into a new temporary file named after `fileId`, within `limits`. */
export async function spoolToFile(body: AsyncIterable<Buffer | Uint8Array>, fileId: string, limits: SpoolLimits, checks: SpoolChecks): Promise<SpooledFile> {
  const path = join(tmpdir(), `${SPOOL_PREFIX}${fileId.replace(/[^\w-]/g, '')}-${randomBytes(6).toString('hex')}`);
  // opened before any byte is awaited: a failure after this point always finds a file to remove
  const handle = await open(path, 'wx', 0o600);
  const out = handle.createWriteStream();
  out.on('error', () => undefined); // surfaces through `once(out, 'drain')` / `finished(out)`
  const remove = () => rm(path, { force: true });
  const hash = createHash('sha256');
  let size = 0;
  let contentType = '';
  let head: Buffer[] | null = [];
  let headBytes = 0;
  const deadline = Date.now() + limits.totalMs;
  const it = body[Symbol.asyncIterator]();
  try {
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw tooSlow(limits);
      const next = it.next();
      const step = await within(next, Math.min(limits.idleMs, left));
      if (step === TIMED_OUT) {
        // it settles once the connection closes, after the answer
        next.catch(() => undefined);
        throw limits.idleMs < left ? idle(limits) : tooSlow(limits);
      }
      if (step.done) break;
      const chunk = Buffer.isBuffer(step.value) ? step.value : Buffer.from(step.value);
      size += chunk.length;
      if (size > limits.maxBytes) throw checks.tooLarge();
      hash.update(chunk);
      if (head) {
        head.push(chunk);
        headBytes += chunk.length;
        if (headBytes >= SNIFF_BYTES) {
          contentType = await checks.type(Buffer.concat(head, headBytes).subarray(0, SNIFF_BYTES));
          head = null;
        }
      }
      if (!out.write(chunk)) await once(out, 'drain');
    }
    if (head && headBytes > 0) contentType = await checks.type(Buffer.concat(head, headBytes));
    out.end();
    await finished(out);
  } catch (e) {
    out.destroy();
    await remove();
    throw e;
  }
  return { size, sha256: hash.digest('hex'), contentType, read: () => createReadStream(path, { highWaterMark: READ_BYTES }), remove };
}

const idle = (l: SpoolLimits) => new UploadRefused(UploadRefusal.UPLOAD_IDLE_TIMEOUT, M.UPLOAD_IDLE_TIMEOUT({ seconds: l.idleMs / 1000 }));
const tooSlow = (l: SpoolLimits) => new UploadRefused(UploadRefusal.UPLOAD_TOO_SLOW, M.UPLOAD_TOO_SLOW({ seconds: l.totalMs / 1000 }));
