/**
 * Canned answers (macros) end to end: who keeps them (a team's, shared ones), the placeholder
 * syntax checked at creation, and applying one to a ticket — its text rendered, its actions run
 * through the desk's own rules, all or nothing. Plus one call through the real SDK.
 */
import { describe, expect, it } from 'vitest';
import { createClient, MacroStatus, TicketStatus } from '@chorus-support/sdk';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { desk } from './service-desk.helpers';

const server = await startTestServer();
const d = desk(server);
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

const people = async (role: string) =>
  (await sql(server.databaseUrl, `select email from person where $1 = any(held_roles) and active order by created_at, email`, [role])).rows.map((r) => r.email as string);
const [sn1Email, sn1MateEmail] = await people('SN1_AGENT');
const sn1 = { token: await server.tokenFor(sn1Email) };
const sn1Mate = { token: await server.tokenFor(sn1MateEmail) };
const sn2 = { token: await server.tokenForRole('SN2_AGENT') };
const admin = { token: await server.tokenForRole('ADMINISTRATOR') };
const analyst = { token: await server.tokenForRole('ANALYST') };
const cca = { token: await server.tokenForRole('CCA', 'CSP-LYON') };
const app = { apiKey: DEMO_API_KEY };
const teamId = async (level: string) => globalId('SupportTeam', (await sql(server.databaseUrl, `select id from support_team where level = $1`, [level])).rows[0].id);

const MACRO = `fragment M on Macro { id name body internal setStatus setPriority shared editable team { level } }`;
const CREATE = `mutation($input: CreateMacroInput!) { createMacro(input: $input) { macro { ...M } userErrors { field code message } } } ${MACRO}`;
const UPDATE = `mutation($input: UpdateMacroInput!) { updateMacro(input: $input) { macro { ...M } userErrors { field code message } } } ${MACRO}`;
const DELETE = `mutation($input: DeleteMacroInput!) { deleteMacro(input: $input) { deletedMacroId userErrors { field code message } } }`;
const LIST = `query($filter: MacroFilter) { macros(first: 100, filter: $filter) { totalCount nodes { ...M } } } ${MACRO}`;
const APPLY = `mutation($input: ApplyMacroInput!) { applyMacro(input: $input) {
  ticket { id version status priority commentCount history { kind transition reason field oldValue newValue } }
  comment { body internal author { email } }
  events { kind transition field oldValue newValue }
  userErrors { field code message } } }`;
const STATE = `query($r: String!) { ticket(reference: $r) { id version status priority commentCount eventCount requester { fullName } serviceLevels { metric clock dueAt } } }`;

type Auth = { token?: string; apiKey?: string };
const create = async (auth: Auth, input: Record<string, unknown>) => {
  const res = await server.gql(CREATE, { input: { internal: false, ...input } }, auth);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.createMacro;
};
const apply = async (auth: Auth, input: Record<string, unknown>) => {
  const res = await server.gql(APPLY, { input }, auth);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.applyMacro;
};
const state = async (reference: string) => (await server.gql(STATE, { r: reference }, admin)).body.data.ticket;
const macroCount = async () => (await sql(server.databaseUrl, `select count(*)::int n from macro`)).rows[0].n as number;
const commentRows = async (ticketId: string) =>
  (await sql(server.databaseUrl, `select count(*)::int n from ticket_comment where ticket_id = $1`, [Buffer.from(ticketId, 'base64url').toString().split(':')[1]])).rows[0].n as number;
/** As the server writes it: « 14/12/2026 à 17h00 », Paris time. */
const frenchDate = (iso: string) => {
  const p = Object.fromEntries(new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Paris' }).formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} à ${p.hour}h${p.minute}`;
};

/** A ticket of CSP-LYON opened by its CCA, taken by SN1 (IN_PROGRESS) unless `take` is false. */
const inProgress = async (input: Record<string, unknown> = {}, take = true) => {
  let t = (await d.open(cca, input)).ticket;
  if (take) t = await d.ok('TAKE', sn1, t);
  return t;
};

describe('keeping canned answers', () => {
  it('a support agent creates one for their team; placeholders are checked, refusals write nothing', async () => {
    const before = await macroCount();
    const bad = await create(sn1, { name: 'Inconnu', body: 'Bonjour {{requester.nom}}' });
    expect(bad.macro).toBeNull();
    expect(bad.userErrors).toEqual([{ field: ['input', 'body'], code: 'MACRO_UNKNOWN_PLACEHOLDER', message: expect.stringContaining('{{requester.nom}}') }]);
    expect((await create(sn1, { name: 'Mal formé', body: 'Bonjour {{requester.name}' })).userErrors[0].code).toBe('MACRO_MALFORMED_PLACEHOLDER');
    expect((await create(sn1, { name: 'Question interne', body: 'Précisez ?', internal: true, setStatus: 'WAITING_FOR_INFO' })).userErrors[0].code).toBe('MACRO_INTERNAL_QUESTION');
    expect((await create(sn1, { name: 'Priorité', body: 'x', setPriority: 9 })).userErrors[0]).toMatchObject({ code: 'OUT_OF_RANGE', field: ['input', 'setPriority'] });
    expect((await create(sn1, { name: '', body: 'x' })).userErrors[0]).toMatchObject({ code: 'REQUIRED', field: ['input', 'name'] });
    expect(await macroCount()).toBe(before);

    const ok = await create(sn1, { name: 'Demande de précisions', body: 'Bonjour {{ requester.name }},\nFSD {{ticket.reference}}', setStatus: 'WAITING_FOR_INFO', setPriority: 1 });
    expect(ok.userErrors).toEqual([]);
    expect(ok.macro).toMatchObject({ name: 'Demande de précisions', shared: false, editable: true, team: { level: 'SN1' }, setStatus: 'WAITING_FOR_INFO', setPriority: 1, internal: false });
    expect(await macroCount()).toBe(before + 1);

    // one name per team (case aside); another team may use it
    expect((await create(sn1Mate, { name: 'DEMANDE DE PRÉCISIONS', body: 'x' })).userErrors).toEqual([{ field: ['input', 'name'], code: 'MACRO_NAME_TAKEN', message: expect.any(String) }]);
    expect((await create(admin, { name: 'Demande de précisions', body: 'x', teamId: await teamId('TECHNICAL') })).userErrors).toEqual([]);
    expect(await macroCount()).toBe(before + 2);
  });

  it('team macros for their members, shared ones for every agent; administrators manage them all', async () => {
    const sn1Own = (await create(sn1, { name: 'SN1 — prise en charge', body: 'Pris en charge par {{agent.name}}.' })).macro;
    // an agent writes for their own team only, and never a shared one
    expect((await create(sn1, { name: 'Pour SN2', body: 'x', teamId: await teamId('SN2') })).userErrors[0].code).toBe('MACRO_NOT_YOURS');
    expect((await create(sn1, { name: 'Pour tous', body: 'x', shared: true })).userErrors[0].code).toBe('MACRO_NOT_YOURS');
    // an administrator has no team of their own: they say whose it is
    expect((await create(admin, { name: 'À qui ?', body: 'x' })).userErrors[0]).toMatchObject({ code: 'VALIDATION_FAILED', field: ['input', 'teamId'] });
    const shared = (await create(admin, { name: 'Partagée — accusé de réception', body: 'Votre demande {{ticket.reference}} est enregistrée.', shared: true })).macro;
    expect(shared).toMatchObject({ shared: true, team: null, editable: true });
    const sn2Own = (await create(admin, { name: 'SN2 — retour', body: 'Retour AIFE.', teamId: await teamId('SN2') })).macro;
    expect(sn2Own.team.level).toBe('SN2');

    const names = async (auth: Auth, filter?: object) => (await server.gql(LIST, { filter }, auth)).body.data.macros.nodes.map((m: { name: string }) => m.name);
    const bySn1 = await names(sn1);
    expect(bySn1).toEqual(expect.arrayContaining([sn1Own.name, shared.name]));
    expect(bySn1).not.toContain(sn2Own.name);
    expect(bySn1).toEqual([...bySn1].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    const bySn2 = await names(sn2);
    expect(bySn2).toEqual(expect.arrayContaining([sn2Own.name, shared.name]));
    expect(bySn2).not.toContain(sn1Own.name);
    expect(await names(admin)).toEqual(expect.arrayContaining([sn1Own.name, shared.name, sn2Own.name]));
    expect(await names(sn1, { shared: true })).toEqual([shared.name]);
    expect(await names(sn1, { search: 'prise EN' })).toEqual([sn1Own.name]);

    // node(id:) follows the same policy: another team's macro is simply not found
    const node = async (auth: Auth, id: string) => (await server.gql(`query($id: ID!) { node(id: $id) { ... on Macro { name } } }`, { id }, auth)).body.data.node;
    expect(await node(sn1, sn1Own.id)).toEqual({ name: sn1Own.name });
    expect(await node(sn1, sn2Own.id)).toBeNull();
    expect(await node(cca, shared.id)).toBeNull();

    // a teammate edits the team's macro; another team does not even see it; only administrators touch shared ones
    const edited = (await server.gql(UPDATE, { input: { id: sn1Own.id, name: 'SN1 — prise en charge', body: 'Prise en charge : {{agent.name}}.', internal: true } }, sn1Mate)).body.data.updateMacro;
    expect(edited.userErrors).toEqual([]);
    expect(edited.macro).toMatchObject({ body: 'Prise en charge : {{agent.name}}.', internal: true });
    expect((await server.gql(UPDATE, { input: { id: sn1Own.id, name: 'x', body: 'x' } }, sn2)).body.data.updateMacro.userErrors[0].code).toBe('NOT_FOUND');
    expect((await server.gql(UPDATE, { input: { id: shared.id, name: 'x', body: 'x' } }, sn1)).body.data.updateMacro.userErrors[0].code).toBe('MACRO_NOT_YOURS');
    expect((await server.gql(UPDATE, { input: { id: sn1Own.id, name: 'x', body: '{{oops}}' } }, sn1)).body.data.updateMacro.userErrors[0].code).toBe('MACRO_UNKNOWN_PLACEHOLDER');
    expect((await server.gql(DELETE, { input: { id: shared.id } }, sn1)).body.data.deleteMacro.userErrors[0].code).toBe('MACRO_NOT_YOURS');
    const deleted = (await server.gql(DELETE, { input: { id: sn2Own.id } }, admin)).body.data.deleteMacro;
    expect(deleted).toEqual({ deletedMacroId: sn2Own.id, userErrors: [] });
    expect(await node(admin, sn2Own.id)).toBeNull();
  });

  it('refuses the roles that do not use them: a CCA, an analyst, an application', async () => {
    for (const auth of [cca, analyst, app]) {
      const list = await server.gql(LIST, {}, auth);
      expect(list.body.errors[0].extensions.code).toBe('FORBIDDEN');
      const created = await server.gql(CREATE, { input: { name: 'x', body: 'x' } }, auth);
      expect(created.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    const someMacro = (await server.gql(LIST, {}, sn1)).body.data.macros.nodes[0].id;
    const t = await inProgress();
    for (const auth of [cca, admin, app]) {
      const res = await server.gql(APPLY, { input: { macroId: someMacro, ticketId: t.id, version: t.version } }, auth);
      expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect(await commentRows(t.id)).toBe(0);
  });
});

describe('applying a canned answer', () => {
  it('renders the placeholders and runs the actions through the transition and priority rules, in one step', async () => {
    const macro = (
      await create(sn1, {
        name: 'Question et urgence',
        body: 'Bonjour {{requester.name}},\nPour la demande {{ticket.reference}} (échéance {{ticket.dueDate}}), pouvez-vous préciser le numéro d’EJ ?\n{{agent.name}}',
        setStatus: 'WAITING_FOR_INFO',
        setPriority: 1,
      })
    ).macro;
    const t = await inProgress({ priority: 3 });
    const before = await state(t.reference);
    const due = before.serviceLevels.find((s: { metric: string; clock: string }) => s.metric === 'RESOLUTION' && s.clock === 'RUNNING').dueAt;
    const agent = (await sql(server.databaseUrl, `select first_name || ' ' || last_name as name from person where email = $1`, [sn1Email])).rows[0].name;
    const expected = `Bonjour ${before.requester.fullName},\nPour la demande ${t.reference} (échéance ${frenchDate(due)}), pouvez-vous préciser le numéro d’EJ ?\n${agent}`;

    const done = await apply(sn1, { macroId: macro.id, ticketId: t.id, version: before.version });
    expect(done.userErrors).toEqual([]);
    expect(done.comment).toEqual({ body: expected, internal: false, author: { email: sn1Email } });
    expect(done.ticket).toMatchObject({ status: 'WAITING_FOR_INFO', priority: 1, version: before.version + 2, commentCount: before.commentCount + 1 });
    expect(done.events).toEqual([
      { kind: 'TRANSITION', transition: 'REQUEST_INFO', field: null, oldValue: null, newValue: null },
      { kind: 'FIELD_CHANGED', transition: null, field: 'priority', oldValue: '3', newValue: '1' },
    ]);
    // the question is the transition's reason, posted once as the public comment the CCA reads
    expect(done.ticket.history.find((e: { transition: string }) => e.transition === 'REQUEST_INFO').reason).toBe(expected);
    expect(await commentRows(t.id)).toBe(1);
    const seenByCca = await server.gql(`query($r: String!) { ticket(reference: $r) { comments { body } } }`, { r: t.reference }, cca);
    expect(seenByCca.body.data.ticket.comments.map((c: { body: string }) => c.body)).toEqual([expected]);
  });

  it('inserts values as they are: nothing escaped, nothing expanded twice', async () => {
    const title = 'EJ {{requester.name}} & <b>"rejet"</b> l’été';
    const t = await inProgress({ title });
    const macro = (await create(sn1, { name: 'Titre', body: 'Objet : {{ticket.title}} — {{ticket.dueDate}}', internal: true })).macro;
    const done = await apply(sn1, { macroId: macro.id, ticketId: t.id });
    expect(done.userErrors).toEqual([]);
    expect(done.comment.internal).toBe(true);
    expect(done.comment.body).toMatch(/^Objet : EJ \{\{requester\.name\}\} & <b>"rejet"<\/b> l’été — \d{2}\/\d{2}\/\d{4} à \d{2}h\d{2}$/);
    // an internal comment: no event, no new version (as addTicketComment)
    expect(done.events).toEqual([]);
    expect(done.ticket.version).toBe(t.version);
  });

  it('is refused whole when one action is not allowed: no comment, no change', async () => {
    const question = (await create(sn1, { name: 'Question', body: 'Précisez {{ticket.reference}} ?', setStatus: 'WAITING_FOR_INFO' })).macro;
    const urgent = (await create(sn1, { name: 'Note et urgence', body: 'Passé en priorité 1 pour {{ticket.reference}}.', internal: true, setPriority: 1 })).macro;

    // a technical ticket is at CES-CHOREGIE's level: SN1 sees it and may comment, but not change its priority
    const technical = (await d.open(cca, { nature: 'TECHNICAL', priority: 3 })).ticket;
    const s0 = await state(technical.reference);
    const refused = await apply(sn1, { macroId: urgent.id, ticketId: technical.id, version: s0.version });
    expect(refused.ticket).toBeNull();
    expect(refused.userErrors).toEqual([{ field: null, code: 'NOT_AT_YOUR_LEVEL', message: expect.any(String) }]);
    expect(await commentRows(technical.id)).toBe(0);
    expect(await state(technical.reference)).toMatchObject({ version: s0.version, priority: 3, commentCount: 0, eventCount: s0.eventCount });

    // the transition's own rule: a question is asked on a ticket in progress only
    const submitted = await inProgress({}, false);
    const s1 = await state(submitted.reference);
    const notYet = await apply(sn1, { macroId: question.id, ticketId: submitted.id, version: s1.version });
    expect(notYet.userErrors[0].code).toBe('TRANSITION_NOT_ALLOWED_FROM_STATUS');
    expect(await state(submitted.reference)).toMatchObject({ version: s1.version, status: 'SUBMITTED', commentCount: 0, eventCount: s1.eventCount });

    // the version the single mutations ask for: required, and a stale one is a conflict
    const t = await inProgress();
    expect((await apply(sn1, { macroId: urgent.id, ticketId: t.id })).userErrors[0]).toMatchObject({ code: 'MACRO_VERSION_REQUIRED', field: ['input', 'version'] });
    expect((await apply(sn1, { macroId: urgent.id, ticketId: t.id, version: t.version - 1 })).userErrors[0].code).toBe('CONFLICT');
    expect(await commentRows(t.id)).toBe(0);

    // a ticket or a macro out of sight is not found
    const sn2Macro = (await create(admin, { name: 'SN2 seulement', body: 'x', teamId: await teamId('SN2') })).macro;
    expect((await apply(sn1, { macroId: sn2Macro.id, ticketId: t.id })).userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'macroId'] });
    const shared = (await create(admin, { name: 'Partagée', body: 'Bien reçu.', shared: true })).macro;
    expect((await apply(sn2, { macroId: shared.id, ticketId: t.id })).userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'ticketId'] });
    expect((await apply(sn1, { macroId: 'bm90LWFuLWlk', ticketId: t.id })).userErrors[0].code).toBe('INVALID_ID');
    expect(await commentRows(t.id)).toBe(0);

    // and the same macro goes through where the rules allow it
    const allowed = await apply(sn1, { macroId: urgent.id, ticketId: t.id, version: t.version });
    expect(allowed.userErrors).toEqual([]);
    expect(allowed.ticket).toMatchObject({ priority: 1, version: t.version + 1 });
    expect(allowed.comment).toMatchObject({ internal: true, body: `Passé en priorité 1 pour ${t.reference}.` });
  });

  it('through the SDK', async () => {
    const chorus = createClient({ url: server.url, token: sn1.token });
    const created = await chorus.CreateMacro({ input: { name: 'SDK — question', body: 'Bonjour {{requester.name}}, une capture d’écran ?', setStatus: MacroStatus.WAITING_FOR_INFO } });
    expect(created.createMacro.userErrors).toEqual([]);
    const { macros } = await chorus.Macros({ first: 100, filter: { search: 'SDK' } });
    expect(macros.nodes.map((m) => m.name)).toEqual(['SDK — question']);
    const t = await inProgress();
    const applied = await chorus.ApplyMacro({ input: { macroId: macros.nodes[0].id, ticketId: t.id, version: t.version } });
    expect(applied.applyMacro.userErrors).toEqual([]);
    expect(applied.applyMacro.ticket!.status).toBe(TicketStatus.WAITING_FOR_INFO);
    expect(applied.applyMacro.comment!.body).toMatch(/^Bonjour .+, une capture d’écran \?$/);
    const asCca = createClient({ url: server.url, token: cca.token });
    await expect(asCca.Macros({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
