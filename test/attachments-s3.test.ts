/**
 * The attachment path with the S3-compatible object store (ATTACHMENT_STORE=s3), against a
 * real S3 server the test starts itself: s3rver (pure Node, files in a temporary folder; no
 * Docker, no network). Upload (a multipart one for a 12 MB file), attach, download byte for
 * byte, and nothing left in the bucket by a refused, damaged, duplicate or removed file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error s3rver ships no type declarations
import S3rver from 's3rver';
import { afterAll, describe, expect, it } from 'vitest';
import { fileStore, PostgresFileStore, useFileStore } from '../packages/server/src/attachments/file-store';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { desk } from './service-desk.helpers';

const MB = 1024 * 1024;
const BUCKET = 'chorus-files';
const s3dir = mkdtempSync(join(tmpdir(), 'chorus-s3-'));
const s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3dir, configureBuckets: [{ name: BUCKET }] });
const { port: s3port } = (await s3.run()) as { port: number };
afterAll(async () => {
  await s3.close();
  rmSync(s3dir, { recursive: true, force: true });
});

const server = await startTestServer({
  env: {
    ATTACHMENT_STORE: 's3',
    S3_ENDPOINT: `http://127.0.0.1:${s3port}`,
    S3_BUCKET: BUCKET,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
    S3_KEY_PREFIX: 'chorus/',
    S3_PART_BYTES: String(5 * MB),
    ATTACHMENT_MAX_FILE_BYTES: String(20 * MB),
  },
});
const origin = new URL(server.url).origin;
const { open } = desk(server);
const cca = await server.tokenForRole('CCA', 'CSP-LYON');

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const png = (extra: number) => Buffer.concat([PNG, randomBytes(extra)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const raw = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];

/** The objects s3rver holds for this file id (it keeps each object as `<key>._S3rver_object`, beside its metadata). */
function objectsOf(fileId: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.includes(fileId) && p.endsWith('._S3rver_object')) found.push(p);
    }
  };
  walk(join(s3dir, BUCKET));
  return found;
}

async function createUpload(fileName: string) {
  const r = await server.gql(`mutation($input: CreateUploadInput!) { createUpload(input: $input) { upload { id url } userErrors { code message } } }`, { input: { fileName } }, { token: cca });
  expect(r.body.data.createUpload.userErrors).toEqual([]);
  return r.body.data.createUpload.upload as { id: string; url: string };
}
async function put(url: string, body: Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(new URL(url, origin), { method: 'PUT', body: body as BodyInit, headers });
  return { status: res.status, body: await res.json() };
}
async function attach(ticketId: string, uploadId: string) {
  const r = await server.gql(
    `mutation($input: AddTicketAttachmentInput!) { addTicketAttachment(input: $input) { attachment { id size sha256 download { url } } duplicate userErrors { code message } } }`,
    { input: { ticketId, uploadId } },
    { token: cca },
  );
  expect(r.body.errors).toBeUndefined();
  return r.body.data.addTicketAttachment;
}
const storedFile = async (id: string) => (await sql(server.databaseUrl, `select status, store, size, (select count(*)::int from stored_file_chunk c where c.file_id = f.id) as chunks from stored_file f where id = $1`, [id])).rows[0];

describe('attachments in an S3-compatible object store', () => {
  it('a 12 MB screenshot goes up in parts, is attached and comes back byte for byte; nothing of it is in the database', async () => {
    const ticket = (await open({ token: cca })).ticket as { id: string };
    const bytes = png(12 * MB);
    const upload = await createUpload('écran Chorus.png');
    const sent = await put(upload.url, bytes);
    expect(sent).toMatchObject({ status: 201, body: { size: bytes.length, sha256: sha(bytes), contentType: 'image/png' } });
    const fileId = raw(upload.id);
    expect(await storedFile(fileId)).toEqual({ status: 'STORED', store: 's3', size: bytes.length, chunks: 0 });
    expect(objectsOf(fileId)).toEqual([join(s3dir, BUCKET, 'chorus', `${fileId}._S3rver_object`)]);
    // it went up as a multipart upload (s3rver keeps its uploads' folder): parts, not one whole body
    expect(readdirSync(join(s3dir, BUCKET))).toContain('._S3rver_uploads');

    const added = await attach(ticket.id, upload.id);
    expect(added.userErrors).toEqual([]);
    const res = await fetch(new URL(added.attachment.download.url, origin));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(sha(Buffer.from(await res.arrayBuffer()))).toBe(sha(bytes));

    // the same bytes again on the ticket: one copy kept, the second object dropped
    const twice = await createUpload('copie.png');
    expect((await put(twice.url, bytes)).status).toBe(201);
    expect(objectsOf(raw(twice.id))).toHaveLength(1);
    const dup = await attach(ticket.id, twice.id);
    expect(dup).toMatchObject({ duplicate: true, attachment: { id: added.attachment.id } });
    expect(objectsOf(raw(twice.id))).toEqual([]);

    // removed: the object goes with it
    const removed = await server.gql(`mutation($input: RemoveTicketAttachmentInput!) { removeTicketAttachment(input: $input) { removedAttachmentId userErrors { code } } }`, { input: { id: added.attachment.id } }, { token: cca });
    expect(removed.body.data.removeTicketAttachment.userErrors).toEqual([]);
    expect(objectsOf(fileId)).toEqual([]);
  });

  it('refused or damaged bytes leave no object in the bucket and the upload pending', async () => {
    const elf = await createUpload('capture.png');
    const exe = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(6 * MB)]);
    expect(await put(elf.url, exe)).toMatchObject({ status: 415, body: { errors: [{ extensions: { reason: 'FILE_TYPE_NOT_ALLOWED' } }] } });

    // every byte arrives and is stored, then the SHA-256 announced does not match: the object is dropped
    const damaged = await createUpload('flux.png');
    const bytes = png(7 * MB);
    expect(await put(damaged.url, bytes, { 'x-content-sha256': sha(Buffer.from('autre chose')) })).toMatchObject({ status: 400, body: { errors: [{ extensions: { reason: 'TRUNCATED_UPLOAD' } }] } });

    for (const u of [elf, damaged]) {
      expect(objectsOf(raw(u.id))).toEqual([]);
      expect((await storedFile(raw(u.id))).status).toBe('PENDING');
    }
    // the damaged one is then sent whole, and kept
    expect((await put(damaged.url, bytes, { 'x-content-sha256': sha(bytes) })).status).toBe(201);
    expect(objectsOf(raw(damaged.id))).toHaveLength(1);

    // never attached: once swept (past its lifetime, at the next createUpload) its object goes too
    await sql(server.databaseUrl, `update stored_file set expires_at = now() - interval '1 minute' where id = $1`, [raw(damaged.id)]);
    await createUpload('suivant.png');
    expect(await storedFile(raw(damaged.id))).toBeUndefined();
    expect(objectsOf(raw(damaged.id))).toEqual([]);
  });

  it('files kept in PostgreSQL before the switch to S3 are still served and removed from PostgreSQL', async () => {
    const ticket = (await open({ token: cca })).ticket as { id: string };
    const s3store = fileStore();
    expect(s3store.kind).toBe('s3');
    // as a deployment did before setting ATTACHMENT_STORE=s3 (the server runs in this process)
    useFileStore(new PostgresFileStore());
    const before = await createUpload('avant.png');
    const bytes = png(300 * 1024);
    expect((await put(before.url, bytes)).status).toBe(201);
    useFileStore(s3store);
    const fileId = raw(before.id);
    expect(await storedFile(fileId)).toMatchObject({ store: 'postgres', chunks: 2 });
    const added = await attach(ticket.id, before.id);
    expect(added.userErrors).toEqual([]);
    const res = await fetch(new URL(added.attachment.download.url, origin));
    expect(res.status).toBe(200);
    expect(sha(Buffer.from(await res.arrayBuffer()))).toBe(sha(bytes));
    expect(objectsOf(fileId)).toEqual([]);
    const removed = await server.gql(`mutation($input: RemoveTicketAttachmentInput!) { removeTicketAttachment(input: $input) { userErrors { code } } }`, { input: { id: added.attachment.id } }, { token: cca });
    expect(removed.body.data.removeTicketAttachment.userErrors).toEqual([]);
    expect(Number((await sql(server.databaseUrl, `select count(*) n from stored_file_chunk where file_id = $1`, [fileId])).rows[0].n)).toBe(0);
  });
});
