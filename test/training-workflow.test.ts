/**
 * The registration workflow: who may take each step, in and out of their perimeter, and
 * the bad inputs of the issue. A registration outside the viewer's perimeter looks absent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { M, ministryId, openSession, outcome, traineesOf, validatedRequest } from './training.helpers';

const server = await startTestServer();
const referent = await server.tokenForRole('TRAINING_REFERENT');
const analyst = await server.tokenForRole('ANALYST');
const dafLyon = await server.tokenForRole('DAF_MANAGER', 'RECT-LYON');
const dafBordeaux = await server.tokenForRole('DAF_MANAGER', 'RECT-BORDEAUX');
const ccaLyon = await server.tokenForRole('CCA', 'CSP-LYON');
let trainee: string;
let otherUser: string;
const actors: Record<string, string> = {};

beforeAll(async () => {
  trainee = (await traineesOf(server, 'CSP-LYON', 1))[0].token;
  otherUser = (await traineesOf(server, 'CSP-BORDEAUX', 1))[0].token;
  Object.assign(actors, { trainee, otherUser, dafLyon, dafBordeaux, referent, analyst, ccaLyon });
});

type Step = 'requested' | 'validated' | 'registered' | 'tested';

/** A registration of `trainee` (CSP-LYON) brought to `step` by the right people. */
async function registrationAt(step: Step): Promise<string> {
  const session = await openSession(server, referent);
  const req = await server.gql(M.request, { s: session }, { token: trainee });
  const id = req.body.data.requestTrainingRegistration.registration.id;
  if (step === 'requested') return id;
  await server.gql(M.decide, { input: { id, approve: true } }, { token: dafLyon });
  if (step === 'validated') return id;
  const reg = await server.gql(M.register, { input: { id } }, { token: referent });
  expect(reg.body.data.registerTrainee.registration.status).toBe('REGISTERED');
  if (step === 'registered') return id;
  await server.gql(M.test, { input: { id, passed: true } }, { token: trainee });
  return id;
}

const ACTIONS: Record<string, { from: Step; field: string; run: (id: string, token: string) => Promise<any> }> = {
  validate: { from: 'requested', field: 'decideTrainingRequest', run: (id, token) => server.gql(M.decide, { input: { id, approve: true } }, { token }) },
  refuse: { from: 'requested', field: 'decideTrainingRequest', run: (id, token) => server.gql(M.decide, { input: { id, approve: false, reason: 'Pas cette année.' } }, { token }) },
  register: { from: 'validated', field: 'registerTrainee', run: (id, token) => server.gql(M.register, { input: { id } }, { token }) },
  compatibilityTest: { from: 'registered', field: 'recordCompatibilityTest', run: (id, token) => server.gql(M.test, { input: { id, passed: true } }, { token }) },
  confirm: { from: 'tested', field: 'confirmTrainingRegistration', run: (id, token) => server.gql(M.confirm, { input: { id } }, { token }) },
  cancel: { from: 'registered', field: 'cancelTrainingRegistration', run: (id, token) => server.gql(M.cancel, { input: { id } }, { token }) },
};

// role × perimeter → outcome. The trainee and the DAF manager of their rectorat's académie are "in";
// a user or a DAF manager of another académie is "out" (the registration looks absent to them).
const MATRIX: Record<string, Record<string, string>> = {
  validate: { trainee: 'FORBIDDEN', otherUser: 'FORBIDDEN', dafLyon: 'OK', dafBordeaux: 'NOT_FOUND', referent: 'FORBIDDEN', analyst: 'FORBIDDEN', ccaLyon: 'FORBIDDEN' },
  refuse: { trainee: 'FORBIDDEN', otherUser: 'FORBIDDEN', dafLyon: 'OK', dafBordeaux: 'NOT_FOUND', referent: 'FORBIDDEN', analyst: 'FORBIDDEN', ccaLyon: 'FORBIDDEN' },
  register: { trainee: 'FORBIDDEN', otherUser: 'FORBIDDEN', dafLyon: 'FORBIDDEN', dafBordeaux: 'FORBIDDEN', referent: 'OK', analyst: 'FORBIDDEN', ccaLyon: 'FORBIDDEN' },
  compatibilityTest: { trainee: 'OK', otherUser: 'NOT_FOUND', dafLyon: 'FORBIDDEN', dafBordeaux: 'NOT_FOUND', referent: 'FORBIDDEN', analyst: 'FORBIDDEN', ccaLyon: 'NOT_FOUND' },
  confirm: { trainee: 'OK', otherUser: 'NOT_FOUND', dafLyon: 'FORBIDDEN', dafBordeaux: 'NOT_FOUND', referent: 'FORBIDDEN', analyst: 'FORBIDDEN', ccaLyon: 'NOT_FOUND' },
  cancel: { trainee: 'OK', otherUser: 'NOT_FOUND', dafLyon: 'FORBIDDEN', dafBordeaux: 'NOT_FOUND', referent: 'OK', analyst: 'FORBIDDEN', ccaLyon: 'NOT_FOUND' },
};

describe('role × perimeter matrix', () => {
  it('each step is limited to its role and perimeter', async () => {
    const got: Record<string, Record<string, string>> = {};
    for (const [action, spec] of Object.entries(ACTIONS)) {
      got[action] = {};
      for (const actor of Object.keys(MATRIX[action])) {
        const id = await registrationAt(spec.from);
        got[action][actor] = outcome(await spec.run(id, actors[actor]), spec.field);
      }
    }
    expect(got).toEqual(MATRIX);
  }, 120_000);

  it('lists only what the viewer may see', async () => {
    const id = await registrationAt('requested');
    const LIST = `query($s: ID!) { trainingRegistrations(filter: { sessionId: $s }) { nodes { id } } }`;
    const session = (await sql(server.databaseUrl, `select session_id from training_registration where id = $1`, [Buffer.from(id, 'base64url').toString().split(':')[1]])).rows[0].session_id;
    const sessionId = Buffer.from(`TrainingSession:${session}`).toString('base64url');
    const seen: Record<string, number> = {};
    for (const [name, token] of Object.entries(actors)) {
      const res = await server.gql(LIST, { s: sessionId }, { token });
      seen[name] = res.body.data.trainingRegistrations.nodes.length;
    }
    expect(seen).toEqual({ trainee: 1, otherUser: 0, dafLyon: 1, dafBordeaux: 0, referent: 1, analyst: 1, ccaLyon: 0 });
    const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, { token: dafBordeaux });
    expect(node.body.data.node).toBeNull();
  });

  it('keeps an append-only history of every step, with who did it', async () => {
    const id = await registrationAt('tested');
    const res = await server.gql(M.confirm, { input: { id } }, { token: trainee });
    const history = res.body.data.confirmTrainingRegistration.registration.history;
    expect(history.map((e: any) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['REQUEST', null, 'REQUESTED'],
      ['VALIDATE', 'REQUESTED', 'VALIDATED'],
      ['REGISTER', 'VALIDATED', 'REGISTERED'],
      ['COMPATIBILITY_TEST', 'REGISTERED', 'REGISTERED'],
      ['CONFIRM', 'REGISTERED', 'CONFIRMED'],
    ]);
    expect(history[1].actor.email).toMatch(/@ac-lyon\.example$/);
    await expect(sql(server.databaseUrl, `update training_registration_event set note = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(sql(server.databaseUrl, `delete from training_registration_event`)).rejects.toThrow(/append-only/);
  });
});

describe('bad input', () => {
  it('a request for a full or a cancelled session', async () => {
    const full = await openSession(server, referent, { capacity: 1 });
    const [a, b] = await traineesOf(server, 'RECT-LYON', 2);
    const id = await validatedRequest(server, full, a.token, dafLyon);
    await server.gql(M.register, { input: { id } }, { token: referent });
    const status = await server.gql(`query($id: ID!) { node(id: $id) { ... on TrainingSession { status seatsTaken } } }`, { id: full }, { token: referent });
    expect(status.body.data.node).toEqual({ status: 'FULL', seatsTaken: 1 });
    expect(outcome(await server.gql(M.request, { s: full }, { token: b.token }), 'requestTrainingRegistration')).toBe('SESSION_FULL');

    const cancelled = await openSession(server, referent);
    await server.gql(M.updateSession, { input: { id: cancelled, status: 'CANCELLED' } }, { token: referent });
    expect(outcome(await server.gql(M.request, { s: cancelled }, { token: b.token }), 'requestTrainingRegistration')).toBe('SESSION_NOT_OPEN');
  });

  it('a second request for the same session, also when sent twice at once', async () => {
    const session = await openSession(server, referent);
    const results = await Promise.all([1, 2, 3].map(() => server.gql(M.request, { s: session }, { token: trainee })));
    expect(results.map((r) => outcome(r, 'requestTrainingRegistration')).sort()).toEqual(['ALREADY_REQUESTED', 'ALREADY_REQUESTED', 'OK']);
    expect(outcome(await server.gql(M.request, { s: session }, { token: trainee }), 'requestTrainingRegistration')).toBe('ALREADY_REQUESTED');
  });

  it('a validation by a manager of another structure, a refusal without reason', async () => {
    const id = await registrationAt('requested');
    expect(outcome(await server.gql(M.decide, { input: { id, approve: true } }, { token: dafBordeaux }), 'decideTrainingRequest')).toBe('NOT_FOUND');
    expect(outcome(await server.gql(M.decide, { input: { id, approve: false } }, { token: dafLyon }), 'decideTrainingRequest')).toBe('REQUIRED');
  });

  it('registering a refused request', async () => {
    const id = await registrationAt('requested');
    const refused = await server.gql(M.decide, { input: { id, approve: false, reason: 'Budget épuisé.' } }, { token: dafLyon });
    expect(refused.body.data.decideTrainingRequest.registration).toMatchObject({ status: 'REFUSED', refusalReason: 'Budget épuisé.' });
    expect(outcome(await server.gql(M.register, { input: { id } }, { token: referent }), 'registerTrainee')).toBe('INVALID_TRANSITION');
  });

  it('confirming without a passed compatibility test', async () => {
    const id = await registrationAt('registered');
    expect(outcome(await server.gql(M.confirm, { input: { id } }, { token: trainee }), 'confirmTrainingRegistration')).toBe('COMPATIBILITY_TEST_REQUIRED');
  });

  it('cancelling after the start (the trainee; the referent still may)', async () => {
    const id = await registrationAt('registered');
    const raw = Buffer.from(id, 'base64url').toString().split(':')[1];
    await sql(server.databaseUrl, `update training_session set starts_at = now() - interval '1 hour' where id = (select session_id from training_registration where id = $1)`, [raw]);
    expect(outcome(await server.gql(M.cancel, { input: { id } }, { token: trainee }), 'cancelTrainingRegistration')).toBe('TOO_LATE_TO_CANCEL');
    expect(outcome(await server.gql(M.cancel, { input: { id, note: 'Malade.' } }, { token: referent }), 'cancelTrainingRegistration')).toBe('OK');
  });

  it('a price without a year; a capacity below the number already registered', async () => {
    const courses = await server.gql(`{ trainingCourses { id title prices { fromYear centsPerPart } } }`, {}, { token: referent });
    const budget = courses.body.data.trainingCourses.find((c: any) => c.title === 'Budget');
    expect(budget.prices).toEqual([{ fromYear: 2022, centsPerPart: 15000 }]);
    const PRICE = `mutation($input: SetTrainingPriceInput!) { setTrainingPrice(input: $input) { price { fromYear centsPerPart } userErrors { field code } } }`;
    const noYear = await server.gql(PRICE, { input: { courseId: budget.id, centsPerPart: 20000 } }, { token: referent });
    expect(noYear.body.data.setTrainingPrice.userErrors).toEqual([{ field: ['input', 'fromYear'], code: 'PRICE_WITHOUT_YEAR' }]);
    const ok = await server.gql(PRICE, { input: { courseId: budget.id, centsPerPart: 20000, fromYear: 2027 } }, { token: referent });
    expect(ok.body.data.setTrainingPrice.price).toEqual({ fromYear: 2027, centsPerPart: 20000 });

    const session = await openSession(server, referent, { capacity: 5 });
    const people = await traineesOf(server, 'CSP-LYON', 2, 1);
    for (const p of people) await server.gql(M.register, { input: { id: await validatedRequest(server, session, p.token, dafLyon) } }, { token: referent });
    const below = await server.gql(M.updateSession, { input: { id: session, capacity: 1 } }, { token: referent });
    expect(below.body.data.updateTrainingSession.userErrors[0]).toMatchObject({ field: ['input', 'capacity'], code: 'CAPACITY_BELOW_REGISTERED' });
    const min06 = await ministryId(server, referent, 'MIN06');
    const seats = await server.gql(M.updateSession, { input: { id: session, seats: [{ ministryId: min06, seats: 1 }] } }, { token: referent });
    expect(seats.body.data.updateTrainingSession.userErrors[0].code).toBe('CAPACITY_BELOW_REGISTERED');
    const exact = await server.gql(M.updateSession, { input: { id: session, capacity: 2 } }, { token: referent });
    expect(exact.body.data.updateTrainingSession.session).toMatchObject({ capacity: 2, seatsTaken: 2, status: 'FULL' });
  });

  it('a session whose slots do not match the course parts, or end before they start', async () => {
    const courses = await server.gql(`{ trainingCourses { id title } }`, {}, { token: referent });
    const budget = courses.body.data.trainingCourses.find((c: any) => c.title === 'Budget').id;
    const CREATE = `mutation($input: CreateTrainingSessionInput!) { createTrainingSession(input: $input) { session { id } userErrors { field code } } }`;
    const t = (h: number) => new Date(Date.UTC(2030, 0, 7, h)).toISOString();
    const one = await server.gql(CREATE, { input: { courseId: budget, label: 'x', capacity: 5, parts: [{ startsAt: t(8), endsAt: t(10) }] } }, { token: referent });
    expect(one.body.data.createTrainingSession.userErrors[0].code).toBe('PARTS_MISMATCH');
    const backwards = await server.gql(CREATE, { input: { courseId: budget, label: 'x', capacity: 5, parts: [{ startsAt: t(8), endsAt: t(10) }, { startsAt: t(12), endsAt: t(11) }, { startsAt: t(13), endsAt: t(14) }] } }, { token: referent });
    expect(backwards.body.data.createTrainingSession.userErrors[0]).toEqual({ field: ['input', 'parts', '1'], code: 'PARTS_MISMATCH' });
  });
});

describe('assiduity', () => {
  it('an unjustified absence in the last 12 months puts a trainee behind others on the waiting list, and the referent sees the record', async () => {
    // the demo's recent priced session has one trainee connected to no part, unjustified
    const { rows } = await sql(server.databaseUrl, `
      select p.email from training_registration r join person p on p.id = r.trainee_id join training_session s on s.id = r.session_id
       where s.label = 'session récente (démo)' and not exists (select 1 from training_attendance a where a.registration_id = r.id and a.connected)`);
    expect(rows).toHaveLength(1);
    const absentee = await server.tokenFor(rows[0].email);
    const dafLille = await server.tokenForRole('DAF_MANAGER', 'RECT-LILLE');
    const absenteeDaf = rows[0].email.endsWith('ac-lyon.example') ? dafLyon : dafLille;
    const [punctual] = await traineesOf(server, 'CSP-LYON', 1, 3);

    const session = await openSession(server, referent, { capacity: 1 });
    const [holder] = await traineesOf(server, 'RECT-LYON', 1, 5);
    // three validated requests for one seat: the seat to the first registered, then the waiting list
    const seat = await validatedRequest(server, session, holder.token, dafLyon);
    const first = await validatedRequest(server, session, absentee, absenteeDaf);
    const second = await validatedRequest(server, session, punctual.token, dafLyon);
    await server.gql(M.register, { input: { id: seat } }, { token: referent });
    const RECORD = `mutation($input: RegistrationRefInput!) { registerTrainee(input: $input) { registration { status waitingListPosition traineeRecord { unjustifiedAbsences penalised } } userErrors { code } } }`;
    const a = await server.gql(RECORD, { input: { id: first } }, { token: referent });
    const b = await server.gql(RECORD, { input: { id: second } }, { token: referent });
    expect(a.body.data.registerTrainee.registration.traineeRecord).toEqual({ unjustifiedAbsences: 1, penalised: true });
    expect(b.body.data.registerTrainee.registration).toMatchObject({ status: 'WAITLISTED', waitingListPosition: 1, traineeRecord: { unjustifiedAbsences: 0, penalised: false } });
    const after = await server.gql(`query($id: ID!) { node(id: $id) { ... on TrainingRegistration { waitingListPosition } } }`, { id: first }, { token: referent });
    expect(after.body.data.node.waitingListPosition).toBe(2);

    // the policy off: arrival order again for the next ones
    const POLICY = `mutation($input: SetTrainingPolicyInput!) { setTrainingPolicy(input: $input) { policy { unjustifiedAbsenceMonths } userErrors { code } } }`;
    expect((await server.gql(POLICY, { input: { unjustifiedAbsenceMonths: 0, partialAttendanceCounts: false } }, { token: referent })).body.data.setTrainingPolicy.policy).toEqual({ unjustifiedAbsenceMonths: 0 });
    const record = await server.gql(RECORD, { input: { id: await validatedRequest(server, await openSession(server, referent, { capacity: 0 + 1 }), absentee, absenteeDaf) } }, { token: referent });
    expect(record.body.data.registerTrainee.registration.traineeRecord.penalised).toBe(false);
    await server.gql(POLICY, { input: { unjustifiedAbsenceMonths: 12, partialAttendanceCounts: false } }, { token: referent });
  });

  it('a justified absence lifts the penalty', async () => {
    const { rows } = await sql(server.databaseUrl, `
      select r.id, p.id person_id from training_registration r join person p on p.id = r.trainee_id join training_session s on s.id = r.session_id
       where s.label = 'session récente (démo)' and not exists (select 1 from training_attendance a where a.registration_id = r.id and a.connected)`);
    const id = Buffer.from(`TrainingRegistration:${rows[0].id}`).toString('base64url');
    const personId = Buffer.from(`Person:${rows[0].person_id}`).toString('base64url');
    const REPORT = `query($id: ID!) { trainingAttendanceReport(personId: $id) { record { sessionsHeld absences unjustifiedAbsences penalised } } }`;
    expect((await server.gql(REPORT, { id: personId }, { token: referent })).body.data.trainingAttendanceReport.record).toEqual({ sessionsHeld: 1, absences: 1, unjustifiedAbsences: 1, penalised: true });
    const justified = await server.gql(M.justify, { input: { id, justification: 'Arrêt maladie.' } }, { token: referent });
    expect(justified.body.data.justifyTrainingAbsence.registration.history.at(-1)).toMatchObject({ action: 'JUSTIFY_ABSENCE' });
    expect((await server.gql(REPORT, { id: personId }, { token: referent })).body.data.trainingAttendanceReport.record).toEqual({ sessionsHeld: 1, absences: 1, unjustifiedAbsences: 0, penalised: false });
  });

  it('the assiduity table lists unjustified absences and partial attendance, with the history', async () => {
    const STATS = `{ trainingStatistics { assiduity(first: 1000) { email unjustifiedAbsences partialAttendances history { status session { label } } } } }`;
    const before = await server.gql(STATS, {}, { token: analyst });
    const rows = before.body.data.trainingStatistics.assiduity;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: any) => r.unjustifiedAbsences > 0 || r.partialAttendances > 0)).toBe(true);
    expect(rows[0].history.length).toBeGreaterThan(0);
    const traineeId = (await sql(server.databaseUrl, `select id from person where email = $1`, [rows[0].email])).rows[0].id;
    const report = await server.gql(`query($id: ID!) { trainingAttendanceReport(personId: $id) { record { sessionsHeld absences } registrations { attendance { partNumber connected minutes } } } }`, {
      id: Buffer.from(`Person:${traineeId}`).toString('base64url'),
    }, { token: referent });
    // every registration of that trainee, none left out
    const registered = (await sql(server.databaseUrl, `select count(*)::int n from training_registration where trainee_id = $1`, [traineeId])).rows[0].n;
    expect(registered).toBeGreaterThan(0);
    expect(report.body.data.trainingAttendanceReport.registrations).toHaveLength(registered);
  });
});
