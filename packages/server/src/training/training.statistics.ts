/**
 * The training statistics, each one SQL statement: the database counts, JavaScript only
 * maps the few result rows (one per domain, course, session…) to GraphQL objects.
 * Every query starts from the same filtered set of registrations ("inscrits": registered
 * or confirmed, in a session that was not cancelled).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlLiteral } from '../core/sql';
import { BillingGroup, SessionStatus } from './training.enums';
import { SEATED_SQL, SESSION_HELD_SQL } from './training.queries';

export interface StatisticsFilter {
  from?: Date | null;
  to?: Date | null;
  ministryId?: string | null;
  structureId?: string | null;
  domainId?: string | null;
  courseId?: string | null;
  sessionId?: string | null;
}

/** `select r.id, r.session_id, … from …` for the filtered registrations (of held sessions only when asked), with its parameters. */
function registrations(f: StatisticsFilter, only?: { held: true }): { sql: string; params: unknown[] } {
  const where = [`r.status in ${SEATED_SQL}`, `s.status <> ${sqlLiteral(SessionStatus.CANCELLED)}`];
  if (only?.held) where.push(SESSION_HELD_SQL);
  const params: unknown[] = [];
  const add = (cond: string, v: unknown) => {
    where.push(cond);
    params.push(v);
  };
  if (f.from) add('s.starts_at >= ?', f.from);
  if (f.to) add('s.starts_at < ?', f.to);
  if (f.ministryId) add('r.ministry_id = ?', f.ministryId);
  if (f.structureId) add('r.structure_id = ?', f.structureId);
  if (f.domainId) add('c.domain_id = ?', f.domainId);
  if (f.courseId) add('s.course_id = ?', f.courseId);
  if (f.sessionId) add('r.session_id = ?', f.sessionId);
  return {
    sql: `select r.id, r.session_id, r.structure_id, r.ministry_id, r.trainee_id, s.course_id, c.domain_id, s.starts_at, c.part_count,
                 r.parts_connected, r.minutes_connected, r.min_part_minutes, r.max_part_minutes, (r.absence_justification is not null) justified
            from training_registration r
            join training_session s on s.id = r.session_id
            join training_course c on c.id = s.course_id
           where ${where.join(' and ')}`,
    params,
  };
}

export interface DomainRow {
  domainId: string | null;
  code: string | null;
  label: string | null;
  registrations: number;
  share: number;
  percent: number;
  absents: number;
  presents: number;
}

/**
 * Per domain (and a TOTAL row with domainId null): registrations, their share of the total
 * (percent rounded as in the source), absents (connected to no part) and presents.
 */
export async function domainTable(em: EntityManager, f: StatisticsFilter): Promise<DomainRow[]> {
  const reg = registrations(f);
  const rows: Record<string, unknown>[] = await em.execute(
    `with reg as (${reg.sql}),
     per as (select reg.domain_id, reg.parts_connected > 0 present from reg)
     select d.id domain_id, d.code, d.label,
            count(per.domain_id)::int registrations,
            count(per.domain_id) filter (where not per.present)::int absents,
            count(per.domain_id) filter (where per.present)::int presents
       from training_domain d
       left join per on per.domain_id = d.id
      where (?::uuid is null or d.id = ?::uuid)
      group by rollup ((d.id, d.code, d.label, d.position))
      order by grouping(d.id), d.position, d.code`,
    [...reg.params, f.domainId ?? null, f.domainId ?? null],
  );
  // the share divides by the TOTAL row the same statement returned
  const total = Number(rows.find((r) => r.domain_id === null)?.registrations ?? 0);
  return rows.map((r) => {
    const share = total > 0 ? Number(r.registrations) / total : 0;
    return {
      domainId: (r.domain_id as string) ?? null,
      code: (r.code as string) ?? null,
      label: (r.label as string) ?? null,
      registrations: Number(r.registrations),
      share,
      percent: Math.round(share * 100),
      absents: Number(r.absents),
      presents: Number(r.presents),
    };
  });
}

export type ParticipationLevel = 'SESSION' | 'COURSE' | 'TOTAL';

export interface ParticipationRow {
  level: ParticipationLevel;
  courseId: string | null;
  sessionId: string | null;
  label: string;
  domainCode: string | null;
  registrations: number;
  /** Index k: trainees connected to exactly k parts (0…5). */
  byPartsAttended: number[];
  partMinutes: number | null;
  connectedParts: number;
  minMinutes: number | null;
  maxMinutes: number | null;
  meanMinutes: number | null;
}

/**
 * The source's participation table: per session, per course and in total, how many trainees
 * were connected to 5, 4, 3, 2, 1 and 0 parts, and the minimum, maximum and mean connection
 * time of a connected part.
 */
export async function participationTable(em: EntityManager, f: StatisticsFilter): Promise<ParticipationRow[]> {
  const reg = registrations(f);
  const rows: Record<string, unknown>[] = await em.execute(
    `with reg as (${reg.sql}),
     per as (
       select course_id, session_id, parts_connected parts, min_part_minutes mn, max_part_minutes mx, minutes_connected sm from reg
     ),
     agg as (
       select grouping(per.course_id, per.session_id) g, per.course_id, per.session_id,
              count(*)::int registrations,
              count(*) filter (where parts = 0)::int p0, count(*) filter (where parts = 1)::int p1,
              count(*) filter (where parts = 2)::int p2, count(*) filter (where parts = 3)::int p3,
              count(*) filter (where parts = 4)::int p4, count(*) filter (where parts >= 5)::int p5,
              coalesce(sum(parts), 0)::int connected_parts, min(mn) mn, max(mx) mx,
              sum(sm)::float8 / nullif(sum(parts), 0) mean
         from per
        group by grouping sets ((per.course_id, per.session_id), (per.course_id), ())
     )
     select agg.*, c.title, c.part_minutes, d.code domain_code, s.label session_label, s.starts_at
       from agg
       left join training_course c on c.id = agg.course_id
       left join training_domain d on d.id = c.domain_id
       left join training_session s on s.id = agg.session_id
      order by agg.g = 3, d.position, c.title, agg.course_id, agg.g desc, s.starts_at, s.id`,
    reg.params,
  );
  return rows.map((r) => {
    const g = Number(r.g);
    const level: ParticipationLevel = g === 3 ? 'TOTAL' : g === 1 ? 'COURSE' : 'SESSION';
    return {
      level,
      courseId: (r.course_id as string) ?? null,
      sessionId: (r.session_id as string) ?? null,
      label: level === 'TOTAL' ? 'TOTAL' : level === 'COURSE' ? String(r.title) : String(r.session_label),
      domainCode: (r.domain_code as string) ?? null,
      registrations: Number(r.registrations),
      byPartsAttended: [r.p0, r.p1, r.p2, r.p3, r.p4, r.p5].map(Number),
      partMinutes: level === 'TOTAL' ? null : Number(r.part_minutes),
      connectedParts: Number(r.connected_parts),
      minMinutes: r.mn === null ? null : Number(r.mn),
      maxMinutes: r.mx === null ? null : Number(r.mx),
      meanMinutes: r.mean === null ? null : Math.round(Number(r.mean) * 10) / 10,
    };
  });
}

export interface BillingRow {
  key: string | null;
  label: string;
  trainees: number;
  partsBilled: number;
  amountCents: number;
}

/**
 * Billing: for sessions whose course has a price for the session's year, each trainee is
 * billed the price of every part they connected to (billing starts at connection).
 * Grouped as asked, with a TOTAL row (key null) last.
 */
export async function billingTable(em: EntityManager, f: StatisticsFilter, groupBy: BillingGroup, limit = 1000): Promise<BillingRow[]> {
  const reg = registrations(f);
  const [keyExpr, labelSql] = ({
    [BillingGroup.SESSION]: ['session_id', `select s.id::text key, c.title || ' – ' || s.label label from training_session s join training_course c on c.id = s.course_id`],
    [BillingGroup.STRUCTURE]: ['structure_id', `select st.id::text key, st.code || ' – ' || st.name label from structure st`],
    [BillingGroup.MINISTRY]: ['ministry_id', `select m.id::text key, m.code || ' – ' || m.name label from ministry m`],
  } as Record<string, [string, string]>)[groupBy] ?? ['', ''];
  const sessionPrice = `session_price as (
       select s.id session_id, price.cents_per_part
         from training_session s
         join lateral (
           select tp.cents_per_part from training_price tp
            where tp.course_id = s.course_id and tp.from_year <= extract(year from s.starts_at)
            order by tp.from_year desc limit 1
         ) price on true
     )`;
  if (groupBy === BillingGroup.TRAINEE) {
    // one line per registration: no grouping, a top-N sort, and the totals as window sums on the same scan
    const top: Record<string, unknown>[] = await em.execute(
      `with reg as (${reg.sql}), ${sessionPrice},
       b as (
         select reg.id, reg.parts_connected parts, (reg.parts_connected * sp.cents_per_part)::bigint amount,
                count(*) over () t_trainees, sum(reg.parts_connected) over () t_parts, sum(reg.parts_connected * sp.cents_per_part) over () t_amount
           from reg join session_price sp on sp.session_id = reg.session_id
          where reg.parts_connected > 0
          order by amount desc, reg.id limit ?
       )
       select b.*, p.last_name || ' ' || p.first_name || ' <' || p.email || '> – ' || s.label label
         from b join training_registration r on r.id = b.id join person p on p.id = r.trainee_id join training_session s on s.id = r.session_id
        order by b.amount desc, label`,
      [...reg.params, limit],
    );
    const lines = top.map((r) => ({ key: String(r.id), label: String(r.label), trainees: 1, partsBilled: Number(r.parts), amountCents: Number(r.amount) }));
    const t = top[0];
    return [...lines, { key: null, label: 'TOTAL', trainees: Number(t?.t_trainees ?? 0), partsBilled: Number(t?.t_parts ?? 0), amountCents: Number(t?.t_amount ?? 0) }];
  }
  const rows: Record<string, unknown>[] = await em.execute(
    `with reg as (${reg.sql}),
     session_price as (
       select s.id session_id, price.cents_per_part
         from training_session s
         join lateral (
           select tp.cents_per_part from training_price tp
            where tp.course_id = s.course_id and tp.from_year <= extract(year from s.starts_at)
            order by tp.from_year desc limit 1
         ) price on true
     ),
     grouped as (
       select reg.${keyExpr}::text key, grouping(reg.${keyExpr}) g, count(*)::int trainees, sum(reg.parts_connected)::int parts,
              sum(reg.parts_connected * sp.cents_per_part)::bigint amount
         from reg join session_price sp on sp.session_id = reg.session_id
        where reg.parts_connected > 0
        group by rollup (reg.${keyExpr})
     ),
     top as (
       (select * from grouped where g = 0 order by amount desc, key limit ?)
       union all
       (select * from grouped where g = 1)
     )
     select top.*, labels.label from top left join (${labelSql}) labels on labels.key = top.key
      order by top.g, top.amount desc, labels.label`,
    [...reg.params, limit],
  );
  return rows.map((r) => ({
    key: Number(r.g) === 1 ? null : String(r.key),
    label: Number(r.g) === 1 ? 'TOTAL' : String(r.label),
    trainees: Number(r.trainees),
    partsBilled: Number(r.parts ?? 0),
    amountCents: Number(r.amount ?? 0),
  }));
}

export interface AssiduityRow {
  traineeId: string;
  email: string;
  fullName: string;
  structureCode: string;
  sessionsHeld: number;
  absences: number;
  unjustifiedAbsences: number;
  partialAttendances: number;
  minutesConnected: number;
}

/** Trainees with an unjustified absence or a partial attendance, worst first. */
export async function assiduityTable(em: EntityManager, f: StatisticsFilter, limit = 100): Promise<AssiduityRow[]> {
  const reg = registrations(f, { held: true });
  const rows: Record<string, unknown>[] = await em.execute(
    `with reg as (${reg.sql}),
     per as (
       select trainee_id, part_count, justified, parts_connected parts, minutes_connected minutes from reg
     ),
     worst as (
       select trainee_id,
              count(*)::int sessions_held,
              count(*) filter (where parts = 0)::int absences,
              count(*) filter (where parts = 0 and not justified)::int unjustified,
              count(*) filter (where parts between 1 and part_count - 1)::int partial,
              sum(minutes)::int minutes
         from per
        group by trainee_id
       having count(*) filter (where parts = 0 and not justified) > 0 or count(*) filter (where parts between 1 and part_count - 1) > 0
        order by unjustified desc, partial desc, trainee_id
        limit ?
     )
     select worst.*, p.email, p.first_name || ' ' || p.last_name full_name, st.code structure_code
       from worst join person p on p.id = worst.trainee_id join structure st on st.id = p.structure_id
      order by unjustified desc, partial desc, p.email`,
    [...reg.params, limit],
  );
  return rows.map((r) => ({
    traineeId: String(r.trainee_id),
    email: String(r.email),
    fullName: String(r.full_name),
    structureCode: String(r.structure_code),
    sessionsHeld: Number(r.sessions_held),
    absences: Number(r.absences),
    unjustifiedAbsences: Number(r.unjustified),
    partialAttendances: Number(r.partial),
    minutesConnected: Number(r.minutes ?? 0),
  }));
}
