/**
 * A 20 MB file through a server running in a child process, whose resident memory
 * (/proc/<pid>/status VmRSS, sampled every 20 ms by this process) is watched while the
 * file streams up and down: it must grow by clearly less than the file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { mintToken } from '../packages/server/src/access/credentials';
import { loadConfig } from '../packages/server/src/core/config';
import { startChildServer } from './support/child-server';
import { createTestDatabase, sql } from './support/db';

const MB = 1024 * 1024;
const SIZE = 20 * MB;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const db = await createTestDatabase();
// a small young generation: chunk-sized garbage awaiting collection cannot float tens of MB
// (V8's default lets it reach 16-32 MB under load), so what RSS shows is what the server holds
const server = await startChildServer({ databaseUrl: db.url, nodeFlags: ['--max-semi-space-size=1'] });
const { origin } = server;
afterAll(async () => {
  await server.stop();
  await db.drop();
});

const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) * 1024;
/** The server's peak resident memory above its level at the start, while `work` runs. */
async function rssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const base = rss();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, rss())), 20);
  try {
    const result = await work();
    return { result, growth: Math.max(peak, rss()) - base };
  } finally {
    clearInterval(timer);
  }
}

async function gql(token: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  expect(body.errors, server.output()).toBeUndefined();
  return body.data;
}

/** PUTs `size` bytes (a PNG head, then one random 256 KB piece again and again): the client never holds the file either. */
function putStream(url: string, size: number, hash: ReturnType<typeof createHash>) {
  const piece = randomBytes(256 * 1024);
  return new Promise<{ status: number; body: string }>((ok, fail) => {
    const req = request(new URL(url, origin), { method: 'PUT', headers: { 'content-length': String(size) } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode!, body }));
    });
    req.on('error', fail);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const chunk = (sent === 0 ? Buffer.concat([PNG, piece.subarray(PNG.length)]) : piece).subarray(0, size - sent);
        sent += chunk.length;
        hash.update(chunk);
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('a 20 MB file', () => {
  it('streams up and down without the server’s memory growing by its size', async () => {
    const { rows } = await sql(db.url, `select p.id from person p join correspondent_assignment a on a.person_id = p.id join structure s on s.id = a.structure_id where s.code = 'CSP-LYON' and a.kind = 'CCA' and a.until is null limit 1`);
    const token = await mintToken(loadConfig({ NODE_ENV: 'development' }).jwt, rows[0].id);
    const createUpload = async (fileName: string) => (await gql(token, `mutation($f: String!) { createUpload(input: { fileName: $f }) { upload { id url } } }`, { f: fileName })).createUpload.upload;
    const { openTicket } = await gql(token, `mutation { openTicket(input: { application: "CHORUS_COEUR", domain: "EJ", title: "Export", description: "Export joint.", priority: 3 }) { ticket { id } userErrors { code } } }`, {});

    // warm up: first requests compile code and fill pools; not what is measured
    const warm = await createUpload('warm-up.png');
    expect((await putStream(warm.url, 2 * MB, createHash('sha256'))).status).toBe(201);

    const upload = await createUpload('export-20-Mo.png');
    const hash = createHash('sha256');
    const up = await rssGrowth(() => putStream(upload.url, SIZE, hash));
    expect(up.result.status, up.result.body).toBe(201);
    const digest = hash.digest('hex');
    expect(JSON.parse(up.result.body)).toMatchObject({ size: SIZE, sha256: digest, contentType: 'image/png' });

    const added = (await gql(token, `mutation($i: AddTicketAttachmentInput!) { addTicketAttachment(input: $i) { attachment { size download { url } } userErrors { code } } }`, { i: { ticketId: openTicket.ticket.id, uploadId: upload.id } })).addTicketAttachment;
    expect(added.userErrors).toEqual([]);
    const down = await rssGrowth(
      () =>
        new Promise<{ bytes: number; digest: string }>((ok, fail) => {
          const h = createHash('sha256');
          let bytes = 0;
          request(new URL(added.attachment.download.url, origin), (res) => {
            res.on('data', (c: Buffer) => ((bytes += c.length), h.update(c)));
            res.on('end', () => ok({ bytes, digest: h.digest('hex') }));
          })
            .on('error', fail)
            .end();
        }),
    );
    expect(down.result).toEqual({ bytes: SIZE, digest });
    console.log(`20 MB file: the server's resident memory grew by at most ${(up.growth / MB).toFixed(1)} MB while receiving it and ${(down.growth / MB).toFixed(1)} MB while sending it`);
    // a server holding the file would grow by 20 MB at least (40 MB as the driver's hex text);
    // what is seen is socket buffers and chunk-sized garbage awaiting collection
    // a file held whole would cost at least its size (and its copies); streamed, it stays below
    expect(up.growth).toBeLessThan(SIZE);
    expect(down.growth).toBeLessThan(SIZE);
  }, 120_000);
});
