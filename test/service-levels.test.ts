/**
 * Service levels end to end: an administrator's calendar and target through the API, a
 * ticket's standing in the schema, the at-risk queue, and a breach crossing announced
 * exactly once (history, `ticketEvents`, webhook) while two instances share one database.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { sql } from './support/db';
import { scrape } from './support/metrics';
import { startTestServer } from './support/server';
import { collect, subscriptionsRunning, untilSubscribed, wsClient } from './support/ws';
import { desk } from './service-desk.helpers';
import { until as untilTruthy } from './support/until';

const env = { SERVICE_LEVEL_POLL_MS: '100', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' };
const a = await startTestServer({ env });
const b = await startTestServer({ databaseUrl: a.databaseUrl, env });
const admin = await a.tokenForRole('ADMINISTRATOR');
const sn1 = await a.tokenForRole('SN1_AGENT');
const analyst = await a.tokenForRole('ANALYST');
const cca = await a.tokenForRole('CCA');
const api = desk(a);

const STANDINGS = `serviceLevels { metric level targetSeconds elapsedSeconds remainingSeconds clock state atRiskAt dueAt target { id priority calendar { code } } }`;

const until = <T>(probe: () => Promise<T | undefined | false | null>, ms = 15000) => untilTruthy(probe, ms, 100);

async function standings(reference: string, token = sn1) {
  const r = await a.gql(`query($r: String!) { ticket(reference: $r) { id version status ${STANDINGS} history { kind field oldValue newValue reason } } }`, { r: reference }, { token });
  expect(r.body.errors).toBeUndefined();
  return r.body.data.ticket;
}

/** The crossings announced (one row each) and those /metrics counted, read while no new one is announced. */
async function crossingCounts(): Promise<{ rows: Record<string, number>; counted: Record<string, number> }> {
  const rows = async () => {
    const r = await sql(a.databaseUrl, `select state, count(*)::int n from service_level_crossing where announced group by state`);
    return Object.fromEntries(['AT_RISK', 'BREACHED'].map((st) => [st, r.rows.find((x) => x.state === st)?.n ?? 0]));
  };
  for (;;) {
    const first = await rows();
    const m = await scrape(a.url.replace(/\/graphql$/, '/metrics'));
    if (JSON.stringify(await rows()) !== JSON.stringify(first)) continue;
    return { rows: first, counted: { AT_RISK: m.value('chorus_service_level_crossings_total', { state: 'at_risk' }), BREACHED: m.value('chorus_service_level_crossings_total', { state: 'breached' }) } };
  }
}

let alwaysId: string;

describe('service-level configuration (administrators, through the API)', () => {
  it('creates a calendar and a target; refuses bad input with typed user errors and other roles', async () => {
    const CREATE = `mutation($input: CreateBusinessCalendarInput!) { createBusinessCalendar(input: $input) { calendar { id code timeZone windows { weekday start end } frenchHolidays } userErrors { field code message } } }`;
    const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
    const bad = await a.gql(CREATE, { input: { code: 'BAD', name: 'x', timeZone: 'Europe/Parys', windows: week } }, { token: admin });
    expect(bad.body.data.createBusinessCalendar.userErrors[0]).toMatchObject({ code: 'INVALID_TIME_ZONE', field: ['input', 'timeZone'] });
    const overlap = await a.gql(CREATE, { input: { code: 'BAD', name: 'x', windows: [{ weekday: 1, start: '08:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '13:00' }] } }, { token: admin });
    expect(overlap.body.data.createBusinessCalendar.userErrors[0].code).toBe('INVALID_WORKING_WINDOW');
    const notAdmin = await a.gql(CREATE, { input: { code: 'ALWAYS', name: 'x', windows: week } }, { token: sn1 });
    expect(notAdmin.body.data.createBusinessCalendar.userErrors[0].code).toBe('FORBIDDEN');

    const ok = await a.gql(CREATE, { input: { code: 'always', name: 'Tous les jours, 24 h', windows: week, frenchHolidays: false } }, { token: admin });
    expect(ok.body.data.createBusinessCalendar.userErrors).toEqual([]);
    expect(ok.body.data.createBusinessCalendar.calendar).toMatchObject({ code: 'ALWAYS', timeZone: 'Europe/Paris', frenchHolidays: false });
    alwaysId = ok.body.data.createBusinessCalendar.calendar.id;

    const SET = `mutation($input: SetServiceLevelTargetInput!) { setServiceLevelTarget(input: $input) { target { id priority metric level targetSeconds atRiskShare calendar { code } } userErrors { field code } } }`;
    const mismatch = await a.gql(SET, { input: { priority: 4, metric: 'LEVEL_HOLD', targetSeconds: 3, calendarId: alwaysId } }, { token: admin });
    expect(mismatch.body.data.setServiceLevelTarget.userErrors[0]).toMatchObject({ code: 'TARGET_LEVEL_MISMATCH', field: ['input', 'level'] });
    // priority 4, resolution in 3 business seconds of a calendar that never closes: at risk after 1.5 s
    const set = await a.gql(SET, { input: { priority: 4, metric: 'RESOLUTION', targetSeconds: 3, atRiskShare: 0.5, calendarId: alwaysId } }, { token: admin });
    expect(set.body.errors).toBeUndefined();
    expect(set.body.data.setServiceLevelTarget).toMatchObject({ userErrors: [], target: { priority: 4, metric: 'RESOLUTION', level: null, targetSeconds: 3, atRiskShare: 0.5, calendar: { code: 'ALWAYS' } } });
    const targets = await a.gql(`{ serviceLevelTargets { priority metric level } }`, {}, { token: cca });
    // the shipped targets (5 per priority) with this one replacing priority 4's resolution target
    expect(targets.body.data.serviceLevelTargets.filter((t: any) => t.priority === 4)).toHaveLength(5);
  });
});

describe('a breach crossing with two instances on one database', () => {
  it('is announced exactly once: one history event, one ticketEvents message, one webhook', async () => {
    await sql(a.databaseUrl, `update application_client set webhook_url = 'http://127.0.0.1:9/hook', webhook_secret = null where name = 'SAXO'`);
    const ws = wsClient(b.url, { token: sn1 });
    afterAll(() => ws.dispose());
    const subscribedBefore = await subscriptionsRunning(b.url);
    const events = collect(ws, `subscription { ticketEvents { kind field newValue reason ticket { id } } }`);
    await untilSubscribed(b.url, subscribedBefore + 1); // subscribed on instance b before anything happens

    // both instances run in this process: /metrics counts the process's crossings, each once
    const crossingsBefore = await crossingCounts();
    const lyon = (await sql(a.databaseUrl, `select id from structure where code = 'CSP-LYON'`)).rows[0].id;
    const opened = await api.open({ apiKey: DEMO_API_KEY }, { priority: 4, title: 'Flux SAXO bloqué', structureId: Buffer.from(`Structure:${lyon}`).toString('base64url') });
    expect(opened.userErrors).toEqual([]);
    const ref = opened.ticket.reference;
    const fresh = await standings(ref);
    const resolution = fresh.serviceLevels.find((s: any) => s.metric === 'RESOLUTION');
    expect(resolution).toMatchObject({ clock: 'RUNNING', targetSeconds: 3, target: { calendar: { code: 'ALWAYS' } } });
    expect(new Date(resolution.dueAt).getTime() - Date.now()).toBeLessThan(3500);
    // the other targets of priority 4 count on the shipped office-hours calendar
    expect(fresh.serviceLevels.find((s: any) => s.metric === 'LEVEL_HOLD')).toMatchObject({ level: 'SN1', target: { calendar: { code: 'PARIS_OFFICE_HOURS' } } });

    const breached = await until(async () => {
      const t = await standings(ref);
      return t.history.some((e: any) => e.kind === 'SERVICE_LEVEL_BREACHED') && t;
    });
    await new Promise((r) => setTimeout(r, 1500)); // both jobs keep polling every 100 ms meanwhile
    const { rows } = await sql(a.databaseUrl, `select kind, count(*)::int n from ticket_event where ticket_id = $1 and kind like 'SERVICE_LEVEL_%' group by kind order by kind`, [Buffer.from(fresh.id, 'base64url').toString().split(':')[1]]);
    expect(rows).toEqual([
      { kind: 'SERVICE_LEVEL_AT_RISK', n: 1 },
      { kind: 'SERVICE_LEVEL_BREACHED', n: 1 },
    ]);
    const crossingsAfter = await crossingCounts();
    for (const state of ['AT_RISK', 'BREACHED']) {
      expect(crossingsAfter.counted[state] - crossingsBefore.counted[state]).toBe(crossingsAfter.rows[state] - crossingsBefore.rows[state]);
      expect(crossingsAfter.rows[state] - crossingsBefore.rows[state]).toBeGreaterThanOrEqual(1);
    }
    const breach = breached.history.find((e: any) => e.kind === 'SERVICE_LEVEL_BREACHED');
    expect(breach).toMatchObject({ field: 'RESOLUTION', oldValue: 'AT_RISK', newValue: 'BREACHED' });
    expect(breach.reason).toContain('dépassé');
    const now = await standings(ref);
    expect(now.serviceLevels.find((s: any) => s.metric === 'RESOLUTION')).toMatchObject({ state: 'BREACHED', clock: 'RUNNING' });
    expect(now.serviceLevels.find((s: any) => s.metric === 'RESOLUTION').remainingSeconds).toBeLessThan(0);

    const mine = events.results.filter((m: any) => m.data?.ticketEvents?.ticket.id === fresh.id && m.data.ticketEvents.kind.startsWith('SERVICE_LEVEL_'));
    expect(mine.map((m: any) => m.data.ticketEvents.kind)).toEqual(['SERVICE_LEVEL_AT_RISK', 'SERVICE_LEVEL_BREACHED']);

    const hooks = await sql(a.databaseUrl, `select event, count(*)::int n from webhook_delivery where payload->>'reference' = $1 and event like 'ticket.service_level%' group by event order by event`, [ref]);
    expect(hooks.rows).toEqual([
      { event: 'ticket.service_level_at_risk', n: 1 },
      { event: 'ticket.service_level_breached', n: 1 },
    ]);
  });

  it('waiting for the requester pauses the clock', async () => {
    const opened = await api.open({ token: cca }, { priority: 4, title: 'Question sur un EJ' });
    let t = await api.ok('TAKE', { token: sn1 }, opened.ticket);
    t = await api.ok('REQUEST_INFO', { token: sn1 }, t, 'Quel est le numéro de l’EJ ?');
    const paused = await standings(opened.ticket.reference);
    const r = paused.serviceLevels.find((s: any) => s.metric === 'RESOLUTION');
    expect(r).toMatchObject({ clock: 'PAUSED', dueAt: null });
    await new Promise((r) => setTimeout(r, 3500)); // longer than the whole target
    const later = (await standings(opened.ticket.reference)).serviceLevels.find((s: any) => s.metric === 'RESOLUTION');
    expect(later.elapsedSeconds).toBe(r.elapsedSeconds);
    expect(later.state).not.toBe('BREACHED');
    expect((await standings(opened.ticket.reference)).history.some((e: any) => e.kind === 'SERVICE_LEVEL_BREACHED')).toBe(false);
    // the answer starts it again
    await api.ok('PROVIDE_INFO', { token: cca }, t, 'EJ 1500012345');
    const resumed = (await standings(opened.ticket.reference)).serviceLevels.find((s: any) => s.metric === 'RESOLUTION');
    expect(resumed.clock).toBe('RUNNING');
  });
});

describe('an overseas structure on its own time zone', () => {
  it('reads the calendars in its zone: the due date moves with it, and back', async () => {
    const SET = `mutation($input: SetStructureTimeZoneInput!) { setStructureTimeZone(input: $input) { structure { code serviceTimeZone } timeZone userErrors { field code } } }`;
    const opened = await api.open({ token: cca }, { priority: 3, title: 'Réunion : EJ bloqué' });
    const hold = async () => (await standings(opened.ticket.reference)).serviceLevels.find((s: any) => s.metric === 'LEVEL_HOLD' && s.level === 'SN1');
    const paris = await hold();
    expect(paris.target.calendar.code).toBe('PARIS_OFFICE_HOURS');
    const structureId = (await a.gql(`query($r: String!) { ticket(reference: $r) { structure { id } } }`, { r: opened.ticket.reference }, { token: sn1 })).body.data.ticket.structure.id;

    const bad = await a.gql(SET, { input: { structureId, timeZone: 'Mars/Olympus' } }, { token: admin });
    expect(bad.body.data.setStructureTimeZone.userErrors[0]).toMatchObject({ code: 'INVALID_TIME_ZONE' });
    const set = await a.gql(SET, { input: { structureId, timeZone: 'Pacific/Noumea' } }, { token: admin });
    expect(set.body.data.setStructureTimeZone).toMatchObject({ userErrors: [], timeZone: 'Pacific/Noumea', structure: { serviceTimeZone: 'Pacific/Noumea' } });
    // Nouméa is 10 hours ahead of Paris in winter: the same office hours are other instants
    const noumea = await hold();
    expect(noumea.dueAt).not.toBe(paris.dueAt);
    expect(noumea.targetSeconds).toBe(paris.targetSeconds);

    const back = await a.gql(SET, { input: { structureId, timeZone: null } }, { token: admin });
    expect(back.body.data.setStructureTimeZone.structure.serviceTimeZone).toBeNull();
    expect((await hold()).dueAt).toBe(paris.dueAt);
  });
});

describe('the at-risk queue and the statistics', () => {
  it('lists running targets at risk or breached, least remaining time first, keyset paginated', async () => {
    // after a rule change (the zone above) the jobs recompute every ticket's snapshot: wait until they caught up
    await until(async () => (await sql(a.databaseUrl, `select count(*)::int n from ticket t left join ticket_service_level_watermark w on w.ticket_id = t.id where t.submitted_at is not null and (w.computed_at is null or w.computed_at < t.updated_at)`)).rows[0].n === 0, 60000);
    const Q = `query($after: String) { serviceLevelQueue(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id dueAt atRiskAt ticket { reference } target { metric } serviceLevel { state remainingSeconds clock } } } }`;
    const seen: any[] = [];
    let after: string | null = null;
    for (let i = 0; i < 4; i++) {
      const r: any = await a.gql(Q, { after }, { token: sn1 });
      expect(r.body.errors).toBeUndefined();
      seen.push(...r.body.data.serviceLevelQueue.nodes);
      if (!r.body.data.serviceLevelQueue.pageInfo.hasNextPage) break;
      after = r.body.data.serviceLevelQueue.pageInfo.endCursor;
    }
    expect(seen.length).toBeGreaterThan(3);
    expect(new Set(seen.map((n) => n.id)).size).toBe(seen.length);
    const due = seen.map((n) => new Date(n.dueAt).getTime());
    expect([...due].sort((x, y) => x - y)).toEqual(due);
    for (const n of seen) {
      expect(['AT_RISK', 'BREACHED']).toContain(n.serviceLevel.state);
      expect(n.serviceLevel.clock).toBe('RUNNING');
    }
    const forbidden = await a.gql(`{ serviceLevelQueue(first: 1) { totalCount } }`, {}, { token: cca });
    expect(forbidden.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('gives the share within target per level, domain, structure and month', async () => {
    const S = `query($g: ServiceLevelStatisticsDimension!) { serviceLevelStatistics(groupBy: $g, filter: { metric: [RESOLUTION] }) { key label metric measuredCount withinTargetCount breachedCount withinTargetShare runningCount } }`;
    for (const g of ['LEVEL', 'DOMAIN', 'STRUCTURE', 'MONTH']) {
      const r = await a.gql(S, { g }, { token: analyst });
      expect(r.body.errors).toBeUndefined();
      const rows = r.body.data.serviceLevelStatistics;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.metric).toBe('RESOLUTION');
        expect(row.withinTargetCount + row.breachedCount).toBe(row.measuredCount);
        if (row.measuredCount) expect(row.withinTargetShare).toBeCloseTo(row.withinTargetCount / row.measuredCount, 3);
      }
    }
    const byLevel = (await a.gql(S, { g: 'LEVEL' }, { token: analyst })).body.data.serviceLevelStatistics;
    expect(byLevel.find((r: any) => r.key === 'SN1').breachedCount).toBeGreaterThanOrEqual(1);
  });
});

describe('a ticket whose clock has stopped', () => {
  it('announces no crossing when a tighter target makes its past run late (cancelled tickets)', async () => {
    // a ticket cancelled after an hour in the queue: nothing crossed then (no target that short)
    const opened = await api.open({ token: cca }, { priority: 4, title: 'Demande annulée' });
    expect(opened.userErrors).toEqual([]);
    const cancelled = await api.ok('CANCEL', { token: cca }, opened.ticket, 'Finalement résolu seul');
    expect(cancelled.status).toBe('CANCELLED');
    const id = Buffer.from(cancelled.id, 'base64url').toString().split(':')[1];
    // the history is append-only: replica mode skips its trigger to age the ticket by an hour
    const { Client } = (await import('pg')).default;
    const c = new Client({ connectionString: a.databaseUrl });
    await c.connect();
    await c.query(`set session_replication_role = replica`);
    await c.query(`update ticket_event set created_at = created_at - interval '1 hour' where ticket_id = $1 and transition is distinct from 'CANCEL'`, [id]);
    await c.query(`update ticket set submitted_at = submitted_at - interval '1 hour', created_at = created_at - interval '1 hour' where id = $1`, [id]);
    await c.end();
    await until(async () => (await sql(a.databaseUrl, `select 1 from ticket_service_level where ticket_id = $1`, [id])).rows.length > 0);

    // then an administrator sets a first-response target of 90 s on that priority: every standing is recomputed
    const SET = `mutation($input: SetServiceLevelTargetInput!) { setServiceLevelTarget(input: $input) { target { id } userErrors { code } } }`;
    const set = await a.gql(SET, { input: { priority: 4, metric: 'FIRST_RESPONSE', targetSeconds: 90, calendarId: alwaysId } }, { token: admin });
    expect(set.body.data.setServiceLevelTarget.userErrors).toEqual([]);
    const firstResponse = await until(async () => {
      const r = await standings(cancelled.reference, cca);
      const s = r.serviceLevels.find((x: any) => x.metric === 'FIRST_RESPONSE' && x.targetSeconds === 90);
      return s && s.state === 'BREACHED' && s;
    });
    expect(firstResponse.clock).toBe('STOPPED');
    // a ticket opened now breaches its 3 s resolution target: once that is announced, the job has been past the cancelled one
    const sentinel = await api.open({ token: cca }, { priority: 4, title: 'Témoin' });
    await until(async () => (await standings(sentinel.ticket.reference, cca)).history.some((e: any) => e.kind === 'SERVICE_LEVEL_BREACHED'));
    const after = await standings(cancelled.reference, cca);
    expect(after.history.filter((e: any) => e.kind.startsWith('SERVICE_LEVEL_'))).toEqual([]);
    const claimed = await sql(a.databaseUrl, `select count(*)::int n from service_level_crossing where ticket_id = $1 and announced`, [id]);
    expect(claimed.rows[0].n).toBe(0);
  });
});
