/**
 * Training statistics at scale:
 *   npx -y pnpm@12.4.2 bench:training [registrations, default 100000]
 *
 * (or, from bench/: node -r @swc-node/register training-statistics.ts 100000)
 * Seeds N registrations with 5 parts each (SQL generate_series, on top of the demo data)
 * in an embedded PostgreSQL (or DATABASE_URL, into a fresh database), then times each
 * statistics query — the same functions the API calls — against a baseline in the same run:
 * a plain count(*) over the same attendance rows. Median of 7 runs after 2 warm-ups.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, openDatabase } from '../packages/server/src/core/database';
import { startEmbeddedPostgres } from '../packages/server/src/core/embedded-postgres';
import { loadDemoDataIfEmpty } from '../packages/server/src/seed/demo';
import { BillingGroup } from '../packages/server/src/training/training.enums';
import * as stats from '../packages/server/src/training/training.statistics';

const N = Number(process.argv[2] ?? 100_000);
const PER_SESSION = 100;
const TARGET_MS = 200;

async function main() {
  const dir = process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'chorus-bench-'));
  const embedded = dir ? await startEmbeddedPostgres({ dataDir: dir, persistent: false }) : null;
  const adminUrl = process.env.DATABASE_URL ?? embedded!.url;
  const name = `chorus_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const orm = await openDatabase(url.toString());
  try {
    await migrate(orm);
    await loadDemoDataIfEmpty(orm);
    const conn = orm.em.getConnection();
    const t0 = Date.now();
    const sessions = Math.ceil(N / PER_SESSION);
    await conn.execute(`
      with dom as (select id, code, row_number() over (order by position) - 1 i from training_domain)
      insert into training_course (id, domain_id, title, mode, part_count, part_minutes)
      select gen_random_uuid(), dom.id, 'bench ' || dom.code, 'WEBINAR', 5, 120 from dom`);
    await conn.execute(`insert into training_price (id, course_id, from_year, cents_per_part) select gen_random_uuid(), id, 2022, 10000 from training_course where title like 'bench %'`);
    await conn.execute(`
      with c as (select id, row_number() over (order by title) - 1 i, count(*) over () n from training_course where title like 'bench %')
      insert into training_session (id, course_id, label, status, capacity, starts_at, ends_at)
      select gen_random_uuid(), c.id, 'bench session ' || g, 'HELD', ${PER_SESSION},
             timestamptz '2023-01-02 08:00Z' + (g * interval '17 hours'), timestamptz '2023-01-06 10:00Z' + (g * interval '17 hours')
        from generate_series(0, ${sessions - 1}) g join c on c.i = g % c.n`);
    await conn.execute(`
      insert into training_session_part (id, session_id, number, starts_at, ends_at)
      select gen_random_uuid(), s.id, p, s.starts_at + (p - 1) * interval '1 day', s.starts_at + (p - 1) * interval '1 day' + interval '2 hours'
        from training_session s cross join generate_series(1, 5) p where s.label like 'bench %'`);
    // 20 000 trainees spread over the demo's local structures
    await conn.execute(`
      with st as (select id, row_number() over (order by code) - 1 i, count(*) over () n from structure where kind in ('RECTORAT', 'SHARED_SERVICE_CENTRE', 'ACADEMIE'))
      insert into person (id, first_name, last_name, email, structure_id, held_roles)
      select gen_random_uuid(), 'Bench', 'Trainee ' || g, 'bench' || g || '@bench.example', st.id, '{END_USER}'
        from generate_series(0, 19999) g join st on st.i = g % st.n`);
    await conn.execute(`
      with s as (select id, row_number() over (order by starts_at) - 1 i from training_session where label like 'bench %'),
           p as (select p.id, p.structure_id, st.ministry_id, row_number() over (order by p.email) - 1 i from person p join structure st on st.id = p.structure_id where p.email like 'bench%')
      insert into training_registration (id, session_id, trainee_id, structure_id, ministry_id, status, requested_at, absence_justification)
      select gen_random_uuid(), s.id, p.id, p.structure_id, p.ministry_id, 'CONFIRMED', timestamptz '2022-12-01', case when g % 7 = 0 then 'justified' end
        from generate_series(0, ${N - 1}) g
        join s on s.i = g / ${PER_SESSION}
        join p on p.i = (g * 7919) % 20000`);
    await conn.execute(`
      insert into training_attendance (id, registration_id, part_id, connected, minutes, source)
      select gen_random_uuid(), r.id, sp.id, c.connected, case when c.connected then 5 + (hashtext(r.id::text || sp.number) & 127) else 0 end, 'DATASET'
        from training_registration r
        join training_session s on s.id = r.session_id and s.label like 'bench %'
        join training_session_part sp on sp.session_id = s.id
        cross join lateral (select (hashtext(sp.id::text || r.id::text) & 3) <> 0 connected) c`);
    await conn.execute('analyze');
    const counts = (await conn.execute(`select (select count(*) from training_registration)::int regs, (select count(*) from training_attendance)::int att`))[0];
    console.log(`seeded ${counts.regs} registrations, ${counts.att} attendance rows in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

    const em = orm.em.fork();
    const time = async (fn: () => Promise<unknown>) => {
      for (let i = 0; i < 2; i++) await fn();
      const runs: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t = process.hrtime.bigint();
        await fn();
        runs.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      return runs.sort((a, b) => a - b)[3];
    };
    const baseline = await time(() => em.getConnection().execute(`select count(*) from training_attendance a join training_registration r on r.id = a.registration_id where r.status in ('REGISTERED', 'CONFIRMED')`));
    const baselineRegs = await time(() => em.getConnection().execute(`select count(*) from training_registration where status in ('REGISTERED', 'CONFIRMED')`));
    const ministry = (await conn.execute(`select id from ministry where code = 'MIN06'`))[0].id;
    const all = {};
    const h2023 = { from: new Date('2023-01-01'), to: new Date('2023-07-01') };
    const queries: [string, () => Promise<unknown>][] = [
      ['registrations/absents/presents by domain', () => stats.domainTable(em, all)],
      ['parts attended + connection times (session, course, total)', () => stats.participationTable(em, all)],
      ['  same, filtered: MIN06, first half of 2023', () => stats.participationTable(em, { ...h2023, ministryId: ministry })],
      ['billing by session', () => stats.billingTable(em, all, BillingGroup.SESSION)],
      ['billing by structure', () => stats.billingTable(em, all, BillingGroup.STRUCTURE)],
      ['billing by ministry', () => stats.billingTable(em, all, BillingGroup.MINISTRY)],
      ['billing per trainee (top 100)', () => stats.billingTable(em, all, BillingGroup.TRAINEE, 100)],
      ['assiduity (top 100 trainees)', () => stats.assiduityTable(em, all, 100)],
    ];
    console.log(`baseline: count(*) of the attended rows (join)  ${baseline.toFixed(1).padStart(7)} ms`);
    console.log(`baseline: count(*) of the registrations         ${baselineRegs.toFixed(1).padStart(7)} ms\n`);
    console.log(`${'query'.padEnd(62)} ${'median'.padStart(9)}  ${'÷ count(attended)'.padStart(17)}  ${'÷ count(regs)'.padStart(13)}  target ≤ ${TARGET_MS} ms`);
    let worst = 0;
    for (const [label, fn] of queries) {
      const ms = await time(fn);
      worst = Math.max(worst, ms);
      console.log(`${label.padEnd(62)} ${ms.toFixed(1).padStart(6)} ms  ${(ms / baseline).toFixed(2).padStart(16)}×  ${(ms / baselineRegs).toFixed(1).padStart(12)}×  ${ms <= TARGET_MS ? 'ok' : 'OVER'}`);
    }
    console.log(`\nworst ${worst.toFixed(1)} ms (${worst <= TARGET_MS ? 'within' : 'over'} the ${TARGET_MS} ms target)`);
  } finally {
    await orm.close(true);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    await embedded?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
