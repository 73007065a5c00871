/**
 * Uploaded files and ticket attachments, free of GraphQL and HTTP. Uploads are two steps:
 * `createUpload` hands out a short-lived URL on this server; `receiveUpload` takes the
 * bytes sent to it into a temporary file (checked on the way: size, type from the bytes,
 * SHA-256), then into the store in one short transaction, so a cut-off or refused upload
 * leaves nothing and a slow client holds no database connection. Attaching then
 * goes through the service desk (`changeAttachments`): its perimeter, row lock, counts,
 * history and version.
 */
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { ApplicationClient } from '../access/application-client.entity';
import type { Config } from '../core/config';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { toGlobalId } from '../core/ids';
import { Role } from '../core/roles';
import { sqlList } from '../core/sql';
import { Person } from '../directory/person.entity';
import { imageOfText, imageText } from '../knowledge/dialog';
import { KnowledgeStatus } from '../knowledge/knowledge.enums';
import { assertMayEditKnowledge, maySeeUnpublished, updateItem } from '../knowledge/knowledge.service';
import { KnowledgeItem } from '../knowledge/knowledge-item.entity';
import { KnowledgeErrorCode } from '../knowledge/knowledge.errors';
import { changeAttachments, findVisibleTickets } from '../service-desk/ticket.service';
import { maySeeInternalComments } from '../service-desk/ticket.transitions';
import { FileErrorCode } from './attachment.errors';
import { assertAllowedType, sanitizeFileName } from './file-check';
import { fileStore, storeFor } from './file-store';
import { KnowledgeImage } from './knowledge-image.entity';
import { signGrant, viewerClaim } from './signed-url';
import { StoredFile, StoredFileStatus, UNATTACHED_STATUSES, UploadPurpose } from './stored-file.entity';
import { TicketAttachment } from './ticket-attachment.entity';
import { spoolToFile, type SpooledFile } from './upload-spool';
import { FILE_MESSAGES as M } from './attachment.messages';
import type { Text } from '../core/i18n';

type FileSettings = Config['files'];

/** How long a received file waits to be attached before it is swept. */
const UNATTACHED_LIFETIME_MS = 24 * 3600 * 1000;

const ownerOf = (viewer: Viewer) => (viewer.kind === 'APPLICATION' ? { ownerApplication: viewer.id } : { ownerPerson: viewer.id });

export const fileUrl = (settings: FileSettings, path: string) => `${settings.publicUrl ?? ''}${path}`;

/* ---------- step 1: an upload URL ---------- */

export async function createUpload(em: EntityManager, viewer: Viewer, settings: FileSettings, input: { fileName: string; purpose: UploadPurpose }) {
  const name = sanitizeFileName(input.fileName);
  // sweep what was never sent or never attached (one statement, chunks cascade; objects in a store outside the database go after)
  const swept: { id: string; store: string; status: string }[] = await em.execute(`delete from stored_file where status in ${sqlList(UNATTACHED_STATUSES)} and expires_at < now() returning id, store, status`);
  for (const f of swept) if (f.status === StoredFileStatus.STORED && f.store !== 'postgres') await storeFor(f.store).discard?.(f.id);
  const file = em.create(StoredFile, {
    purpose: input.purpose,
    name,
    store: fileStore().kind,
    ...ownerOf(viewer),
    expiresAt: new Date(Date.now() + settings.uploadUrlTtlSeconds * 1000),
  });
  await em.flush();
  const { token, expiresAt } = await signGrant(settings.urlSecret, { use: 'upload', fileId: file.id, owner: viewerClaim(viewer) }, settings.uploadUrlTtlSeconds);
  return { file, url: fileUrl(settings, `/files/uploads/${token}`), expiresAt, maxBytes: settings.maxFileBytes };
}

/* ---------- step 2: the bytes ---------- */

/** A pending upload a PUT may send bytes to, and whose it is (`P:<id>` / `A:<id>`, as signed-url's viewerClaim). */
export interface PendingUpload {
  id: string;
  purpose: UploadPurpose;
  owner: string;
}

/**
 * The pending upload `fileId`, checked before any byte is read (one read, no lock, no
 * transaction): gone or expired is UPLOAD_NOT_FOUND, already received UPLOAD_ALREADY_RECEIVED.
 */
export async function pendingUpload(em: EntityManager, fileId: string): Promise<PendingUpload> {
  const file = await em.findOne(StoredFile, { id: fileId });
  if (!file || file.expiresAt < new Date()) throw notFound();
  if (file.status !== StoredFileStatus.PENDING) throw alreadyReceived();
  return { id: file.id, purpose: file.purpose, owner: file.ownerApplication ? `A:${file.ownerApplication.id}` : `P:${file.ownerPerson?.id}` };
}

export interface ReceiveOptions {
  /** The Content-Length announced, when there was one. */
  contentLength: number | null;
  /** An SHA-256 (hex) the client announced (`x-content-sha256`), checked when given. */
  sha256: string | null;
  /** Runs the commit (the transaction); the endpoint passes one that caps how many hold a connection at once. */
  commit?: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * Receives `body` for the pending upload in two steps. First into a temporary file, at
 * the client's pace, with no database connection held (upload-spool.ts: size, type from
 * the bytes and SHA-256 checked as they arrive; a stalled or trickling body cut off).
 * Then, once every byte is here and checked, in one short transaction that holds the
 * file's row lock (a second PUT on the same URL waits, then is refused): the bytes go from
 * the file to the store. Any failure — too large, wrong type, empty, fewer bytes than
 * announced, the client gone — leaves the file PENDING with no byte stored, and the
 * temporary file is removed whatever happened.
 */
export async function receiveUpload(em: EntityManager, settings: FileSettings, upload: PendingUpload, body: AsyncIterable<Buffer | Uint8Array>, opts: ReceiveOptions): Promise<StoredFile> {
  if (opts.contentLength != null && opts.contentLength > settings.maxFileBytes) throw tooLarge(settings);
  if (opts.contentLength === 0) throw empty();
  const spooled = await spoolToFile(
    body,
    upload.id,
    { maxBytes: settings.maxFileBytes, idleMs: settings.uploadIdleTimeoutMs, totalMs: settings.uploadTimeoutMs },
    { type: (head) => assertAllowedType(head, upload.purpose), tooLarge: () => tooLarge(settings) },
  );
  try {
    if (spooled.size === 0) throw empty();
    if (opts.contentLength != null && spooled.size !== opts.contentLength) throw truncated(M['TRUNCATED_UPLOAD.length']({ received: spooled.size, announced: opts.contentLength }));
    if (opts.sha256 && opts.sha256.toLowerCase() !== spooled.sha256) throw truncated(M['TRUNCATED_UPLOAD.sha256']());
    const commit = opts.commit ?? (<T>(work: () => Promise<T>) => work());
    return await commit(() => storeUpload(em, upload.id, spooled));
  } finally {
    await spooled.remove();
  }
}

/** The checked bytes into the store and the file STORED, in one transaction that reads only the local file. */
async function storeUpload(em: EntityManager, fileId: string, spooled: SpooledFile): Promise<StoredFile> {
  const store = fileStore();
  let written = false;
  try {
    return await em.transactional(async (tx) => {
      const file = await tx.findOne(StoredFile, { id: fileId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!file || file.expiresAt < new Date()) throw notFound();
      if (file.status !== StoredFileStatus.PENDING) throw alreadyReceived();
      if (file.store !== store.kind) throw new Error(`upload ${file.id} was asked for the ${file.store} store; this server writes to ${store.kind}`);
      written = true;
      await store.put(tx, file.id, spooled.read());
      file.size = spooled.size;
      file.sha256 = spooled.sha256;
      file.contentType = spooled.contentType;
      file.status = StoredFileStatus.STORED;
      file.expiresAt = new Date(Date.now() + UNATTACHED_LIFETIME_MS);
      await tx.flush();
      return file;
    });
  } catch (e) {
    // an object store keeps what it was sent whatever the transaction did: drop it
    if (written) await store.discard?.(fileId).catch(() => undefined);
    throw e;
  }
}

const notFound = () => new DomainError(FileErrorCode.UPLOAD_NOT_FOUND, M['UPLOAD_NOT_FOUND.expired']());
const alreadyReceived = () => new DomainError(FileErrorCode.UPLOAD_ALREADY_RECEIVED, M.UPLOAD_ALREADY_RECEIVED());
const tooLarge = (s: FileSettings) => new DomainError(FileErrorCode.FILE_TOO_LARGE, M['FILE_TOO_LARGE.max']({ max: s.maxFileBytes }), null, { max: s.maxFileBytes });
const empty = () => new DomainError(FileErrorCode.EMPTY_FILE, M.EMPTY_FILE());
const truncated = (why: Text) => new DomainError(FileErrorCode.TRUNCATED_UPLOAD, why);

/** A received upload of the viewer's, for attaching; an upload already used is returned too (retries). */
async function uploadOf(em: EntityManager, viewer: Viewer, uploadId: string, purpose: UploadPurpose): Promise<StoredFile> {
  const file = await em.findOne(StoredFile, { id: uploadId, ...ownerOf(viewer) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!file) throw new DomainError(FileErrorCode.UPLOAD_NOT_FOUND, M.UPLOAD_NOT_FOUND(), ['uploadId']);
  if (file.purpose !== purpose) throw new DomainError(FileErrorCode.UPLOAD_FOR_ANOTHER_USE, M['UPLOAD_FOR_ANOTHER_USE.purpose']({ purpose: file.purpose }), ['uploadId']);
  if (file.status === StoredFileStatus.PENDING) throw new DomainError(FileErrorCode.UPLOAD_NOT_RECEIVED, M.UPLOAD_NOT_RECEIVED(), ['uploadId']);
  return file;
}

/* ---------- ticket attachments ---------- */

export interface AddAttachmentResult {
  attachment: TicketAttachment;
  /** True when the same bytes were already on the ticket (or this upload was already attached): nothing new was stored. */
  duplicate: boolean;
}

/**
 * Attaches a received upload to a ticket, through the service desk. The same bytes
 * already on the ticket (SHA-256) are not stored twice: the existing attachment is
 * returned, and so it is for a retried call with the same upload.
 */
export async function addTicketAttachment(em: EntityManager, viewer: Viewer, settings: FileSettings, input: { ticketId: string; uploadId: string; internal: boolean }) {
  return changeAttachments<AddAttachmentResult>(em, viewer, input.ticketId, input.internal, async (tx, t) => {
    const file = await uploadOf(tx, viewer, input.uploadId, UploadPurpose.TICKET_ATTACHMENT);
    const same = await tx.findOne(TicketAttachment, { ticket: t.id, sha256: file.sha256! });
    if (same) {
      if (file.status === StoredFileStatus.STORED) {
        await storeFor(file.store).delete(tx, file.id);
        file.status = StoredFileStatus.MERGED;
      }
      return { result: { attachment: same, duplicate: true }, change: null };
    }
    if (file.status !== StoredFileStatus.STORED) throw new DomainError(FileErrorCode.UPLOAD_ALREADY_RECEIVED, M['UPLOAD_ALREADY_RECEIVED.attached'](), ['uploadId']);
    if (t.attachmentCount + 1 > settings.maxFilesPerTicket)
      throw new DomainError(FileErrorCode.TICKET_ATTACHMENTS_FULL, M['TICKET_ATTACHMENTS_FULL.count']({ max: settings.maxFilesPerTicket }), ['uploadId'], { max: settings.maxFilesPerTicket });
    if (t.attachmentBytes + file.size > settings.maxTicketBytes)
      throw new DomainError(FileErrorCode.TICKET_ATTACHMENTS_FULL, M['TICKET_ATTACHMENTS_FULL.bytes']({ max: settings.maxTicketBytes, current: t.attachmentBytes }), ['uploadId'], { max: settings.maxTicketBytes });
    file.status = StoredFileStatus.ATTACHED;
    const attachment = tx.create(TicketAttachment, {
      ticket: t.id,
      file,
      name: file.name,
      contentType: file.contentType!,
      size: file.size,
      sha256: file.sha256!,
      internal: input.internal,
      addedBy: viewer.kind === 'PERSON' ? tx.getReference(Person, viewer.id) : null,
      addedByApplication: viewer.kind === 'APPLICATION' ? tx.getReference(ApplicationClient, viewer.id) : null,
    });
    return { result: { attachment, duplicate: false }, change: { kind: 'ADDED', name: attachment.name, internal: attachment.internal, bytes: attachment.size } };
  });
}

const SUPPORT = [Role.SN1_AGENT, Role.SN2_AGENT, Role.TECHNICAL_AGENT];

/** Removes an attachment (whoever added it, or a support agent), through the service desk; its bytes go with it. */
export async function removeTicketAttachment(em: EntityManager, viewer: Viewer, attachmentId: string) {
  const [found] = await findVisibleAttachments(em, viewer, [attachmentId]);
  if (!found) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.attachment'](), ['id']);
  return changeAttachments(em, viewer, found.ticket.id, found.internal, async (tx) => {
    const a = await tx.findOne(TicketAttachment, { id: attachmentId });
    if (!a) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.attachment'](), ['id']);
    const mine = viewer.kind === 'APPLICATION' ? a.addedByApplication?.id === viewer.id : a.addedBy?.id === viewer.id;
    if (!mine && !SUPPORT.some((r) => viewer.roles.has(r))) throw new DomainError(FileErrorCode.ATTACHMENT_NOT_YOURS, M.ATTACHMENT_NOT_YOURS(), ['id']);
    const change = { kind: 'REMOVED' as const, name: a.name, internal: a.internal, bytes: a.size };
    const fileId = a.file.id;
    const { store } = await a.file.loadOrFail();
    tx.remove(a);
    await tx.flush();
    await storeFor(store).delete(tx, fileId);
    await tx.execute('delete from stored_file where id = ?', [fileId], 'run');
    return { result: attachmentId, change };
  });
}

/**
 * Attachments the viewer may see among `ids`: on a ticket the viewer sees (the service
 * desk's own visibility), internal ones only for those who read internal comments.
 */
export async function findVisibleAttachments(em: EntityManager, viewer: Viewer, ids: readonly string[]): Promise<TicketAttachment[]> {
  if (!ids.length) return [];
  const rows = await em.find(TicketAttachment, { id: { $in: [...ids] } });
  const visible = new Set((await findVisibleTickets(em, viewer, [...new Set(rows.map((a) => a.ticket.id))])).map((t) => t.id));
  const internalOk = maySeeInternalComments(viewer);
  return rows.filter((a) => visible.has(a.ticket.id) && (internalOk || !a.internal));
}

/** The attachments of tickets the caller already sees (one statement), oldest first. */
export async function attachmentsOf(em: EntityManager, viewer: Viewer, ticketIds: readonly string[]): Promise<Map<string, TicketAttachment[]>> {
  const out = new Map<string, TicketAttachment[]>(ticketIds.map((id) => [id, []]));
  if (!ticketIds.length) return out;
  const where: Record<string, unknown> = { ticket: { $in: [...ticketIds] } };
  if (!maySeeInternalComments(viewer)) where.internal = false;
  for (const a of await em.find(TicketAttachment, where, { orderBy: { createdAt: 'asc', id: 'asc' } })) out.get(a.ticket.id)?.push(a);
  return out;
}

/** A download URL for the viewer, valid FILE_DOWNLOAD_URL_TTL_SECONDS; the viewer's perimeter is checked again on download. */
export async function downloadUrl(settings: FileSettings, viewer: Viewer, kind: 't' | 'k', id: string, name: string) {
  const { token, expiresAt } = await signGrant(settings.urlSecret, { use: 'download', kind, id, viewer: viewerClaim(viewer) }, settings.downloadUrlTtlSeconds);
  return { url: fileUrl(settings, `/files/${token}/${encodeURIComponent(name)}`), expiresAt };
}

/* ---------- knowledge images ---------- */

/**
 * Knowledge images the viewer may see among `ids`: those of items the viewer may read (a
 * person; a published item, or any item for the knowledge back office), the same rule as
 * `node(id:)` on items. The download, `node(id:)` and the answers' IMAGE blocks all ask here.
 */
export async function findVisibleKnowledgeImages(em: EntityManager, viewer: Viewer, ids: readonly string[]): Promise<KnowledgeImage[]> {
  if (!ids.length || viewer.kind !== 'PERSON') return [];
  const rows = await em.find(KnowledgeImage, { id: { $in: [...ids] } }, { populate: ['item'] });
  const backOffice = maySeeUnpublished(viewer);
  return rows.filter((i) => backOffice || i.item.getEntity().status === KnowledgeStatus.PUBLISHED);
}

export interface KnowledgeImagePlacement {
  /** The dialog node whose texts get the image. */
  nodeId: string;
  /** Before texts[position] (0 = first); null: after every text. */
  position: number | null;
  /** The alternative text; default: the file name. */
  alt: string | null;
}

/**
 * Adds an image to a knowledge item (editors); the same bytes on one item are stored once.
 * With a placement, the image's text (`![alt](image:<id>)`) goes among the node's texts at
 * that position, through updateItem (its limits, version, history and phrases); a retry
 * that finds the image already in that node places it no second time.
 */
export async function addKnowledgeImage(em: EntityManager, viewer: Viewer, input: { itemId: string; uploadId: string; placement?: KnowledgeImagePlacement | null }): Promise<AddKnowledgeImageResult> {
  assertMayEditKnowledge(viewer);
  return em.transactional(async (tx) => {
    const item = await tx.findOne(KnowledgeItem, { id: input.itemId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!item) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.knowledgeItem'](), ['itemId']);
    assertMayEditKnowledge(viewer, item.kind);
    const file = await uploadOf(tx, viewer, input.uploadId, UploadPurpose.KNOWLEDGE_IMAGE);
    let image = await tx.findOne(KnowledgeImage, { item: item.id, sha256: file.sha256! });
    const duplicate = !!image;
    if (image) {
      if (file.status === StoredFileStatus.STORED) {
        await storeFor(file.store).delete(tx, file.id);
        file.status = StoredFileStatus.MERGED;
        await tx.flush();
      }
    } else {
      if (file.status !== StoredFileStatus.STORED) throw new DomainError(FileErrorCode.UPLOAD_ALREADY_RECEIVED, M['UPLOAD_ALREADY_RECEIVED.used'](), ['uploadId']);
      file.status = StoredFileStatus.ATTACHED;
      image = tx.create(KnowledgeImage, { item, file, name: file.name, contentType: file.contentType!, size: file.size, sha256: file.sha256! });
      await tx.flush();
    }
    const p = input.placement;
    if (p) {
      const node = item.dialog.nodes.find((n) => n.id === p.nodeId);
      if (!node) throw new DomainError(KnowledgeErrorCode.DIALOG_INVALID, M['DIALOG_INVALID.unknownNode']({ node: p.nodeId.slice(0, 40) }), ['nodeId']);
      const globalId = toGlobalId('KnowledgeImage', image.id);
      if (!node.texts.some((t) => imageOfText(t)?.imageId === globalId)) {
        const texts = [...node.texts];
        const at = p.position == null ? texts.length : Math.min(p.position, texts.length);
        texts.splice(at, 0, imageText(image.id, p.alt?.trim() || image.name));
        // the list keeps its place among the other texts (a list sitting right there stays before the image)
        const listPosition = node.listPosition != null && node.listPosition > at ? node.listPosition + 1 : node.listPosition;
        const dialog = { ...item.dialog, nodes: item.dialog.nodes.map((n) => (n.id === node.id ? { ...n, texts, listPosition } : n)) };
        await updateItem(tx, viewer, item.id, { dialog }, `Image ${image.name} added`);
      }
    }
    return { image, duplicate, item };
  });
}

export interface AddKnowledgeImageResult {
  image: KnowledgeImage;
  duplicate: boolean;
  item: KnowledgeItem;
}
