/**
 * Files on tickets, over real HTTP: the two-step upload (createUpload → PUT → attach),
 * signed downloads under the ticket's perimeter, public vs internal, limits, bytes checked
 * (type sniffed, empty, cut off, damaged), one copy per ticket, history and counts. The 20 MB
 * file is in attachments-memory.test.ts (a server of its own, in a child process).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signGrant, viewerClaim } from '../packages/server/src/attachments/signed-url';
import { SPOOL_PREFIX } from '../packages/server/src/attachments/upload-spool';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { desk } from './service-desk.helpers';

const MB = 1024 * 1024;
const server = await startTestServer({ env: { ATTACHMENT_MAX_FILE_BYTES: String(21 * MB), ATTACHMENT_MAX_TICKET_BYTES: String(22 * MB), ATTACHMENT_MAX_FILES_PER_TICKET: '6' } });
const origin = new URL(server.url).origin;
const { open } = desk(server);
const ccaLyon = await server.tokenForRole('CCA', 'CSP-LYON');
const ccaBordeaux = await server.tokenForRole('CCA', 'CSP-BORDEAUX');
const sn1 = await server.tokenForRole('SN1_AGENT');

/** A real 1×1 PNG; `png(extra)` appends bytes after it (still sniffed as a PNG). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const png = (extra = 0) => Buffer.concat([PNG, randomBytes(extra)]);
const SEM_FLOW = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<FluxSEM><EJ numero="1508892764"/><Rejet code="E042">Centre financier inconnu</Rejet></FluxSEM>\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const raw = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];
/** The temporary files an upload's bytes wait in while they arrive (the server runs in this process). */
const spooled = (fileId: string) => readdirSync(tmpdir()).filter((n) => n.startsWith(`${SPOOL_PREFIX}${fileId}-`)).map((n) => join(tmpdir(), n));

const ATTACHMENT = `id name contentType size sha256 internal addedBy { email } download { url expiresAt }`;
const ADD = `mutation($input: AddTicketAttachmentInput!) { addTicketAttachment(input: $input) {
  attachment { ${ATTACHMENT} } duplicate ticket { id version attachmentCount eventCount } event { seq kind field newValue } userErrors { field code message } } }`;
const TICKET = `query($id: ID!) { node(id: $id) { ... on Ticket { id version attachmentCount eventCount attachments { ${ATTACHMENT} } history { kind field oldValue newValue } } } }`;

async function createUpload(token: string, fileName: string, purpose = 'TICKET_ATTACHMENT') {
  const r = await server.gql(`mutation($input: CreateUploadInput!) { createUpload(input: $input) { upload { id url expiresAt maxBytes fileName purpose } userErrors { field code message } } }`, { input: { fileName, purpose } }, { token });
  expect(r.body.errors).toBeUndefined();
  return r.body.data.createUpload;
}

async function put(url: string, body: Buffer | null, headers: Record<string, string> = {}) {
  const res = await fetch(new URL(url, origin), { method: 'PUT', body: body as BodyInit | null, headers });
  return { status: res.status, body: await res.json() };
}

async function upload(token: string, fileName: string, bytes: Buffer) {
  const { upload } = await createUpload(token, fileName);
  const r = await put(upload.url, bytes);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return upload.id as string;
}

async function attach(token: string, ticketId: string, uploadId: string, internal = false) {
  const r = await server.gql(ADD, { input: { ticketId, uploadId, internal } }, { token });
  expect(r.body.errors).toBeUndefined();
  return r.body.data.addTicketAttachment;
}

async function ticketAs(token: string, id: string) {
  const r = await server.gql(TICKET, { id }, { token });
  expect(r.body.errors).toBeUndefined();
  return r.body.data.node;
}

const newTicket = async (token = ccaLyon) => (await open({ token })).ticket as { id: string; version: number; reference: string };
const count = async (q: string, params: unknown[] = []) => (await sql(server.databaseUrl, q, params)).rows[0].n as number;

describe('uploading and attaching', () => {
  it('a CCA attaches a screenshot and a flow file: types from the bytes, history, counts and version, downloads byte for byte', async () => {
    const t = await newTicket();
    const screenshot = png(5000);
    // the name says text, the bytes say PNG: the bytes win
    const first = await attach(ccaLyon, t.id, await upload(ccaLyon, 'capture écran Chorus.txt', screenshot));
    expect(first.userErrors).toEqual([]);
    expect(first.attachment).toMatchObject({ name: 'capture écran Chorus.txt', contentType: 'image/png', size: screenshot.length, sha256: sha(screenshot), internal: false });
    expect(first.duplicate).toBe(false);
    expect(first.event).toMatchObject({ kind: 'ATTACHMENT_ADDED', field: 'attachment', newValue: 'capture écran Chorus.txt' });
    expect(first.ticket.version).toBe(t.version + 1);
    const flow = await attach(ccaLyon, t.id, await upload(ccaLyon, 'flux-SEM-rejeté.xml', SEM_FLOW));
    expect(flow.attachment.contentType).toBe('application/xml');
    expect(flow.ticket).toMatchObject({ attachmentCount: 2, version: t.version + 2 });

    const seen = await ticketAs(ccaLyon, t.id);
    expect(seen.attachments.map((a: any) => a.name)).toEqual(['capture écran Chorus.txt', 'flux-SEM-rejeté.xml']);
    expect(seen.history.filter((e: any) => e.kind === 'ATTACHMENT_ADDED').map((e: any) => e.newValue)).toEqual(['capture écran Chorus.txt', 'flux-SEM-rejeté.xml']);

    const image = await fetch(new URL(seen.attachments[0].download.url, origin));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await image.arrayBuffer()).equals(screenshot)).toBe(true);
    const xml = await fetch(new URL(seen.attachments[1].download.url, origin));
    expect(xml.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await xml.arrayBuffer()).equals(SEM_FLOW)).toBe(true);
  });

  it('the same bytes twice on one ticket are stored once; on another ticket they are its own file', async () => {
    const t = await newTicket();
    const bytes = png(3000);
    const a = await attach(ccaLyon, t.id, await upload(ccaLyon, 'a.png', bytes));
    const b = await attach(ccaLyon, t.id, await upload(ccaLyon, 'b.png', bytes));
    expect(b).toMatchObject({ duplicate: true, event: null, userErrors: [] });
    expect(b.attachment.id).toBe(a.attachment.id);
    expect(b.ticket).toMatchObject({ attachmentCount: 1, version: a.ticket.version });
    // a retried attach of the same upload gives the same answer
    const uploadId = await upload(ccaLyon, 'c.png', png(10));
    const once = await attach(ccaLyon, t.id, uploadId);
    const again = await attach(ccaLyon, t.id, uploadId);
    expect(again).toMatchObject({ duplicate: true, event: null });
    expect(again.attachment.id).toBe(once.attachment.id);
    expect(await count(`select count(*)::int n from ticket_attachment where ticket_id = $1`, [raw(t.id)])).toBe(2);
    // the dropped copy's bytes are gone; the kept ones remain
    expect(await count(`select count(distinct c.file_id)::int n from stored_file_chunk c join stored_file f on f.id = c.file_id where f.sha256 = $1`, [sha(bytes)])).toBe(1);
    const other = await newTicket();
    expect((await attach(ccaLyon, other.id, await upload(ccaLyon, 'a.png', bytes))).duplicate).toBe(false);
  });

  it('removing an attachment is a history event, lowers the counts and drops the bytes', async () => {
    const t = await newTicket();
    const added = await attach(ccaLyon, t.id, await upload(ccaLyon, 'erreur.png', png(100)));
    const fileId = (await sql(server.databaseUrl, `select file_id from ticket_attachment where id = $1`, [raw(added.attachment.id)])).rows[0].file_id;
    // a support agent removes it (whoever added it may too)
    const REMOVE = `mutation($id: ID!) { removeTicketAttachment(input: { id: $id }) { removedAttachmentId ticket { attachmentCount version } event { kind field oldValue } userErrors { code } } }`;
    const bySn1 = await server.gql(REMOVE, { id: added.attachment.id }, { token: sn1 });
    expect(bySn1.body.data.removeTicketAttachment).toMatchObject({ removedAttachmentId: added.attachment.id, ticket: { attachmentCount: 0, version: added.ticket.version + 1 }, event: { kind: 'ATTACHMENT_REMOVED', field: 'attachment', oldValue: 'erreur.png' }, userErrors: [] });
    expect(await count(`select count(*)::int n from stored_file_chunk where file_id = $1`, [fileId])).toBe(0);
    expect(await count(`select count(*)::int n from stored_file where id = $1`, [fileId])).toBe(0);
    const link = await fetch(new URL(added.attachment.download.url, origin));
    expect(link.status).toBe(404);
  });
});

describe('perimeter', () => {
  it('a CCA of another structure gets not-found everywhere; internal files are for the support levels', async () => {
    const t = await newTicket();
    const pub = await attach(ccaLyon, t.id, await upload(ccaLyon, 'public.png', png(50)));
    const internal = await attach(sn1, t.id, await upload(sn1, 'procédure interne.pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1')), true);
    expect(internal.userErrors).toEqual([]);
    expect(internal.attachment).toMatchObject({ contentType: 'application/pdf', internal: true });
    // the history, read by the CCA too, does not carry an internal file's name
    expect(internal.event).toMatchObject({ kind: 'ATTACHMENT_ADDED', field: 'internalAttachment', newValue: null });

    const asCca = await ticketAs(ccaLyon, t.id);
    expect(asCca.attachments.map((a: any) => a.name)).toEqual(['public.png']);
    expect(asCca.attachmentCount).toBe(1);
    expect((await ticketAs(sn1, t.id)).attachmentCount).toBe(2);
    const node = `query($id: ID!) { node(id: $id) { id } }`;
    expect((await server.gql(node, { id: internal.attachment.id }, { token: ccaLyon })).body.data.node).toBeNull();
    expect((await server.gql(node, { id: internal.attachment.id }, { token: sn1 })).body.data.node).toEqual({ id: internal.attachment.id });
    expect((await fetch(new URL(internal.attachment.download.url, origin))).status).toBe(200);

    // a CCA of Bordeaux: neither the ticket nor its files exist for them
    expect(await ticketAs(ccaBordeaux, t.id)).toBeNull();
    expect((await server.gql(node, { id: pub.attachment.id }, { token: ccaBordeaux })).body.data.node).toBeNull();
    const theirs = await attach(ccaBordeaux, t.id, await upload(ccaBordeaux, 'x.png', png(1)));
    expect(theirs.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    // a download grant signed for them (as if they had a URL) is checked against their perimeter: 404
    const cfg = server.config.files;
    const bordeauxId = (await sql(server.databaseUrl, `select p.id from person p join correspondent_assignment a on a.person_id = p.id join structure s on s.id = a.structure_id where s.code = 'CSP-BORDEAUX' and a.kind = 'CCA' and a.until is null limit 1`)).rows[0].id;
    const forBordeaux = await signGrant(cfg.urlSecret, { use: 'download', kind: 't', id: raw(pub.attachment.id), viewer: viewerClaim({ kind: 'PERSON', id: bordeauxId } as never) }, 60);
    expect((await fetch(`${origin}/files/${forBordeaux.token}/public.png`)).status).toBe(404);
    // and a CCA of Lyon never reads the internal file, even with a well-signed grant
    const lyonId = (await sql(server.databaseUrl, `select p.id from person p join correspondent_assignment a on a.person_id = p.id join structure s on s.id = a.structure_id where s.code = 'CSP-LYON' and a.kind = 'CCA' and a.until is null order by p.created_at, p.email limit 1`)).rows[0].id;
    const forLyon = await signGrant(cfg.urlSecret, { use: 'download', kind: 't', id: raw(internal.attachment.id), viewer: viewerClaim({ kind: 'PERSON', id: lyonId } as never) }, 60);
    expect((await fetch(`${origin}/files/${forLyon.token}/x`)).status).toBe(404);
    // expired, forged or tampered links: 404
    const expired = await signGrant(cfg.urlSecret, { use: 'download', kind: 't', id: raw(pub.attachment.id), viewer: viewerClaim({ kind: 'PERSON', id: lyonId } as never) }, -5);
    expect((await fetch(`${origin}/files/${expired.token}/public.png`)).status).toBe(404);
    const forged = await signGrant('another-secret-another-secret-another-secret', { use: 'download', kind: 't', id: raw(pub.attachment.id), viewer: viewerClaim({ kind: 'PERSON', id: lyonId } as never) }, 60);
    expect((await fetch(`${origin}/files/${forged.token}/public.png`)).status).toBe(404);
    // an upload URL is no download URL, and the reverse
    const { upload: u } = await createUpload(ccaLyon, 'y.png');
    expect((await fetch(new URL(u.url.replace('/uploads/', '/'), origin))).status).toBe(404);
    expect((await put(pub.attachment.download.url.replace('/files/', '/files/uploads/').replace(/\/[^/]*$/, ''), png(1))).status).toBe(404);
  });

  it('only support agents add internal files; an upload is attached by whoever asked for it only', async () => {
    const t = await newTicket();
    const refused = await attach(ccaLyon, t.id, await upload(ccaLyon, 'x.png', png(2)), true);
    // its own code and message: it is a file that is refused, not a comment
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'INTERNAL_ATTACHMENT_NOT_ALLOWED' })]);
    expect(refused.userErrors[0].message).toMatch(/fichiers internes/);
    const lyonUpload = await upload(ccaLyon, 'mine.png', png(3));
    const bordeauxTicket = await newTicket(ccaBordeaux);
    const stolen = await attach(ccaBordeaux, bordeauxTicket.id, lyonUpload);
    expect(stolen.userErrors).toEqual([expect.objectContaining({ code: 'UPLOAD_NOT_FOUND' })]);
    const early = await createUpload(ccaLyon, 'pas-encore.png');
    expect((await attach(ccaLyon, t.id, early.upload.id)).userErrors).toEqual([expect.objectContaining({ code: 'UPLOAD_NOT_RECEIVED' })]);
  });
});

describe('bad files', () => {
  it('empty, unrecognised or executable bytes, a damaged copy and a second PUT are refused with their reason, keeping nothing', async () => {
    const empty = await createUpload(ccaLyon, 'vide.png');
    expect(await put(empty.upload.url, Buffer.alloc(0))).toMatchObject({ status: 400, body: { errors: [{ extensions: { reason: 'EMPTY_FILE' } }] } });
    const elf = await createUpload(ccaLyon, 'capture.png');
    const exe = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(5000)]);
    expect(await put(elf.upload.url, exe)).toMatchObject({ status: 415, body: { errors: [{ extensions: { reason: 'FILE_TYPE_NOT_ALLOWED' } }] } });
    const binary = await createUpload(ccaLyon, 'data.bin');
    expect((await put(binary.upload.url, randomBytes(10_000))).status).toBe(415);
    // a knowledge image must be an image, whatever its name
    const notImage = await createUpload(sn1, 'écran.png', 'KNOWLEDGE_IMAGE');
    expect((await put(notImage.upload.url, SEM_FLOW)).body.errors[0].extensions.reason).toBe('FILE_TYPE_NOT_ALLOWED');
    const damaged = await createUpload(ccaLyon, 'flux.xml');
    expect(await put(damaged.upload.url, SEM_FLOW, { 'x-content-sha256': sha(Buffer.from('something else')) })).toMatchObject({ status: 400, body: { errors: [{ extensions: { reason: 'TRUNCATED_UPLOAD' } }] } });
    for (const u of [empty, elf, binary, notImage, damaged]) {
      expect(await count(`select count(*)::int n from stored_file_chunk where file_id = $1`, [raw(u.upload.id)])).toBe(0);
      expect((await sql(server.databaseUrl, `select status from stored_file where id = $1`, [raw(u.upload.id)])).rows[0].status).toBe('PENDING');
    }
    // the damaged one may be sent again, whole; then never a second time
    expect((await put(damaged.upload.url, SEM_FLOW, { 'x-content-sha256': sha(SEM_FLOW) })).status).toBe(201);
    expect(await put(damaged.upload.url, SEM_FLOW)).toMatchObject({ status: 409, body: { errors: [{ extensions: { reason: 'UPLOAD_ALREADY_RECEIVED' } }] } });
  });

  it('names are sanitised: no path, no control or reserved character', async () => {
    const { upload } = await createUpload(ccaLyon, '..\\..\\C:/Windows/../secret\u200b<script>"x"|?.png');
    expect(upload.fileName).toBe('secret_script__x___.png');
    const blank = await server.gql(`mutation { createUpload(input: { fileName: "../../" }) { upload { id } userErrors { code } } }`, {}, { token: ccaLyon });
    expect(blank.body.data.createUpload.userErrors).toEqual([{ code: 'INVALID_FILE_NAME' }]);
  });

  it('an upload cut off in the middle leaves nothing, and the same URL then takes the whole file', async () => {
    const { upload } = await createUpload(ccaLyon, 'gros-flux.png');
    const whole = png(MB);
    const fileId = raw(upload.id);
    const path = new URL(upload.url, origin).pathname;
    const socket = connect(server.port, '127.0.0.1');
    await new Promise<void>((ok) => socket.once('connect', () => ok()));
    socket.write(`PUT ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\nContent-Length: ${whole.length}\r\n\r\n`);
    socket.write(whole.subarray(0, 700 * 1024));
    // the bytes wait in a temporary file while they arrive: no transaction, the file's row free, no chunk stored
    await expect.poll(() => spooled(fileId).reduce((n, f) => n + statSync(f).size, 0)).toBe(700 * 1024);
    expect((await sql(server.databaseUrl, `select status from stored_file where id = $1 for update nowait`, [fileId])).rows[0].status).toBe('PENDING');
    expect(await count(`select count(*)::int n from stored_file_chunk where file_id = $1`, [fileId])).toBe(0);
    socket.destroy();
    // cut off: the temporary file is removed; still PENDING, with no byte
    await expect.poll(() => spooled(fileId)).toEqual([]);
    expect((await sql(server.databaseUrl, `select status from stored_file where id = $1`, [fileId])).rows[0].status).toBe('PENDING');
    expect(await count(`select count(*)::int n from stored_file_chunk where file_id = $1`, [fileId])).toBe(0);
    const again = await put(upload.url, whole);
    expect(again).toMatchObject({ status: 201, body: { size: whole.length, sha256: sha(whole), contentType: 'image/png' } });
    expect(await count(`select count(*)::int n from stored_file_chunk where file_id = $1`, [fileId])).toBe(5);
  });
});

describe('limits', () => {
  it('per file: refused from the Content-Length, or as soon as a chunked upload passes it; per ticket: size and number of files', async () => {
    const big = await createUpload(ccaLyon, 'trop-gros.png');
    expect(big.upload.maxBytes).toBe(21 * MB);
    const tooBig = await fetch(new URL(big.upload.url, origin), { method: 'PUT', headers: { 'content-length': String(22 * MB) }, body: png(22 * MB - PNG.length) as BodyInit });
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).errors[0].extensions.reason).toBe('FILE_TOO_LARGE');
    // no Content-Length: counted while streaming
    const chunked = await createUpload(ccaLyon, 'flux-sans-longueur.png');
    const status = await new Promise<number>((ok, fail) => {
      const req = request(new URL(chunked.upload.url, origin), { method: 'PUT' }, (res) => ok(res.statusCode!));
      req.on('error', fail);
      const piece = randomBytes(MB);
      let sent = 0;
      const pump = () => {
        while (sent < 23) {
          sent++;
          if (!req.write(sent === 1 ? Buffer.concat([PNG, piece]) : piece)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    }).catch(() => 413);
    expect(status).toBe(413);
    expect(await count(`select count(*)::int n from stored_file_chunk where file_id = $1`, [raw(chunked.upload.id)])).toBe(0);

    const t = await newTicket();
    expect((await attach(ccaLyon, t.id, await upload(ccaLyon, 'a.png', png(12 * MB)))).userErrors).toEqual([]);
    const over = await attach(ccaLyon, t.id, await upload(ccaLyon, 'b.png', png(11 * MB)));
    expect(over.userErrors).toEqual([expect.objectContaining({ code: 'TICKET_ATTACHMENTS_FULL' })]);
    for (let i = 0; i < 5; i++) expect((await attach(ccaLyon, t.id, await upload(ccaLyon, `${i}.png`, png(10)))).userErrors).toEqual([]);
    const seventh = await attach(ccaLyon, t.id, await upload(ccaLyon, '7.png', png(10)));
    expect(seventh.userErrors).toEqual([expect.objectContaining({ code: 'TICKET_ATTACHMENTS_FULL' })]);
    expect((await ticketAs(ccaLyon, t.id)).attachmentCount).toBe(6);
  });
});
