/**
 * The read path keeps a filter's SQL per shape and sends its statements with bound values,
 * named once they recur (core/read.ts). What must hold: a filter of a shape already seen
 * answers with its own values (never the first caller's), wherever its values sit and
 * whether or not two of them are equal; the values travel as parameters, not in the text.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer({ env: { SERVICE_LEVEL_POLL_MS: '3600000' } });
const analyst = { token: await server.tokenForRole('ANALYST') };
afterAll(() => server.close());

const LIST = `query($f: TicketFilter) { tickets(first: 100, filter: $f) { totalCount nodes { reference } } }`;

async function references(filter: Record<string, unknown>): Promise<{ total: number; refs: string[] }> {
  const res = await server.gql(LIST, { f: filter }, analyst);
  expect(res.body.errors).toBeUndefined();
  return { total: res.body.data.tickets.totalCount, refs: res.body.data.tickets.nodes.map((n: { reference: string }) => n.reference) };
}

/** The same list read by PostgreSQL directly: the references of the tickets matching `where`, newest change first. */
async function expected(where: string, params: unknown[]): Promise<{ total: number; refs: string[] }> {
  const rows = (await sql(server.databaseUrl, `select reference from ticket t where ${where} order by updated_at desc, id desc`, params)).rows as { reference: string }[];
  return { total: rows.length, refs: rows.slice(0, 100).map((r) => r.reference) };
}

/** The requester and the assignee of a ticket that has both (two people): global ids as the API writes them, and database ids. */
async function requesterAndAssignee(): Promise<{ gid: string; id: string }[]> {
  const res = await server.gql(`{ tickets(first: 100) { nodes { reference requester { id } assignee { id } } } }`, {}, analyst);
  const t = res.body.data.tickets.nodes.find((n: any) => n.requester && n.assignee && n.requester.id !== n.assignee.id);
  expect(t).toBeTruthy();
  const { rows } = await sql(server.databaseUrl, `select requester_id, assignee_id from ticket where reference = $1`, [t.reference]);
  return [
    { gid: t.requester.id, id: rows[0].requester_id },
    { gid: t.assignee.id, id: rows[0].assignee_id },
  ];
}

describe('a filter of a shape already seen', () => {
  it('answers with its own values, one after the other', async () => {
    for (const [status, level] of [['IN_PROGRESS', 'SN1'], ['SUBMITTED', 'SN1'], ['ESCALATED', 'SN2'], ['IN_PROGRESS', 'SN1'], ['RESOLVED', 'SN2']]) {
      expect(await references({ status: [status], level: [level] })).toEqual(await expected('status = $1 and level = $2', [status, level]));
    }
    // two statuses: another shape, answered as well
    expect(await references({ status: ['IN_PROGRESS', 'SUBMITTED'] })).toEqual(await expected('status = any($1)', [['IN_PROGRESS', 'SUBMITTED']]));
    expect(await references({ status: ['NEW', 'CLOSED'] })).toEqual(await expected('status = any($1)', [['NEW', 'CLOSED']]));
  });

  it('keeps each value in its place when two are equal, then when they differ', async () => {
    const [a, b] = await requesterAndAssignee();
    // equal values first: a cache that took one for the other would answer the next pairs with the wrong person
    for (const [requester, assignee] of [[a, a], [a, b], [b, a], [b, b], [a, b]]) {
      const got = await references({ requesterId: requester.gid, assigneeId: assignee.gid });
      expect(got).toEqual(await expected('requester_id = $1 and assignee_id = $2', [requester.id, assignee.id]));
    }
    expect((await expected('requester_id = $1 and assignee_id = $2', [a.id, b.id])).total).toBeGreaterThan(0);
  });

  it('answers dates with their own instants', async () => {
    const { rows } = await sql(server.databaseUrl, `select min(created_at) as lo, max(created_at) as hi from ticket`);
    const lo = rows[0].lo as Date;
    const hi = rows[0].hi as Date;
    const mid = new Date((lo.getTime() + hi.getTime()) / 2);
    for (const [from, to] of [[lo, mid], [mid, hi], [lo, hi], [mid, mid]]) {
      expect(await references({ openedFrom: from.toISOString(), openedTo: to.toISOString() })).toEqual(
        await expected('created_at >= $1 and created_at < $2', [from.toISOString(), to.toISOString()]),
      );
    }
  });
});

describe('statements of the read path', () => {
  it('carry the values as parameters, and a recurring one goes under a name', async () => {
    const knex = server.orm.em.getConnection().getKnex();
    const seen: { sql: string; bindings?: unknown[]; options?: { name?: string } }[] = [];
    const listener = (q: (typeof seen)[number]) => seen.push(q);
    knex.on('query', listener);
    try {
      for (let i = 0; i < 3; i++) await references({ status: ['ESCALATED'], level: ['SN2'] });
    } finally {
      knex.off('query', listener);
    }
    const pages = seen.filter((q) => /from "ticket" as "e0"/.test(q.sql) && !/count\(\*\)/.test(q.sql));
    expect(pages).toHaveLength(3);
    for (const p of pages) {
      expect(p.sql).not.toContain("'ESCALATED'");
      expect(p.bindings).toEqual(expect.arrayContaining(['ESCALATED', 'SN2']));
    }
    // the first time it is sent as is, then under one name
    expect(pages[2].options?.name).toMatch(/^read_/);
    expect(pages[1].options?.name ?? pages[2].options?.name).toBe(pages[2].options?.name);
  });
});

describe('child lists brought with the page', () => {
  it('answer each alias with its own arguments, literal or variable, as PostgreSQL holds them', async () => {
    const res = await server.gql(
      `query($n: Int) { tickets(first: 30) { nodes { reference two: history(last: 2) { seq kind } n: history(last: $n) { seq actor { email } } all: history { seq } } } }`,
      { n: 3 },
      analyst,
    );
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data.tickets.nodes as { reference: string; two: { seq: number; kind: string }[]; n: { seq: number; actor: { email: string } | null }[]; all: { seq: number }[] }[];
    expect(nodes.length).toBeGreaterThan(5);
    const { rows } = await sql(
      server.databaseUrl,
      `select t.reference, e.seq, e.kind, p.email from ticket t join ticket_event e on e.ticket_id = t.id left join person p on p.id = e.actor_id where t.reference = any($1) order by t.reference, e.seq`,
      [nodes.map((n) => n.reference)],
    );
    const events = new Map<string, { seq: number; kind: string; email: string | null }[]>();
    for (const r of rows) events.set(r.reference, [...(events.get(r.reference) ?? []), { seq: r.seq, kind: r.kind, email: r.email }]);
    let longer = 0;
    for (const n of nodes) {
      const all = events.get(n.reference) ?? [];
      if (all.length > 3) longer++;
      expect(n.all).toEqual(all.slice(-200).map((e) => ({ seq: e.seq })));
      expect(n.two).toEqual(all.slice(-2).map((e) => ({ seq: e.seq, kind: e.kind })));
      expect(n.n).toEqual(all.slice(-3).map((e) => ({ seq: e.seq, actor: e.email ? { email: e.email } : null })));
    }
    expect(longer).toBeGreaterThan(0); // some ticket has more events than the shortest list keeps
  });

  it('come in the page’s one statement, not in a statement of their own', async () => {
    const knex = server.orm.em.getConnection().getKnex();
    const seen: string[] = [];
    const listener = (q: { sql: string }) => seen.push(q.sql);
    knex.on('query', listener);
    try {
      const res = await server.gql(`{ tickets(first: 20) { nodes { reference history(last: 5) { seq actor { email } } } } }`, {}, analyst);
      expect(res.body.data.tickets.nodes.length).toBe(20);
    } finally {
      knex.off('query', listener);
    }
    const reads = seen.filter((q) => !/webhook_delivery/.test(q));
    expect(reads.filter((q) => /ticket_event/.test(q))).toHaveLength(1);
    expect(reads.filter((q) => /ticket_event/.test(q))[0]).toMatch(/from "ticket" as "e0"/);
  });

  it('bring comments as the caller may read them: internal ones for the support levels only', async () => {
    const cca = { token: await server.tokenForRole('CCA', 'CSP-LYON') };
    for (const [who, auth, withInternal] of [['analyst', analyst, true], ['CCA', cca, false]] as const) {
      const res = await server.gql(`{ tickets(first: 50) { nodes { reference comments { body internal } } } }`, {}, auth);
      expect(res.body.errors, who).toBeUndefined();
      const nodes = res.body.data.tickets.nodes as { reference: string; comments: { body: string; internal: boolean }[] }[];
      expect(nodes.length, who).toBeGreaterThan(0);
      const { rows } = await sql(
        server.databaseUrl,
        `select t.reference, c.body, c.internal from ticket t join ticket_comment c on c.ticket_id = t.id where t.reference = any($1) ${withInternal ? '' : 'and not c.internal'} order by c.created_at, c.id`,
        [nodes.map((n) => n.reference)],
      );
      for (const n of nodes) expect(n.comments, `${who} ${n.reference}`).toEqual(rows.filter((r) => r.reference === n.reference).map((r) => ({ body: r.body, internal: r.internal })));
      if (withInternal) expect(rows.some((r) => r.internal)).toBe(true); // there are internal comments for the CCA not to see
    }
  });

  it('refuse arguments out of range with the field’s own error', async () => {
    for (const last of [0, 201]) {
      const res = await server.gql(`query($n: Int) { tickets(first: 2) { nodes { history(last: $n) { seq } } } }`, { n: last }, analyst);
      expect(res.body.errors?.[0], JSON.stringify(res.body.errors)).toMatchObject({ message: 'Valeur hors de l’intervalle permis (de 1 à 200).', extensions: { code: 'BAD_USER_INPUT', reason: 'OUT_OF_RANGE', field: ['last'], min: 1, max: 200 } });
    }
  });
});

describe('what a page brings of each row', () => {
  /** The statements one request sends (the server's own pool), with the answer. */
  async function statementsOf(query: string): Promise<{ data: any; statements: string[] }> {
    const knex = server.orm.em.getConnection().getKnex();
    const statements: string[] = [];
    const listener = (q: { sql: string }) => !/webhook_delivery/.test(q.sql) && statements.push(q.sql);
    knex.on('query', listener);
    try {
      const res = await server.gql(query, {}, analyst);
      expect(res.body.errors).toBeUndefined();
      return { data: res.body.data, statements };
    } finally {
      knex.off('query', listener);
    }
  }
  const page = (statements: string[]) => statements.find((q) => /from "ticket" as "e0"/.test(q))!;

  it('is the properties its selection reads, with those its resolvers declare', async () => {
    const { data, statements } = await statementsOf(`{ tickets(first: 10) { nodes { reference requester { email fullName } commentCount } } }`);
    const sqlText = page(statements);
    expect(sqlText).toContain('"reference"');
    expect(sqlText).toContain('"public_comment_count"'); // commentCount's resolver reads both counts
    expect(sqlText).not.toContain('"description"');
    expect(sqlText).toContain('"first_name"'); // fullName reads the two names
    expect(sqlText).not.toContain('held_roles');
    const { rows } = await sql(server.databaseUrl, `select t.reference, p.email, p.first_name || ' ' || p.last_name as full_name, t.comment_count from ticket t left join person p on p.id = t.requester_id order by t.updated_at desc, t.id desc limit 10`);
    expect(data.tickets.nodes).toEqual(rows.map((r) => ({ reference: r.reference, requester: r.email ? { email: r.email, fullName: r.full_name } : null, commentCount: r.comment_count })));
  });

  it('brings people’s running assignments in the page’s one statement, ended and future ones left out', async () => {
    const url = server.databaseUrl;
    const { rows: people } = await sql(url, `select id from person order by last_name, first_name, id limit 2`);
    const { rows: [structure] } = await sql(url, `select id from structure order by code limit 1`);
    // an ended and a future assignment on the first page: neither is running
    await sql(url, `insert into correspondent_assignment (id, person_id, structure_id, kind, since, until) values (gen_random_uuid(), $1, $3, 'CCH', now() - interval '2 years', now() - interval '1 year'), (gen_random_uuid(), $2, $3, 'CCP', now() + interval '1 year', null)`, [people[0].id, people[1].id, structure.id]);
    const { data, statements } = await statementsOf(`{ people(first: 20) { nodes { email correspondentAssignments { kind since structure { code } } } } }`);
    const reads = statements.filter((q) => /correspondent_assignment/.test(q));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/from "person" as "e0"/);
    const { rows } = await sql(
      url,
      `select p.email, coalesce(json_agg(json_build_object('kind', a.kind, 'since', a.since, 'structure', json_build_object('code', s.code)) order by a.since, a.id) filter (where a.id is not null), '[]') as assignments
         from (select * from person order by last_name, first_name, id limit 20) p
         left join correspondent_assignment a on a.person_id = p.id and a.since <= now() and (a.until is null or a.until > now())
         left join structure s on s.id = a.structure_id
        group by p.id, p.email, p.last_name, p.first_name order by p.last_name, p.first_name, p.id`,
    );
    const iso = (t: string) => new Date(t).toISOString();
    expect(data.people.nodes).toEqual(rows.map((r) => ({ email: r.email, correspondentAssignments: r.assignments.map((a: any) => ({ ...a, since: iso(a.since) })) })));
    expect(data.people.nodes.slice(0, 2).flatMap((n: any) => n.correspondentAssignments.map((a: any) => a.kind))).not.toContain('CCP');
  });

  it('brings registrations’ attendance in the page’s one statement, part by part, as the batched read answers it', async () => {
    const url = server.databaseUrl;
    // a registration of the first page with several parts attended, its rows rewritten last part first: stored order is not the answer's
    const { rows: [reg] } = await sql(
      url,
      `select r.id, p.id as person_id from (select * from training_registration order by requested_at, id limit 50) r join person p on p.id = r.trainee_id
        where (select count(*) from training_attendance a where a.registration_id = r.id) >= 2 order by r.requested_at, r.id limit 1`,
    );
    expect(reg).toBeTruthy();
    await sql(
      url,
      `with gone as (delete from training_attendance a where a.registration_id = $1 returning a.*)
       insert into training_attendance select g.* from gone g join training_session_part sp on sp.id = g.part_id order by sp.number desc`,
      [reg.id],
    );
    const query = `{ trainingRegistrations(first: 50) { nodes { id trainee { id } attendance { partNumber connected minutes } } } }`;
    const { data, statements } = await statementsOf(query);
    const reads = statements.filter((q) => /training_attendance/.test(q));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/from "training_registration" as "e0"/);
    expect(statements.filter((q) => /training_session_part/.test(q))).toHaveLength(1); // the part comes along, not in a read of its own
    const { rows } = await sql(
      url,
      `select r.id, coalesce(json_agg(json_build_object('partNumber', sp.number, 'connected', a.connected, 'minutes', a.minutes) order by sp.number) filter (where a.id is not null), '[]') as attendance
         from (select * from training_registration order by requested_at, id limit 50) r
         left join training_attendance a on a.registration_id = r.id left join training_session_part sp on sp.id = a.part_id
        group by r.id, r.requested_at order by r.requested_at, r.id`,
    );
    const nodes = data.trainingRegistrations.nodes as { id: string; trainee: { id: string }; attendance: unknown[] }[];
    expect(nodes.map((n) => n.attendance)).toEqual(rows.map((r) => r.attendance));
    const mine = nodes.find((n) => Buffer.from(n.id, 'base64url').toString().endsWith(reg.id))!;
    expect(mine.attendance.length).toBeGreaterThanOrEqual(2);
    // a registration read outside a page (the trainee's report) loads its attendance by batch, in the same order
    const report = await server.gql(`query($id: ID!) { trainingAttendanceReport(personId: $id) { registrations { id attendance { partNumber connected minutes } } } }`, { id: mine.trainee.id }, analyst);
    expect(report.body.errors).toBeUndefined();
    expect(report.body.data.trainingAttendanceReport.registrations.find((r: { id: string }) => r.id === mine.id).attendance).toEqual(mine.attendance);
  });

  it('is every property when a selected field’s resolver declares nothing', async () => {
    const { data, statements } = await statementsOf(`{ tickets(first: 10) { nodes { reference allowedTransitions requester { email roles } } } }`);
    const sqlText = page(statements);
    expect(sqlText).toContain('"description"');
    expect(sqlText).toContain('held_roles');
    expect(data.tickets.nodes).toHaveLength(10);
    for (const n of data.tickets.nodes) expect(Array.isArray(n.allowedTransitions)).toBe(true);
  });
});
