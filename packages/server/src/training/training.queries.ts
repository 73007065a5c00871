/**
 * The training module's raw SQL: the fragments every query shares, and the batch reads the
 * GraphQL field resolvers load through. Statuses are written from training.enums'
 * constants (core/sql.ts), never spelled again here.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, sqlList, sqlLiteral } from '../core/sql';
import { RegistrationStatus, SEATED, SessionStatus } from './training.enums';

/** A registration that holds a seat (SEATED): `r.status in ${SEATED_SQL}`. */
export const SEATED_SQL = sqlList(SEATED);

/** The session `s` took place: its status is HELD, whatever the clock says. */
export const SESSION_HELD_SQL = `s.status = ${sqlLiteral(SessionStatus.HELD)}`;

/**
 * A trainee's seated registrations in held sessions, with the course's parts and whether
 * an absence was justified (aliases r, s, c: append `and …` conditions). Shared by the
 * waiting-list rule and the referent's view of a trainee's record.
 */
export const HELD_REGISTRATIONS_SQL = `
  select r.id, r.trainee_id, r.session_id, r.structure_id, r.ministry_id, s.starts_at, c.part_count,
         (r.absence_justification is not null) justified, r.parts_connected, r.minutes_connected
    from training_registration r
    join training_session s on s.id = r.session_id and ${SESSION_HELD_SQL}
    join training_course c on c.id = s.course_id
   where r.status in ${SEATED_SQL}`;

export interface SessionCounts {
  seated: number;
  waitlisted: number;
}

/** Seats taken and waiting-list length of each session, in the ids' order. */
export async function sessionCounts(em: EntityManager, sessionIds: readonly string[]): Promise<SessionCounts[]> {
  const rows: ({ session_id: string } & SessionCounts)[] = await em.execute(
    `select session_id, count(*) filter (where status in ${SEATED_SQL})::int seated, count(*) filter (where status = ${sqlLiteral(RegistrationStatus.WAITLISTED)})::int waitlisted
       from training_registration where session_id = any(?::uuid[]) group by session_id`,
    [pgArray(sessionIds)],
  );
  return sessionIds.map((id) => rows.find((r) => r.session_id === id) ?? { seated: 0, waitlisted: 0 });
}

/**
 * Each waiting registration's place in its queue, from 1, in the ids' order (null: not
 * waiting). With ministry seats, each ministry has its own queue (a MIN35 trainee waits
 * only behind MIN35 ones); otherwise the session has one.
 */
export async function waitingListPositions(em: EntityManager, registrationIds: readonly string[]): Promise<(number | null)[]> {
  const rows: { id: string; pos: number }[] = await em.execute(
    `select id, pos from (
       select r.id, row_number() over (
                partition by r.session_id, case when exists (select 1 from training_seat_quota q where q.session_id = r.session_id) then r.ministry_id end
                order by r.waitlist_priority, r.waitlist_seq, r.id)::int pos
         from training_registration r
        where r.status = ${sqlLiteral(RegistrationStatus.WAITLISTED)} and r.session_id in (select session_id from training_registration where id = any(?::uuid[]))
     ) w where id = any(?::uuid[])`,
    [pgArray(registrationIds), pgArray(registrationIds)],
  );
  return registrationIds.map((id) => rows.find((x) => x.id === id)?.pos ?? null);
}
