/**
 * Imports within bounds (issue 29, findings 9 and 11): a JSON nested 20 000 levels deep is a
 * INVALID_FORMAT or TOO_MANY_ITEMS user error on every import, not an INTERNAL_SERVER_ERROR; a 170 000-line
 * import is refused once reading passes the 20 000-line cap, while other callers are answered.
 */
import { describe, expect, it } from 'vitest';
import { startTestServer } from './support/server';
import { openSession } from './training.helpers';

const server = await startTestServer();
const admin = await server.tokenForRole('ADMINISTRATOR');
const editor = await server.tokenForRole('KNOWLEDGE_EDITOR');
const referent = await server.tokenForRole('TRAINING_REFERENT');
const analyst = await server.tokenForRole('ANALYST');
const session = await openSession(server, referent, { title: 'Budget', parts: 3, daysAhead: 10 });

const REPORT = `userErrors { field code message }`;
const imports = {
  directory: (input: Record<string, unknown>) => server.gql(`mutation($input: ImportDirectoryInput!) { importDirectory(input: $input) { ${REPORT} } }`, { input }, { token: admin }),
  knowledge: (input: Record<string, unknown>) => server.gql(`mutation($input: ImportKnowledgeItemsInput!) { importKnowledgeItems(input: $input) { ${REPORT} } }`, { input }, { token: editor }),
  closedDays: (input: Record<string, unknown>) => server.gql(`mutation($input: ImportClosedDaysInput!) { importClosedDays(input: $input) { ${REPORT} } }`, { input }, { token: admin }),
  attendance: (input: Record<string, unknown>) => server.gql(`mutation($input: ImportAttendanceInput!) { importTrainingAttendance(input: $input) { ${REPORT} } }`, { input: { sessionId: session, ...input } }, { token: referent }),
};
/** The one user error of an answer (and no top-level error). */
function userError(res: Awaited<ReturnType<typeof imports.directory>>) {
  expect(res.body.errors).toBeUndefined();
  const payload = Object.values(res.body.data as Record<string, { userErrors: unknown[] }>)[0];
  expect(payload.userErrors).toHaveLength(1);
  return payload.userErrors[0];
}

const DEEP = '['.repeat(20_000) + ']'.repeat(20_000);

describe('a JSON nested 20 000 levels deep', () => {
  it.each([
    ['directory', () => imports.directory({ format: 'JSON', json: `{"people":[${DEEP}]}` }), 'json'],
    ['directory (a cell)', () => imports.directory({ format: 'JSON', json: `{"people":[{"email":"a@b.fr","roles":${DEEP}}]}` }), 'json'],
    ['knowledge items', () => imports.knowledge({ format: 'JSON', json: `{"items":[{"answer":${DEEP}}]}` }), 'json'],
    ['closed days', () => imports.closedDays({ format: 'JSON', json: `{"closedDays":[${DEEP}]}` }), 'json'],
    ['training attendance', () => imports.attendance({ format: 'JSON', data: `[${DEEP}]` }), 'data'],
    ['training attendance (the document itself)', () => imports.attendance({ format: 'JSON', data: DEEP }), 'data'],
  ])('%s: INVALID_FORMAT naming the depth', async (_name, send, field) => {
    expect(userError(await send())).toEqual({ field: ['input', field], code: 'INVALID_FORMAT', message: expect.stringMatching(/plus des 8 niveaux/) });
  });
});

describe('an import of 170 000 lines', () => {
  /** Sends the import while another caller asks a trivial query again and again; each answer's time. */
  async function whileImporting(send: () => Promise<Awaited<ReturnType<typeof imports.directory>>>) {
    let done = false;
    const answer = send().finally(() => (done = true));
    const times: number[] = [];
    while (!done) {
      const started = performance.now();
      const side = await server.gql(`{ viewer { kind } }`, {}, { token: analyst });
      expect(side.body.data.viewer.kind).toBe('PERSON');
      times.push(performance.now() - started);
    }
    return { res: await answer, times };
  }

  it('directory people CSV: refused at line 20 001 with TOO_MANY_ITEMS, a side query answered in < 1 s meanwhile', async () => {
    const people = 'email,firstName,lastName,structure,roles\n' + 'x,a,b,c,\n'.repeat(170_000);
    const { res, times } = await whileImporting(() => imports.directory({ format: 'CSV', people }));
    expect(userError(res)).toEqual({ field: ['input', 'people'], code: 'TOO_MANY_ITEMS', message: expect.stringMatching(/au plus 20000 lignes en tout : la lecture s’est arrêtée à la ligne 20001/) });
    expect(times.length).toBeGreaterThan(0);
    expect(Math.max(...times)).toBeLessThan(1000);
  });

  it('directory JSON: refused at row 20 001, before the document is parsed', async () => {
    const json = JSON.stringify({ people: Array.from({ length: 170_000 }, () => ({})) });
    const { res, times } = await whileImporting(() => imports.directory({ format: 'JSON', json }));
    expect(userError(res)).toEqual({ field: ['input', 'json'], code: 'TOO_MANY_ITEMS', message: expect.stringMatching(/au plus 20000 lignes/) });
    expect(Math.max(...times)).toBeLessThan(1000);
  });

  it('training attendance CSV: refused the same way', async () => {
    const data = 'email;part;join;leave\n' + 'x\n'.repeat(170_000);
    const { res, times } = await whileImporting(() => imports.attendance({ format: 'CSV', data }));
    expect(userError(res)).toEqual({ field: ['input', 'data'], code: 'TOO_MANY_ITEMS', message: expect.stringMatching(/au plus 20000 lignes/) });
    expect(Math.max(...times)).toBeLessThan(1000);
  });
});
