import { expect } from 'vitest';
import { sql } from './support/db';
import type { TestServer } from './support/server';

export const REG_FIELDS = `id status waitingListPosition refusalReason history { action fromStatus toStatus at actor { email } }`;

/** The outcome of a mutation or query as one word: OK, or the error code (top-level or userErrors). */
export function outcome(res: { body: { data?: any; errors?: any[] } }, field: string): string {
  if (res.body.errors?.length) return res.body.errors[0].extensions.code;
  const payload = res.body.data[field];
  return payload.userErrors.length ? payload.userErrors[0].code : 'OK';
}

export async function courseId(server: TestServer, token: string, title: string): Promise<string> {
  const res = await server.gql(`{ trainingCourses { id title } }`, {}, { token });
  return res.body.data.trainingCourses.find((c: any) => c.title === title).id;
}

export async function ministryId(server: TestServer, token: string, code: string): Promise<string> {
  const res = await server.gql(`{ ministries { id code } }`, {}, { token });
  return res.body.data.ministries.find((m: any) => m.code === code).id;
}

let n = 0;
/** One 2-hour slot a day from `start`. */
export const slots = (start: Date, count: number) =>
  Array.from({ length: count }, (_, i) => ({ startsAt: new Date(start.getTime() + i * 86_400_000).toISOString(), endsAt: new Date(start.getTime() + i * 86_400_000 + 7_200_000).toISOString() }));

/** An open Découverte Chorus session (one part) a few weeks ahead. */
export async function openSession(server: TestServer, referent: string, opts: { capacity?: number; seats?: { ministryId: string; seats: number }[]; daysAhead?: number; title?: string; parts?: number } = {}) {
  const course = await courseId(server, referent, opts.title ?? 'Découverte Chorus');
  const start = new Date(Date.now() + (opts.daysAhead ?? 20) * 86_400_000 + n++ * 3_600_000);
  const res = await server.gql(
    `mutation($input: CreateTrainingSessionInput!) { createTrainingSession(input: $input) { session { id status capacity } userErrors { field code message } } }`,
    { input: { courseId: course, label: `test session ${n}`, capacity: opts.capacity ?? 10, status: 'OPEN', parts: slots(start, opts.parts ?? 1), seats: opts.seats } },
    { token: referent },
  );
  expect(res.body.data.createTrainingSession.userErrors).toEqual([]);
  return res.body.data.createTrainingSession.session.id as string;
}

export const M = {
  request: `mutation($s: ID!) { requestTrainingRegistration(sessionId: $s) { registration { ${REG_FIELDS} } userErrors { field code message } } }`,
  decide: `mutation($input: DecideTrainingRequestInput!) { decideTrainingRequest(input: $input) { registration { ${REG_FIELDS} } userErrors { field code message } } }`,
  register: `mutation($input: RegistrationRefInput!) { registerTrainee(input: $input) { registration { ${REG_FIELDS} } userErrors { field code message } } }`,
  test: `mutation($input: CompatibilityTestInput!) { recordCompatibilityTest(input: $input) { registration { ${REG_FIELDS} } userErrors { field code message } } }`,
  confirm: `mutation($input: RegistrationRefInput!) { confirmTrainingRegistration(input: $input) { registration { ${REG_FIELDS} } userErrors { field code message } } }`,
  cancel: `mutation($input: RegistrationRefInput!) { cancelTrainingRegistration(input: $input) { registration { ${REG_FIELDS} } userErrors { field code message } } }`,
  justify: `mutation($input: JustifyAbsenceInput!) { justifyTrainingAbsence(input: $input) { registration { ${REG_FIELDS} } userErrors { field code message } } }`,
  updateSession: `mutation($input: UpdateTrainingSessionInput!) { updateTrainingSession(input: $input) { session { id status capacity seatsTaken waitingListLength } userErrors { field code message } } }`,
};

/** Requests (trainee) then validates (their DAF manager): returns the registration id. */
export async function validatedRequest(server: TestServer, sessionId: string, trainee: string, daf: string): Promise<string> {
  const req = await server.gql(M.request, { s: sessionId }, { token: trainee });
  expect(req.body.data.requestTrainingRegistration.userErrors).toEqual([]);
  const id = req.body.data.requestTrainingRegistration.registration.id;
  const ok = await server.gql(M.decide, { input: { id, approve: true } }, { token: daf });
  expect(ok.body.data.decideTrainingRequest.userErrors).toEqual([]);
  return id;
}

/** `count` END_USER people of a structure (generated trainees included), as tokens. */
export async function traineesOf(server: TestServer, structureCode: string, count: number, skip = 0): Promise<{ email: string; token: string }[]> {
  const { rows } = await sql(
    server.databaseUrl,
    `select p.email from person p join structure s on s.id = p.structure_id
      where s.code = $1 and 'END_USER' = any(p.held_roles) and p.active
        and not exists (select 1 from correspondent_assignment a where a.person_id = p.id)
      order by p.email offset $2 limit $3`,
    [structureCode, skip, count],
  );
  return Promise.all(rows.map(async (r) => ({ email: r.email, token: await server.tokenFor(r.email) })));
}

/** Moves a session and its parts `days` days earlier (attendance is recorded only for what has begun). */
export async function moveSessionBack(server: TestServer, sessionId: string, days: number): Promise<void> {
  const id = Buffer.from(sessionId, 'base64url').toString().split(':')[1];
  await sql(server.databaseUrl, `update training_session_part set starts_at = starts_at - make_interval(days => $2), ends_at = ends_at - make_interval(days => $2) where session_id = $1`, [id, days]);
  await sql(server.databaseUrl, `update training_session set starts_at = starts_at - make_interval(days => $2), ends_at = ends_at - make_interval(days => $2) where id = $1`, [id, days]);
}
