/**
 * Known errors end to end: the major-incident knowledge items gather their tickets (linked
 * at opening from the pasted message, or by SN1/SN2), the bot says how many, and the
 * anomaly's workaround reaches each linked open ticket (public comment, event, webhook).
 */
import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { buttonOf, CHOOSE, START } from './support/chatbot';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { desk } from './service-desk.helpers';

const server = await startTestServer({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
const cca = await server.tokenForRole('CCA', 'CSP-LYON');
const sn1 = await server.tokenForRole('SN1_AGENT');
const sn2 = await server.tokenForRole('SN2_AGENT');
const analyst = await server.tokenForRole('ANALYST');
const user = await server.tokenForRole('END_USER', 'CSP-LYON');
const api = desk(server);
const TIERS = "Ajout d'un tiers dans l'EJ";

const KNOWN = `knownError { id title investigationStatus linkedTicketCount } knownErrorLinkedAutomatically`;
async function ticket(reference: string, token = sn1) {
  const r = await server.gql(`query($r: String!) { ticket(reference: $r) { id version ${KNOWN} comments { body internal author { email } } history { kind field oldValue newValue reason } } }`, { r: reference }, { token });
  expect(r.body.errors).toBeUndefined();
  return r.body.data.ticket;
}
const LINK = `mutation($input: LinkTicketToKnownErrorInput!) { linkTicketToKnownError(input: $input) { ticket { version ${KNOWN} } event { kind field oldValue newValue } userErrors { field code } } }`;
const UNLINK = `mutation($input: UnlinkTicketFromKnownErrorInput!) { unlinkTicketFromKnownError(input: $input) { ticket { version ${KNOWN} } event { kind field oldValue newValue } userErrors { field code } } }`;

async function item(title: string) {
  const r = await server.gql(`query($s: String!) { knowledgeItems(first: 5, filter: { search: $s }) { nodes { id title kind causedMessages investigationStatus } } }`, { s: title }, { token: sn2 });
  return r.body.data.knowledgeItems.nodes.find((n: any) => n.title === title);
}

let linked: any;
let other: any;

describe('tickets gather under a known anomaly', () => {
  it('a pasted message the anomaly causes links the ticket at opening, and the answer says so', async () => {
    const opened = await server.gql(
      `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { reference ${KNOWN} } userErrors { code } } }`,
      { input: { application: 'CHORUS_COEUR', domain: 'EJ', title: 'EJ bloqué après ajout du tiers', description: 'Message bloquant.', priority: 2, errorMessage: 'Bonjour, Pièce 4500012345/00010 : annulation automatique du report nul interdit' } },
      { token: cca },
    );
    expect(opened.body.data.openTicket.userErrors).toEqual([]);
    expect(opened.body.data.openTicket.ticket).toMatchObject({ knownError: { title: TIERS, investigationStatus: 'UNDER_INVESTIGATION', linkedTicketCount: 1 }, knownErrorLinkedAutomatically: true });
    linked = await ticket(opened.body.data.openTicket.ticket.reference);
    linked.reference = opened.body.data.openTicket.ticket.reference;
    expect(linked.history.find((e: any) => e.field === 'knownError')).toMatchObject({ kind: 'FIELD_CHANGED', oldValue: null, newValue: TIERS });

    const unrelated = await api.open({ token: cca }, { errorMessage: 'Le document 1508892764 est verrouillé par l’utilisateur DUPONTJ' });
    other = await ticket(unrelated.ticket.reference);
    other.reference = unrelated.ticket.reference;
    expect(other.knownError).toBeNull();
  });

  it('SN1 and SN2 link and unlink, with the version rule; others may not', async () => {
    const tiers = await item(TIERS);
    const errorItem = await item('Centre financier inexistant');
    const input = { ticketId: other.id, version: other.version, knownErrorId: tiers.id };
    const byCca = await server.gql(LINK, { input }, { token: cca });
    expect(byCca.body.data.linkTicketToKnownError.userErrors[0].code).toBe('FORBIDDEN');
    const notKnown = await server.gql(LINK, { input: { ...input, knownErrorId: errorItem.id } }, { token: sn1 });
    expect(notKnown.body.data.linkTicketToKnownError.userErrors[0]).toMatchObject({ code: 'NOT_A_KNOWN_ERROR', field: ['input', 'knownErrorId'] });
    const stale = await server.gql(LINK, { input: { ...input, version: other.version - 1 } }, { token: sn1 });
    expect(stale.body.data.linkTicketToKnownError.userErrors[0].code).toBe('CONFLICT');

    // SN2 sees escalated tickets only: the desk's visibility rule holds for linking too
    const unseen = await server.gql(LINK, { input }, { token: sn2 });
    expect(unseen.body.data.linkTicketToKnownError.userErrors[0].code).toBe('NOT_FOUND');
    const ok = await server.gql(LINK, { input }, { token: sn1 });
    expect(ok.body.data.linkTicketToKnownError).toMatchObject({ userErrors: [], ticket: { version: other.version + 1, knownError: { title: TIERS, linkedTicketCount: 2 }, knownErrorLinkedAutomatically: false }, event: { kind: 'FIELD_CHANGED', field: 'knownError', oldValue: null, newValue: TIERS } });
    const again = await server.gql(LINK, { input: { ...input, version: other.version + 1 } }, { token: sn1 });
    expect(again.body.data.linkTicketToKnownError.userErrors[0].code).toBe('ALREADY_LINKED');

    const stats = await server.gql(`{ knownErrorStatistics { knownError { title } linkedCount openCount automaticCount } }`, {}, { token: analyst });
    expect(stats.body.data.knownErrorStatistics.find((r: any) => r.knownError.title === TIERS)).toEqual({ knownError: { title: TIERS }, linkedCount: 2, openCount: 2, automaticCount: 1 });

    const un = await server.gql(UNLINK, { input: { ticketId: other.id, version: other.version + 1 } }, { token: sn1 });
    expect(un.body.data.unlinkTicketFromKnownError).toMatchObject({ userErrors: [], ticket: { knownError: null }, event: { field: 'knownError', oldValue: TIERS, newValue: null } });
    const unAgain = await server.gql(UNLINK, { input: { ticketId: other.id, version: other.version + 2 } }, { token: sn1 });
    expect(unAgain.body.data.unlinkTicketFromKnownError.userErrors[0].code).toBe('NOT_LINKED');
  });

  it('the bot’s answer for the major incident says how many tickets are linked', async () => {
    const start = (await server.gql(START, { input: { bot: 'IZIA' } }, { token: user })).body.data.startConversation;
    const id = start.conversation.id;
    const domain = (await server.gql(CHOOSE, { input: { conversationId: id, buttonId: buttonOf(start.turn, 'Incidents majeurs') } }, { token: user })).body.data.choose;
    const ej = (await server.gql(CHOOSE, { input: { conversationId: id, buttonId: buttonOf(domain.turn, 'EJ') } }, { token: user })).body.data.choose;
    const answer = (await server.gql(CHOOSE, { input: { conversationId: id, buttonId: buttonOf(ej.turn, TIERS) } }, { token: user })).body.data.choose;
    expect(answer.turn.isAnswer).toBe(true);
    expect(answer.turn.texts.at(-1)).toBe('1 fiche est déjà rattachée à cet incident.');
  });

  it('a workaround reaches every linked open ticket: public comment, event, and the filing application by webhook', async () => {
    await sql(server.databaseUrl, `update application_client set webhook_url = 'http://127.0.0.1:9/hook' where name = 'SAXO'`);
    const lyon = (await sql(server.databaseUrl, `select id from structure where code = 'CSP-LYON'`)).rows[0].id;
    const byApp = await api.open({ apiKey: DEMO_API_KEY }, { structureId: Buffer.from(`Structure:${lyon}`).toString('base64url'), errorMessage: 'Poste de piece n a pas encore ete reporte dans exercice en cours' });
    expect(byApp.userErrors).toEqual([]);
    expect((await ticket(byApp.ticket.reference)).knownError.title).toBe(TIERS);

    const tiers = await item(TIERS);
    const workaround = 'Supprimer le tiers de l’en-tête, enregistrer, puis le ressaisir.';
    const update = await server.gql(
      `mutation($input: UpdateKnowledgeItemInput!) { updateKnowledgeItem(input: $input) { item { investigationStatus workaround } userErrors { code message } } }`,
      { input: { id: tiers.id, incident: { status: 'WORKAROUND_AVAILABLE', causedMessages: tiers.causedMessages, workaround, ticketAdvised: true }, note: 'Contournement validé par SN2' } },
      { token: sn2 },
    );
    expect(update.body.data.updateKnowledgeItem).toMatchObject({ userErrors: [], item: { investigationStatus: 'WORKAROUND_AVAILABLE', workaround } });

    const told = await ticket(linked.reference, cca);
    const comment = told.comments.find((c: any) => c.body.includes(workaround));
    expect(comment).toMatchObject({ internal: false, author: null });
    // old and new in the same form: the investigation status before and after
    expect(told.history.at(-1)).toMatchObject({ kind: 'KNOWN_ERROR_UPDATED', field: 'knownError', oldValue: 'UNDER_INVESTIGATION', newValue: 'WORKAROUND_AVAILABLE' });
    expect(tiers.investigationStatus).toBe('UNDER_INVESTIGATION');
    expect(told.version).toBe(linked.version); // the platform's notice overwrites nothing: no version bump
    // the unlinked ticket is not told
    expect((await ticket(other.reference)).history.some((e: any) => e.kind === 'KNOWN_ERROR_UPDATED')).toBe(false);
    const hooks = await sql(server.databaseUrl, `select event, payload from webhook_delivery where payload->>'reference' = $1 and event = 'ticket.known_error_updated'`, [byApp.ticket.reference]);
    expect(hooks.rows).toHaveLength(1);
    expect(hooks.rows[0].payload).toMatchObject({ to: 'WORKAROUND_AVAILABLE', field: 'knownError' });

    // saving again without news tells nobody twice
    await server.gql(`mutation($input: UpdateKnowledgeItemInput!) { updateKnowledgeItem(input: $input) { userErrors { code } } }`, { input: { id: tiers.id, title: TIERS } }, { token: sn2 });
    expect((await ticket(linked.reference)).history.filter((e: any) => e.kind === 'KNOWN_ERROR_UPDATED')).toHaveLength(1);
  });

  it('SN2 records major incidents but no other knowledge', async () => {
    const errorItem = await item('Centre financier inexistant');
    const r = await server.gql(`mutation($input: UpdateKnowledgeItemInput!) { updateKnowledgeItem(input: $input) { userErrors { code } } }`, { input: { id: errorItem.id, title: 'x' } }, { token: sn2 });
    expect(r.body.data.updateKnowledgeItem.userErrors[0].code).toBe('FORBIDDEN');
  });
});
