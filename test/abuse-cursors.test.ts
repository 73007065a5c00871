/**
 * A forged pagination cursor is bad input, never an internal error: whatever JSON it
 * decodes to (nested arrays, objects, a text where a date is sorted on), every list
 * answers a typed refusal or a page.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startTestServer } from './support/server';

const server = await startTestServer();
const token = await server.tokenForRole('ADMINISTRATOR');
const encode = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
const uuid = randomUUID();

const forged: Record<string, string> = {
  'nested arrays': encode([[[[1]]], uuid]),
  'an object': encode([{ a: 1 }, uuid]),
  'an array of arrays per key': encode([[uuid], [uuid]]),
  'text where a date is sorted on': encode(['not a date', uuid]),
  'a number where text is sorted on': encode([12, 34, uuid]),
};

const lists = ['tickets', 'people', 'structures'];

describe('forged cursors', () => {
  for (const list of lists)
    for (const [what, cursor] of Object.entries(forged))
      it(`${list}(after:) with ${what} is refused as bad input`, async () => {
        const res = await server.gql(`query($c: String) { ${list}(first: 2, after: $c) { nodes { id } } }`, { c: cursor }, { token });
        expect(res.status).toBeLessThan(500);
        const codes = (res.body.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
        expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
        if (what !== 'text where a date is sorted on' && what !== 'a number where text is sorted on') expect(codes).toEqual(['BAD_USER_INPUT']);
      });
});
