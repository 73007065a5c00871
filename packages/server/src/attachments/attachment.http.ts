/**
 * The two file endpoints, beside /graphql on the same server:
 *   PUT /files/uploads/<token>     the bytes of an upload asked for with `createUpload` (streamed;
 *                                  places per instance and per caller, idle and overall timeouts)
 *   GET /files/<token>/<name>      an attachment or knowledge image, from a `downloadUrl`
 * Tokens are short-lived signed grants (signed-url.ts). A download re-checks the viewer's
 * perimeter through the same rule as GraphQL (findVisibleAttachments, findVisibleKnowledgeImages): anything not
 * visible, expired or forged is a plain 404.
 */
import { once } from 'node:events';
import express, { type Request, type Response } from 'express';
import { Admission } from '../core/admission';
import type { Config } from '../core/config';
import type { Viewer } from '../core/context';
import type { MikroORM } from '../core/database';
import { DomainError } from '../core/errors';
import { toGlobalId } from '../core/ids';
import { applicationViewer, personViewer } from '../access/authenticate';
import { FileErrorCode, UploadRefusal, UploadRefused } from './attachment.errors';
import { findVisibleAttachments, findVisibleKnowledgeImages, pendingUpload, receiveUpload } from './attachment.service';
import { isInlineImage } from './file-check';
import { storeFor } from './file-store';
import { StoredFile } from './stored-file.entity';
import { verifyGrant } from './signed-url';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FILE_MESSAGES as M } from './attachment.messages';
import { API_MESSAGES } from '../core/core.messages';

const STATUS: Record<string, number> = {
  [FileErrorCode.FILE_TOO_LARGE]: 413,
  [FileErrorCode.FILE_TYPE_NOT_ALLOWED]: 415,
  [FileErrorCode.UPLOAD_NOT_FOUND]: 404,
  [FileErrorCode.UPLOAD_ALREADY_RECEIVED]: 409,
  [FileErrorCode.EMPTY_FILE]: 400,
  [FileErrorCode.TRUNCATED_UPLOAD]: 400,
};

/** Refusals about the request (busy, too many, too slow): their code is their own, with Retry-After when waiting helps. */
const REFUSAL_STATUS: Record<UploadRefusal, number> = {
  [UploadRefusal.UPLOADS_BUSY]: 503,
  [UploadRefusal.TOO_MANY_UPLOADS]: 429,
  [UploadRefusal.UPLOAD_IDLE_TIMEOUT]: 408,
  [UploadRefusal.UPLOAD_TOO_SLOW]: 408,
};
const RETRY_AFTER_SECONDS = 5;

function fail(req: Request, res: Response, status: number, reason: string, message: string) {
  if (res.headersSent) return void res.destroy();
  const code = status === 404 ? 'NOT_FOUND' : status === 500 ? 'INTERNAL_SERVER_ERROR' : reason in REFUSAL_STATUS ? reason : 'BAD_REQUEST';
  res.status(status).json({ errors: [{ message, extensions: { code, reason, requestId: String(req.id) } }] });
}

function refuse(req: Request, res: Response, e: UploadRefused) {
  const status = REFUSAL_STATUS[e.code];
  if (status === 503 || status === 429) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  // the body is not read: close the connection after answering
  res.setHeader('Connection', 'close');
  req.log.info({ reason: e.code }, 'upload refused');
  fail(req, res, status, e.code, e.text.render());
}

/** The viewer a download grant was made for, as they are now (deactivated or suspended: none). */
async function viewerOf(em: EntityManager, claim: string, production: boolean): Promise<Viewer | null> {
  const [kind, id] = claim.split(':');
  try {
    // the access module's own viewers: the same roles and perimeters as on the API
    return kind === 'P' ? await personViewer(em, id, { production }) : await applicationViewer(em, id);
  } catch {
    return null;
  }
}

export function fileRoutes(orm: MikroORM, config: Config): express.Router {
  const settings = config.files;
  const router = express.Router();
  // Places to receive uploads: for the instance (sockets, temporary files) and for each
  // person or application, so that one caller cannot take them all; a refusal waits in no line.
  const places = new Admission(settings.uploadConcurrency, 0);
  const perCaller = new Admission(settings.uploadsPerCaller, 0);
  // Received uploads are committed a few at a time: each commit holds a pooled connection
  // (for as long as the store takes, never waiting on a client); the others wait here, holding none.
  const commits = new Admission(Math.max(1, Math.min(4, Math.floor(config.db.poolSize / 4))), Number.MAX_SAFE_INTEGER);
  const commit = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = (await commits.enter('commit'))!;
    try {
      return await work();
    } finally {
      release();
    }
  };

  router.put('/uploads/:token', async (req, res) => {
    const grant = await verifyGrant(settings.urlSecret, req.params.token);
    if (!grant || grant.use !== 'upload') return fail(req, res, 404, FileErrorCode.UPLOAD_NOT_FOUND, M['UPLOAD_NOT_FOUND.expired']().render());
    let mine: (() => void) | null = null;
    let place: (() => void) | null = null;
    let clientGone = false;
    req.once('close', () => (clientGone = !req.complete));
    try {
      // the caller's share first (a caller past it is told so, whatever the instance's load), then the instance's
      const owner = grant.owner ?? (await pendingUpload(orm.em.fork(), grant.fileId)).owner;
      mine = await perCaller.enter(owner);
      if (!mine) throw new UploadRefused(UploadRefusal.TOO_MANY_UPLOADS, M.TOO_MANY_UPLOADS({ count: settings.uploadsPerCaller }));
      place = await places.enter('instance');
      if (!place) throw new UploadRefused(UploadRefusal.UPLOADS_BUSY, M.UPLOADS_BUSY({ seconds: RETRY_AFTER_SECONDS }));
      const upload = await pendingUpload(orm.em.fork(), grant.fileId);
      const length = req.headers['content-length'];
      const sha = req.headers['x-content-sha256'];
      // refusing midway must not destroy the request (that would drop the socket before the answer)
      const file = await receiveUpload(orm.em.fork(), settings, upload, req.iterator({ destroyOnReturn: false }), {
        contentLength: length != null && /^\d+$/.test(length) ? Number(length) : null,
        sha256: typeof sha === 'string' && /^[0-9a-fA-F]{64}$/.test(sha) ? sha : null,
        commit,
      });
      res.status(201).json({ uploadId: toGlobalId('Upload', file.id), size: file.size, sha256: file.sha256, contentType: file.contentType });
    } catch (e) {
      if (clientGone) {
        req.log.info({ fileId: grant.fileId }, 'upload cut off by the client; nothing kept');
        return void res.destroy();
      }
      if (e instanceof UploadRefused) return refuse(req, res, e);
      // the rest of the body is not read: close the connection after answering
      if (!req.readableEnded) res.setHeader('Connection', 'close');
      if (e instanceof DomainError) return fail(req, res, STATUS[e.code] ?? 400, e.code, e.text.render());
      req.log.error({ err: e }, 'upload failed');
      fail(req, res, 500, 'INTERNAL_SERVER_ERROR', API_MESSAGES.INTERNAL_SERVER_ERROR().render());
    } finally {
      place?.();
      mine?.();
    }
  });

  router.get('/:token{/:name}', async (req, res) => {
    const notFound = () => fail(req, res, 404, 'NOT_FOUND', M['NOT_FOUND.file']().render());
    const grant = await verifyGrant(settings.urlSecret, req.params.token);
    if (!grant || grant.use !== 'download') return notFound();
    const em = orm.em.fork();
    const viewer = await viewerOf(em, grant.viewer, config.env === 'production');
    if (!viewer) return notFound();
    let file: { fileId: string; name: string; contentType: string; size: number } | null = null;
    if (grant.kind === 't') {
      const [a] = await findVisibleAttachments(em, viewer, [grant.id]);
      if (a) file = { fileId: a.file.id, name: a.name, contentType: a.contentType, size: a.size };
    } else {
      const [image] = await findVisibleKnowledgeImages(em, viewer, [grant.id]);
      if (image) file = { fileId: image.file.id, name: image.name, contentType: image.contentType, size: image.size };
    }
    if (!file) return notFound();
    // the store the file was written to (files kept in the database stay readable after a move to S3)
    const { store } = await em.findOneOrFail(StoredFile, { id: file.fileId }, { fields: ['store'] });
    res.attachment(file.name); // sets a Content-Type from the name: replaced by the sniffed one just below
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', String(file.size));
    if (isInlineImage(file.contentType)) res.setHeader('Content-Disposition', String(res.getHeader('Content-Disposition')).replace(/^attachment/, 'inline'));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    let sent = 0;
    try {
      // one chunk at a time: the next is read from the store once the client took this one
      for await (const chunk of storeFor(store).get(em, file.fileId)) {
        if (res.destroyed) return;
        sent += chunk.length;
        if (!res.write(chunk)) await once(res, 'drain');
      }
      if (sent !== file.size) throw new Error(`file ${file.fileId}: ${sent} of ${file.size} bytes in the store`);
      res.end();
    } catch (e) {
      if (!res.writableEnded && !req.destroyed) req.log.error({ err: e }, 'download failed');
      res.destroy();
    }
  });

  return router;
}
