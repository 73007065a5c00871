/**
 * A rule change while the job is computing standings. The job's pass reads the rules, computes,
 * then writes the snapshots and the tickets' watermarks ("computed"); a rule change deletes every
 * watermark so that the job computes everything again. A pass that read the old rules and wrote its
 * watermarks just after that delete left its tickets marked computed, on the old rules, for good.
 * Here the pass is held between its read and its writes (a row it must write is locked by the test)
 * while an administrator changes a structure's time zone.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../packages/server/src/core/ids';
import { refreshSnapshots } from '../packages/server/src/service-levels/service-level.service';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { until } from './support/until';

// the job stays out of the way: the test runs the pass itself
const a = await startTestServer({ env: { SERVICE_LEVEL_POLL_MS: '86400000' } });
const admin = await a.tokenForRole('ADMINISTRATOR');
afterAll(() => a.close());

const SET = `mutation($input: SetStructureTimeZoneInput!) { setStructureTimeZone(input: $input) { timeZone userErrors { code } } }`;
const watermarks = async (ticketId: string) => (await sql(a.databaseUrl, `select count(*)::int n from ticket_service_level_watermark where ticket_id = $1`, [ticketId])).rows[0].n as number;
/** Sessions of the database waiting on a lock, whose statement starts with `prefix`. */
const waiting = async (prefix: string) =>
  (await sql(a.databaseUrl, `select count(*)::int n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like $1`, [`${prefix}%`])).rows[0].n as number;

describe('a rule change during a computation of standings', () => {
  it('leaves the tickets that computation read under the old rules to be computed again', async () => {
    const { rows } = await sql(
      a.databaseUrl,
      `select t.id, t.priority, t.structure_id from ticket t where t.submitted_at is not null and t.closed_at is null
        and exists (select 1 from service_level_target g where g.priority = t.priority) order by t.reference limit 1`,
    );
    const key = { id: rows[0].id as string, priority: rows[0].priority as number, structure: { id: rows[0].structure_id as string } };
    await a.orm.em.fork().transactional((tem) => refreshSnapshots(tem, [key]));
    expect(await watermarks(key.id)).toBe(1);
    expect((await sql(a.databaseUrl, `select count(*)::int n from ticket_service_level where ticket_id = $1`, [key.id])).rows[0].n).toBeGreaterThan(0);

    // the test holds the ticket's snapshot rows: the next pass reads the rules, then waits to write them
    const holder = new pg.Client({ connectionString: a.databaseUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from ticket_service_level where ticket_id = $1 for update', [key.id]);
      const pass = a.orm.em.fork().transactional((tem) => refreshSnapshots(tem, [key]));
      await until(async () => (await waiting('insert into ticket_service_level ')) === 1, 10_000, 20);

      // the new rule, committed while the pass holds what it computed on the old one
      const change = a.gql(SET, { input: { structureId: toGlobalId('Structure', key.structure.id), timeZone: 'Pacific/Noumea' } }, { token: admin });
      await new Promise((r) => setTimeout(r, 300));
      await holder.query('rollback');
      await pass;
      const changed = await change;
      expect(changed.body.data.setStructureTimeZone).toMatchObject({ timeZone: 'Pacific/Noumea', userErrors: [] });
    } finally {
      await holder.end();
    }
    // whatever the order, the ticket is not marked computed: the job computes it again, on the new rule
    expect(await watermarks(key.id)).toBe(0);
  }, 30_000);
});
