import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';

// the nested selection below costs more than the default limit at 100 tickets; the limit is not what this file tests
// the service-level job recomputes standings on the same pool in the background (its first pass after an hour here): not the request's work
// and the verified caller stays cached for the whole file, so every page counts the same authentication (none)
const server = await startTestServer({ env: { MAX_QUERY_COST: '50000', SERVICE_LEVEL_POLL_MS: '3600000', CREDENTIALS_CACHE_MS: '60000' } });
const sn1 = { token: await server.tokenForRole('SN1_AGENT') };
const cca = { token: await server.tokenForRole('CCA', 'CSP-LYON') };

// 200 more tickets (copies of the demo ones, 6 events and 2 comments each) so a page of 100 is full
await sql(
  server.databaseUrl,
  `with src as (select t.*, row_number() over (order by t.id) as rn from ticket t),
        n as (select g from generate_series(1, 200) g),
        ins as (
          insert into ticket (id, created_at, updated_at, reference, application_id, domain_id, nature, title, description, error_message, impact, priority,
                              requester_id, structure_id, opened_by_id, status, level, assignee_id, version, event_count, comment_count, public_comment_count, submitted_at, taken_at)
          select gen_random_uuid(), now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval, 'FSD-BULK-' || lpad(g::text, 6, '0'), s.application_id, s.domain_id, s.nature, s.title || ' #' || g, s.description, s.error_message, s.impact, s.priority,
                 s.requester_id, s.structure_id, s.opened_by_id, 'IN_PROGRESS', 'SN1', (select id from person where 'SN1_AGENT' = any(held_roles) order by email limit 1), 6, 6, 2, 1, now(), now()
            from n join src s on s.rn = 1 + (g % (select count(*) from src))
          returning id, opened_by_id, created_at)
   , ev as (insert into ticket_event (id, ticket_id, seq, kind, transition, actor_id, from_status, to_status, from_level, to_level, created_at, updated_at)
          select gen_random_uuid(), ins.id, k, case when k = 1 then 'OPENED' else 'TRANSITION' end, case when k = 1 then null else 'TAKE' end, ins.opened_by_id,
                 case when k = 1 then null else 'SUBMITTED' end, 'IN_PROGRESS', 'SN1', 'SN1', ins.created_at + (k || ' seconds')::interval, ins.created_at
            from ins cross join generate_series(1, 6) k returning 1)
   insert into ticket_comment (id, ticket_id, author_id, body, internal, created_at, updated_at)
   select gen_random_uuid(), ins.id, ins.opened_by_id, 'commentaire ' || k, k = 2, ins.created_at, ins.created_at from ins cross join generate_series(1, 2) k`,
);

const NESTED = `query Queue($first: Int!) {
  tickets(first: $first, orderBy: { field: UPDATED_AT, direction: DESC }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      reference status level version commentCount eventCount allowedTransitions
      application { code } domain { code name }
      requester { fullName email structure { code ministry { code } } roles }
      structure { code name parent { code } }
      assignee { fullName team { name } }
      openedBy { email }
      openedByApplicationName
      history(last: 5) { seq kind transition toStatus actor { email } actorApplicationName }
      comments { body internal author { email } }
      measures { firstResponseSeconds secondsAtSn1 escalationCount }
    }
  }
}`;

/** Counts the SQL statements the server sends while `work` runs (knex 'query' events of the server's own pool). */
async function countStatements(work: () => Promise<unknown>): Promise<{ count: number; statements: string[] }> {
  const knex = server.orm.em.getConnection().getKnex();
  const statements: string[] = [];
  // the webhook dispatcher polls on the same pool in the background: not the request's work
  const listener = (q: { sql: string }) => !/webhook_delivery/.test(q.sql) && statements.push(q.sql);
  knex.on('query', listener);
  try {
    await work();
  } finally {
    knex.off('query', listener);
  }
  return { count: statements.length, statements };
}

describe('nested ticket lists load without N+1', () => {
  it('sends the same number of SQL statements for a page of 10 and a page of 100 tickets', async () => {
    let page10: any, page100: any;
    // both pages read the caller from the credentials cache: the first request fills it
    await server.gql(`{ viewer { kind } }`, {}, sn1);
    const small = await countStatements(async () => (page10 = await server.gql(NESTED, { first: 10 }, sn1)));
    const large = await countStatements(async () => (page100 = await server.gql(NESTED, { first: 100 }, sn1)));
    expect(page10.body.errors).toBeUndefined();
    expect(page100.body.errors).toBeUndefined();
    expect(page10.body.data.tickets.nodes).toHaveLength(10);
    expect(page100.body.data.tickets.nodes).toHaveLength(100);
    // the nested data is really there
    const withHistory = page100.body.data.tickets.nodes.filter((n: any) => n.history.length === 5);
    expect(withHistory.length).toBeGreaterThan(90);
    expect(page100.body.data.tickets.nodes.every((n: any) => n.history.every((e: any, i: number, all: any[]) => i === 0 || e.seq === all[i - 1].seq + 1))).toBe(true);
    expect(page100.body.data.tickets.nodes.some((n: any) => n.comments.some((c: any) => c.internal))).toBe(true);
    expect(large.count).toBe(small.count);
    // and that number is small: the page, its count, and one per kind of relation
    expect(large.count).toBeLessThanOrEqual(20);
  });

  it('stays constant for a CCA too (visibility filters, public comments only)', async () => {
    // (a selection whose relations every one of these tickets has, so both pages need the same kinds of rows)
    const CCA_LIST = `query($first: Int!) { tickets(first: $first) { nodes { reference requester { email structure { code } } structure { code } assignee { email } history(last: 5) { seq actor { email } } comments { body } commentCount } } }`;
    let small: any, large: any;
    await server.gql(`{ viewer { kind } }`, {}, cca);
    const a = await countStatements(async () => (small = await server.gql(CCA_LIST, { first: 5 }, cca)));
    const b = await countStatements(async () => (large = await server.gql(CCA_LIST, { first: 30 }, cca)));
    expect(small.body.data.tickets.nodes).toHaveLength(5);
    expect(large.body.data.tickets.nodes).toHaveLength(30);
    expect(large.body.data.tickets.nodes.every((n: any) => n.structure.code === 'CSP-LYON')).toBe(true);
    expect(large.body.data.tickets.nodes.every((n: any) => n.comments.length === n.commentCount)).toBe(true);
    expect(b.count).toBe(a.count);
  });
});

describe('the hand-tuned path of the hot list', () => {
  const HOT = `query Hot($first: Int!, $after: String, $order: TicketOrder, $filter: TicketFilter) {
    tickets(first: $first, after: $after, orderBy: $order, filter: $filter) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node {
        id reference status level title priority version createdAt updatedAt commentCount eventCount openedByApplicationName
        application { code name } domain { code }
        requester { id fullName email } structure { id code name } assignee { id fullName email } openedBy { email }
        history(last: 5) { id seq kind transition fromStatus toStatus createdAt actor { fullName } actorApplicationName }
      } }
    }
  }`;

  it('answers exactly like the ORM path, cursors included, in one statement for the data', async () => {
    const { fastList } = await import('../packages/server/src/service-desk/ticket.fast-list');
    for (const [who, order, filter] of [
      [sn1, null, null],
      [cca, { field: 'CREATED_AT', direction: 'ASC' }, null],
      [sn1, { field: 'PRIORITY', direction: 'DESC' }, { status: ['IN_PROGRESS', 'ESCALATED'], search: 'EJ' }],
    ] as const) {
      const run = async (enabled: boolean, after: string | null) => {
        fastList.enabled = enabled;
        try {
          let res: any;
          const counted = await countStatements(async () => (res = await server.gql(HOT, { first: 30, after, order, filter }, who)));
          expect(res.body.errors).toBeUndefined();
          return { data: res.body.data.tickets, statements: counted.count };
        } finally {
          fastList.enabled = true;
        }
      };
      const fast = await run(true, null);
      const orm = await run(false, null);
      expect(fast.data).toEqual(orm.data);
      expect(fast.data.edges.length).toBeGreaterThan(0);
      // page 2, each path with the other's cursor
      const fast2 = await run(true, orm.data.pageInfo.endCursor);
      const orm2 = await run(false, fast.data.pageInfo.endCursor);
      expect(fast2.data).toEqual(orm2.data);
      expect(fast.statements).toBeLessThan(orm.statements);
    }
  });

  it('refuses a forged cursor as the ORM path does', async () => {
    const res = await server.gql(`query($a: String) { tickets(first: 5, after: $a) { nodes { reference } } }`, { a: Buffer.from('["x"]').toString('base64url') }, sn1);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
