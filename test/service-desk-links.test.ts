/**
 * Links between tickets, merge of a duplicate into its original, parent/child — over real
 * HTTP (and WebSocket for the events). Each capability for the roles that may (the support
 * levels) and may not (CCA, application, analyst), and the perimeters: nobody links to,
 * merges into or reads a ticket they may not see, which answers as a ticket that does not exist.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, TicketLinkDirection, TicketLinkKind, TicketStatus } from '@chorus-support/sdk';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { until } from './support/until';
import { collect, subscriptionsRunning, untilSubscribed, wsClient } from './support/ws';
import { desk } from './service-desk.helpers';

const server = await startTestServer();
const { open, ok } = desk(server);
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const one = async (q: string, p: unknown[] = []) => (await sql(server.databaseUrl, q, p)).rows[0];

type Auth = { token?: string; apiKey?: string };
const ccaLyon: Auth = { token: await server.tokenForRole('CCA', 'CSP-LYON') };
const ccaBordeaux: Auth = { token: await server.tokenForRole('CCA', 'CSP-BORDEAUX') };
const ccaLille: Auth = { token: await server.tokenForRole('CCA', 'CSP-LILLE') };
const sn1: Auth = { token: await server.tokenForRole('SN1_AGENT') };
const sn2: Auth = { token: await server.tokenForRole('SN2_AGENT') };
const tech: Auth = { token: await server.tokenForRole('TECHNICAL_AGENT') };
const analyst: Auth = { token: await server.tokenForRole('ANALYST') };
const saxo: Auth = { apiKey: DEMO_API_KEY };
const lyon = (await one(`select id from structure where code = 'CSP-LYON'`)).id as string;
const lille = (await one(`select id from structure where code = 'CSP-LILLE'`)).id as string;
const bordeaux = (await one(`select id from structure where code = 'CSP-BORDEAUX'`)).id as string;
// a plain end user of CSP-LYON: the requester of a duplicate, who must follow its original after the merge
const endUser = (await one(
  `select p.id, p.email from person p join structure s on s.id = p.structure_id where s.code = 'CSP-LYON' and p.held_roles = '{END_USER}' and not exists (select 1 from correspondent_assignment a where a.person_id = p.id) order by p.email limit 1`,
)) as { id: string; email: string };
const requester: Auth = { token: await server.tokenFor(endUser.email) };

const openIn = async (auth: Auth, structureId: string, input: Record<string, unknown> = {}) => (await open(auth, { structureId: gid('Structure', structureId), ...input })).ticket as { id: string; reference: string; version: number };

const P = 'userErrors { field code message }';
const LINKS = `links { kind direction ticket { reference } }`;
const LINK = `mutation($input: LinkTicketsInput!) { linkTickets(input: $input) { changed ticket { reference ${LINKS} } otherTicket { reference ${LINKS} } ${P} } }`;
const UNLINK = `mutation($input: UnlinkTicketsInput!) { unlinkTickets(input: $input) { changed ticket { reference ${LINKS} } ${P} } }`;
const MERGE = `mutation($input: MergeTicketInput!) { mergeTicket(input: $input) {
  ticket { reference status version commentCount attachmentCount allowedTransitions mergedInto { reference } }
  into { reference status version commentCount attachmentCount }
  event { kind transition fromStatus toStatus reason }
  intoEvent { kind field reason }
  ${P} } }`;
const PARENT = `mutation($input: SetParentTicketInput!) { setParentTicket(input: $input) { ticket { reference version parent { reference } } ${P} } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on Ticket { reference status version commentCount attachmentCount ${LINKS} parent { reference } mergedInto { reference }
  children(first: 10) { totalCount nodes { reference } }
  comments { body internal } attachments { name } history { kind transition field toStatus } } } }`;

async function call(auth: Auth, doc: string, field: string, input: Record<string, unknown>) {
  const res = await server.gql(doc, { input }, auth);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data[field];
}
const link = (auth: Auth, a: { id: string }, b: { id: string }, kind: string) => call(auth, LINK, 'linkTickets', { ticketId: a.id, otherTicketId: b.id, kind });
const unlink = (auth: Auth, a: { id: string }, b: { id: string }, kind: string) => call(auth, UNLINK, 'unlinkTickets', { ticketId: a.id, otherTicketId: b.id, kind });
const merge = (auth: Auth, dup: { id: string; version: number }, into: { id: string }, reason?: string) => call(auth, MERGE, 'mergeTicket', { id: dup.id, version: dup.version, intoId: into.id, reason });
const setParent = (auth: Auth, child: { id: string; version: number }, parent: { id: string } | null) => call(auth, PARENT, 'setParentTicket', { id: child.id, version: child.version, parentId: parent?.id ?? null });
async function read(auth: Auth, t: { id: string }) {
  const res = await server.gql(READ, { id: t.id }, auth);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data.node;
}
const codes = (r: { userErrors: { code: string }[] }) => r.userErrors.map((e) => e.code);

/* ---------- files, through the real upload flow ---------- */

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
async function attach(auth: Auth, ticketId: string, name: string, bytes: Buffer, internal = false) {
  const asked = await call(auth, `mutation($input: CreateUploadInput!) { createUpload(input: $input) { upload { id url } ${P} } }`, 'createUpload', { fileName: name, purpose: 'TICKET_ATTACHMENT' });
  const put = await fetch(new URL(asked.upload.url, new URL(server.url).origin), { method: 'PUT', body: new Uint8Array(bytes) });
  expect(put.status).toBe(201);
  const added = await call(auth, `mutation($input: AddTicketAttachmentInput!) { addTicketAttachment(input: $input) { attachment { id } ${P} } }`, 'addTicketAttachment', { ticketId, uploadId: asked.upload.id, internal });
  expect(added.userErrors).toEqual([]);
}
const comment = (auth: Auth, ticketId: string, body: string, internal = false) =>
  call(auth, `mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { comment { id } ${P} } }`, 'addTicketComment', { ticketId, body, internal });

/* ---------- links ---------- */

describe('linking tickets', () => {
  it('links and unlinks, with a kind and a direction; linking twice is one link', async () => {
    const a = await openIn(ccaLyon, lyon);
    const b = await openIn(ccaLyon, lyon);
    const first = await link(sn1, a, b, 'DUPLICATE_OF');
    expect(first).toMatchObject({ changed: true, userErrors: [], ticket: { links: [{ kind: 'DUPLICATE_OF', direction: 'OUTGOING', ticket: { reference: b.reference } }] } });
    expect(first.otherTicket.links).toEqual([{ kind: 'DUPLICATE_OF', direction: 'INCOMING', ticket: { reference: a.reference } }]);
    const again = await link(sn1, a, b, 'DUPLICATE_OF');
    expect(again).toMatchObject({ changed: false, userErrors: [] });
    expect(again.ticket.links).toHaveLength(1);

    // RELATED has no direction: from either ticket it is the same link
    expect((await link(sn1, b, a, 'RELATED')).changed).toBe(true);
    expect((await link(sn1, a, b, 'RELATED')).changed).toBe(false);
    const links = (await read(sn1, a)).links;
    expect(links).toEqual([
      { kind: 'DUPLICATE_OF', direction: 'OUTGOING', ticket: { reference: b.reference } },
      { kind: 'RELATED', direction: 'MUTUAL', ticket: { reference: b.reference } },
    ]);
    expect(Number((await one(`select count(*) from ticket_link where from_id in ($1, $2) or to_id in ($1, $2)`, [raw(a.id), raw(b.id)])).count)).toBe(2);

    // the requesting side reads the links of its tickets too
    expect((await read(ccaLyon, b)).links).toHaveLength(2);

    const removed = await unlink(sn1, a, b, 'RELATED');
    expect(removed).toMatchObject({ changed: true, userErrors: [], ticket: { links: [{ kind: 'DUPLICATE_OF' }] } });
    expect((await unlink(sn1, b, a, 'RELATED')).changed).toBe(false);
    // links change neither the tickets' versions nor their histories
    const after = await read(sn1, a);
    expect(after.version).toBe(a.version);
    expect(after.history.map((e: any) => e.kind)).toEqual(['OPENED', 'TRANSITION']);
  });

  it('refuses a link to the ticket itself and any cycle of DUPLICATE_OF or CAUSED_BY', async () => {
    const [a, b, c] = [await openIn(ccaLyon, lyon), await openIn(ccaLyon, lyon), await openIn(ccaBordeaux, bordeaux)];
    expect(codes(await link(sn1, a, a, 'RELATED'))).toEqual(['TICKET_LINK_SELF']);
    expect((await link(sn1, a, b, 'DUPLICATE_OF')).changed).toBe(true);
    expect((await link(sn1, b, c, 'DUPLICATE_OF')).changed).toBe(true);
    expect(codes(await link(sn1, b, a, 'DUPLICATE_OF'))).toEqual(['TICKET_LINK_CYCLE']);
    expect(codes(await link(sn1, c, a, 'DUPLICATE_OF'))).toEqual(['TICKET_LINK_CYCLE']);
    // a cycle of another kind is not one of DUPLICATE_OF; RELATED never cycles
    expect((await link(sn1, c, a, 'RELATED')).changed).toBe(true);
    expect((await link(sn1, a, c, 'CAUSED_BY')).changed).toBe(true);
    const refused = await link(sn1, c, a, 'CAUSED_BY');
    expect(codes(refused)).toEqual(['TICKET_LINK_CYCLE']);
    expect(refused.userErrors[0].message).toMatch(/causé/);
  });

  it('is for the support levels only: CCAs, applications and read-only roles are refused', async () => {
    const a = await openIn(ccaLyon, lyon);
    const b = await openIn(ccaLyon, lyon);
    for (const who of [ccaLyon, saxo, analyst, requester]) expect(codes(await link(who, a, b, 'RELATED'))).toEqual(['LINK_RESERVED_TO_SUPPORT']);
    expect(codes(await unlink(ccaLyon, a, b, 'RELATED'))).toEqual(['LINK_RESERVED_TO_SUPPORT']);
    // the technical team links the tickets it sees (technical ones)
    const [x, y] = [await openIn(ccaLyon, lyon, { nature: 'TECHNICAL' }), await openIn(ccaBordeaux, bordeaux, { nature: 'TECHNICAL' })];
    expect((await link(tech, x, y, 'CAUSED_BY')).changed).toBe(true);
  });

  it('answers a ticket outside the perimeter as one that does not exist, and never lists it', async () => {
    const mine = await openIn(ccaLyon, lyon, { nature: 'TECHNICAL' });
    const lilleTicket = await openIn(ccaLille, lille, { nature: 'TECHNICAL' });
    const missing = { id: gid('Ticket', randomUUID()) };
    // SN1 of MIN06 does not see Lille's tickets (MIN35): the same answer as a ticket that does not exist
    const outside = await link(sn1, mine, lilleTicket, 'RELATED');
    const nowhere = await link(sn1, mine, missing, 'RELATED');
    expect(outside.userErrors).toEqual([{ field: ['input', 'otherTicketId'], code: 'NOT_FOUND', message: nowhere.userErrors[0].message }]);
    expect(nowhere.userErrors).toEqual(outside.userErrors);
    expect(codes(await link(sn1, lilleTicket, mine, 'RELATED'))).toEqual(['NOT_FOUND']);
    expect(codes(await unlink(sn1, mine, lilleTicket, 'RELATED'))).toEqual(['NOT_FOUND']);
    // SN2 sees only what was escalated to it
    expect(codes(await link(sn2, mine, lilleTicket, 'RELATED'))).toEqual(['NOT_FOUND']);

    // the technical team sees both (technical tickets of every ministry) and links them
    expect((await link(tech, mine, lilleTicket, 'RELATED')).changed).toBe(true);
    expect((await read(tech, mine)).links).toEqual([{ kind: 'RELATED', direction: 'MUTUAL', ticket: { reference: lilleTicket.reference } }]);
    // … but the Lyon side never learns of the Lille ticket, nor Lille of Lyon's
    expect((await read(sn1, mine)).links).toEqual([]);
    expect((await read(ccaLyon, mine)).links).toEqual([]);
    expect((await read(ccaLille, lilleTicket)).links).toEqual([]);
  });
});

/* ---------- merge ---------- */

describe('merging a duplicate into its original', () => {
  // SAXO listens (an unreachable address: the deliveries are queued, which is what is checked)
  beforeAll(() => sql(server.databaseUrl, `update application_client set webhook_url = 'http://127.0.0.1:9/hook' where name = 'SAXO'`));

  it('carries comments, files and followers over, closes the duplicate with a pointer, and records an event on both', async () => {
    // the duplicate is the end user's (via their CCA); the original was filed by SAXO for the same structure
    const dup = await openIn(ccaLyon, lyon, { requesterId: gid('Person', endUser.id), title: 'doublon' });
    const original = (await open(saxo, { structureId: gid('Structure', lyon), title: 'original' })).ticket;
    await comment(ccaLyon, dup.id, 'Le poste 3 est aussi bloqué.');
    await comment(sn1, dup.id, 'Note interne : même cause que l’autre.', true);
    await attach(ccaLyon, dup.id, 'capture.png', PNG);
    await comment(sn1, original.id, 'Analyse en cours.');
    const before = await read(sn1, dup);
    expect(before).toMatchObject({ commentCount: 2, attachmentCount: 1 });
    // the end user does not see the original yet
    expect((await server.gql(`query($r: String!) { ticket(reference: $r) { id } }`, { r: original.reference }, requester)).body.data.ticket).toBeNull();

    // every event of both tickets, as the support hears them live
    const before2 = await subscriptionsRunning(server.url);
    const live = collect(wsClient(server.url, sn1), `subscription { ticketEvents { kind transition toStatus ticket { reference } } }`);
    await untilSubscribed(server.url, before2 + 1);
    afterAll(() => live.dispose());

    const merged = await merge(sn1, { id: dup.id, version: before.version }, original, 'Même blocage que la demande de SAXO.');
    expect(merged.userErrors).toEqual([]);
    expect(merged.ticket).toMatchObject({ reference: dup.reference, status: 'CLOSED', version: before.version + 1, commentCount: 0, attachmentCount: 0, allowedTransitions: [], mergedInto: { reference: original.reference } });
    expect(merged.into).toMatchObject({ reference: original.reference, status: 'SUBMITTED', commentCount: 3, attachmentCount: 1 });
    expect(merged.event).toEqual({ kind: 'MERGED_INTO', transition: 'MERGE', fromStatus: 'SUBMITTED', toStatus: 'CLOSED', reason: 'Même blocage que la demande de SAXO.' });
    expect(merged.intoEvent).toEqual({ kind: 'MERGED_FROM', field: 'mergedFrom', reason: 'Même blocage que la demande de SAXO.' });

    const into = await read(sn1, original);
    expect(into.comments.map((c: any) => c.body)).toEqual(['Le poste 3 est aussi bloqué.', 'Note interne : même cause que l’autre.', 'Analyse en cours.']);
    expect(into.attachments).toEqual([{ name: 'capture.png' }]);
    expect(into.history.at(-1)).toEqual({ kind: 'MERGED_FROM', transition: null, field: 'mergedFrom', toStatus: 'SUBMITTED' });
    expect(into.links).toEqual([{ kind: 'DUPLICATE_OF', direction: 'INCOMING', ticket: { reference: dup.reference } }]);
    // the duplicate keeps its own history, ending with the merge
    const closed = await read(sn1, dup);
    expect(closed.history.map((e: any) => e.kind)).toEqual(['OPENED', 'TRANSITION', 'ATTACHMENT_ADDED', 'MERGED_INTO']);
    expect(closed).toMatchObject({ status: 'CLOSED', mergedInto: { reference: original.reference }, comments: [], attachments: [] });

    // the duplicate's requester now follows the original; a CCA reads its public comments only
    const followed = await server.gql(`query($r: String!) { ticket(reference: $r) { reference commentCount comments { body } } }`, { r: original.reference }, requester);
    expect(followed.body.data.ticket).toEqual({ reference: original.reference, commentCount: 2, comments: [{ body: 'Le poste 3 est aussi bloqué.' }, { body: 'Analyse en cours.' }] });
    expect((await read(ccaLyon, original)).comments.map((c: any) => c.internal)).toEqual([false, false]);

    // both events were broadcast; the original's filing application was told by webhook
    const heard = await live.next(2);
    expect(heard.map((r: any) => r.data.ticketEvents)).toEqual([
      { kind: 'MERGED_INTO', transition: 'MERGE', toStatus: 'CLOSED', ticket: { reference: dup.reference } },
      { kind: 'MERGED_FROM', transition: null, toStatus: 'SUBMITTED', ticket: { reference: original.reference } },
    ]);
    // queued in the merge's own transaction
    const hook = await one(`select event, payload from webhook_delivery where payload->>'reference' = $1 and event = 'ticket.merged_from'`, [original.reference]);
    expect(hook.payload).toMatchObject({ kind: 'MERGED_FROM', field: 'mergedFrom' });

    // mail: the duplicate's requesting side is told of the merge; as a watcher, the end user now hears of the original's public comments
    const mailed = async (kind: string, ticket: { id: string }, personId: string) =>
      one(`select subject from notification where kind = $1 and ticket_id = $2 and recipient_id = $3`, [kind, raw(ticket.id), personId]);
    const mergedMail = await until(() => mailed('TICKET_MERGED', dup, endUser.id), 10_000);
    expect(mergedMail.subject).toBe(`[${dup.reference}] Votre demande a été regroupée avec une autre`);
    await comment(sn1, original.id, 'Correctif prévu demain.');
    await until(() => mailed('TICKET_PUBLIC_COMMENT', original, endUser.id), 10_000);

    // a merged ticket never changes again, and nothing is merged into it
    expect(codes(await comment(ccaLyon, dup.id, 'encore ?'))).toEqual(['TICKET_ALREADY_MERGED']);
    expect(codes(await merge(sn1, { id: dup.id, version: merged.ticket.version }, original))).toEqual(['TICKET_ALREADY_MERGED']);
    const third = await openIn(ccaLyon, lyon);
    const intoMerged = await merge(sn1, third, dup);
    expect(intoMerged.userErrors).toEqual([{ field: ['input', 'intoId'], code: 'TICKET_ALREADY_MERGED', message: expect.stringMatching(/fusionné/) }]);
  });

  it('makes the duplicate’s filing application a follower of the original, told by webhook of the closing', async () => {
    const dup = (await open(saxo, { structureId: gid('Structure', lyon), title: 'doublon SAXO' })).ticket;
    const original = await openIn(ccaLyon, lyon);
    const merged = await merge(sn1, dup, original);
    expect(merged.userErrors).toEqual([]);
    const seen = await server.gql(`query($r: String!) { ticket(reference: $r) { reference } }`, { r: original.reference }, saxo);
    expect(seen.body.data.ticket).toEqual({ reference: original.reference });
    const hook = await one(`select payload from webhook_delivery where payload->>'reference' = $1 and event = 'ticket.status_changed' and payload->>'transition' = 'MERGE'`, [dup.reference]);
    expect(hook.payload).toMatchObject({ from: 'SUBMITTED', to: 'CLOSED', transition: 'MERGE' });
  });

  it('refuses, and changes nothing, outside the rules: self, stale version, other structure, cycle, roles, perimeter', async () => {
    const dup = await openIn(ccaLyon, lyon);
    await comment(ccaLyon, dup.id, 'à garder');
    const original = await openIn(ccaLyon, lyon);
    expect(codes(await merge(sn1, dup, dup))).toEqual(['TICKET_LINK_SELF']);
    expect(codes(await merge(sn1, { id: dup.id, version: dup.version - 1 }, original))).toEqual(['CONFLICT']);
    const bordeauxTicket = await openIn(ccaBordeaux, bordeaux);
    expect(codes(await merge(sn1, dup, bordeauxTicket))).toEqual(['MERGE_ACROSS_STRUCTURES']);
    // the original already is, through a link, a duplicate of the duplicate
    expect((await link(sn1, original, dup, 'DUPLICATE_OF')).changed).toBe(true);
    expect(codes(await merge(sn1, dup, original))).toEqual(['TICKET_LINK_CYCLE']);
    // roles that may not merge
    for (const who of [ccaLyon, saxo, analyst]) expect(codes(await merge(who, dup, original))).toEqual(['LINK_RESERVED_TO_SUPPORT']);
    // the perimeter: a Lille ticket is NOT_FOUND to SN1 of MIN06, as a ticket that does not exist
    const lilleTicket = await openIn(ccaLille, lille);
    const outside = await merge(sn1, dup, lilleTicket);
    expect(outside.userErrors).toEqual((await merge(sn1, dup, { id: gid('Ticket', randomUUID()) })).userErrors);
    expect(outside.userErrors).toEqual([{ field: ['input', 'intoId'], code: 'NOT_FOUND', message: expect.any(String) }]);
    expect(codes(await merge(sn1, lilleTicket, dup))).toEqual(['NOT_FOUND']);
    // a closed original takes nothing
    let closedOne = await openIn(ccaLyon, lyon);
    closedOne = await ok('TAKE', sn1, closedOne);
    closedOne = await ok('RESOLVE', sn1, closedOne);
    closedOne = await ok('CLOSE', ccaLyon, closedOne);
    expect(codes(await merge(sn1, dup, closedOne))).toEqual(['TICKET_CLOSED']);
    // nothing was half done
    const still = await read(sn1, dup);
    expect(still).toMatchObject({ status: 'SUBMITTED', version: dup.version, commentCount: 1, mergedInto: null });
    expect(still.comments.map((c: any) => c.body)).toEqual(['à garder']);
  });
});

describe('changes made at once', () => {
  it('two opposite merges, links or parents sent together: one holds, the other is refused, nothing half done', async () => {
    const a = await openIn(ccaLyon, lyon);
    const b = await openIn(ccaLyon, lyon);
    await comment(ccaLyon, a.id, 'commentaire de A');
    await comment(ccaLyon, b.id, 'commentaire de B');
    const versions = { a: (await read(sn1, a)).version, b: (await read(sn1, b)).version };
    const [ab, ba] = await Promise.all([merge(sn1, { id: a.id, version: versions.a }, b), merge(sn1, { id: b.id, version: versions.b }, a)]);
    const results = [codes(ab), codes(ba)];
    expect(results).toContainEqual([]);
    // the second waited for the first's locks, then found its ticket moved (its version) or merged
    expect([['CONFLICT'], ['TICKET_ALREADY_MERGED']]).toContainEqual(results.find((r) => r.length));
    const [merged, kept] = codes(ab).length ? [b, a] : [a, b];
    const [m, k] = [await read(sn1, merged), await read(sn1, kept)];
    // the one merged into lost nothing and holds both comments; the merged one holds none
    expect(k).toMatchObject({ status: 'SUBMITTED', mergedInto: null, commentCount: 2 });
    expect(m).toMatchObject({ status: 'CLOSED', mergedInto: { reference: kept.reference }, commentCount: 0 });

    const [c, d] = [await openIn(ccaLyon, lyon), await openIn(ccaLyon, lyon)];
    const links = await Promise.all([link(sn1, c, d, 'DUPLICATE_OF'), link(sn1, d, c, 'DUPLICATE_OF')]);
    expect(links.map(codes).sort()).toEqual([[], ['TICKET_LINK_CYCLE']]);

    const [e, f] = [await openIn(ccaLyon, lyon), await openIn(ccaLyon, lyon)];
    const parents = await Promise.all([setParent(sn1, e, f), setParent(sn1, f, e)]);
    expect(parents.map(codes).sort()).toEqual([[], ['TICKET_PARENT_CYCLE']]);
  });
});

/* ---------- parent / child ---------- */

describe('parent and children', () => {
  it('gathers the tickets of one incident across structures; no cycle; children listed within the perimeter', async () => {
    const parent = await openIn(ccaLyon, lyon, { title: 'Incident majeur' });
    const childLyon = await openIn(ccaLyon, lyon);
    const childBordeaux = await openIn(ccaBordeaux, bordeaux);
    const set1 = await setParent(sn1, childLyon, parent);
    expect(set1).toMatchObject({ userErrors: [], ticket: { version: childLyon.version + 1, parent: { reference: parent.reference } } });
    expect((await setParent(sn1, childBordeaux, parent)).userErrors).toEqual([]);

    const bySn1 = await read(sn1, parent);
    expect(bySn1.children.totalCount).toBe(2);
    expect(bySn1.children.nodes.map((n: any) => n.reference).sort()).toEqual([childLyon.reference, childBordeaux.reference].sort());
    // the Lyon CCA sees the Lyon child only; the Bordeaux CCA sees its child but not the Lyon parent
    expect((await read(ccaLyon, parent)).children).toEqual({ totalCount: 1, nodes: [{ reference: childLyon.reference }] });
    expect((await read(ccaBordeaux, childBordeaux)).parent).toBeNull();
    expect((await read(ccaLyon, childLyon)).parent).toEqual({ reference: parent.reference });

    // no cycle, no self
    const p = await read(sn1, parent);
    expect(codes(await setParent(sn1, { id: parent.id, version: p.version }, childLyon))).toEqual(['TICKET_PARENT_CYCLE']);
    const grandChild = await openIn(ccaLyon, lyon);
    expect((await setParent(sn1, grandChild, childLyon)).userErrors).toEqual([]);
    expect(codes(await setParent(sn1, { id: parent.id, version: p.version }, grandChild))).toEqual(['TICKET_PARENT_CYCLE']);
    expect(codes(await setParent(sn1, { id: parent.id, version: p.version }, parent))).toEqual(['TICKET_LINK_SELF']);

    // cleared
    const c = await read(sn1, childLyon);
    expect((await setParent(sn1, { id: childLyon.id, version: c.version }, null)).ticket.parent).toBeNull();
    expect((await read(sn1, parent)).children.totalCount).toBe(1);
  });

  it('is for the support levels, within their perimeter', async () => {
    const parent = await openIn(ccaLyon, lyon);
    const child = await openIn(ccaLyon, lyon);
    for (const who of [ccaLyon, saxo, analyst]) expect(codes(await setParent(who, child, parent))).toEqual(['LINK_RESERVED_TO_SUPPORT']);
    const lilleTicket = await openIn(ccaLille, lille);
    const outside = await setParent(sn1, child, lilleTicket);
    expect(outside.userErrors).toEqual([{ field: ['input', 'parentId'], code: 'NOT_FOUND', message: expect.any(String) }]);
    expect(outside.userErrors).toEqual((await setParent(sn1, child, { id: gid('Ticket', randomUUID()) })).userErrors);
    expect(codes(await setParent(sn1, lilleTicket, parent))).toEqual(['NOT_FOUND']);
    // SN2 sees only escalated tickets
    expect(codes(await setParent(sn2, child, parent))).toEqual(['NOT_FOUND']);
  });

  it('gives a merged duplicate’s children to its original', async () => {
    const dup = await openIn(ccaLyon, lyon);
    const original = await openIn(ccaLyon, lyon);
    const child = await openIn(ccaBordeaux, bordeaux);
    expect((await setParent(sn1, child, dup)).userErrors).toEqual([]);
    expect((await merge(sn1, dup, original)).userErrors).toEqual([]);
    expect((await read(sn1, child)).parent).toEqual({ reference: original.reference });
  });
});

/* ---------- through the SDK ---------- */

describe('the SDK', () => {
  it('links, sets a parent and merges through tickets.link / setParent / merge, and reads them with TicketRelations', async () => {
    const agent = createClient({ url: server.url, token: sn1.token });
    const cca = createClient({ url: server.url, token: ccaLyon.token });
    const a = await openIn(ccaLyon, lyon);
    const b = await openIn(ccaLyon, lyon);
    const linked = await agent.tickets.link(a.id, b.id, TicketLinkKind.CAUSED_BY);
    expect(linked).toMatchObject({ changed: true, userErrors: [], ticket: { links: [{ kind: TicketLinkKind.CAUSED_BY, direction: TicketLinkDirection.OUTGOING, ticket: { reference: b.reference } }] } });
    expect((await agent.tickets.link(a.id, b.id, TicketLinkKind.CAUSED_BY)).changed).toBe(false);
    // the requesting side is refused, in userErrors
    expect((await cca.tickets.link(a.id, b.id, TicketLinkKind.RELATED)).userErrors.map((e) => e.code)).toEqual(['LINK_RESERVED_TO_SUPPORT']);

    const parented = await agent.tickets.setParent(a, b.id);
    expect(parented).toMatchObject({ userErrors: [], ticket: { parent: { reference: b.reference } } });
    const relations = (await agent.TicketRelations({ id: b.id })).node;
    expect(relations).toMatchObject({ reference: b.reference, children: { totalCount: 1, nodes: [{ reference: a.reference }] } });

    const merged = await agent.tickets.merge(parented.ticket!, b.id, 'Doublon');
    expect(merged.userErrors).toEqual([]);
    expect(merged.ticket).toMatchObject({ status: TicketStatus.CLOSED, mergedInto: { reference: b.reference } });
    expect(merged.intoEvent?.kind).toBe('MERGED_FROM');
    expect((await agent.tickets.unlink(a.id, b.id, TicketLinkKind.CAUSED_BY)).changed).toBe(true);
  });
});

function raw(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString().split(':')[1];
}
