/**
 * Issue 29, the requests an anonymous attacker sent to a production server: each is refused
 * with its typed code (never a 500) on every transport — HTTP POST, HTTP GET, WebSocket —
 * anonymously and authenticated; and where the request used to stall the instance, a side
 * query answers in under a second while the attack runs. The attacks run against a server in
 * a process of its own, started as in production (the `start` script's node flags, default
 * limits), so that what is timed is the server's work, not this process's as a client.
 */
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serverArgs } from '../bench/reads/processes';
import { mintToken } from '../packages/server/src/access/credentials';
import { loadConfig } from '../packages/server/src/core/config';
import { startChildServer } from './support/child-server';
import { createTestDatabase, sql } from './support/db';
import { startTestServer } from './support/server';
import { until } from './support/until';

const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'abuse-bounds-test-secret-0123456789-abcdefgh', DEMO_DATA: 'false', NOTIFICATIONS: 'off' };
// small limits so that a GET's URL can carry a document past each of them
const LIMITS = { MAX_QUERY_LENGTH: '10000', MAX_QUERY_TOKENS: '1500', MAX_QUERY_SELECTIONS: '200', MAX_QUERY_ALIASES: '20' };
const server = await startTestServer({ env: { ...PRODUCTION, ...LIMITS } });
const origin = server.url.replace(/\/graphql$/, '');

// production refuses the demo directory's accounts: real-looking ones are made here
async function person(databaseUrl: string, email: string, heldRoles: string[]): Promise<string> {
  const { rows } = await sql(
    databaseUrl,
    `insert into person (id, first_name, last_name, email, structure_id, held_roles) select gen_random_uuid(), 'Test', 'Person', $1, s.id, $2 from structure s where s.code = 'CSP-LYON' returning id`,
    [email, heldRoles],
  );
  return mintToken(loadConfig(PRODUCTION).jwt, rows[0].id, '1h');
}
const analyst = await person(server.databaseUrl, 'analyste.bornes@education.gouv.fr', ['ANALYST']);
const agent = await person(server.databaseUrl, 'agent.bornes@education.gouv.fr', ['END_USER']);

/** The server the attacks run against: production, default limits, the `start` script's flags; slow clients cut after 2 s (headers) and 3 s (body). */
const TIMEOUTS = { HTTP_HEADERS_TIMEOUT_MS: '2000', HTTP_BODY_TIMEOUT_MS: '3000' };
const attackedDb = await createTestDatabase();
const startFlags = serverArgs(fileURLToPath(new URL('..', import.meta.url))).filter((a) => a.startsWith('--'));
const attacked = await startChildServer({ databaseUrl: attackedDb.url, nodeFlags: startFlags, env: { ...PRODUCTION, ...TIMEOUTS, SERVICE_LEVEL_POLL_MS: '86400000' } });
const attackedUrl = `${attacked.origin}/graphql`;
const attackedPort = Number(new URL(attacked.origin).port);
const attackedAgent = await person(attackedDb.url, 'agent.attaque@education.gouv.fr', ['END_USER']);
afterAll(async () => {
  // nothing the attacks sent was logged as unexpected (no stack, no error-rate alert)
  expect(attacked.output()).not.toMatch(/unexpected error|request failed|Unexpected error processing request/i);
  await attacked.stop();
  await attackedDb.drop();
});

type Who = string | null;
interface Answer {
  status?: number;
  code: string;
  message?: string;
}

function authHeaders(who: Who): Record<string, string> {
  return who ? { authorization: `Bearer ${who}` } : {};
}

async function answerOf(res: Response): Promise<Answer> {
  const text = await res.text();
  const body = text ? JSON.parse(text) : {};
  return { status: res.status, code: body.errors?.[0]?.extensions?.code ?? 'OK', message: body.errors?.[0]?.message };
}

async function post(who: Who, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  return answerOf(await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...authHeaders(who) }, body: JSON.stringify({ query, variables }) }));
}

async function get(who: Who, query: string): Promise<Answer> {
  return answerOf(await fetch(`${server.url}?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': '1', ...authHeaders(who) } }));
}

/** One operation over graphql-ws (authenticated: an anonymous connection is closed with 4403 at its start). */
async function ws(who: string, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${who}` } });
  try {
    return await new Promise<Answer>((resolve) => {
      let result: Answer = { code: 'NO_RESULT' };
      client.subscribe(
        { query, variables },
        {
          next: (r) => (result = { code: (r.errors?.[0]?.extensions?.code as string) ?? 'OK', message: r.errors?.[0]?.message }),
          error: (e) => {
            const errors = Array.isArray(e) ? e : [];
            resolve(errors.length ? { code: errors[0].extensions?.code ?? 'ERROR', message: errors[0].message } : { code: `CLOSED_${(e as { code?: number }).code}` });
          },
          complete: () => resolve(result),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

/** Every transport, as who: anonymous on HTTP, and each token on HTTP and WebSocket. */
async function everywhere(query: string, variables?: Record<string, unknown>, withGet = true) {
  const out: Record<string, Answer> = {};
  for (const [name, who] of [['anonymous', null], ['agent', agent], ['analyst', analyst]] as const) {
    out[`${name} POST`] = await post(who, query, variables);
    if (withGet) out[`${name} GET`] = await get(who, query);
    if (who) out[`${name} WS`] = await ws(who, query, variables);
  }
  return out;
}

/**
 * The timed tests run again (twice at most) when their side query was slow: on a machine shared
 * with other test files, a second can pass in scheduling alone. A stall fails every try (before the
 * bounds, 20 such documents held the instance for seconds; a slow-loris socket, 87 s).
 */
const TIMED = { retry: 2 };

/** A trivial query's time to answer, in ms (what a person waits for while the attack runs). */
async function sideQueryMs(): Promise<number> {
  const started = performance.now();
  // node:http on a connection of its own, not fetch: fetch's pool is the attack's, and would queue the side query behind it here
  const body = '{"query":"{ viewer { kind } }"}';
  const text = await new Promise<string>((ok, fail) => {
    const req = request(attackedUrl, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${attackedAgent}` } }, (res) => {
      let t = '';
      res.on('data', (d) => (t += d));
      res.on('end', () => ok(t));
    });
    req.on('error', fail);
    req.end(body);
  });
  expect(JSON.parse(text)).toEqual({ data: { viewer: { kind: 'PERSON' } }, extensions: expect.anything() });
  return performance.now() - started;
}

/** The side query, repeated while `attack` runs (at least once after it started): the slowest answer. */
async function slowestSideQueryDuring(attack: Promise<unknown>): Promise<number> {
  let running = true;
  const finished = attack.finally(() => (running = false));
  let slowest = 0;
  let asked = 0;
  while (running || asked === 0) {
    slowest = Math.max(slowest, await sideQueryMs());
    asked++;
  }
  await finished;
  return slowest;
}

const kinds = (n: number) => 'kind '.repeat(n);
const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: kind`).join(' ');
const FRAGMENT_BOMB = `{ viewer { ...F24 } }\nfragment F0 on Viewer { kind }\n${Array.from({ length: 24 }, (_, i) => `fragment F${i + 1} on Viewer { ...F${i} ...F${i} }`).join('\n')}`;

describe('the document is bounded before costly work, on every transport (production)', () => {
  it.each([
    ['a document longer than MAX_QUERY_LENGTH', 'QUERY_TOO_LARGE', `{ viewer { kind } }\n#${'x'.repeat(10_000)}`],
    ['more tokens than MAX_QUERY_TOKENS', 'QUERY_TOO_MANY_TOKENS', `{ viewer { ${kinds(1600)} } }`],
    ['more selections than MAX_QUERY_SELECTIONS', 'QUERY_TOO_MANY_SELECTIONS', `{ ${'viewer { kind } '.repeat(101)} }`],
    ['more selections than MAX_QUERY_SELECTIONS, in a fragment', 'QUERY_TOO_MANY_SELECTIONS', `{ ...F } fragment F on Query { ${'viewer { kind } '.repeat(101)} }`],
    ['more aliases than MAX_QUERY_ALIASES', 'QUERY_TOO_MANY_ALIASES', `{ viewer { ${aliases(21)} } }`],
    ['a 24-level fragment bomb', 'QUERY_TOO_COMPLEX', FRAGMENT_BOMB],
  ])('%s: %s, HTTP 400, for anyone', async (_name, code, query) => {
    const answers = await everywhere(query);
    for (const [where, a] of Object.entries(answers)) {
      expect({ where, code: a.code }).toEqual({ where, code });
      if (a.status !== undefined) expect({ where, status: a.status }).toEqual({ where, status: 400 });
    }
  });

  it('the documents of the report: 10 000 aliases, a 1 MB document — typed refusals, never a 500', async () => {
    const tenThousandAliases = `{ viewer { ${aliases(10_000)} } }`;
    const megabyte = `{ viewer { ${kinds(200_000)} } }`;
    for (const query of [tenThousandAliases, megabyte]) {
      expect((await post(null, query)).code).toBe('QUERY_TOO_LARGE');
      expect((await post(agent, query)).code).toBe('QUERY_TOO_LARGE');
      expect((await ws(agent, query)).code).toBe('QUERY_TOO_LARGE');
    }
  });

  it('an ordinary query within every bound answers, on every transport', async () => {
    const ordinary = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    for (const [where, a] of Object.entries(await everywhere(ordinary))) expect({ where, code: a.code }).toEqual({ where, code: 'OK' });
    for (const who of [agent, analyst]) {
      expect(await post(who, `{ viewer { ${aliases(20)} } }`)).toMatchObject({ status: 200, code: 'OK' });
      expect(await ws(who, `{ viewer { ${aliases(20)} } }`)).toMatchObject({ code: 'OK' });
    }
  });

});

/** An anonymous POST to the attacked server. */
const attack = (body: string) => fetch(attackedUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(answerOf);

describe('attacks on a production server: refused, and the instance keeps answering', () => {
  // an instance that has been serving for a while (code compiled by V8, connections open, the side query's caller known)
  beforeAll(async () => {
    for (let i = 0; i < 30; i++) await sideQueryMs();
    for (let i = 0; i < 5; i++) await attack(JSON.stringify({ query: `{ viewer { ${kinds(200_000 + i)} } }` }));
  });

  // the report's figures: 20 in parallel took 1.75 GB, 80 froze the instance for 21.8 s
  it('20 anonymous 1 MB documents in parallel: each QUERY_TOO_LARGE, a side query answers in under a second meanwhile', TIMED, async () => {
    const megabyte = JSON.stringify({ query: `{ viewer { ${kinds(200_000)} } }` });
    const answers = Promise.all(Array.from({ length: 20 }, () => attack(megabyte)));
    const slowest = await slowestSideQueryDuring(answers);
    for (const a of await answers) expect(a).toMatchObject({ status: 400, code: 'QUERY_TOO_LARGE' });
    expect(slowest).toBeLessThan(1000);
  });

  it('16 anonymous documents at or just past the default bounds, in parallel: a side query answers in under a second meanwhile', TIMED, async () => {
    const fragments = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `...F${i}`).join(' ')} }\n${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { viewer { kind } }`).join('\n')}`;
    // the shapes whose validation grows fastest with their size: fields of one name side by side, fragments side by side
    const documents: [string, string][] = [
      [`{ ${'viewer { kind } '.repeat(100)} }`, 'UNAUTHENTICATED'],
      [fragments(66), 'UNAUTHENTICATED'],
      [`{ ${'... on Query { viewer { kind } } '.repeat(66)} }`, 'UNAUTHENTICATED'],
      [`{ ${'viewer { kind } '.repeat(150)} }`, 'QUERY_TOO_MANY_SELECTIONS'],
      [fragments(200), 'QUERY_TOO_MANY_SELECTIONS'],
      [`{ viewer { ${kinds(5001)} } }`, 'QUERY_TOO_MANY_TOKENS'],
      [`{ viewer { ${aliases(51)} } }`, 'QUERY_TOO_MANY_ALIASES'],
      [FRAGMENT_BOMB, 'QUERY_TOO_COMPLEX'],
    ];
    // each one new (a comment of its own), as an attacker would send them: nothing cached by an earlier one
    const answers = Promise.all(Array.from({ length: 16 }, (_, i) => attack(JSON.stringify({ query: `${documents[i % documents.length][0]}\n# ${i}` }))));
    const slowest = await slowestSideQueryDuring(answers);
    (await answers).forEach((a, i) => expect({ i, code: a.code }).toEqual({ i, code: documents[i % documents.length][1] }));
    expect(slowest).toBeLessThan(1000);
  });
});

describe('no suggestions for callers who may not introspect (production)', () => {
  const TYPO = `{ viewr { kind } }`;
  const MUTATION_TYPO = `mutation { createPersn(input: {}) { __typename } }`;
  const ENUM_TYPO = [`query($r: Role!) { people(first: 1, filter: { role: $r }) { totalCount } }`, { r: 'CCAA' }] as const;

  it('a misspelt field or mutation: the validation error names nothing of the schema, on every transport', async () => {
    for (const query of [TYPO, MUTATION_TYPO]) {
      const answers = await everywhere(query, undefined, query === TYPO);
      for (const [where, a] of Object.entries(answers)) {
        expect({ where, code: a.code }).toEqual({ where, code: 'GRAPHQL_VALIDATION_FAILED' });
        if (where.startsWith('analyst')) expect({ where, message: a.message }).toEqual({ where, message: expect.stringContaining('Did you mean') });
        else expect({ where, message: a.message }).toEqual({ where, message: expect.not.stringContaining('Did you mean') });
      }
      expect(answers['anonymous POST'].message).not.toMatch(/viewer|createPerson/);
    }
  });

  it('a misspelt enum value in a variable: refused without the enum’s values', async () => {
    const [query, variables] = ENUM_TYPO;
    for (const [where, who] of [['anonymous', null], ['agent', agent]] as const) {
      const answers = [await post(who, query, variables), ...(who ? [await ws(who, query, variables)] : [])];
      for (const a of answers) {
        expect({ where, code: a.code }).toEqual({ where, code: 'BAD_USER_INPUT' });
        expect({ where, message: a.message }).toEqual({ where, message: expect.not.stringContaining('Did you mean') });
        expect(a.message).not.toContain('"CCA"');
      }
    }
    expect((await post(analyst, query, variables)).message).toContain('Did you mean');
  });
});

/* ---------- WebSocket frames ---------- */

/** Opens a raw graphql-ws WebSocket (the handshake by hand) and sends a frame header announcing `length` bytes, then nothing. */
async function announceFrame(length: number): Promise<{ closeCode: Promise<number | null>; socket: Socket }> {
  const socket = connect(attackedPort, '127.0.0.1');
  const received: Buffer[] = [];
  let upgraded: () => void;
  const open = new Promise<void>((ok) => (upgraded = ok));
  let closeCode: (code: number | null) => void;
  const closed = new Promise<number | null>((ok) => (closeCode = ok));
  socket.on('data', (d) => {
    received.push(d);
    const all = Buffer.concat(received);
    const head = all.indexOf('\r\n\r\n');
    if (head < 0) return;
    upgraded();
    const frame = all.subarray(head + 4);
    // a close frame: opcode 8, its first two payload bytes are the code
    if (frame.length >= 4 && (frame[0] & 0x0f) === 8) closeCode(frame.readUInt16BE(2));
  });
  socket.on('close', () => closeCode(null));
  socket.on('error', () => undefined);
  socket.write(
    `GET /graphql HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`,
  );
  await open;
  const header = Buffer.alloc(14);
  header[0] = 0x81; // final text frame
  header[1] = 0x80 | 127; // masked, 64-bit length
  header.writeBigUInt64BE(BigInt(length), 2);
  randomBytes(4).copy(header, 10);
  socket.write(header);
  return { closeCode: closed, socket };
}

describe('WebSocket messages are bounded like HTTP bodies', () => {
  it('a frame announcing 50 MiB is closed with 1009 at its header, before a byte of it is sent', async () => {
    const { closeCode, socket } = await announceFrame(50 * 1024 * 1024);
    expect(await closeCode).toBe(1009);
    socket.destroy();
  });

  it('an anonymous connection_init of 3 MB (more than an HTTP body may be) is closed with 1009, not answered 4403', async () => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((ok) => socket.once('open', ok));
    const closed = new Promise<number>((ok) => socket.once('close', (code) => ok(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(3 * 1024 * 1024) } }));
    expect(await closed).toBe(1009);
  });

  it('an authenticated 10 MB document is closed with 1009; a 1 MB one is QUERY_TOO_LARGE', async () => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((ok) => socket.once('open', ok));
    const messages: any[] = [];
    socket.on('message', (m) => messages.push(JSON.parse(String(m))));
    const closed = new Promise<number>((ok) => socket.once('close', (code) => ok(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${agent}` } }));
    await until(async () => messages.some((m) => m.type === 'connection_ack'), 5000);
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `{ viewer { ${kinds(200_000)} } }` } }));
    const refused = await until(async () => messages.find((m) => m.id === '1'), 5000);
    expect(refused).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'QUERY_TOO_LARGE' } }] });
    socket.send(JSON.stringify({ id: '2', type: 'subscribe', payload: { query: `{ viewer { ${kinds(2_000_000)} } }` } }));
    expect(await closed).toBe(1009);
  });

  it('24 anonymous sockets announcing 95 MB frames: each closed with 1009, a side query answers in under a second meanwhile', TIMED, async () => {
    const attack = Promise.all(
      Array.from({ length: 24 }, async () => {
        const { closeCode, socket } = await announceFrame(95 * 1024 * 1024);
        // and pushes bytes of it as fast as it can until cut
        const chunk = Buffer.alloc(256 * 1024);
        const push = () => socket.writable && socket.write(chunk, () => setImmediate(push));
        push();
        const code = await closeCode;
        socket.destroy();
        return code;
      }),
    );
    const slowest = await slowestSideQueryDuring(attack);
    expect(await attack).toEqual(Array(24).fill(1009));
    expect(slowest).toBeLessThan(1000);
  });
});

/* ---------- slow clients ---------- */

/** A socket that sends `text` one byte every `everyMs`; resolves with what the server answered once it closed the socket. */
function trickle(text: string, everyMs: number): { closed: Promise<string>; socket: Socket } {
  const socket = connect(attackedPort, '127.0.0.1');
  let answer = '';
  socket.on('data', (d) => (answer += d.toString('latin1')));
  socket.on('error', () => undefined);
  let i = 0;
  const timer = setInterval(() => {
    if (i < text.length && socket.writable) socket.write(text[i++]);
  }, everyMs);
  const closed = new Promise<string>((ok) =>
    socket.once('close', () => {
      clearInterval(timer);
      ok(answer);
    }),
  );
  return { closed, socket };
}

describe('slow clients cannot hold a connection (HTTP_HEADERS_TIMEOUT_MS = 2 s, HTTP_BODY_TIMEOUT_MS = 3 s here)', () => {
  it('headers trickled a byte at a time: 20 such sockets are cut with 408 after the headers timeout, a side query answers in under a second meanwhile', TIMED, async () => {
    const headers = `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Padding: ${'x'.repeat(200)}\r\n\r\n`;
    const started = Date.now();
    const sockets = Array.from({ length: 20 }, () => trickle(headers, 100));
    const attack = Promise.all(sockets.map((s) => s.closed));
    const slowest = await slowestSideQueryDuring(attack);
    const answers = await attack;
    // a header of 270 bytes at 10 a second would take 27 s: cut after about two (the check runs every second)
    expect(Date.now() - started).toBeLessThan(10_000);
    for (const a of answers) expect(a).toMatch(/^HTTP\/1\.1 408 /);
    expect(slowest).toBeLessThan(1000);
  });

  it('a GraphQL body trickled a byte at a time is answered 408 BAD_REQUEST after the body timeout, and the socket closed', TIMED, async () => {
    // 1000 bytes at 10 a second would take 100 s
    const body = JSON.stringify({ query: '{ viewer { kind } }' }).padEnd(1000, ' ');
    const request = `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const started = Date.now();
    const socket = connect(attackedPort, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.write(request);
    let i = 0;
    const timer = setInterval(() => socket.writable && socket.write(body[i++]), 100);
    const closed = new Promise<void>((ok) => socket.once('close', () => ok()));
    const slowest = await slowestSideQueryDuring(closed);
    clearInterval(timer);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toMatch(/x-content-type-options: nosniff/i);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(slowest).toBeLessThan(1000);
  });
});

describe('X-Content-Type-Options: nosniff on every response', () => {
  it.each([
    ['POST /graphql', () => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ viewer { kind } }"}' })],
    ['POST /graphql, a refusal', () => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ viewr }"}' })],
    ['POST /graphql, a bad body', () => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })],
    ['GET /graphql', () => fetch(`${server.url}?query=${encodeURIComponent('{ viewer { kind } }')}`, { headers: { 'apollo-require-preflight': '1' } })],
    ['GET /healthz', () => fetch(`${origin}/healthz`)],
    ['GET /readyz', () => fetch(`${origin}/readyz`)],
    ['a report, refused (JSON)', () => fetch(`${origin}/reports/training`)],
    ['a file, unknown (JSON)', () => fetch(`${origin}/files/not-a-token`)],
    ['an unknown path', () => fetch(`${origin}/nowhere`)],
  ])('%s', async (_name, request) => {
    const res = await request();
    await res.arrayBuffer();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
