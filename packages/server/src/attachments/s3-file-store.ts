/**
 * File bytes in an S3-compatible object store (ATTACHMENT_STORE=s3): AWS S3, MinIO, Ceph,
 * Garage, a cloud's S3 API. Uploads stream through @aws-sdk/lib-storage's multipart Upload,
 * one part (S3_PART_BYTES) in memory at a time, from the upload's checked temporary file;
 * downloads stream the object's body. The object is written outside the database
 * transaction: when that transaction fails `discard` removes what was written, and
 * lib-storage has already aborted a multipart upload whose stream failed.
 */
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { S3Settings } from '../core/config';
import type { FileStore } from './file-store';

export class S3FileStore implements FileStore {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      credentials: settings.credentials,
      forcePathStyle: settings.forcePathStyle,
      // lib-storage sends parts of known length; no checksum trailer that some S3-compatible servers refuse
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(fileId: string): string {
    return `${this.settings.keyPrefix}${fileId}`;
  }

  async put(_tx: EntityManager, fileId: string, bytes: AsyncIterable<Buffer>): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.settings.bucket, Key: this.key(fileId), Body: Readable.from(bytes, { objectMode: false }), ContentType: 'application/octet-stream' },
      partSize: this.settings.partBytes,
      // one part in flight: memory stays at about one part whatever the file's size
      queueSize: 1,
      leavePartsOnError: false,
    });
    await upload.done();
  }

  async *get(_em: EntityManager, fileId: string): AsyncGenerator<Buffer> {
    const res = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.key(fileId) }));
    for await (const chunk of res.Body as AsyncIterable<Uint8Array>) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
  }

  async delete(_tx: EntityManager, fileId: string): Promise<void> {
    await this.discard(fileId);
  }

  /** The object store needs no transaction: removing the object is all there is to it. */
  async discard(fileId: string): Promise<void> {
    // deleting a key that is not there succeeds in S3: a retried removal is harmless
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.key(fileId) }));
  }

  /** Closes the client's sockets. */
  close(): void {
    this.client.destroy();
  }
}
