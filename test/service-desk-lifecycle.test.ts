import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { desk } from './service-desk.helpers';
import { TICKET_SEARCH_DOCUMENT, TICKET_SEARCH_QUERY } from '../packages/server/src/service-desk/ticket.entity';

const server = await startTestServer();
const { open, fire, ok, get } = desk(server);
/** An end user holding no correspondent role. */
async function plainEndUser(structureCode: string) {
  const { rows } = await sql(server.databaseUrl, `select p.email from person p join structure s on s.id = p.structure_id where s.code = $1 and p.held_roles = '{END_USER}' and not exists (select 1 from correspondent_assignment a where a.person_id = p.id) order by p.email limit 1`, [structureCode]);
  return server.tokenFor(rows[0].email);
}
const cca = { token: await server.tokenForRole('CCA', 'CSP-LYON') };
const ccaBordeaux = { token: await server.tokenForRole('CCA', 'CSP-BORDEAUX') };
const sn1 = { token: await server.tokenForRole('SN1_AGENT') };
const sn2 = { token: await server.tokenForRole('SN2_AGENT') };
const tech = { token: await server.tokenForRole('TECHNICAL_AGENT') };
const saxo = { apiKey: DEMO_API_KEY };

const UPDATE = `mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { ticket { version title priority } events { field oldValue newValue } userErrors { field code message } } }`;
const COMMENT = `mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { comment { id internal body } userErrors { field code message } } }`;
const RATE = `mutation($input: RateTicketInput!) { rateTicket(input: $input) { ticket { satisfaction { score comment } } userErrors { code message } } }`;

describe('opening a ticket', () => {
  it('gives a CCA’s ticket a reference from the database sequence and submits it to SN1', async () => {
    const { ticket, userErrors } = await open(cca, { errorMessage: 'Poste de pièce 1508892764/00003 n’a pas encore été reporté dans exercice en cours' });
    expect(userErrors).toEqual([]);
    expect(ticket.reference).toMatch(/^FSD-\d{4}-\d{6}$/);
    // the message is one the known anomaly "Ajout d'un tiers dans l'EJ" causes: the ticket joins it at opening (one more event)
    expect(ticket).toMatchObject({ status: 'SUBMITTED', level: 'SN1', nature: 'FUNCTIONAL', version: 3, structure: { code: 'CSP-LYON' } });
    expect(ticket.history.map((e: any) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['OPENED', null, 'NEW'],
      ['TRANSITION', 'NEW', 'SUBMITTED'],
      ['FIELD_CHANGED', 'SUBMITTED', 'SUBMITTED'],
    ]);
    const { rows } = await sql(server.databaseUrl, `select last_value from ticket_reference_seq`);
    expect(ticket.reference.endsWith(String(rows[0].last_value).padStart(6, '0'))).toBe(true);
  });

  it('sends a technical ticket straight to CES-CHOREGIE', async () => {
    const { ticket } = await open(cca, { nature: 'TECHNICAL', title: 'Flux rejeté' });
    expect(ticket).toMatchObject({ status: 'SUBMITTED', level: 'TECHNICAL' });
  });

  it('keeps a draft as NEW until the CCA submits it', async () => {
    const { ticket } = await open(cca, { draft: true });
    expect(ticket.status).toBe('NEW');
    const submitted = await ok('SUBMIT', cca, ticket);
    expect(submitted.status).toBe('SUBMITTED');
  });

  it('refuses bad input with clear user errors', async () => {
    const empty = await open(cca, { title: '   ' });
    expect(empty.userErrors).toEqual([{ field: ['input', 'title'], code: 'REQUIRED', message: 'Valeur obligatoire.' }]);
    const huge = await open(cca, { description: 'x'.repeat(1_000_000) });
    expect(huge.userErrors[0]).toMatchObject({ field: ['input', 'description'], code: 'TOO_LONG' });
    expect(huge.userErrors[0].message).toMatch(/^Au plus 20\s000 caractères \(reçu 1\s000\s000\)/);
    const priority = await open(cca, { priority: 9 });
    expect(priority.userErrors).toEqual([{ field: ['input', 'priority'], code: 'OUT_OF_RANGE', message: 'Valeur hors de l’intervalle permis (de 1 à 4).' }]);
    const domain = await open(cca, { domain: 'NOPE' });
    expect(domain.userErrors[0]).toMatchObject({ field: ['input', 'domain'], code: 'UNKNOWN_DOMAIN' });
  });

  it('lets only CCAs (own structure) and applications (their structures) open', async () => {
    const { rows } = await sql(server.databaseUrl, `select id from structure where code = 'CSP-BORDEAUX'`);
    const bordeaux = Buffer.from(`Structure:${rows[0].id}`).toString('base64url');
    expect((await open(cca, { structureId: bordeaux })).userErrors[0].code).toBe('NOT_YOUR_STRUCTURE');
    expect((await open(sn1)).userErrors[0].code).toBe('ONLY_CCA_OR_APPLICATION_OPENS');
    expect((await open({ token: await plainEndUser('CSP-LYON') })).userErrors[0].code).toBe('ONLY_CCA_OR_APPLICATION_OPENS');
    const { rows: lille } = await sql(server.databaseUrl, `select id from structure where code = 'CSP-LILLE'`);
    expect((await open(saxo, { structureId: Buffer.from(`Structure:${lille[0].id}`).toString('base64url') })).userErrors[0].code).toBe('NOT_YOUR_STRUCTURE');
  });

  it('never creates a second ticket when an application retries the same request', async () => {
    const { rows } = await sql(server.databaseUrl, `select id from structure where code = 'CSP-LYON'`);
    const structureId = Buffer.from(`Structure:${rows[0].id}`).toString('base64url');
    const input = { structureId, nature: 'TECHNICAL', title: 'Flux SAXO rejeté', clientRequestId: 'saxo-run-42', flowId: 'SAXO-EJ-1' };
    const [a, b] = await Promise.all([open(saxo, input), open(saxo, input)]);
    const c = await open(saxo, input);
    expect(a.userErrors).toEqual([]);
    expect(new Set([a.ticket.id, b.ticket.id, c.ticket.id]).size).toBe(1);
    expect(a.ticket.openedByApplicationName).toBe('SAXO');
  });
});

describe('the whole life of a ticket', () => {
  it('runs through SN1, SN2, the technical team and back, with a complete history', async () => {
    let t = (await open(cca)).ticket;
    t = await ok('TAKE', sn1, t);
    expect(t).toMatchObject({ status: 'IN_PROGRESS', assignee: { email: expect.any(String) } });
    t = await ok('REQUEST_INFO', sn1, t, 'Quel est le numéro de l’EJ ?');
    expect(t.status).toBe('WAITING_FOR_INFO');
    t = await ok('PROVIDE_INFO', cca, t, 'EJ 1508892764');
    t = await ok('ESCALATE', sn1, t, 'Déblocage AIFE nécessaire');
    expect(t).toMatchObject({ status: 'ESCALATED', level: 'SN2', assignee: null, escalationCount: 1 });
    t = await ok('TAKE', sn2, t);
    t = await ok('RETURN_TO_SN1', sn2, t, 'Débloqué');
    expect(t).toMatchObject({ status: 'IN_PROGRESS', level: 'SN1' });
    t = await ok('TRANSFER_TO_TECHNICAL', sn1, t, 'Flux en cause');
    expect(t).toMatchObject({ status: 'SUBMITTED', level: 'TECHNICAL', nature: 'TECHNICAL' });
    t = await ok('TAKE', tech, t);
    t = await ok('TRANSFER_TO_FUNCTIONAL', tech, t, 'Flux rejoué');
    t = await ok('TAKE', sn1, t);
    t = await ok('RESOLVE', sn1, t, 'Corrigé');
    t = await ok('CLOSE', cca, t);
    expect(t.status).toBe('CLOSED');
    expect(t.history.filter((e: any) => e.kind === 'TRANSITION').map((e: any) => e.transition)).toEqual([
      'SUBMIT', 'TAKE', 'REQUEST_INFO', 'PROVIDE_INFO', 'ESCALATE', 'TAKE', 'RETURN_TO_SN1', 'TRANSFER_TO_TECHNICAL', 'TAKE', 'TRANSFER_TO_FUNCTIONAL', 'TAKE', 'RESOLVE', 'CLOSE',
    ]);
    expect(t.history.map((e: any) => e.seq)).toEqual(t.history.map((_: any, i: number) => i + 1));
    // the question, the answer, SN2's answer and the resolution are public comments
    expect(t.commentCount).toBe(4);

    // a closed ticket changes only by reopening
    const edit = await server.gql(UPDATE, { input: { id: t.id, version: t.version, title: 'Nouveau titre' } }, cca);
    expect(edit.body.errors).toBeUndefined();
    expect(edit.body.data.updateTicket.userErrors[0].code).toBe('TICKET_CLOSED');
    const comment = await server.gql(COMMENT, { input: { ticketId: t.id, body: 'encore ?' } }, cca);
    expect(comment.body.data.addTicketComment.userErrors[0].code).toBe('TICKET_CLOSED');
    const take = await fire('TAKE', sn1, t);
    expect(take.userErrors[0].code).toBe('TICKET_CLOSED');

    const rated = await server.gql(RATE, { input: { id: t.id, version: t.version, score: 5, comment: 'Merci' } }, cca);
    expect(rated.body.data.rateTicket).toMatchObject({ ticket: { satisfaction: { score: 5, comment: 'Merci' } }, userErrors: [] });
    t = await get(cca, t.reference);
    t = await ok('REOPEN', cca, t, 'Le problème revient');
    expect(t).toMatchObject({ status: 'REOPENED', reopenCount: 1 });
  });

  it('rates each resolution once: a reopened and resolved-again ticket is rated anew', async () => {
    let t = (await open(cca)).ticket;
    t = await ok('TAKE', sn1, t);
    t = await ok('RESOLVE', sn1, t, 'Corrigé');
    const first = await server.gql(RATE, { input: { id: t.id, version: t.version, score: 2, comment: 'Lent' } }, cca);
    expect(first.body.data.rateTicket.userErrors).toEqual([]);
    t = await get(cca, t.reference);
    const twice = await server.gql(RATE, { input: { id: t.id, version: t.version, score: 5 } }, cca);
    expect(twice.body.data.rateTicket.userErrors[0].code).toBe('ALREADY_RATED');
    // the reopening starts a new resolution: the earlier rating stays in the history only
    t = await ok('REOPEN', cca, t, 'Le problème revient');
    const SATISFACTION = `query($r: String!) { ticket(reference: $r) { satisfaction { score } history { kind newValue } } }`;
    expect((await server.gql(SATISFACTION, { r: t.reference }, cca)).body.data.ticket.satisfaction).toBeNull();
    const early = await server.gql(RATE, { input: { id: t.id, version: t.version, score: 5 } }, cca);
    expect(early.body.data.rateTicket.userErrors[0].code).toBe('NOT_RESOLVED');
    t = await ok('TAKE', sn1, t);
    t = await ok('RESOLVE', sn1, t, 'Corrigé pour de bon');
    const second = await server.gql(RATE, { input: { id: t.id, version: t.version, score: 5, comment: 'Merci' } }, cca);
    expect(second.body.data.rateTicket).toMatchObject({ ticket: { satisfaction: { score: 5, comment: 'Merci' } }, userErrors: [] });
    t = await get(cca, t.reference);
    const { history } = (await server.gql(SATISFACTION, { r: t.reference }, cca)).body.data.ticket;
    expect(history.filter((e: any) => e.kind === 'RATED').map((e: any) => e.newValue)).toEqual(['2', '5']);
    const again = await server.gql(RATE, { input: { id: t.id, version: t.version, score: 1 } }, cca);
    expect(again.body.data.rateTicket.userErrors[0]).toMatchObject({ code: 'ALREADY_RATED', message: expect.stringMatching(/^Cette résolution a déjà été évaluée/) });
  });

  it('refuses a reopening after the delay, naming the rule', async () => {
    let t = (await open(cca)).ticket;
    t = await ok('TAKE', sn1, t);
    t = await ok('RESOLVE', sn1, t, 'Fait');
    await sql(server.databaseUrl, `update ticket set resolved_at = now() - interval '16 days' where id = (select id from ticket where reference = $1)`, [t.reference]);
    const r = await fire('REOPEN', cca, t, 'Toujours KO');
    expect(r.userErrors[0].code).toBe('REOPEN_DELAY_EXPIRED');
    expect(r.userErrors[0].message).toMatch(/dans les 15 jours/);
  });

  it('lets the opener cancel before the support takes it, not after', async () => {
    const a = (await open(cca)).ticket;
    expect((await ok('CANCEL', cca, a)).status).toBe('CANCELLED');
    let b = (await open(cca)).ticket;
    b = await ok('TAKE', sn1, b);
    expect((await fire('CANCEL', cca, b)).userErrors[0].code).toBe('TRANSITION_NOT_ALLOWED_FROM_STATUS');
    const c = (await open(cca)).ticket;
    // transferred back to the queue after being taken: still not cancellable
    let d = await ok('TAKE', sn1, c);
    d = await ok('TRANSFER_TO_TECHNICAL', sn1, d, 'tech');
    expect((await fire('CANCEL', cca, d)).userErrors[0].code).toBe('CANCEL_AFTER_TAKEN');
  });
});

describe('rules that hold whatever the client sends', () => {
  it('refuses an escalation by a CCA or by SN2 and says which rule refused it', async () => {
    let t = (await open(cca)).ticket;
    t = await ok('TAKE', sn1, t);
    const byCca = await fire('ESCALATE', cca, t, 'please');
    expect(byCca.userErrors[0]).toMatchObject({ code: 'ESCALATION_RESERVED_TO_SN1', message: expect.stringMatching(/^Seul un agent SN1/) });
    t = await ok('ESCALATE', sn1, t, 'AIFE');
    const bySn2 = await fire('ESCALATE', sn2, t, 'again');
    expect(bySn2.userErrors[0].code).toBe('ESCALATION_RESERVED_TO_SN1');
    const wrongState = await fire('RESOLVE', sn1, t, 'x');
    expect(wrongState.userErrors[0].code).toBe('NOT_AT_YOUR_LEVEL');
  });

  it('answers a stale version with CONFLICT and changes nothing', async () => {
    const t = (await open(cca)).ticket;
    await ok('TAKE', sn1, t);
    const stale = await fire('REQUEST_INFO', sn1, t, 'question');
    expect(stale.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'version'] });
    expect((await get(sn1, t.reference)).status).toBe('IN_PROGRESS');
  });

  it('refuses an internal comment by a CCA; hides internal comments from CCAs', async () => {
    const t = (await open(cca)).ticket;
    const byCca = await server.gql(COMMENT, { input: { ticketId: t.id, body: 'secret', internal: true } }, cca);
    expect(byCca.body.data.addTicketComment.userErrors[0].code).toBe('INTERNAL_COMMENT_NOT_ALLOWED');
    const internal = await server.gql(COMMENT, { input: { ticketId: t.id, body: 'note interne SN1', internal: true } }, sn1);
    expect(internal.body.data.addTicketComment.userErrors).toEqual([]);
    await server.gql(COMMENT, { input: { ticketId: t.id, body: 'réponse publique' } }, sn1);
    const q = `query($r: String!) { ticket(reference: $r) { commentCount comments { body internal } } }`;
    const seenByCca = await server.gql(q, { r: t.reference }, cca);
    expect(seenByCca.body.data.ticket).toEqual({ commentCount: 1, comments: [{ body: 'réponse publique', internal: false }] });
    const seenBySn1 = await server.gql(q, { r: t.reference }, sn1);
    expect(seenBySn1.body.data.ticket.commentCount).toBe(2);
    const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: internal.body.data.addTicketComment.comment.id }, cca);
    expect(node.body.data.node).toBeNull();
  });

  it('makes another structure’s ticket look like no ticket at all', async () => {
    const t = (await open(cca)).ticket;
    expect(await get(ccaBordeaux, t.reference)).toBeNull();
    expect(await get(cca, 'FSD-1999-999999')).toBeNull();
    const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: t.id }, ccaBordeaux);
    expect(node.body.data.node).toBeNull();
    const r = await fire('CLOSE', ccaBordeaux, t);
    expect(r.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('finding tickets', () => {
  const SEARCH = `query($f: TicketFilter, $first: Int) { tickets(filter: $f, first: $first) { totalCount nodes { reference title errorMessage structure { code } } } }`;
  it('searches in French, without accents, and matches references and codes by substring', async () => {
    const stem = await server.gql(SEARCH, { f: { search: 'report' }, first: 100 }, sn1);
    expect(stem.body.data.tickets.nodes.some((n: any) => /reporté/.test(n.errorMessage ?? ''))).toBe(true);
    const unaccented = await server.gql(SEARCH, { f: { search: 'derivation' }, first: 100 }, sn1);
    expect(unaccented.body.data.tickets.nodes.length).toBeGreaterThan(0);
    expect(unaccented.body.data.tickets.nodes.every((n: any) => /dérivation/i.test(`${n.title} ${n.errorMessage}`))).toBe(true);
    const code = await server.gql(SEARCH, { f: { search: '1508892764' }, first: 100 }, sn1);
    expect(code.body.data.tickets.totalCount).toBeGreaterThan(0);
    const any = (await server.gql(SEARCH, { first: 1 }, sn1)).body.data.tickets.nodes[0];
    const byRef = await server.gql(SEARCH, { f: { search: any.reference.slice(4) } }, sn1);
    expect(byRef.body.data.tickets.nodes.map((n: any) => n.reference)).toContain(any.reference);
  });

  it('filters by status, level, domain and structure, within what the viewer sees', async () => {
    const q = `query($f: TicketFilter) { tickets(filter: $f, first: 100) { totalCount nodes { status level domain { code } structure { code } } } }`;
    const escalated = await server.gql(q, { f: { level: ['SN2'], domain: ['EJ'] } }, sn1);
    expect(escalated.body.data.tickets.nodes.length).toBeGreaterThan(0);
    expect(escalated.body.data.tickets.nodes.every((n: any) => n.level === 'SN2' && n.domain.code === 'EJ')).toBe(true);
    // the CCA's list is every ticket of their structure, and only those (`every` alone passed an empty list)
    const mine = await server.gql(q, {}, cca);
    const lyon = (await sql(server.databaseUrl, `select count(*)::int n from ticket t join structure s on s.id = t.structure_id where s.code = 'CSP-LYON'`)).rows[0].n;
    expect(lyon).toBeGreaterThan(0);
    expect(mine.body.data.tickets.totalCount).toBe(lyon);
    expect(mine.body.data.tickets.nodes.every((n: any) => n.structure.code === 'CSP-LYON')).toBe(true);
  });

  it('uses the indexes for full-text and trigram search', async () => {
    const plan = await sql(
      server.databaseUrl,
      `set enable_seqscan = off; explain select id from ticket t where ${TICKET_SEARCH_DOCUMENT('t')} @@ ${TICKET_SEARCH_QUERY.replace('?', "'reporté'")} or t.reference ilike '%000012%'`,
    );
    const text = (plan as any)[1].rows.map((r: any) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/ticket_search_index/);
    expect(text).toMatch(/ticket_reference_trgm_index/);
  });
});

describe('the schema of the service desk', () => {
  it('keeps the history append-only in the database', async () => {
    await expect(sql(server.databaseUrl, `update ticket_event set reason = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(sql(server.databaseUrl, `delete from ticket_event`)).rejects.toThrow(/append-only/);
  });

  it('declares on the entities everything the migrations create', async () => {
    expect(await server.orm.getMigrator().checkMigrationNeeded()).toBe(false);
  });

  it('loads reference data and demo tickets in every status and level', async () => {
    const { rows } = await sql(server.databaseUrl, `select status, level from ticket group by 1, 2`);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['NEW', 'SUBMITTED', 'IN_PROGRESS', 'WAITING_FOR_INFO', 'ESCALATED', 'RESOLVED', 'CLOSED', 'REOPENED', 'CANCELLED']) expect(statuses).toContain(s);
    const levels = new Set(rows.map((r) => r.level));
    expect([...levels].sort()).toEqual(['SN1', 'SN2', 'TECHNICAL']);
    const apps = await server.gql(`{ ticketApplications { code name } ticketDomains { code } }`, {}, cca);
    expect(apps.body.data.ticketApplications.map((a: any) => a.code)).toEqual(['CHORUS_COEUR', 'CHORUS_FORMULAIRES', 'CHORUS_DT', 'CHORUS_PRO']);
    expect(apps.body.data.ticketDomains.map((a: any) => a.code)).toContain('SERVICE_FAIT');
  });
});

describe('history values in one form', () => {
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
  const EMAIL = /^[^@\s]+@[^@\s]+$/;
  const ASSIGN = `mutation($input: AssignTicketInput!) { assignTicket(input: $input) { ticket { version assignee { email } } event { field oldValue newValue } userErrors { code message } } }`;
  const HISTORY = `query($r: String!) { ticket(reference: $r) { history { seq kind transition field oldValue newValue } } }`;

  it('writes every assignee change, by a transition or an assignment, as emails old and new', async () => {
    const agents = (await sql(server.databaseUrl, `select id, email from person where 'SN1_AGENT' = any(held_roles) and active order by created_at, email`)).rows;
    let t = (await open(cca)).ticket;
    t = await ok('TAKE', sn1, t);
    const sn1Email = t.assignee.email;
    t = await ok('ESCALATE', sn1, t, 'Déblocage AIFE nécessaire');
    t = await ok('TAKE', sn2, t);
    const sn2Email = t.assignee.email;
    t = await ok('RETURN_TO_SN1', sn2, t, 'Débloqué');
    expect(t.assignee.email).toBe(sn1Email);
    const other = agents.find((a) => a.email !== sn1Email)!;
    const assigned = await server.gql(ASSIGN, { input: { id: t.id, version: t.version, assigneeId: Buffer.from(`Person:${other.id}`).toString('base64url') } }, sn1);
    expect(assigned.body.data.assignTicket).toMatchObject({ userErrors: [], event: { field: 'assignee', oldValue: sn1Email, newValue: other.email } });
    t = { ...t, version: assigned.body.data.assignTicket.ticket.version };
    t = await ok('TRANSFER_TO_TECHNICAL', sn1, t, 'Flux en cause');
    t = await ok('TAKE', tech, t);
    const techEmail = t.assignee.email;

    const res = await server.gql(HISTORY, { r: t.reference }, sn1);
    const assigneeEvents = res.body.data.ticket.history.filter((e: any) => e.field === 'assignee');
    expect(assigneeEvents.map((e: any) => [e.transition ?? e.kind, e.oldValue, e.newValue])).toEqual([
      ['TAKE', null, sn1Email],
      ['ESCALATE', sn1Email, null],
      ['TAKE', null, sn2Email],
      ['RETURN_TO_SN1', sn2Email, sn1Email],
      ['ASSIGNED', sn1Email, other.email],
      ['TRANSFER_TO_TECHNICAL', other.email, null],
      ['TAKE', null, techEmail],
    ]);
    for (const e of assigneeEvents) {
      for (const v of [e.oldValue, e.newValue]) {
        if (v !== null) expect(v).toMatch(EMAIL);
        expect(v ?? '').not.toMatch(UUID);
      }
    }
  });

  it('replays the demo histories in the same form: no UUID in any event value', async () => {
    const { rows: demo } = await sql(server.databaseUrl, `select count(*)::int as n from ticket_event where field = 'assignee'`);
    expect(demo[0].n).toBeGreaterThan(20);
    const { rows } = await sql(
      server.databaseUrl,
      `select t.reference, e.seq, e.old_value, e.new_value from ticket_event e join ticket t on t.id = e.ticket_id
        where e.old_value ~* $1 or e.new_value ~* $1
           or (e.field = 'assignee' and ((e.old_value is not null and e.old_value !~ '^[^@[:space:]]+@[^@[:space:]]+$') or (e.new_value is not null and e.new_value !~ '^[^@[:space:]]+@[^@[:space:]]+$')))`,
      ['[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'],
    );
    expect(rows).toEqual([]);
  });
});
