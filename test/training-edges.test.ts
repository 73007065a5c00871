/**
 * Training rules at the edges: HELD only once the last part has started, no request once a
 * session has begun, assiduity that follows HELD rather than the clock, per-ministry
 * waiting-list positions and promotion, and billing of connected trainees only.
 */
import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { courseId, M, ministryId, moveSessionBack, openSession, outcome, slots, traineesOf, validatedRequest } from './training.helpers';

const server = await startTestServer();
const referent = await server.tokenForRole('TRAINING_REFERENT');
const dafLyon = await server.tokenForRole('DAF_MANAGER', 'RECT-LYON');
const dafLille = await server.tokenForRole('DAF_MANAGER', 'RECT-LILLE');
const raw = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1];
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const CREATE = `mutation($input: CreateTrainingSessionInput!) { createTrainingSession(input: $input) { session { id status } userErrors { field code message } } }`;

async function sessionStarting(hoursFromNow: number, parts: number): Promise<string> {
  const course = await courseId(server, referent, parts === 1 ? 'Découverte Chorus' : 'Budget');
  const res = await server.gql(CREATE, { input: { courseId: course, label: `edge ${hoursFromNow} ${parts}`, capacity: 5, status: 'OPEN', parts: slots(new Date(Date.now() + hoursFromNow * 3_600_000), parts) } }, { token: referent });
  expect(res.body.data.createTrainingSession.userErrors).toEqual([]);
  return res.body.data.createTrainingSession.session.id;
}

describe('a session is HELD only once its last part has started', () => {
  it('refuses HELD while a later part is still to come, accepts it once the last part has started', async () => {
    // three daily parts, the first one yesterday: begun, not over
    const begun = await sessionStarting(-24, 3);
    const early = await server.gql(M.updateSession, { input: { id: begun, status: 'HELD' } }, { token: referent });
    expect(outcome(early, 'updateTrainingSession')).toBe('LAST_PART_NOT_STARTED');
    const onePartAgo = await sessionStarting(-1, 1);
    const held = await server.gql(M.updateSession, { input: { id: onePartAgo, status: 'HELD' } }, { token: referent });
    expect(outcome(held, 'updateTrainingSession')).toBe('OK');
    expect(held.body.data.updateTrainingSession.session.status).toBe('HELD');
  });

  it('refuses a registration request on a session that has already begun, though still OPEN', async () => {
    const begun = await sessionStarting(-24, 3);
    const [trainee] = await traineesOf(server, 'CSP-LYON', 1, 20);
    const res = await server.gql(M.request, { s: begun }, { token: trainee.token });
    expect(outcome(res, 'requestTrainingRegistration')).toBe('SESSION_ALREADY_STARTED');
    const later = await sessionStarting(48, 1);
    expect(outcome(await server.gql(M.request, { s: later }, { token: trainee.token }), 'requestTrainingRegistration')).toBe('OK');
  });
});

const RECORD = `mutation($input: RecordAttendanceInput!) { recordTrainingAttendance(input: $input) { userErrors { code message } } }`;
const REPORT = `query($id: ID!) { trainingAttendanceReport(personId: $id) { record { sessionsHeld absences unjustifiedAbsences partialAttendances penalised } } }`;

/**
 * A 3-part Budget session (priced per part from 2022) with three registered trainees of
 * CSP-LYON: the first connected to no part, the second to one, the third to all three.
 */
async function sessionWithAttendance(skip: number) {
  const session = await openSession(server, referent, { title: 'Budget', parts: 3, daysAhead: 5 });
  const people = await traineesOf(server, 'CSP-LYON', 3, skip);
  const ids: string[] = [];
  for (const p of people) {
    const id = await validatedRequest(server, session, p.token, dafLyon);
    expect(outcome(await server.gql(M.register, { input: { id } }, { token: referent }), 'registerTrainee')).toBe('OK');
    ids.push(id);
  }
  // the parts took place (5, 4 and 3 days ago): attendance is recorded only then
  await moveSessionBack(server, session, 10);
  const parts = [[], [1], [1, 2, 3]];
  for (const [i, connected] of parts.entries()) {
    for (const part of connected) {
      expect(outcome(await server.gql(RECORD, { input: { registrationId: ids[i], part, connected: true, minutes: 100 } }, { token: referent }), 'recordTrainingAttendance')).toBe('OK');
    }
  }
  const personIds = (await sql(server.databaseUrl, `select trainee_id from training_registration where id = any($1::uuid[]) order by array_position($1::uuid[], id)`, [ids.map(raw)])).rows.map((r) => gid('Person', r.trainee_id));
  return { session, people, ids, personIds };
}

describe('assiduity follows the HELD status, not the clock', () => {
  it('a session whose parts are all past counts no absence nor partial attendance until it is HELD', async () => {
    const { session, people, personIds } = await sessionWithAttendance(40);
    // every part in the past, the session still OPEN: the clock says over, the status does not
    const id = raw(session);
    await sql(server.databaseUrl, `update training_session_part set starts_at = starts_at - interval '30 days', ends_at = ends_at - interval '30 days' where session_id = $1`, [id]);
    await sql(server.databaseUrl, `update training_session set starts_at = starts_at - interval '30 days', ends_at = ends_at - interval '30 days' where id = $1`, [id]);
    const record = async (i: number) => (await server.gql(REPORT, { id: personIds[i] }, { token: referent })).body.data.trainingAttendanceReport.record;
    const ASSIDUITY = `query($f: TrainingStatisticsFilter) { trainingStatistics(filter: $f) { assiduity(first: 100) { email sessionsHeld absences unjustifiedAbsences partialAttendances } } }`;
    const table = async () => (await server.gql(ASSIDUITY, { f: { sessionId: session } }, { token: referent })).body.data.trainingStatistics.assiduity;

    expect(await record(0)).toEqual({ sessionsHeld: 0, absences: 0, unjustifiedAbsences: 0, partialAttendances: 0, penalised: false });
    expect(await record(1)).toMatchObject({ sessionsHeld: 0, partialAttendances: 0 });
    expect(await table()).toEqual([]);

    const held = await server.gql(M.updateSession, { input: { id: session, status: 'HELD' } }, { token: referent });
    expect(outcome(held, 'updateTrainingSession')).toBe('OK');
    expect(await record(0)).toEqual({ sessionsHeld: 1, absences: 1, unjustifiedAbsences: 1, partialAttendances: 0, penalised: true });
    expect(await record(1)).toEqual({ sessionsHeld: 1, absences: 0, unjustifiedAbsences: 0, partialAttendances: 1, penalised: false });
    expect(await record(2)).toEqual({ sessionsHeld: 1, absences: 0, unjustifiedAbsences: 0, partialAttendances: 0, penalised: false });
    expect(await table()).toEqual([
      { email: people[0].email, sessionsHeld: 1, absences: 1, unjustifiedAbsences: 1, partialAttendances: 0 },
      { email: people[1].email, sessionsHeld: 1, absences: 0, unjustifiedAbsences: 0, partialAttendances: 1 },
    ]);
  });
});

describe('billing lists only trainees connected to at least one part', () => {
  it('leaves out the trainee connected to no part, in every grouping and in the totals', async () => {
    const { session, people } = await sessionWithAttendance(50);
    const BILLING = `query($f: TrainingStatisticsFilter) { trainingStatistics(filter: $f) {
      bySession: billing(groupBy: SESSION) { label trainees partsBilled amountCents }
      byTrainee: billing(groupBy: TRAINEE) { label trainees partsBilled amountCents }
      byStructure: billing(groupBy: STRUCTURE) { label trainees partsBilled amountCents } } }`;
    const res = await server.gql(BILLING, { f: { sessionId: session } }, { token: referent });
    expect(res.body.errors).toBeUndefined();
    const { bySession, byTrainee, byStructure } = res.body.data.trainingStatistics;
    // Budget costs 150 € a part from 2022: 1 + 3 parts connected to, by 2 trainees (the third connected to none)
    const total = { label: 'TOTAL', trainees: 2, partsBilled: 4, amountCents: 60_000 };
    expect(bySession.map((l: any) => l.trainees)).toEqual([2, 2]);
    expect(bySession.at(-1)).toEqual(total);
    expect(byStructure.at(-1)).toEqual(total);
    expect(byTrainee.at(-1)).toEqual(total);
    const lines = byTrainee.slice(0, -1);
    expect(lines.map((l: any) => [l.trainees, l.partsBilled, l.amountCents])).toEqual([[1, 3, 45_000], [1, 1, 15_000]]);
    expect(lines[0].label).toContain(people[2].email);
    expect(lines[1].label).toContain(people[1].email);
    expect(byTrainee.some((l: any) => l.label.includes(people[0].email))).toBe(false);
    const csv = await server.gql(`query($f: TrainingStatisticsFilter) { trainingStatisticsCsv(table: BILLING, filter: $f, billingGroupBy: TRAINEE) }`, { f: { sessionId: session } }, { token: referent });
    const csvLines = csv.body.data.trainingStatisticsCsv.trim().split('\r\n');
    expect(csvLines).toHaveLength(1 + 2 + 1);
    expect(csvLines.at(-1)).toBe('TOTAL;2;4;600,00');
  });
});

describe('waiting lists per ministry quota', () => {
  it('queues each ministry apart and gives a freed seat to the first waiter of its ministry', async () => {
    const min06 = await ministryId(server, referent, 'MIN06');
    const min35 = await ministryId(server, referent, 'MIN35');
    const session = await openSession(server, referent, { capacity: 2, seats: [{ ministryId: min06, seats: 1 }, { ministryId: min35, seats: 1 }] });
    const lyon = await traineesOf(server, 'CSP-LYON', 3, 60);
    // Lille's académie is of MIN35, and has few plain users: both its structures
    const lille = [...(await traineesOf(server, 'CSP-LILLE', 3)), ...(await traineesOf(server, 'RECT-LILLE', 3))].slice(0, 3);
    expect(lille).toHaveLength(3);
    const REG = `mutation($input: RegistrationRefInput!) { registerTrainee(input: $input) { registration { status waitingListPosition ministry { code } } userErrors { code } } }`;
    // every request first (a FULL session takes no more), then the referent registers them in this order
    const requests = new Map<string, string>();
    for (const p of lyon) requests.set(p.token, await validatedRequest(server, session, p.token, dafLyon));
    for (const p of lille) requests.set(p.token, await validatedRequest(server, session, p.token, dafLille));
    const register = async (token: string) => {
      const id = requests.get(token)!;
      const r = (await server.gql(REG, { input: { id } }, { token: referent })).body.data.registerTrainee;
      expect(r.userErrors).toEqual([]);
      return { id, ...r.registration };
    };
    // served in this order: both seats, then two MIN06 waiters ahead of two MIN35 ones
    const seated06 = await register(lyon[0].token);
    const seated35 = await register(lille[0].token);
    const w06 = [await register(lyon[1].token), await register(lyon[2].token)];
    const w35 = [await register(lille[1].token), await register(lille[2].token)];
    expect([seated06, seated35].map((r) => [r.status, r.ministry.code])).toEqual([['REGISTERED', 'MIN06'], ['REGISTERED', 'MIN35']]);
    // a MIN35 trainee is not queued behind the MIN06 ones
    expect(w06.map((r) => [r.status, r.ministry.code, r.waitingListPosition])).toEqual([['WAITLISTED', 'MIN06', 1], ['WAITLISTED', 'MIN06', 2]]);
    expect(w35.map((r) => [r.status, r.ministry.code, r.waitingListPosition])).toEqual([['WAITLISTED', 'MIN35', 1], ['WAITLISTED', 'MIN35', 2]]);

    // the MIN35 seat frees: the first MIN35 waiter gets it, though MIN06 ones were waiting longer
    const cancelled = await server.gql(M.cancel, { input: { id: seated35.id, note: 'Empêché.' } }, { token: referent });
    expect(outcome(cancelled, 'cancelTrainingRegistration')).toBe('OK');
    const POS = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on TrainingRegistration { status waitingListPosition } } }`;
    const now = (await server.gql(POS, { ids: [...w06, ...w35].map((r) => r.id) }, { token: referent })).body.data.nodes;
    expect(now.map((r: any) => [r.status, r.waitingListPosition])).toEqual([
      ['WAITLISTED', 1],
      ['WAITLISTED', 2],
      ['REGISTERED', null],
      ['WAITLISTED', 1],
    ]);
    const promoted = await sql(server.databaseUrl, `select action from training_registration_event where registration_id = $1 order by at desc, created_at desc limit 1`, [raw(w35[0].id)]);
    expect(promoted.rows[0].action).toBe('PROMOTE');

    // and the MIN06 seat frees: the first MIN06 waiter
    expect(outcome(await server.gql(M.cancel, { input: { id: seated06.id } }, { token: referent }), 'cancelTrainingRegistration')).toBe('OK');
    const after = (await server.gql(POS, { ids: [...w06, ...w35].map((r) => r.id) }, { token: referent })).body.data.nodes;
    expect(after.map((r: any) => [r.status, r.waitingListPosition])).toEqual([
      ['REGISTERED', null],
      ['WAITLISTED', 1],
      ['REGISTERED', null],
      ['WAITLISTED', 1],
    ]);
  });
});
