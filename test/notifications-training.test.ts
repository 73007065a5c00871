/**
 * The training mails end to end (real server, real SMTP relay started here): waiting list,
 * promotion, cancellation by the referent, the reminder job run through the real worker
 * path with the moment it acts as, and the connection-time summary once a session is HELD.
 * (The DAF request, the confirmation and its links: notifications-actions.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { fromGlobalId } from '../packages/server/src/core/ids';
import { REMINDERS_TASK } from '../packages/server/src/notifications';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { startTestRelay } from './support/smtp';
import { until } from './support/until';
import { M, openSession, traineesOf, validatedRequest } from './training.helpers';

const relay = await startTestRelay();
const server = await startTestServer({ env: { SMTP_URL: relay.url, MAIL_FROM: 'Support Chorus <support@chorus.example>', NOTIFICATION_POLL_MS: '200', TRAINING_REMINDER_DAYS: '3' } });
const referent = await server.tokenForRole('TRAINING_REFERENT');
const daf = await server.tokenForRole('DAF_MANAGER', 'RECT-LYON');
const trainees = await traineesOf(server, 'CSP-LYON', 4);

const mailsTo = (email: string, subject: (s: string) => boolean) => relay.to(email).filter((m) => subject(m.parsed.subject ?? ''));
const raw = (globalId: string) => fromGlobalId(globalId).id;

/** Every decision and delivery due now is done (the queue holds none), so an absent mail is absent for good. */
async function settled() {
  await until(async () => {
    const { rows } = await sql(server.databaseUrl, `select count(*)::int n from graphile_worker.jobs where task_identifier like 'notifications:%' and task_identifier <> 'notifications:digest' and run_at <= now() and attempts < max_attempts`);
    return rows[0].n === 0;
  }, 20_000);
}

async function registered(session: string, t: { token: string }, validated?: string) {
  const id = validated ?? (await validatedRequest(server, session, t.token, daf));
  const r = await server.gql(M.register, { input: { id } }, { token: referent });
  expect(r.body.data.registerTrainee.userErrors).toEqual([]);
  return { id, status: r.body.data.registerTrainee.registration.status as string };
}

describe('the waiting list', () => {
  it('the trainee is told they wait; when the referent cancels a seat, its holder is told and the first waiting is told of the promotion', async () => {
    const session = await openSession(server, referent, { capacity: 1, title: 'Découverte Chorus' });
    const [a, b] = trainees;
    // both ask while a seat is left; the referent registers them in turn
    const [va, vb] = [await validatedRequest(server, session, a.token, daf), await validatedRequest(server, session, b.token, daf)];
    const first = await registered(session, a, va);
    const second = await registered(session, b, vb);
    expect([first.status, second.status]).toEqual(['REGISTERED', 'WAITLISTED']);
    const waiting = await until(async () => mailsTo(b.email, (s) => s.endsWith('vous êtes sur la liste d’attente'))[0], 15_000);
    expect(waiting.parsed.subject).toBe('Formation « Découverte Chorus » : vous êtes sur la liste d’attente');
    expect(waiting.parsed.text).toContain('Dès qu’une place se libère');
    const cancel = await server.gql(M.cancel, { input: { id: first.id } }, { token: referent });
    expect(cancel.body.data.cancelTrainingRegistration.userErrors).toEqual([]);
    const cancelled = await until(async () => mailsTo(a.email, (s) => s.endsWith('inscription annulée'))[0], 15_000);
    expect(cancelled.parsed.text).toContain('a été annulée par');
    const promoted = await until(async () => mailsTo(b.email, (s) => s.endsWith('une place s’est libérée, vous êtes inscrit'))[0], 15_000);
    expect(promoted.parsed.text).toContain('Annuler mon inscription');
    expect(String(promoted.parsed.html)).toContain(`/actions/`);
  });

  it('a trainee who cancels themself is not told of their own act', async () => {
    const session = await openSession(server, referent, { capacity: 5 });
    const t = trainees[2];
    const r = await registered(session, t);
    await until(async () => relay.to(t.email).find((m) => String(m.parsed.text).includes(`test session`) && m.parsed.subject?.endsWith('confirmation d’inscription')), 15_000);
    const before = mailsTo(t.email, (s) => s.endsWith('inscription annulée')).length;
    const res = await server.gql(M.cancel, { input: { id: r.id } }, { token: t.token });
    expect(res.body.data.cancelTrainingRegistration.userErrors).toEqual([]);
    await settled();
    expect(mailsTo(t.email, (s) => s.endsWith('inscription annulée'))).toHaveLength(before);
  });
});

describe('the reminder', () => {
  it('goes TRAINING_REMINDER_DAYS before the session, with the parts’ dates, once per registration (the job run as of a given moment)', async () => {
    const session = await openSession(server, referent, { capacity: 5, daysAhead: 30, parts: 3, title: 'Budget' });
    const t = trainees[3];
    const r = await registered(session, t);
    const { rows } = await sql(server.databaseUrl, 'select starts_at from training_session where id = $1', [raw(session)]);
    const startsAt = new Date(rows[0].starts_at);
    const run = async (at: Date) => {
      await sql(server.databaseUrl, `select graphile_worker.add_job($1, json_build_object('at', $2::text))`, [REMINDERS_TASK, at.toISOString()]);
      await settled();
    };
    const reminders = () => mailsTo(t.email, (s) => s.includes('rappel, la session commence'));
    // ten days before: too early
    await run(new Date(startsAt.getTime() - 10 * 86_400_000));
    expect(reminders()).toEqual([]);
    // two days before: due
    await run(new Date(startsAt.getTime() - 2 * 86_400_000));
    const mail = await until(async () => reminders()[0], 15_000);
    expect(mail.parsed.text).toMatch(/Partie 1 : .+\nPartie 2 : .+\nPartie 3 : /);
    expect(mail.parsed.text).toContain('Pensez à faire le test de compatibilité');
    expect(mail.parsed.text).toContain('Annuler mon inscription');
    // the next hour's run: nothing twice
    await run(new Date(startsAt.getTime() - 2 * 86_400_000 + 3_600_000));
    expect(reminders()).toHaveLength(1);
    const { rows: n } = await sql(server.databaseUrl, `select count(*)::int n from notification where source_table = 'training_reminder' and source_id = $1`, [raw(r.id)]);
    expect(n[0].n).toBe(1);
  });
});

describe('a session HELD', () => {
  it('sends the training referents the connection-time summary', async () => {
    const session = await openSession(server, referent, { capacity: 5, parts: 3, title: 'Budget' });
    const [present, absent] = [trainees[0], trainees[1]];
    const p = await registered(session, present);
    await registered(session, absent);
    // the session took place: its parts move to the past, the present trainee connected to the first part for 100 minutes
    const sid = raw(session);
    await sql(server.databaseUrl, `update training_session_part set starts_at = starts_at - interval '60 days', ends_at = ends_at - interval '60 days' where session_id = $1`, [sid]);
    await sql(server.databaseUrl, `update training_session set starts_at = starts_at - interval '60 days', ends_at = ends_at - interval '60 days' where id = $1`, [sid]);
    await sql(
      server.databaseUrl,
      `insert into training_attendance (id, registration_id, part_id, connected, minutes, intervals, source, created_at, updated_at)
       select gen_random_uuid(), $1, pt.id, true, 100, '[]', 'MANUAL', now(), now() from training_session_part pt where pt.session_id = $2 and pt.number = 1`,
      [raw(p.id), sid],
    );
    const held = await server.gql(M.updateSession, { input: { id: session, status: 'HELD' } }, { token: referent });
    expect(held.body.data.updateTrainingSession.userErrors).toEqual([]);
    const { rows } = await sql(server.databaseUrl, `select email from person where active and 'TRAINING_REFERENT' = any(held_roles) order by email`);
    expect(rows.length).toBeGreaterThan(0);
    const name = await label(sid);
    for (const { email } of rows) {
      const mail = await until(async () => mailsTo(email, (s) => s.startsWith('Session tenue')).find((m) => String(m.parsed.text).includes(name)), 15_000);
      expect(mail.parsed.text).toContain('Inscrits : 2');
      expect(mail.parsed.text).toContain('Présents (au moins une partie) : 1');
      expect(mail.parsed.text).toContain('Temps moyen de connexion des présents : 100 min sur');
      expect(mail.parsed.text).toMatch(/: 1 partie\(s\) sur 3, 100 min/);
      expect(mail.parsed.text).toMatch(/: absent/);
    }
    // no trainee gets the summary
    await settled();
    expect(mailsTo(present.email, (s) => s.startsWith('Session tenue'))).toEqual([]);
  });
});

async function label(sessionId: string) {
  return (await sql(server.databaseUrl, 'select label from training_session where id = $1', [sessionId])).rows[0].label as string;
}
