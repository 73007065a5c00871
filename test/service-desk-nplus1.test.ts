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

describe('the one read path of lists', () => {
  const FIELDS = `
    id reference status level title priority version createdAt updatedAt commentCount eventCount openedByApplicationName documentNumbers
    escalationCount reopenCount transferCount submittedAt takenAt resolvedAt closedAt flowId allowedTransitions satisfaction { score comment }
    application { code name } domain { code name }
    requester { id fullName email active roles structure { code ministry { code } } } structure { id code name parent { code } }
    assignee { id fullName email } openedBy { email }
    history(last: 5) { id seq kind transition fromStatus toStatus fromLevel toLevel field oldValue newValue reason createdAt actor { fullName structure { code } } actorApplicationName }
    comments { body internal createdAt author { email } authorApplicationName }`;
  const LIST = `query List($first: Int, $after: String, $last: Int, $before: String, $order: TicketOrder, $filter: TicketFilter) {
    tickets(first: $first, after: $after, last: $last, before: $before, orderBy: $order, filter: $filter) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { ${FIELDS} } }
    }
  }`;
  const ONE = `query One($reference: String!) { ticket(reference: $reference) { ${FIELDS} } }`;

  it('answers every field of a page like the ORM read of each ticket, for each role and order', async () => {
    for (const [who, order, filter] of [
      [sn1, null, null],
      [cca, { field: 'CREATED_AT', direction: 'ASC' }, null],
      [sn1, { field: 'PRIORITY', direction: 'DESC' }, { status: ['IN_PROGRESS', 'ESCALATED'], search: 'EJ' }],
    ] as const) {
      const page = await server.gql(LIST, { first: 12, order, filter }, who);
      expect(page.body.errors).toBeUndefined();
      const nodes = page.body.data.tickets.edges.map((e: any) => e.node);
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) {
        const one = await server.gql(ONE, { reference: node.reference }, who);
        expect(one.body.errors).toBeUndefined();
        expect(node).toEqual(one.body.data.ticket);
      }
    }
  });

  it('walks the whole list forward and back, each ticket once, in the same order as the database sorts it', async () => {
    const admin = { token: await server.tokenForRole('ADMINISTRATOR') };
    // two tickets less than a millisecond apart: a cursor must keep the microseconds
    await sql(server.databaseUrl, `update ticket set updated_at = '2020-01-05 10:00:00.123400+00', priority = 1 where reference in (select reference from ticket order by reference limit 1)`);
    await sql(server.databaseUrl, `update ticket set updated_at = '2020-01-05 10:00:00.123900+00', priority = 1 where reference in (select reference from ticket order by reference offset 1 limit 1)`);
    const order = { field: 'PRIORITY', direction: 'ASC' };
    /** Every reference of the list, page by page of 7, forward (first/after) or backward (last/before). */
    const walk = async (forward: boolean): Promise<string[]> => {
      const page = forward ? 'first: 7, after: $cursor' : 'last: 7, before: $cursor';
      const all: string[] = [];
      let cursor: string | null = null;
      for (;;) {
        const res: any = await server.gql(`query($cursor: String, $order: TicketOrder) { tickets(${page}, orderBy: $order) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { reference } } }`, { cursor, order }, admin);
        expect(res.body.errors).toBeUndefined();
        const { nodes, pageInfo } = res.body.data.tickets;
        const refs = nodes.map((n: any) => n.reference);
        if (forward) all.push(...refs);
        else all.unshift(...refs);
        if (!(forward ? pageInfo.hasNextPage : pageInfo.hasPreviousPage)) return all;
        cursor = forward ? pageInfo.endCursor : pageInfo.startCursor;
      }
    };
    const expected = (await sql(server.databaseUrl, `select reference from ticket order by priority asc, updated_at asc, id asc`)).rows.map((r: any) => r.reference);
    expect(await walk(true)).toEqual(expected);
    const back = await walk(false);
    expect(back).toEqual(expected);
    // the two sub-millisecond neighbours open the list: one page each
    const one = `query($after: String, $order: TicketOrder) { tickets(first: 1, after: $after, orderBy: $order) { pageInfo { endCursor } nodes { reference } } }`;
    const p1: any = await server.gql(one, { after: null, order }, admin);
    const p2: any = await server.gql(one, { after: p1.body.data.tickets.pageInfo.endCursor, order }, admin);
    expect([p1.body.data.tickets.nodes[0].reference, p2.body.data.tickets.nodes[0].reference]).toEqual(expected.slice(0, 2));
  });

  it('reads a page of any selection in a fixed number of statements', async () => {
    await server.gql(LIST, { first: 5 }, sn1);
    const a = await countStatements(() => server.gql(LIST, { first: 5 }, sn1));
    const b = await countStatements(() => server.gql(LIST, { first: 60 }, sn1));
    expect(b.count).toBe(a.count);
    // the page with its to-one relations, the history, the comments, the measures of allowedTransitions' settings at most
    expect(a.count).toBeLessThanOrEqual(4);
  });

  it('refuses a forged cursor', async () => {
    const res = await server.gql(`query($a: String) { tickets(first: 5, after: $a) { nodes { reference } } }`, { a: Buffer.from('["x"]').toString('base64url') }, sn1);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
