/**
 * Where file bytes live. The default keeps them in PostgreSQL (table `stored_file_chunk`,
 * 256 KB per row) so the embedded database still needs nothing else; the interface is
 * small so that an S3-compatible store can take its place where files outgrow the
 * database. Bytes always travel as streams: no store holds a whole file in memory.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

export const FILE_CHUNK_BYTES = 256 * 1024;
const READ_SLICE_BYTES = 32 * 1024;

export interface FileStore {
  /** Name recorded on each file (`stored_file.store`). */
  readonly kind: string;
  /**
   * Writes the bytes under `fileId`, read from the upload's checked temporary file (never
   * from the client's socket). With the database store they are written inside `tx`, so a
   * failure rolls them back with the rest.
   */
  put(tx: EntityManager, fileId: string, bytes: AsyncIterable<Buffer>): Promise<void>;
  /** Streams the bytes back, chunk after chunk. */
  get(em: EntityManager, fileId: string): AsyncIterable<Buffer>;
  /** Drops the bytes (inside `tx` for the database store; the database one also cascades from `stored_file`). */
  delete(tx: EntityManager, fileId: string): Promise<void>;
  /**
   * Stores that write outside the database (object stores) drop here what `put` wrote when
   * the transaction around it failed, so that a refused or cut-off upload leaves nothing.
   * The database store has nothing to do: its rows went with the rollback.
   */
  discard?(fileId: string): Promise<void>;
}

/** Regroups a byte stream into chunks of exactly `size` bytes (the last one shorter). */
export async function* rechunk(source: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let held = 0;
  for await (const piece of source) {
    let b = piece;
    while (held + b.length >= size) {
      const take = size - held;
      parts.push(b.subarray(0, take));
      yield Buffer.concat(parts, size);
      parts = [];
      held = 0;
      b = b.subarray(take);
    }
    if (b.length) {
      parts.push(b);
      held += b.length;
    }
  }
  if (held) yield Buffer.concat(parts, held);
}

export class PostgresFileStore implements FileStore {
  readonly kind = 'postgres';

  async put(tx: EntityManager, fileId: string, bytes: AsyncIterable<Buffer>): Promise<void> {
    let seq = 0;
    // one chunk in memory at a time: the next is read from the socket once this one is written
    for await (const chunk of rechunk(bytes, FILE_CHUNK_BYTES)) {
      await tx.execute('insert into stored_file_chunk (file_id, seq, data) values (?, ?, ?)', [fileId, seq++, chunk], 'run');
    }
  }

  async *get(em: EntityManager, fileId: string): AsyncGenerator<Buffer> {
    // read in slices: the driver receives bytea as hex text (twice the size), and small
    // strings die young, whereas 512 KB ones would pile up until a full collection. The
    // column's EXTERNAL storage lets substring() read just the slice.
    for (let seq = 0; ; seq++) {
      for (let from = 1; ; from += READ_SLICE_BYTES) {
        const rows: { part: Buffer }[] = await em.execute('select substring(data from ? for ?) as part from stored_file_chunk where file_id = ? and seq = ?', [from, READ_SLICE_BYTES, fileId, seq]);
        if (!rows.length) return;
        const part = rows[0].part;
        if (part.length) yield part;
        if (part.length < READ_SLICE_BYTES) break;
      }
    }
  }

  async delete(tx: EntityManager, fileId: string): Promise<void> {
    await tx.execute('delete from stored_file_chunk where file_id = ?', [fileId], 'run');
  }
}

const postgres = new PostgresFileStore();
let store: FileStore = postgres;
/** The store new files go to (ATTACHMENT_STORE). */
export const fileStore = (): FileStore => store;
/** For a deployment that configures another store (and for tests). */
export function useFileStore(s: FileStore): void {
  store = s;
}
/**
 * The store a file was written to (`stored_file.store`): files kept in the database before
 * a move to an object store are still read, and dropped, from the database.
 */
export function storeFor(kind: string): FileStore {
  if (kind === store.kind) return store;
  if (kind === postgres.kind) return postgres;
  throw new Error(`file store "${kind}" is not configured on this server (ATTACHMENT_STORE=${store.kind})`);
}
