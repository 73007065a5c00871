/**
 * The source's first half of 2021 (section B of chorus-support-izia.txt), loaded by the demo
 * start from the generator, must come back number for number from the statistics queries.
 * The expected values below are typed from the source's tables, not from the generator input.
 */
import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer();
const analyst = await server.tokenForRole('ANALYST');
const referent = await server.tokenForRole('TRAINING_REFERENT');

const H1_2021 = { from: '2021-01-01T00:00:00Z', to: '2021-07-01T00:00:00Z' };

const STATS = `query Stats($filter: TrainingStatisticsFilter) {
  trainingStatistics(filter: $filter) {
    byDomain { code registrations percent absents presents domain { code } }
    participation { level label domainCode registrations parts5 parts4 parts3 parts2 parts1 parts0 partMinutes minMinutes maxMinutes meanMinutes }
  }
}`;

// source B (1/5) and (2/5): domain, registrations, %, absents, presents
const BY_DOMAIN = [
  ['CFO', 170, 55, 46, 124],
  ['BUDGET', 49, 16, 6, 43],
  ['DCHORUS', 44, 14, 9, 35],
  ['ACTIFS', 43, 14, 8, 35],
  ['FDEPENSES', 1, 0, 0, 1],
  ['TOTAL', 307, 100, 69, 238],
] as const;

const h = (text: string) => {
  const m = /^(?:(\d+)h)?(\d+)?(?:mn)?$/.exec(text)!;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
};

// source B (3/5): label, registrations, 5…0 parts, min, max, mean ('' = blank in the source)
const PARTICIPATION: [string, string, number, number[], string, string, string][] = [
  ['COURSE', 'Chorus Formulaires utilisateurs', 170, [0, 0, 91, 25, 8, 46], '', '', ''],
  ['SESSION', 'session du 09 au 11 mars 2021', 65, [0, 0, 34, 14, 2, 15], '6mn', '2h20', '2h05'],
  ['SESSION', 'session du 26 au 28 mai 2021', 76, [0, 0, 43, 6, 5, 22], '30mn', '2h15', '2h05'],
  ['SESSION', 'session du 28 au 30 juin 2021', 29, [0, 0, 14, 5, 1, 9], '5mn', '2h25', '2h10mn'],
  ['COURSE', 'Découverte Chorus', 44, [0, 0, 0, 0, 35, 9], '22mn', '2h19mn', '2h'],
  ['COURSE', 'Budget', 49, [0, 0, 37, 4, 2, 6], '', '', ''],
  ['SESSION', 'session du 10 au 12 mai 2021', 30, [0, 0, 24, 2, 0, 4], '1h30', '1h50', '1h50'],
  ['SESSION', 'Session du 07 au 09 juin 2021', 19, [0, 0, 13, 2, 2, 2], '1h45', '2h', '1h50'],
  ['COURSE', 'Actifs', 43, [21, 6, 3, 1, 4, 8], '', '', ''],
  ['SESSION', 'session du 19 avril 2021', 22, [11, 2, 3, 1, 1, 4], '13mn', '2h03', '1h50'],
  ['SESSION', 'session du 31 mai 2021', 21, [10, 4, 0, 0, 3, 4], '24mn', '2h18', '1h50'],
  ['COURSE', 'FDépenses', 1, [1, 0, 0, 0, 0, 0], '', '', ''],
  ['TOTAL', 'TOTAL', 307, [22, 6, 131, 30, 49, 69], '', '', ''],
];

describe('the first half of 2021, as the source tells it', () => {
  it('registrations, shares, absents and presents per domain', async () => {
    const res = await server.gql(STATS, { filter: H1_2021 }, { token: analyst });
    expect(res.body.errors).toBeUndefined();
    const rows = res.body.data.trainingStatistics.byDomain;
    expect(rows.map((r: any) => [r.code, r.registrations, r.percent, r.absents, r.presents])).toEqual(BY_DOMAIN.map((r) => [...r]));
    expect(rows[0].domain).toEqual({ code: 'CFO' });
    expect(rows[5].domain).toBeNull();
  });

  it('trainees per number of parts attended, per course, per session and in total; connection times per session', async () => {
    const res = await server.gql(STATS, { filter: H1_2021 }, { token: referent });
    expect(res.body.errors).toBeUndefined();
    const rows: any[] = res.body.data.trainingStatistics.participation;
    const find = (level: string, label: string) => rows.find((r) => r.level === level && r.label === label);
    for (const [level, label, registrations, parts, min, max, mean] of PARTICIPATION) {
      const row = find(level, label);
      expect(row, `${level} ${label}`).toBeDefined();
      expect([row.registrations, row.parts5, row.parts4, row.parts3, row.parts2, row.parts1, row.parts0], label).toEqual([registrations, ...parts]);
      if (level !== 'TOTAL') expect(row.partMinutes, label).toBe(120);
      if (min) {
        expect(row.minMinutes, `${label} min`).toBe(h(min));
        expect(row.maxMinutes, `${label} max`).toBe(h(max));
        expect(Math.abs(row.meanMinutes - h(mean)), `${label} mean ${row.meanMinutes} vs ${mean}`).toBeLessThanOrEqual(5);
      }
    }
    // 9 sessions + 5 courses + TOTAL, nothing else in the period
    expect(rows).toHaveLength(15);
    expect(rows[rows.length - 1].level).toBe('TOTAL');
  });

  it('filters: a domain, a ministry without trainees, a period outside', async () => {
    const domains = await server.gql(`{ trainingDomains { id code } }`, {}, { token: analyst });
    const actifs = domains.body.data.trainingDomains.find((d: any) => d.code === 'ACTIFS').id;
    const byDomain = await server.gql(STATS, { filter: { ...H1_2021, domainId: actifs } }, { token: analyst });
    const total = byDomain.body.data.trainingStatistics.participation.at(-1);
    expect([total.registrations, total.parts5, total.parts4, total.parts0]).toEqual([43, 21, 6, 8]);
    expect(byDomain.body.data.trainingStatistics.byDomain.map((r: any) => [r.code, r.registrations])).toEqual([['ACTIFS', 43], ['TOTAL', 43]]);

    const ministries = await server.gql(`{ ministries { id code } }`, {}, { token: analyst });
    const min35 = ministries.body.data.ministries.find((m: any) => m.code === 'MIN35').id;
    const other = await server.gql(STATS, { filter: { ...H1_2021, ministryId: min35 } }, { token: analyst });
    expect(other.body.data.trainingStatistics.byDomain.at(-1).registrations).toBe(0);

    const later = await server.gql(STATS, { filter: { from: '2021-07-01T00:00:00Z', to: '2022-01-01T00:00:00Z' } }, { token: analyst });
    expect(later.body.data.trainingStatistics.participation).toEqual([expect.objectContaining({ level: 'TOTAL', registrations: 0 })]);
  });

  it('the CSV export carries the same numbers', async () => {
    const res = await server.gql(`query($f: TrainingStatisticsFilter) { d: trainingStatisticsCsv(table: REGISTRATIONS_BY_DOMAIN, filter: $f) p: trainingStatisticsCsv(table: PARTS_ATTENDED, filter: $f) a: trainingStatisticsCsv(table: ATTENDANCE_BY_DOMAIN, filter: $f) }`, { f: H1_2021 }, { token: referent });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.d.startsWith('\uFEFF')).toBe(true);
    const d = res.body.data.d.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(d).toEqual(['domaine;inscrits;pourcentage', 'CFO;170;55%', 'BUDGET;49;16%', 'DCHORUS;44;14%', 'ACTIFS;43;14%', 'FDEPENSES;1;0%', 'TOTAL;307;100%']);
    expect(res.body.data.a).toContain('domaine;absents;présents;inscrits\r\n');
    expect(res.body.data.a).toContain('CFO;46;124;170');
    const p = res.body.data.p.trim().split('\r\n');
    expect(p.at(-1)).toMatch(/^TOTAL;TOTAL;307;22;6;131;30;49;69;;0h05;2h25;/);
    expect(p.find((l: string) => l.includes('session du 09 au 11 mars 2021'))).toMatch(/^SESSION;session du 09 au 11 mars 2021;65;0;0;34;14;2;15;2h00;0h06;2h20;2h0[0-9]$/);
  });

  it('seats taken and waiting lists, loaded for a whole page of sessions at once, match the registrations', async () => {
    const res = await server.gql(`{ trainingSessions(first: 100) { nodes { id seatsTaken waitingListLength } } }`, {}, { token: referent });
    expect(res.body.errors).toBeUndefined();
    const raw = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1];
    const got = res.body.data.trainingSessions.nodes.map((n: any) => [raw(n.id), n.seatsTaken, n.waitingListLength]);
    const counted = await sql(
      server.databaseUrl,
      `select s.id, count(r.id) filter (where r.status in ('REGISTERED', 'CONFIRMED'))::int seated, count(r.id) filter (where r.status = 'WAITLISTED')::int waiting
         from training_session s left join training_registration r on r.session_id = s.id where s.id = any($1::uuid[]) group by s.id`,
      [got.map((g: unknown[]) => g[0])],
    );
    const want = new Map(counted.rows.map((r) => [r.id, [r.id, r.seated, r.waiting]]));
    expect(got.length).toBeGreaterThan(10);
    expect(got.some((g: number[]) => g[1] > 0)).toBe(true);
    expect(got).toEqual(got.map((g: unknown[]) => want.get(g[0])));
  });

  it('statistics are for analysts and the referent only', async () => {
    const user = await server.tokenForRole('END_USER', 'CSP-LYON');
    const daf = await server.tokenForRole('DAF_MANAGER');
    for (const token of [user, daf]) {
      const res = await server.gql(STATS, { filter: H1_2021 }, { token });
      expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  it('refuses a period that ends before it starts', async () => {
    const res = await server.gql(STATS, { filter: { from: '2021-07-01T00:00:00Z', to: '2021-01-01T00:00:00Z' } }, { token: analyst });
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
