/**
 * Saved ticket views end to end: a support agent saves what `tickets(filter:, orderBy:)` takes,
 * privately or for their team; the view's tickets and count are the list's, under the reader's
 * own perimeter (a teammate with a smaller one sees only their tickets). Plus one call through
 * the real SDK.
 */
import { describe, expect, it } from 'vitest';
import { createClient, SavedViewVisibility, TicketOrderField, SortDirection } from '@chorus-support/sdk';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { desk } from './service-desk.helpers';

const server = await startTestServer();
const d = desk(server);

type Auth = { token?: string; apiKey?: string };
const sn1Email = (await sql(server.databaseUrl, `select email from person where 'SN1_AGENT' = any(held_roles) and active order by created_at, email limit 1`)).rows[0].email;
const sn1 = { token: await server.tokenFor(sn1Email) };
// an SN1 agent of the other ministry (MIN35, académie de Lille), in the same SN1 team: a smaller perimeter
await sql(
  server.databaseUrl,
  `insert into person (id, first_name, last_name, email, structure_id, held_roles, team_id)
   values (gen_random_uuid(), 'Odile', 'Vasseur', 'odile.vasseur@ac-lille.example', (select id from structure where code = 'RECT-LILLE'), '{SN1_AGENT}', (select id from support_team where level = 'SN1')),
          (gen_random_uuid(), 'Basile', 'Sans-Équipe', 'basile.sans-equipe@education.example', (select id from structure where code = 'DNE-CES-CHOREGIE'), '{TECHNICAL_AGENT}', null)`,
);
const lille = { token: await server.tokenFor('odile.vasseur@ac-lille.example') };
const teamless = { token: await server.tokenFor('basile.sans-equipe@education.example') };
const sn2 = { token: await server.tokenForRole('SN2_AGENT') };
const cca = { token: await server.tokenForRole('CCA', 'CSP-LYON') };
const ccaLille = { token: await server.tokenForRole('CCA', 'CSP-LILLE') };
const analyst = { token: await server.tokenForRole('ANALYST') };
const app = { apiKey: DEMO_API_KEY };
const lilleStructures = new Set((await sql(server.databaseUrl, `select s.code from structure s join ministry m on m.id = s.ministry_id where m.code = 'MIN35'`)).rows.map((r) => r.code));

// fresh tickets at SN1 on both sides, so each perimeter holds some
for (let i = 0; i < 4; i++) await d.open(cca, { title: `Lyon ${i}` });
for (let i = 0; i < 3; i++) await d.open(ccaLille, { title: `Lille ${i}` });

const VIEW = `fragment V on SavedView { id name visibility editable owner { email } team { level }
  filter { search status level nature domain application structureId assigneeId unassigned requesterId openedFrom openedTo updatedFrom updatedTo }
  orderBy { field direction } }`;
const CREATE = `mutation($input: CreateSavedViewInput!) { createSavedView(input: $input) { savedView { ...V } userErrors { field code message } } } ${VIEW}`;
const UPDATE = `mutation($input: UpdateSavedViewInput!) { updateSavedView(input: $input) { savedView { ...V } userErrors { field code message } } } ${VIEW}`;
const DELETE = `mutation($input: DeleteSavedViewInput!) { deleteSavedView(input: $input) { deletedSavedViewId userErrors { field code message } } }`;
const SIDEBAR = `{ savedViews(first: 100) { nodes { id name visibility count } } }`;
const LIST = `query($filter: TicketFilter, $orderBy: TicketOrder, $after: String) { tickets(first: 3, after: $after, filter: $filter, orderBy: $orderBy) { totalCount nodes { id structure { code } } pageInfo { hasNextPage endCursor } } }`;
const OF_VIEW = `query($id: ID!, $after: String) { savedView(id: $id) { tickets(first: 3, after: $after) { totalCount nodes { id structure { code } } pageInfo { hasNextPage endCursor } } } }`;

const create = async (auth: Auth, input: Record<string, unknown>) => {
  const res = await server.gql(CREATE, { input }, auth);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.createSavedView;
};
const sidebar = async (auth: Auth) => {
  const res = await server.gql(SIDEBAR, {}, auth);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.savedViews.nodes as { id: string; name: string; visibility: string; count: number }[];
};
const viewRows = async () => (await sql(server.databaseUrl, `select count(*)::int n from saved_view`)).rows[0].n as number;

/** Every page of the list and of the view, for one viewer, side by side. */
async function bothWays(auth: Auth, viewId: string, filter: object, orderBy: object | null) {
  const list: unknown[] = [];
  const view: unknown[] = [];
  let after: string | null = null;
  let total: { list: number; view: number } | null = null;
  for (;;) {
    const a: { totalCount: number; nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (await server.gql(LIST, { filter, orderBy, after }, auth)).body.data.tickets;
    const b = (await server.gql(OF_VIEW, { id: viewId, after }, auth)).body.data.savedView.tickets;
    total ??= { list: a.totalCount, view: b.totalCount };
    expect(b.pageInfo).toEqual(a.pageInfo);
    list.push(...a.nodes);
    view.push(...b.nodes);
    if (!a.pageInfo.hasNextPage) break;
    after = a.pageInfo.endCursor;
  }
  expect(view).toEqual(list);
  expect(total!.view).toBe(total!.list);
  return { tickets: list as { id: string; structure: { code: string } }[], total: total!.list };
}

describe('saved ticket views', () => {
  const queue = { level: ['SN1'], status: ['SUBMITTED', 'IN_PROGRESS', 'REOPENED'], openedFrom: '2020-01-01T00:00:00.000Z' };
  const order = { field: 'CREATED_AT', direction: 'ASC' };

  it('a team view lists and counts exactly what tickets(filter:, orderBy:) gives each reader, under their own perimeter', async () => {
    const created = await create(sn1, { name: 'File SN1', visibility: 'TEAM', filter: queue, orderBy: order });
    expect(created.userErrors).toEqual([]);
    const view = created.savedView;
    expect(view).toMatchObject({ name: 'File SN1', visibility: 'TEAM', editable: true, owner: { email: sn1Email }, team: { level: 'SN1' }, orderBy: order });
    expect(view.filter).toEqual({ ...queue, search: null, nature: null, domain: null, application: null, structureId: null, assigneeId: null, unassigned: null, requesterId: null, openedTo: null, updatedFrom: null, updatedTo: null });

    const mine = await bothWays(sn1, view.id, queue, order);
    expect((await sidebar(sn1)).find((v) => v.id === view.id)!.count).toBe(mine.total);
    expect(mine.tickets.some((t) => !lilleStructures.has(t.structure.code))).toBe(true);

    // the teammate of the other ministry reads the same view: only their ministry's tickets
    const theirs = await bothWays(lille, view.id, queue, order);
    const entry = (await sidebar(lille)).find((v) => v.id === view.id)!;
    expect(entry).toMatchObject({ name: 'File SN1', visibility: 'TEAM', count: theirs.total });
    expect(theirs.total).toBeGreaterThanOrEqual(3);
    expect(theirs.total).not.toBe(mine.total);
    expect(theirs.tickets.every((t) => lilleStructures.has(t.structure.code))).toBe(true);
    const visibleToLille = new Set(theirs.tickets.map((t) => t.id));
    expect(mine.tickets.filter((t) => !lilleStructures.has(t.structure.code)).every((t) => !visibleToLille.has(t.id))).toBe(true);

    // node(id:) reads it under the same policy
    const node = async (auth: Auth) => (await server.gql(`query($id: ID!) { node(id: $id) { ... on SavedView { name editable } } }`, { id: view.id }, auth)).body.data.node;
    expect(await node(lille)).toEqual({ name: 'File SN1', editable: false });
    expect(await node(sn2)).toBeNull();
    expect(await node(cca)).toBeNull();
  });

  it('a private view is its owner’s; only the owner renames, reshares, refilters or deletes', async () => {
    const before = await sidebar(lille);
    const priv = (await create(sn1, { name: 'Mes urgences', filter: { status: ['IN_PROGRESS'] } })).savedView;
    expect(priv).toMatchObject({ visibility: 'PRIVATE', team: null, orderBy: null });
    expect((await sidebar(lille)).map((v) => v.id)).toEqual(before.map((v) => v.id));
    expect((await server.gql(`query($id: ID!) { savedView(id: $id) { name } }`, { id: priv.id }, lille)).body.data.savedView).toBeNull();

    const shared = (await create(sn1, { name: 'Partagée', visibility: 'TEAM', filter: {} })).savedView;
    // teammates read a TEAM view; they do not change it
    const byMate = (await server.gql(UPDATE, { input: { id: shared.id, name: 'Volée' } }, lille)).body.data.updateSavedView;
    expect(byMate).toEqual({ savedView: null, userErrors: [{ field: ['input', 'id'], code: 'SAVED_VIEW_NOT_OWNER', message: expect.any(String) }] });
    expect((await server.gql(DELETE, { input: { id: shared.id } }, lille)).body.data.deleteSavedView.userErrors[0].code).toBe('SAVED_VIEW_NOT_OWNER');
    expect((await server.gql(UPDATE, { input: { id: shared.id, name: 'Volée' } }, sn2)).body.data.updateSavedView.userErrors[0].code).toBe('NOT_FOUND');

    const renamed = (await server.gql(UPDATE, { input: { id: shared.id, name: 'Partagée (Lyon)', filter: { search: 'Lyon' }, orderBy: { field: 'PRIORITY', direction: 'ASC' } } }, sn1)).body.data.updateSavedView;
    expect(renamed.userErrors).toEqual([]);
    expect(renamed.savedView).toMatchObject({ name: 'Partagée (Lyon)', visibility: 'TEAM', filter: { search: 'Lyon', status: null }, orderBy: { field: 'PRIORITY', direction: 'ASC' } });
    await bothWays(sn1, shared.id, { search: 'Lyon' }, { field: 'PRIORITY', direction: 'ASC' });

    const hidden = (await server.gql(UPDATE, { input: { id: shared.id, visibility: 'PRIVATE' } }, sn1)).body.data.updateSavedView;
    expect(hidden.savedView).toMatchObject({ visibility: 'PRIVATE', team: null });
    expect((await sidebar(lille)).map((v) => v.id)).not.toContain(shared.id);

    expect((await server.gql(DELETE, { input: { id: shared.id } }, sn1)).body.data.deleteSavedView).toEqual({ deletedSavedViewId: shared.id, userErrors: [] });
    expect((await sidebar(sn1)).map((v) => v.id)).not.toContain(shared.id);
  });

  it('refuses bad filters and a team view without a team, writing nothing', async () => {
    const rows = await viewRows();
    const refused = async (input: Record<string, unknown>, auth: Auth = sn1) => (await create(auth, { name: 'x', ...input })).userErrors[0];
    expect(await refused({ filter: { structureId: 'not-an-id' } })).toMatchObject({ code: 'INVALID_ID', field: ['input', 'filter', 'structureId'] });
    expect(await refused({ filter: { assigneeId: Buffer.from('Structure:6b1e0a52-7d3c-4a9e-9f51-0c6a8c1d2e3f').toString('base64url') } })).toMatchObject({ code: 'INVALID_ID', field: ['input', 'filter', 'assigneeId'] });
    expect(await refused({ filter: { search: 'x'.repeat(201) } })).toMatchObject({ code: 'TOO_LONG', field: ['input', 'filter', 'search'] });
    expect(await refused({ filter: { domain: Array.from({ length: 51 }, (_, i) => `D${i}`) } })).toMatchObject({ code: 'VALIDATION_FAILED', field: ['input', 'filter', 'domain'] });
    expect(await refused({ filter: { application: ['x'.repeat(41)] } })).toMatchObject({ code: 'VALIDATION_FAILED', field: ['input', 'filter', 'application'] });
    expect(await refused({ name: '  ' })).toMatchObject({ code: 'REQUIRED', field: ['input', 'name'] });
    expect(await refused({ visibility: 'TEAM' }, teamless)).toMatchObject({ code: 'SAVED_VIEW_NO_TEAM', field: ['input', 'visibility'] });
    expect(await viewRows()).toBe(rows);
    // the agent without a team still keeps private views
    expect((await create(teamless, { name: 'À moi' })).userErrors).toEqual([]);
  });

  it('counts a sidebar’s views in one statement, each as tickets(filter:) counts it', async () => {
    for (const [name, filter] of [['Nouveaux', { status: ['SUBMITTED'] }], ['Lyon', { search: 'Lyon' }], ['Techniques', { nature: 'TECHNICAL' }]] as const) await create(sn1, { name: `Compte — ${name}`, filter });
    const knex = server.orm.em.getConnection().getKnex();
    const statements: string[] = [];
    const listener = (q: { sql: string }) => statements.push(q.sql);
    knex.on('query', listener);
    let views: Awaited<ReturnType<typeof sidebar>>;
    try {
      views = await sidebar(sn1);
    } finally {
      knex.off('query', listener);
    }
    expect(views.length).toBeGreaterThanOrEqual(3);
    expect(statements.filter((q) => q.includes('count(*)'))).toHaveLength(1);
    for (const v of views) {
      const { savedView } = (await server.gql(`query($id: ID!) { savedView(id: $id) { tickets(first: 1) { totalCount } } }`, { id: v.id }, sn1)).body.data;
      expect(v.count).toBe(savedView.tickets.totalCount);
    }
  });

  it('refuses the roles that do not use them: a CCA, an analyst, an application', async () => {
    for (const auth of [cca, analyst, app]) {
      const list = await server.gql(SIDEBAR, {}, auth);
      expect(list.body.errors[0].extensions.code).toBe('FORBIDDEN');
      const created = await server.gql(CREATE, { input: { name: 'x' } }, auth);
      expect(created.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  it('through the SDK', async () => {
    const chorus = createClient({ url: server.url, token: lille.token });
    const created = await chorus.CreateSavedView({ input: { name: 'Lille — par priorité', visibility: SavedViewVisibility.PRIVATE, filter: { level: ['SN1' as never] }, orderBy: { field: TicketOrderField.PRIORITY, direction: SortDirection.ASC } } });
    expect(created.createSavedView.userErrors).toEqual([]);
    const id = created.createSavedView.savedView!.id;
    const { savedViews } = await chorus.SavedViews({ first: 100 });
    const entry = savedViews.nodes.find((v) => v.id === id)!;
    const { tickets } = await chorus.Tickets({ first: 100, filter: { level: ['SN1' as never] }, orderBy: { field: TicketOrderField.PRIORITY, direction: SortDirection.ASC } });
    expect(entry.count).toBe(tickets.totalCount);
    const { savedView } = await chorus.SavedViewTickets({ id, first: 100 });
    expect(savedView!.tickets.nodes.map((t) => t.id)).toEqual(tickets.edges.map((e) => e.node.id));
    const walked: string[] = [];
    for await (const t of chorus.savedViews.tickets(id, 2)) walked.push(t.id);
    expect(walked).toEqual(tickets.edges.map((e) => e.node.id));
    const asApp = createClient({ url: server.url, apiKey: DEMO_API_KEY });
    await expect(asApp.SavedViews({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
