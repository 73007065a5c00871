/**
 * Training rules at the edges: HELD only once the last part has started, no request once a
 * session has begun, and per-ministry waiting-list positions.
 */
import { describe, expect, it } from 'vitest';
import { startTestServer } from './support/server';
import { courseId, M, outcome, slots, traineesOf } from './training.helpers';

const server = await startTestServer();
const referent = await server.tokenForRole('TRAINING_REFERENT');
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
