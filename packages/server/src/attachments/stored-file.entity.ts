import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../core/base.entity';
import { Person } from '../directory/person.entity';
import { ApplicationClient } from '../access/application-client.entity';

export enum StoredFileStatus {
  /** An upload URL was handed out; no byte has arrived yet (a cut-off upload leaves it so). */
  PENDING = 'PENDING',
  /** Every byte arrived and was checked; waiting to be attached. */
  STORED = 'STORED',
  /** Held by an attachment or a knowledge image. */
  ATTACHED = 'ATTACHED',
  /** The same bytes were already attached where it was meant to go: its bytes were dropped, the row stays so that a retried attach finds the first one. */
  MERGED = 'MERGED',
}

/** Held by nothing: what the sweep deletes once it expires. */
export const UNATTACHED_STATUSES: readonly StoredFileStatus[] = [StoredFileStatus.PENDING, StoredFileStatus.STORED, StoredFileStatus.MERGED];

export enum UploadPurpose {
  TICKET_ATTACHMENT = 'TICKET_ATTACHMENT',
  KNOWLEDGE_IMAGE = 'KNOWLEDGE_IMAGE',
}
registerEnumType(UploadPurpose, {
  name: 'UploadPurpose',
  description: 'What an upload is for: it decides which types of bytes are accepted.',
  valuesConfig: {
    TICKET_ATTACHMENT: { description: 'A file for a ticket: images, PDF, XML (e.g. a rejected SEM flow file), text, CSV, zip, office documents.' },
    KNOWLEDGE_IMAGE: { description: 'An image for a knowledge item’s answers: PNG, JPEG, GIF or WebP.' },
  },
});

/**
 * One uploaded file: its checked facts (size, SHA-256, type sniffed from the bytes) and
 * where its bytes are (`store` + `id`: chunks in `stored_file_chunk` for the database
 * store). Attachments and knowledge images each own one.
 */
@Entity({ tableName: 'stored_file' })
@Index({ name: 'stored_file_status_expires_index', properties: ['status', 'expiresAt'] })
export class StoredFile extends BaseEntity<'size' | 'sha256' | 'contentType' | 'store' | 'status'> {
  @Enum({ items: () => UploadPurpose })
  purpose!: UploadPurpose;

  /** Sanitised name given when the upload was asked for. */
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => StoredFileStatus, default: StoredFileStatus.PENDING })
  status: StoredFileStatus = StoredFileStatus.PENDING;

  @Property({ type: 'string', length: 20, default: 'postgres' })
  store: string = 'postgres';

  @Property({ type: 'integer', default: 0 })
  size: number = 0;

  @Property({ type: 'string', length: 64, nullable: true })
  sha256: string | null = null;

  @Property({ type: 'string', length: 120, nullable: true })
  contentType: string | null = null;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'cascade' })
  ownerPerson: Ref<Person> | null = null;

  @ManyToOne(() => ApplicationClient, { ref: true, nullable: true, deleteRule: 'cascade' })
  ownerApplication: Ref<ApplicationClient> | null = null;

  /** Until when the upload URL works, and after which an unattached file is swept. */
  @Property({ type: 'datetime' })
  expiresAt!: Date;
}

/** The bytes of a file kept in the database, in chunks of at most FILE_CHUNK_BYTES. */
@Entity({ tableName: 'stored_file_chunk' })
export class StoredFileChunk {
  @ManyToOne(() => StoredFile, { primary: true, ref: true, deleteRule: 'cascade' })
  file!: Ref<StoredFile>;

  @PrimaryKey({ type: 'integer' })
  seq!: number;

  @Property({ type: 'blob' })
  data!: Buffer;
}
