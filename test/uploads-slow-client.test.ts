/**
 * Issue 29, finding 4: slow clients cannot take the instance's uploads hostage. The attack
 * over real sockets — `createUpload`, then a PUT announcing 100 000 bytes that trickles one
 * byte at a time — from one person (four at once) and from several people. The trickles
 * never hold a database transaction (pg_stat_activity watched throughout), one person gets
 * two places at most (429 TOO_MANY_UPLOADS), a stalled body is cut after the idle timeout
 * and a trickle after the overall one (408 with their codes), and an SN1's small PDF goes
 * through in under a second meanwhile. When every place is taken, the answer is 503
 * UPLOADS_BUSY with Retry-After, and the same URL works once places free up.
 */
import { readdirSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { SPOOL_PREFIX } from '../packages/server/src/attachments/upload-spool';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { until } from './support/until';

const IDLE_SECONDS = 2;
const TOTAL_SECONDS = 5;
const server = await startTestServer({
  env: { FILE_UPLOAD_CONCURRENCY: '3', FILE_UPLOADS_PER_CALLER: '2', FILE_UPLOAD_IDLE_TIMEOUT_SECONDS: String(IDLE_SECONDS), FILE_UPLOAD_TIMEOUT_SECONDS: String(TOTAL_SECONDS) },
});
const origin = new URL(server.url).origin;
const ccaLyon = await server.tokenForRole('CCA', 'CSP-LYON');
const ccaBordeaux = await server.tokenForRole('CCA', 'CSP-BORDEAUX');
const sn1 = await server.tokenForRole('SN1_AGENT');

/** A 16-byte PDF, as an SN1 attaches a scanned form. */
const SMALL_PDF = Buffer.from('%PDF-1.4\n%%EOF\n\n');
const raw = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];
/** The temporary files an upload's bytes wait in (the server runs in this process). */
const spooled = (fileId: string) => readdirSync(tmpdir()).filter((n) => n.startsWith(`${SPOOL_PREFIX}${fileId}-`));

async function createUpload(token: string, fileName: string) {
  const r = await server.gql(`mutation($input: CreateUploadInput!) { createUpload(input: $input) { upload { id url } userErrors { code } } }`, { input: { fileName } }, { token });
  expect(r.body.data.createUpload.userErrors).toEqual([]);
  const upload = r.body.data.createUpload.upload as { id: string; url: string };
  return { ...upload, fileId: raw(upload.id) };
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: { errors?: { message: string; extensions: { code: string; reason: string } }[] } & Record<string, unknown>;
}

/**
 * A PUT announcing 100 000 bytes that sends a PDF head, then one byte every `everyMs`,
 * on its own socket. `stop()` stops sending (the socket stays open); `close()` drops it.
 */
function trickle(url: string, everyMs = 200) {
  const t = { answer: null as Answer | null, stop: () => undefined as void, close: () => undefined as void };
  const req = request(new URL(url, origin), { method: 'PUT', agent: false, headers: { 'content-type': 'application/pdf', 'content-length': '100000' } }, (res) => {
    t.stop();
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (c: string) => (text += c));
    res.on('end', () => (t.answer = { status: res.statusCode!, headers: res.headers, body: JSON.parse(text) }));
  });
  // the server closes the connection once it has answered: later writes may fail, which is expected
  req.on('error', () => undefined);
  req.write('%PDF-1.4\n');
  const timer = setInterval(() => req.write('a'), everyMs);
  t.stop = () => clearInterval(timer);
  t.close = () => {
    clearInterval(timer);
    req.destroy();
  };
  return t;
}

async function put(url: string, body: Buffer) {
  const res = await fetch(new URL(url, origin), { method: 'PUT', body: body as BodyInit });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/**
 * Watches the test database's backends all along: any backend idle inside a transaction
 * for more than 250 ms is recorded (a commit that reads a local file is never idle that long
 * between two statements; a transaction waiting on a client's socket is, for seconds).
 */
const watcher = new pg.Client({ connectionString: server.databaseUrl });
await watcher.connect();
const heldTransactions: { pid: number; query: string }[] = [];
let samples = 0;
let watching = true;
const watch = (async () => {
  while (watching) {
    const { rows } = await watcher.query(
      `select pid, query from pg_stat_activity where datname = current_database() and state like 'idle in transaction%' and now() - state_change > interval '250 milliseconds'`,
    );
    heldTransactions.push(...rows);
    samples++;
    await new Promise((r) => setTimeout(r, 50));
  }
})();
afterAll(async () => {
  watching = false;
  await watch;
  await watcher.end();
});
/** Backends idle in a transaction right now, however briefly. */
const idleInTransaction = async () =>
  (await sql(server.databaseUrl, `select pid, query from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`)).rows;
const fileRow = async (fileId: string) =>
  (await sql(server.databaseUrl, `select status, (select count(*)::int from stored_file_chunk c where c.file_id = f.id) as chunks from stored_file f where id = $1`, [fileId])).rows[0];

describe('slow clients and uploads', () => {
  it('one person’s four trickles get two places; an SN1’s PDF goes through in under a second; stalls and trickles are cut', { timeout: 30_000 }, async () => {
    const uploads = await Promise.all([1, 2, 3, 4].map((i) => createUpload(ccaLyon, `flux-${i}.pdf`)));
    const samplesBefore = samples;
    const trickles = uploads.map((u) => ({ ...u, t: trickle(u.url) }));

    // two are refused at once, with their own code and a Retry-After
    const refused = await until(async () => {
      const answered = trickles.filter((x) => x.t.answer);
      return answered.length >= 2 && answered;
    }, 5_000);
    expect(refused).toHaveLength(2);
    for (const { t } of refused) {
      expect(t.answer).toMatchObject({ status: 429, body: { errors: [{ extensions: { code: 'TOO_MANY_UPLOADS', reason: 'TOO_MANY_UPLOADS' } }] } });
      expect(Number(t.answer!.headers['retry-after'])).toBeGreaterThan(0);
    }
    // the other two are being received: their bytes go to temporary files, not to a transaction
    const held = trickles.filter((x) => !x.t.answer);
    await until(async () => held.every((x) => spooled(x.fileId).length === 1), 5_000);
    expect(await idleInTransaction()).toEqual([]);
    const [stalled, slow] = held;
    stalled.t.stop();

    // meanwhile an SN1 sends a 16-byte PDF
    const started = performance.now();
    const upload = await createUpload(sn1, 'bordereau.pdf');
    const sent = await put(upload.url, SMALL_PDF);
    const elapsed = performance.now() - started;
    expect(sent).toMatchObject({ status: 201, body: { size: 16, contentType: 'application/pdf' } });
    expect(elapsed).toBeLessThan(1000);
    expect(held.map((x) => x.t.answer)).toEqual([null, null]);
    expect(await idleInTransaction()).toEqual([]);

    // the stalled body is cut after the idle timeout, the trickle after the overall one
    await until(async () => stalled.t.answer, (IDLE_SECONDS + 3) * 1000);
    expect(stalled.t.answer).toMatchObject({ status: 408, body: { errors: [{ extensions: { code: 'UPLOAD_IDLE_TIMEOUT', reason: 'UPLOAD_IDLE_TIMEOUT' } }] } });
    expect(slow.t.answer).toBeNull();
    expect(await idleInTransaction()).toEqual([]);
    await until(async () => slow.t.answer, (TOTAL_SECONDS + 3) * 1000);
    expect(slow.t.answer).toMatchObject({ status: 408, body: { errors: [{ extensions: { code: 'UPLOAD_TOO_SLOW', reason: 'UPLOAD_TOO_SLOW' } }] } });

    // nothing kept of the four, no temporary file left; and no transaction waited on them at any time
    for (const x of trickles) {
      expect(await fileRow(x.fileId)).toEqual({ status: 'PENDING', chunks: 0 });
      expect(spooled(x.fileId)).toEqual([]);
    }
    expect(samples - samplesBefore).toBeGreaterThan(10);
    expect(heldTransactions).toEqual([]);
  });

  it('several people taking every place: 503 UPLOADS_BUSY with Retry-After, and the same URL works once they are gone', { timeout: 30_000 }, async () => {
    const samplesBefore = samples;
    const attackers = await Promise.all([
      createUpload(ccaLyon, 'a.pdf'),
      createUpload(ccaLyon, 'b.pdf'),
      createUpload(ccaBordeaux, 'c.pdf'),
    ]);
    const trickles = attackers.map((u) => ({ ...u, t: trickle(u.url) }));
    await until(async () => trickles.every((x) => spooled(x.fileId).length === 1), 5_000);

    const upload = await createUpload(sn1, 'bordereau.pdf');
    const started = performance.now();
    const busy = await put(upload.url, SMALL_PDF);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(busy).toMatchObject({ status: 503, body: { errors: [{ extensions: { code: 'UPLOADS_BUSY', reason: 'UPLOADS_BUSY' } }] } });
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await fileRow(upload.fileId)).toEqual({ status: 'PENDING', chunks: 0 });
    expect(await idleInTransaction()).toEqual([]);

    // the attackers go away (their sockets dropped): their temporary files go too, the places free up
    for (const x of trickles) x.t.close();
    await until(async () => trickles.every((x) => spooled(x.fileId).length === 0), 5_000);
    const retried = await until(async () => {
      const r = await put(upload.url, SMALL_PDF);
      return r.status !== 503 && r;
    }, 5_000);
    expect(retried).toMatchObject({ status: 201, body: { size: 16, contentType: 'application/pdf' } });
    for (const x of trickles) expect(await fileRow(x.fileId)).toEqual({ status: 'PENDING', chunks: 0 });
    expect(samples - samplesBefore).toBeGreaterThan(0);
    expect(heldTransactions).toEqual([]);
  });
});
