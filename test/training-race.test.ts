/**
 * Seats under concurrency: ten registrations at once for the last two seats, over real
 * HTTP on two server instances sharing the database. The session row lock serialises them:
 * exactly two seats given, eight on the waiting list in the order they were served, and
 * freed or added seats go down the waiting list in that order.
 */
import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { M, ministryId, openSession, traineesOf, validatedRequest } from './training.helpers';

const server = await startTestServer();
const second = await startTestServer({ databaseUrl: server.databaseUrl });
const referent = await server.tokenForRole('TRAINING_REFERENT');
const dafLyon = await server.tokenForRole('DAF_MANAGER', 'RECT-LYON');
const raw = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1];

describe('the last seats', () => {
  it('10 simultaneous registrations for the last 2 seats: 2 registered, 8 waitlisted in order; cancellations and new seats promote in order', async () => {
    const session = await openSession(server, referent, { capacity: 4 });
    const people = [...(await traineesOf(server, 'CSP-LYON', 6, 1)), ...(await traineesOf(server, 'RECT-LYON', 6, 1))];
    const ids: string[] = [];
    for (const p of people) ids.push(await validatedRequest(server, session, p.token, dafLyon));
    for (const id of ids.slice(0, 2)) await server.gql(M.register, { input: { id } }, { token: referent });

    const racing = ids.slice(2);
    const results = await Promise.all(racing.map((id, i) => (i % 2 ? second : server).gql(M.register, { input: { id } }, { token: referent })));
    const statuses = results.map((r) => {
      expect(r.body.data.registerTrainee.userErrors).toEqual([]);
      return r.body.data.registerTrainee.registration.status;
    });
    expect(statuses.filter((s) => s === 'REGISTERED')).toHaveLength(2);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(8);

    // in the database: never more seated than the capacity
    const seated = await sql(server.databaseUrl, `select count(*)::int n from training_registration where session_id = $1 and status in ('REGISTERED', 'CONFIRMED')`, [raw(session)]);
    expect(seated.rows[0].n).toBe(4);

    // the order the lock served them in: both seats before any waitlisting, and the waiting list in that order
    const served = await sql(
      server.databaseUrl,
      `select r.id, e.action, r.waitlist_seq from training_registration_event e join training_registration r on r.id = e.registration_id
        where r.session_id = $1 and e.action in ('REGISTER', 'WAITLIST') and r.id = any($2::uuid[]) order by e.at, e.created_at`,
      [raw(session), racing.map(raw)],
    );
    expect(served.rows.map((r) => r.action)).toEqual(['REGISTER', 'REGISTER', ...Array(8).fill('WAITLIST')]);
    const waitOrder = served.rows.filter((r) => r.action === 'WAITLIST').map((r) => r.id);
    const seqs = served.rows.filter((r) => r.action === 'WAITLIST').map((r) => r.waitlist_seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    const POSITIONS = `query($s: ID!) { trainingRegistrations(filter: { sessionId: $s, statuses: [WAITLISTED] }, first: 20) { nodes { id waitingListPosition } } }`;
    const positions = async () => {
      const res = await server.gql(POSITIONS, { s: session }, { token: referent });
      return res.body.data.trainingRegistrations.nodes.sort((a: any, b: any) => a.waitingListPosition - b.waitingListPosition).map((n: any) => raw(n.id));
    };
    expect(await positions()).toEqual(waitOrder);

    // a registered trainee cancels: the first of the waiting list gets the seat
    const registeredId = ids[0];
    const trainee0 = people[0].token;
    const cancelled = await server.gql(M.cancel, { input: { id: registeredId, note: 'Empêchée.' } }, { token: trainee0 });
    expect(cancelled.body.data.cancelTrainingRegistration.registration.status).toBe('CANCELLED');
    const promoted = await sql(server.databaseUrl, `select id, status from training_registration where id = $1`, [waitOrder[0]]);
    expect(promoted.rows[0].status).toBe('REGISTERED');
    const history = await sql(server.databaseUrl, `select action, note from training_registration_event where registration_id = $1 order by at desc limit 1`, [waitOrder[0]]);
    expect(history.rows[0].action).toBe('PROMOTE');
    expect(await positions()).toEqual(waitOrder.slice(1));

    // two more seats: the next two, in order
    const more = await second.gql(M.updateSession, { input: { id: session, capacity: 6 } }, { token: referent });
    expect(more.body.data.updateTrainingSession.session).toMatchObject({ capacity: 6, seatsTaken: 6, waitingListLength: 5, status: 'FULL' });
    expect(await positions()).toEqual(waitOrder.slice(3));
    const nowSeated = await sql(server.databaseUrl, `select id from training_registration where id = any($1::uuid[]) and status = 'REGISTERED'`, [waitOrder.slice(0, 3)]);
    expect(nowSeated.rows).toHaveLength(3);
  });

  it('seats per ministry: a ministry whose seats are taken waits even when others have seats left', async () => {
    const min06 = await ministryId(server, referent, 'MIN06');
    const min35 = await ministryId(server, referent, 'MIN35');
    const session = await openSession(server, referent, { capacity: 5, seats: [{ ministryId: min06, seats: 1 }, { ministryId: min35, seats: 4 }] });
    const lyon = await traineesOf(server, 'CSP-LYON', 2, 8);
    const lille = await traineesOf(server, 'CSP-LILLE', 1);
    const dafLille = await server.tokenForRole('DAF_MANAGER', 'RECT-LILLE');
    const a = await validatedRequest(server, session, lyon[0].token, dafLyon);
    const b = await validatedRequest(server, session, lyon[1].token, dafLyon);
    const c = await validatedRequest(server, session, lille[0].token, dafLille);
    const status = async (id: string) => (await server.gql(M.register, { input: { id } }, { token: referent })).body.data.registerTrainee.registration.status;
    expect([await status(a), await status(b), await status(c)]).toEqual(['REGISTERED', 'WAITLISTED', 'REGISTERED']);
    // one more MIN06 seat promotes the MIN06 trainee
    await server.gql(M.updateSession, { input: { id: session, seats: [{ ministryId: min06, seats: 2 }, { ministryId: min35, seats: 3 }] } }, { token: referent });
    const b2 = await sql(server.databaseUrl, `select status from training_registration where id = $1`, [raw(b)]);
    expect(b2.rows[0].status).toBe('REGISTERED');
  });
});
