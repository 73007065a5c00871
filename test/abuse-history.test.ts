/**
 * History events about internal objects follow the objects' visibility (issue 29, finding 10):
 * an SN1's internal file leaves ATTACHMENT_ADDED / ATTACHMENT_REMOVED events that the support
 * levels read and the requesting CCA does not, over HTTP (history, history(last:), node(id:))
 * and over WebSocket (ticketUpdated, ticketEvents).
 */
import { describe, expect, it } from 'vitest';
import { desk } from './service-desk.helpers';
import { startTestServer } from './support/server';
import { until } from './support/until';
import { collect, subscriptionsRunning, untilSubscribed, wsClient } from './support/ws';

const server = await startTestServer();
const origin = new URL(server.url).origin;
const { open } = desk(server);
const cca = await server.tokenForRole('CCA', 'CSP-LYON');
const sn1 = await server.tokenForRole('SN1_AGENT');

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function attach(token: string, ticketId: string, fileName: string, bytes: Buffer, internal: boolean): Promise<string> {
  const created = await server.gql(`mutation($input: CreateUploadInput!) { createUpload(input: $input) { upload { id url } userErrors { code } } }`, { input: { fileName, purpose: 'TICKET_ATTACHMENT' } }, { token });
  const { id, url } = created.body.data.createUpload.upload;
  expect((await fetch(new URL(url, origin), { method: 'PUT', body: bytes as BodyInit })).status).toBe(201);
  const added = await server.gql(`mutation($input: AddTicketAttachmentInput!) { addTicketAttachment(input: $input) { attachment { id } userErrors { code } } }`, { input: { ticketId, uploadId: id, internal } }, { token });
  expect(added.body.data.addTicketAttachment.userErrors).toEqual([]);
  return added.body.data.addTicketAttachment.attachment.id;
}

const HISTORY = `query($id: ID!) { node(id: $id) { ... on Ticket { history { id kind field } last: history(last: 3) { kind field } } } }`;
const history = async (token: string, id: string) => (await server.gql(HISTORY, { id }, { token })).body.data.node;
const attachmentEvents = (events: { kind: string; field: string }[]) => events.filter((e) => e.kind.startsWith('ATTACHMENT_')).map((e) => `${e.kind} ${e.field}`);

describe('an internal file’s history events', () => {
  it('reach the support levels only: HTTP history, history(last:), node(id:), ticketUpdated and ticketEvents', async () => {
    const ticket = (await open({ token: cca })).ticket as { id: string };
    const before = await subscriptionsRunning(server.url);
    const ccaWs = wsClient(server.url, { token: cca });
    const sn1Ws = wsClient(server.url, { token: sn1 });
    const ccaUpdates = collect(ccaWs, `subscription($id: ID!) { ticketUpdated(id: $id) { version history { kind field } } }`, { id: ticket.id });
    const ccaEvents = collect(ccaWs, `subscription { ticketEvents { kind field ticket { id } } }`);
    const sn1Events = collect(sn1Ws, `subscription { ticketEvents { kind field ticket { id } } }`);
    await untilSubscribed(server.url, before + 3);

    // an SN1 adds an internal file and takes it off; then the CCA adds a public one (the last change)
    const internal = await attach(sn1, ticket.id, 'procédure interne.pdf', PDF, true);
    const removed = await server.gql(`mutation($id: ID!) { removeTicketAttachment(input: { id: $id }) { userErrors { code } } }`, { id: internal }, { token: sn1 });
    expect(removed.body.data.removeTicketAttachment.userErrors).toEqual([]);
    await attach(cca, ticket.id, 'capture.png', PNG, false);

    const ofTicket = (items: any[]) => items.filter((r) => r.data.ticketEvents.ticket.id === ticket.id).map((r) => r.data.ticketEvents);
    await until(async () => ofTicket(sn1Events.results).length >= 3, 10_000);
    expect(attachmentEvents(ofTicket(sn1Events.results))).toEqual(['ATTACHMENT_ADDED internalAttachment', 'ATTACHMENT_REMOVED internalAttachment', 'ATTACHMENT_ADDED attachment']);
    // the CCA's subscriptions got the public change (delivered after the internal ones) and nothing of the internal file
    await until(async () => ofTicket(ccaEvents.results).length >= 1 && ccaUpdates.results.length >= 1, 10_000);
    expect(attachmentEvents(ofTicket(ccaEvents.results))).toEqual(['ATTACHMENT_ADDED attachment']);
    expect(ccaUpdates.results.map((r) => attachmentEvents(r.data.ticketUpdated.history))).toEqual([['ATTACHMENT_ADDED attachment']]);
    expect(ccaUpdates.errors).toEqual([]);

    const asCca = await history(cca, ticket.id);
    expect(attachmentEvents(asCca.history)).toEqual(['ATTACHMENT_ADDED attachment']);
    expect(attachmentEvents(asCca.last)).toEqual(['ATTACHMENT_ADDED attachment']);
    const asSn1 = await history(sn1, ticket.id);
    expect(attachmentEvents(asSn1.history)).toEqual(['ATTACHMENT_ADDED internalAttachment', 'ATTACHMENT_REMOVED internalAttachment', 'ATTACHMENT_ADDED attachment']);
    expect(attachmentEvents(asSn1.last)).toEqual(['ATTACHMENT_ADDED internalAttachment', 'ATTACHMENT_REMOVED internalAttachment', 'ATTACHMENT_ADDED attachment']);

    // node(id:) of an internal file's event: nothing for the CCA
    const internalEvent = asSn1.history.find((e: any) => e.field === 'internalAttachment').id;
    const node = `query($id: ID!) { node(id: $id) { ... on TicketEvent { kind } } }`;
    expect((await server.gql(node, { id: internalEvent }, { token: cca })).body.data.node).toBeNull();
    expect((await server.gql(node, { id: internalEvent }, { token: sn1 })).body.data.node).toEqual({ kind: 'ATTACHMENT_ADDED' });
    for (const s of [ccaUpdates, ccaEvents, sn1Events]) s.dispose();
    await Promise.all([ccaWs.dispose(), sn1Ws.dispose()]);
  });
});
