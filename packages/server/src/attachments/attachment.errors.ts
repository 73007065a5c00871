import { errorCodes } from '../core/errors';
import type { Text } from '../core/i18n';

/** Every rule about uploaded files; the upload endpoint answers with the same codes (`extensions.reason`). */
export enum FileErrorCode {
  EMPTY_FILE = 'EMPTY_FILE',
  TRUNCATED_UPLOAD = 'TRUNCATED_UPLOAD',
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  TICKET_ATTACHMENTS_FULL = 'TICKET_ATTACHMENTS_FULL',
  FILE_TYPE_NOT_ALLOWED = 'FILE_TYPE_NOT_ALLOWED',
  INVALID_FILE_NAME = 'INVALID_FILE_NAME',
  UPLOAD_NOT_FOUND = 'UPLOAD_NOT_FOUND',
  UPLOAD_NOT_RECEIVED = 'UPLOAD_NOT_RECEIVED',
  UPLOAD_ALREADY_RECEIVED = 'UPLOAD_ALREADY_RECEIVED',
  UPLOAD_FOR_ANOTHER_USE = 'UPLOAD_FOR_ANOTHER_USE',
  ATTACHMENT_NOT_YOURS = 'ATTACHMENT_NOT_YOURS',
}

export const FILE_ERROR_CODES = errorCodes(FileErrorCode, {
  EMPTY_FILE: { kind: 'BAD_USER_INPUT', description: 'The upload carried no byte.' },
  TRUNCATED_UPLOAD: { kind: 'BAD_USER_INPUT', description: 'Fewer bytes arrived than announced (Content-Length), or their SHA-256 differs from the one announced: nothing was kept, upload again.' },
  FILE_TOO_LARGE: { kind: 'BAD_USER_INPUT', description: 'The file is larger than the per-file limit (ATTACHMENT_MAX_FILE_BYTES).' },
  TICKET_ATTACHMENTS_FULL: { kind: 'CONFLICT', description: 'The ticket would exceed its total size (ATTACHMENT_MAX_TICKET_BYTES) or number of files (ATTACHMENT_MAX_FILES_PER_TICKET).' },
  FILE_TYPE_NOT_ALLOWED: { kind: 'BAD_USER_INPUT', description: 'The bytes are not of an accepted type (images, PDF, XML, text, CSV, zip and office documents for tickets; images for knowledge items). The name is never trusted.' },
  INVALID_FILE_NAME: { kind: 'BAD_USER_INPUT', description: 'The file name is empty once sanitised.' },
  UPLOAD_NOT_FOUND: { kind: 'NOT_FOUND', description: 'No upload of yours has this id, or its URL expired.' },
  UPLOAD_NOT_RECEIVED: { kind: 'CONFLICT', description: 'The file’s bytes have not been sent to the upload URL yet (or the upload was cut off).' },
  UPLOAD_ALREADY_RECEIVED: { kind: 'CONFLICT', description: 'This upload URL has already received its file.' },
  UPLOAD_FOR_ANOTHER_USE: { kind: 'BAD_USER_INPUT', description: 'The upload was asked for another purpose (a ticket attachment vs a knowledge image).' },
  ATTACHMENT_NOT_YOURS: { kind: 'FORBIDDEN', description: 'Only whoever added the file, or a support agent, removes it.' },
});

declare module '../core/errors' {
  interface DomainErrorCodes {
    attachments: FileErrorCode;
  }
}

/**
 * Refusals of the upload endpoint about the request rather than the file: answered over
 * HTTP only (`extensions.code` and `reason`), never in `userErrors`, so they stay out of
 * the GraphQL enum of user-error codes.
 */
export enum UploadRefusal {
  /** Every upload place of this instance is taken (503, Retry-After). */
  UPLOADS_BUSY = 'UPLOADS_BUSY',
  /** The person or application already sends FILE_UPLOADS_PER_CALLER files (429, Retry-After). */
  TOO_MANY_UPLOADS = 'TOO_MANY_UPLOADS',
  /** No byte arrived for FILE_UPLOAD_IDLE_TIMEOUT_SECONDS (408). */
  UPLOAD_IDLE_TIMEOUT = 'UPLOAD_IDLE_TIMEOUT',
  /** The body had not arrived whole after FILE_UPLOAD_TIMEOUT_SECONDS (408). */
  UPLOAD_TOO_SLOW = 'UPLOAD_TOO_SLOW',
}

export class UploadRefused extends Error {
  constructor(
    readonly code: UploadRefusal,
    readonly text: Text,
  ) {
    super(text.render('en'));
    this.name = 'UploadRefused';
  }
}
