/**
 * What an uploaded file is, decided from its bytes: file-type reads the magic numbers of
 * binary formats; text formats (which have none) are recognised as valid UTF-8 without
 * NUL bytes. The name the client gives is only sanitised for display, never trusted.
 */
import { DomainError } from '../core/errors';
import { FileErrorCode } from './attachment.errors';
import { UploadPurpose } from './stored-file.entity';
import { FILE_MESSAGES as M } from './attachment.messages';

/** Bytes file-type needs to recognise every format it knows. */
export const SNIFF_BYTES = 4100;

const IMAGES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const TICKET_TYPES = new Set([
  ...IMAGES,
  'application/pdf',
  'application/xml',
  'text/xml',
  'text/plain',
  'application/zip',
  'application/gzip',
  'application/x-7z-compressed',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/msword',
  'application/vnd.ms-excel',
  'application/x-cfb',
]);
const ALLOWED: Record<UploadPurpose, Set<string>> = {
  [UploadPurpose.TICKET_ATTACHMENT]: TICKET_TYPES,
  [UploadPurpose.KNOWLEDGE_IMAGE]: new Set(IMAGES),
};

type Sniffer = (head: Uint8Array) => Promise<{ mime: string } | undefined>;
let sniffer: Promise<Sniffer> | null = null;
// file-type is ESM only; this CommonJS build loads it with import()
const fileTypeFromBuffer = (head: Uint8Array) => (sniffer ??= import('file-type').then((m) => m.fileTypeFromBuffer as Sniffer)).then((f) => f(head));

/** The media type of a file from its first bytes (at most SNIFF_BYTES); null when unrecognised. */
export async function sniffContentType(head: Buffer): Promise<string | null> {
  const found = await fileTypeFromBuffer(head);
  if (found) return found.mime;
  if (!looksLikeText(head)) return null;
  const start = head.toString('utf8', 0, Math.min(head.length, 200)).replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('<') ? 'application/xml' : 'text/plain';
}

/** UTF-8 without NUL bytes; the head may end in the middle of a character. */
function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export async function assertAllowedType(head: Buffer, purpose: UploadPurpose): Promise<string> {
  const type = await sniffContentType(head);
  if (!type || !ALLOWED[purpose].has(type)) {
    throw new DomainError(FileErrorCode.FILE_TYPE_NOT_ALLOWED, M['FILE_TYPE_NOT_ALLOWED.type']({ type: type ?? 'none', purpose }));
  }
  return type;
}

/** Whether a browser may show the file inline (images only; everything else downloads). */
export const isInlineImage = (contentType: string) => IMAGES.includes(contentType);

const MAX_NAME = 200;

/**
 * A file name safe to store, show and send back in Content-Disposition: the last path
 * segment only, Unicode NFC, no control character nor any of <>:"/\|?*, no leading dot,
 * at most 200 characters (the extension kept).
 */
export function sanitizeFileName(raw: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  let name = last
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME - ext.length) + ext;
  }
  if (!name) throw new DomainError(FileErrorCode.INVALID_FILE_NAME, M.INVALID_FILE_NAME(), ['fileName']);
  return name;
}
