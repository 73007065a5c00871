/**
 * Role × operation matrix: every ticket mutation and query, for every role, on a ticket of
 * the caller's own structure and of another. Allowed cells must succeed; refused ones must
 * fail with the expected rule code, and an invisible ticket must look NOT_FOUND (no row leaks).
 */
import { describe, expect, it } from 'vitest';
import { authenticate, personViewer } from '../packages/server/src/access/authenticate';
import type { Viewer } from '../packages/server/src/core/context';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { TicketImpact, TicketNature, TicketTransition, transitionMutationName } from '../packages/server/src/service-desk/ticket.enums';
import { fireTransition, openTicket } from '../packages/server/src/service-desk/ticket.service';
import { describeTransition, TRANSITIONS } from '../packages/server/src/service-desk/ticket.transitions';
import { buildAppSchema } from '../packages/server/src/schema';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { TRANSITION_MUTATIONS, type TransitionName } from './service-desk.helpers';

const server = await startTestServer();
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const one = async (q: string, p: unknown[] = []) => (await sql(server.databaseUrl, q, p)).rows[0];

const lyon = (await one(`select id from structure where code = 'CSP-LYON'`)).id as string;
const lille = (await one(`select id from structure where code = 'CSP-LILLE'`)).id as string;
const personIn = async (structure: string, where: string) => (await one(`select p.id, p.email from person p join structure s on s.id = p.structure_id where s.code = $1 and ${where} order by p.email limit 1`, [structure])) as { id: string; email: string };
const ccaOf = (code: string) => personIn(code, `exists (select 1 from correspondent_assignment a where a.person_id = p.id and a.kind = 'CCA' and a.until is null)`);
const requester = await personIn('CSP-LYON', `p.held_roles = '{END_USER}' and not exists (select 1 from correspondent_assignment a where a.person_id = p.id)`);
// CSP-LYON has one plain end user (the requester); another one works at the rectorat
const otherEndUser = await personIn('RECT-LYON', `p.held_roles = '{END_USER}' and not exists (select 1 from correspondent_assignment a where a.person_id = p.id)`);
const withRole = async (role: string) => (await one(`select id, email from person where $1 = any(held_roles) order by email limit 1`, [role])) as { id: string; email: string };
const sn1Agents = (await sql(server.databaseUrl, `select id, email from person where 'SN1_AGENT' = any(held_roles) order by email`)).rows as { id: string; email: string }[];

const people = {
  END_USER_REQUESTER: requester,
  END_USER_OTHER: otherEndUser,
  CCA_OWN: await ccaOf('CSP-LYON'),
  CCA_FOREIGN: await ccaOf('CSP-BORDEAUX'),
  CCH_OWN: await personIn('CSP-LYON', `exists (select 1 from correspondent_assignment a where a.person_id = p.id and a.kind = 'CCH')`),
  SN1: sn1Agents[0],
  SN2: await withRole('SN2_AGENT'),
  TECHNICAL: await withRole('TECHNICAL_AGENT'),
  ANALYST: await withRole('ANALYST'),
  ADMINISTRATOR: await withRole('ADMINISTRATOR'),
  DAF_MANAGER: await withRole('DAF_MANAGER'),
  KNOWLEDGE_EDITOR: await withRole('KNOWLEDGE_EDITOR'),
};
type Who = keyof typeof people | 'APP_OWN' | 'APP_FOREIGN';
const WHO: Who[] = [...(Object.keys(people) as (keyof typeof people)[]), 'APP_OWN', 'APP_FOREIGN'];
const auth = async (who: Who) => (who.startsWith('APP') ? { apiKey: DEMO_API_KEY } : { token: await server.tokenFor(people[who as keyof typeof people].email) });

// viewers for arranging tickets in the service directly (fast), the API is what is tested
const em = () => server.orm.em.fork();
const viewerOf = (id: string) => personViewer(em(), id);
const saxo = (await authenticate(em(), async () => ({ sub: undefined, expiresAt: new Date() }), { apiKey: DEMO_API_KEY }))!;
const ccaViewer = await viewerOf(people.CCA_OWN.id);
const sn1Viewer = await viewerOf(people.SN1.id);

type State = 'NEW' | 'SUBMITTED' | 'IN_PROGRESS' | 'WAITING_FOR_INFO' | 'ESCALATED' | 'AT_TECHNICAL' | 'RESOLVED' | 'CLOSED';
const RECIPES: Record<State, [TicketTransition, 'opener' | Viewer][]> = {
  NEW: [],
  SUBMITTED: [[TicketTransition.SUBMIT, 'opener']],
  IN_PROGRESS: [[TicketTransition.SUBMIT, 'opener'], [TicketTransition.TAKE, sn1Viewer]],
  WAITING_FOR_INFO: [[TicketTransition.SUBMIT, 'opener'], [TicketTransition.TAKE, sn1Viewer], [TicketTransition.REQUEST_INFO, sn1Viewer]],
  ESCALATED: [[TicketTransition.SUBMIT, 'opener'], [TicketTransition.TAKE, sn1Viewer], [TicketTransition.ESCALATE, sn1Viewer]],
  AT_TECHNICAL: [[TicketTransition.SUBMIT, 'opener'], [TicketTransition.TAKE, sn1Viewer], [TicketTransition.TRANSFER_TO_TECHNICAL, sn1Viewer]],
  RESOLVED: [[TicketTransition.SUBMIT, 'opener'], [TicketTransition.TAKE, sn1Viewer], [TicketTransition.RESOLVE, sn1Viewer]],
  CLOSED: [[TicketTransition.SUBMIT, 'opener'], [TicketTransition.TAKE, sn1Viewer], [TicketTransition.RESOLVE, sn1Viewer], [TicketTransition.CLOSE, sn1Viewer]],
};

/** A ticket of CSP-LYON in `state`, opened by its CCA (for the requester) or by SAXO. */
async function arrange(state: State, openedBy: 'CCA' | 'APP') {
  const opener = openedBy === 'APP' ? saxo : ccaViewer;
  let { ticket } = await openTicket(em(), opener, server.config.tickets, {
    structureId: lyon,
    requesterId: openedBy === 'APP' ? null : requester.id,
    application: 'CHORUS_COEUR', domain: 'EJ', nature: TicketNature.FUNCTIONAL, impact: TicketImpact.ONE_USER, priority: 3,
    title: `matrix ${state}`, description: 'matrix', draft: true,
  });
  for (const [tr, by] of RECIPES[state]) ticket = (await fireTransition(em(), by === 'opener' ? opener : by, server.config.tickets, ticket.id, ticket.version, tr, 'reason')).ticket;
  return { id: gid('Ticket', ticket.id), version: ticket.version, reference: ticket.reference };
}

const P = `userErrors { code }`;
type Op = { name: string; state?: State; run: (a: { token?: string; apiKey?: string }, t: { id: string; version: number; reference: string }) => Promise<string> };
const mutation = (field: string, inputType: string, input: (t: { id: string; version: number }) => Record<string, unknown>): Op['run'] => async (a, t) => {
  const res = await server.gql(`mutation($input: ${inputType}!) { ${field}(input: $input) { ${P} } }`, { input: input(t) }, a);
  if (res.body.errors) return `ERROR:${res.body.errors[0].extensions?.code}`;
  const errs = res.body.data[field].userErrors;
  return errs.length ? errs[0].code : 'OK';
};

const STATE_OF: Record<TransitionName, State> = {
  SUBMIT: 'NEW', TAKE: 'SUBMITTED', REQUEST_INFO: 'IN_PROGRESS', PROVIDE_INFO: 'WAITING_FOR_INFO', ESCALATE: 'IN_PROGRESS', RETURN_TO_SN1: 'ESCALATED',
  TRANSFER_TO_TECHNICAL: 'IN_PROGRESS', TRANSFER_TO_FUNCTIONAL: 'AT_TECHNICAL', RESOLVE: 'IN_PROGRESS', CLOSE: 'RESOLVED', REOPEN: 'CLOSED', CANCEL: 'SUBMITTED',
};
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const OPS: Op[] = [
  ...(Object.keys(TRANSITION_MUTATIONS) as TransitionName[]).map((tr) => ({
    name: tr,
    state: STATE_OF[tr],
    run: mutation(TRANSITION_MUTATIONS[tr], `${cap(TRANSITION_MUTATIONS[tr])}Input`, (t) => ({ id: t.id, version: t.version, reason: 'because' })),
  })),
  { name: 'updateTicket', state: 'IN_PROGRESS', run: mutation('updateTicket', 'UpdateTicketInput', (t) => ({ id: t.id, version: t.version, priority: 1 })) },
  { name: 'assignTicket', state: 'IN_PROGRESS', run: mutation('assignTicket', 'AssignTicketInput', (t) => ({ id: t.id, version: t.version, assigneeId: gid('Person', sn1Agents[1].id) })) },
  { name: 'publicComment', state: 'IN_PROGRESS', run: mutation('addTicketComment', 'AddTicketCommentInput', (t) => ({ ticketId: t.id, body: 'bonjour' })) },
  { name: 'internalComment', state: 'IN_PROGRESS', run: mutation('addTicketComment', 'AddTicketCommentInput', (t) => ({ ticketId: t.id, body: 'note', internal: true })) },
  { name: 'rateTicket', state: 'RESOLVED', run: mutation('rateTicket', 'RateTicketInput', (t) => ({ id: t.id, version: t.version, score: 4 })) },
  {
    name: 'read',
    state: 'IN_PROGRESS',
    run: async (a, t) => {
      const res = await server.gql(`query($r: String!, $id: ID!) { ticket(reference: $r) { id } node(id: $id) { id } tickets(first: 100, filter: { search: $r }) { nodes { id } } }`, { r: t.reference, id: t.id }, a);
      if (res.body.errors) return `ERROR:${res.body.errors[0].extensions?.code}`;
      const d = res.body.data;
      const seen = [!!d.ticket, !!d.node, d.tickets.nodes.some((n: any) => n.id === t.id)];
      // the three ways in must agree
      if (new Set(seen).size !== 1) return `INCONSISTENT:${seen}`;
      return seen[0] ? 'OK' : 'NOT_FOUND';
    },
  },
  {
    name: 'openTicket',
    run: async (a) => {
      const res = await server.gql(`mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id } ${P} } }`, { input: { structureId: gid('Structure', lyon), application: 'CHORUS_COEUR', domain: 'EJ', title: 'matrix open', description: 'x' } }, a);
      const errs = res.body.data.openTicket.userErrors;
      return errs.length ? errs[0].code : 'OK';
    },
  },
];

// ---- the expected matrix -------------------------------------------------------------
const NF = 'NOT_FOUND';
const RO = 'READ_ONLY_ROLE';
const ROLE = 'ROLE_MAY_NOT_FIRE_TRANSITION';
/** Who cannot see a ticket of CSP-LYON that they neither requested nor opened. */
const BLIND = { END_USER_OTHER: NF, CCA_FOREIGN: NF, CCH_OWN: NF, DAF_MANAGER: NF, KNOWLEDGE_EDITOR: NF, APP_FOREIGN: NF };
/** Who sees every ticket (or this one) but changes nothing. */
const READERS = { END_USER_REQUESTER: RO, ANALYST: RO, ADMINISTRATOR: RO };
const row = (cells: Partial<Record<Who, string>>): Record<Who, string> => ({ ...BLIND, ...READERS, SN2: NF, TECHNICAL: NF, ...cells }) as Record<Who, string>;

const EXPECTED: Record<string, Record<Who, string>> = {
  SUBMIT: row({ CCA_OWN: 'OK', APP_OWN: 'OK', SN1: ROLE }),
  TAKE: row({ CCA_OWN: ROLE, APP_OWN: ROLE, SN1: 'OK' }),
  REQUEST_INFO: row({ CCA_OWN: ROLE, APP_OWN: ROLE, SN1: 'OK' }),
  PROVIDE_INFO: row({ CCA_OWN: 'OK', APP_OWN: 'OK', SN1: ROLE }),
  ESCALATE: row({ CCA_OWN: 'ESCALATION_RESERVED_TO_SN1', APP_OWN: 'ESCALATION_RESERVED_TO_SN1', SN1: 'OK' }),
  // escalated: SN2 now sees it
  RETURN_TO_SN1: row({ CCA_OWN: ROLE, APP_OWN: ROLE, SN1: ROLE, SN2: 'OK' }),
  TRANSFER_TO_TECHNICAL: row({ CCA_OWN: ROLE, APP_OWN: ROLE, SN1: 'OK' }),
  // at the technical level: the technical team now sees it
  TRANSFER_TO_FUNCTIONAL: row({ CCA_OWN: ROLE, APP_OWN: ROLE, SN1: ROLE, TECHNICAL: 'OK' }),
  RESOLVE: row({ CCA_OWN: ROLE, APP_OWN: ROLE, SN1: 'OK' }),
  CLOSE: row({ CCA_OWN: 'OK', APP_OWN: 'OK', SN1: 'OK' }),
  REOPEN: row({ CCA_OWN: 'OK', APP_OWN: 'OK', SN1: ROLE }),
  CANCEL: row({ CCA_OWN: 'OK', APP_OWN: 'OK', SN1: ROLE }),
  updateTicket: row({ CCA_OWN: 'OK', APP_OWN: 'OK', SN1: 'OK' }),
  assignTicket: row({ CCA_OWN: 'NOT_AT_YOUR_LEVEL', APP_OWN: 'NOT_AT_YOUR_LEVEL', SN1: 'OK' }),
  publicComment: row({ CCA_OWN: 'OK', APP_OWN: 'OK', SN1: 'OK' }),
  internalComment: row({ CCA_OWN: 'INTERNAL_COMMENT_NOT_ALLOWED', APP_OWN: 'INTERNAL_COMMENT_NOT_ALLOWED', SN1: 'OK' }),
  rateTicket: row({ CCA_OWN: 'OK', APP_OWN: 'OK', SN1: 'NOT_YOUR_STRUCTURE' }),
  read: row({ END_USER_REQUESTER: 'OK', ANALYST: 'OK', ADMINISTRATOR: 'OK', CCA_OWN: 'OK', APP_OWN: 'OK', SN1: 'OK' }),
  openTicket: {
    ...Object.fromEntries(WHO.map((w) => [w, 'ONLY_CCA_OR_APPLICATION_OPENS'])),
    CCA_OWN: 'OK',
    CCA_FOREIGN: 'NOT_YOUR_STRUCTURE',
    APP_OWN: 'OK',
    APP_FOREIGN: 'OK', // SAXO files for CSP-LYON; see below for a structure it may not file for
  } as Record<Who, string>,
};

describe('role × operation matrix of the service desk', () => {
  it('allows exactly the allowed cells, refuses the others with the rule’s code, and hides what a role may not see', async () => {
    const cells: { op: Op; who: Who }[] = OPS.flatMap((op) => WHO.map((who) => ({ op, who })));
    const actual: Record<string, Record<string, string>> = {};
    // a few cells at a time: each one gets its own freshly arranged ticket
    for (let i = 0; i < cells.length; i += 12) {
      await Promise.all(
        cells.slice(i, i + 12).map(async ({ op, who }) => {
          const t = op.state ? await arrange(op.state, who === 'APP_OWN' ? 'APP' : 'CCA') : { id: '', version: 0, reference: '' };
          (actual[op.name] ??= {})[who] = await op.run(await auth(who), t);
        }),
      );
    }
    for (const op of OPS) expect({ op: op.name, ...actual[op.name] }).toEqual({ op: op.name, ...EXPECTED[op.name] });
  }, 120_000);

  it('refuses an application filing for a structure it does not serve', async () => {
    const res = await server.gql(`mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id } ${P} } }`, { input: { structureId: gid('Structure', lille), application: 'CHORUS_COEUR', domain: 'EJ', title: 't', description: 'd' } }, { apiKey: DEMO_API_KEY });
    expect(res.body.data.openTicket).toEqual({ ticket: null, userErrors: [{ code: 'NOT_YOUR_STRUCTURE' }] });
  });

  it('refuses anonymous callers every ticket operation with UNAUTHENTICATED', async () => {
    const res = await server.gql(`{ tickets(first: 1) { nodes { id } } }`);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('shows each role exactly its share of the demo tickets', async () => {
    const count = async (who: Who) => (await server.gql(`{ tickets(first: 1) { totalCount } }`, {}, await auth(who))).body.data.tickets.totalCount as number;
    const total = Number((await one(`select count(*) from ticket`)).count);
    // SN1 is a ministry's own support: its ministry's structures only, not every ministry's
    const sn1Share = Number((await one(`select count(*) from ticket t join structure s on s.id = t.structure_id where s.ministry_id = (select x.ministry_id from person p join structure x on x.id = p.structure_id where p.id = $1)`, [people.SN1.id])).count);
    expect(sn1Share).toBeLessThan(total);
    expect(await count('SN1')).toBe(sn1Share);
    expect(await count('ANALYST')).toBe(total);
    expect(await count('SN2')).toBe(Number((await one(`select count(*) from ticket where escalation_count > 0`)).count));
    expect(await count('TECHNICAL')).toBe(Number((await one(`select count(*) from ticket where nature = 'TECHNICAL' or level = 'TECHNICAL'`)).count));
    expect(await count('CCA_OWN')).toBe(Number((await one(`select count(*) from ticket where structure_id = $1`, [lyon])).count));
    expect(await count('APP_OWN')).toBe(Number((await one(`select count(*) from ticket t join application_client a on a.id = t.opened_by_application_id where a.name = 'SAXO'`)).count));
    expect(await count('KNOWLEDGE_EDITOR')).toBe(0);
  });
});

describe('the CCA’s structures are those of their CCA assignments, the same over HTTP and WebSocket', () => {
  const bordeaux = async () => (await one(`select id from structure where code = 'CSP-BORDEAUX'`)).id as string;
  const count = `{ tickets(first: 1) { totalCount } }`;
  const overWs = async (token: string, query: string) => {
    const { wsClient } = await import('./support/ws');
    const client = wsClient(server.url, { token });
    try {
      return await new Promise<any>((resolve, reject) => client.subscribe({ query }, { next: (v) => resolve(v), error: reject, complete: () => undefined }));
    } finally {
      await client.dispose();
    }
  };

  it('a person at the rectorat who is CCA of the Bordeaux platform sees, opens and follows Bordeaux tickets, not their home structure’s', async () => {
    const { id, email } = await one(
      `insert into person (id, first_name, last_name, email, structure_id, held_roles) select gen_random_uuid(), 'Elsewhere', 'Cca', 'cca.ailleurs@education.example', id, '{END_USER}' from structure where code = 'RECT-LYON' returning id, email`,
    );
    await sql(server.databaseUrl, `insert into correspondent_assignment (id, person_id, structure_id, kind, since) values (gen_random_uuid(), $1, $2, 'CCA', now() - interval '1 day')`, [id, await bordeaux()]);
    const token = await server.tokenFor(email);
    const expected = Number((await one(`select count(*) from ticket where structure_id = $1 or requester_id = $2`, [await bordeaux(), id])).count);
    expect(expected).toBeGreaterThan(0);
    expect((await server.gql(count, {}, { token })).body.data.tickets.totalCount).toBe(expected);
    expect((await overWs(token, count)).data.tickets.totalCount).toBe(expected);

    const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { structure { code } } userErrors { code } } }`;
    const base = { application: 'CHORUS_COEUR', domain: 'EJ', title: 'EJ bloqué', description: 'd' };
    const opened = await server.gql(OPEN, { input: base }, { token });
    expect(opened.body.data.openTicket).toMatchObject({ ticket: { structure: { code: 'CSP-BORDEAUX' } }, userErrors: [] });
    const home = (await one(`select id from structure where code = 'RECT-LYON'`)).id;
    const refused = await server.gql(OPEN, { input: { ...base, structureId: gid('Structure', home) } }, { token });
    expect(refused.body.data.openTicket.userErrors[0].code).toBe('NOT_YOUR_STRUCTURE');
  });

  it('every role sees the same share over WebSocket as over HTTP', async () => {
    for (const who of WHO.filter((w) => !w.startsWith('APP'))) {
      const { token } = (await auth(who)) as { token: string };
      const http = (await server.gql(count, {}, { token })).body.data?.tickets.totalCount ?? null;
      const ws = (await overWs(token, count)).data?.tickets.totalCount ?? null;
      expect({ who, ws }).toEqual({ who, ws: http });
    }
  });
});

describe('the transition mutations', () => {
  it('are one per transition of the table, each described from its own rule', async () => {
    const mutations = (await buildAppSchema()).getMutationType()!.getFields();
    const descriptions = new Set<string>();
    for (const tr of Object.values(TicketTransition)) {
      const rule = TRANSITIONS[tr];
      // MERGE has a mutation of its own (mergeTicket), described from its rule like the others
      const m = mutations[transitionMutationName(tr)];
      expect(m.description).toBe(describeTransition(rule));
      for (const status of [...rule.from, rule.to]) expect(m.description).toContain(status);
      for (const { role } of rule.actors) expect(m.description).toContain(role);
      descriptions.add(m.description!);
    }
    expect(descriptions.size).toBe(Object.values(TicketTransition).length);
  });
});
