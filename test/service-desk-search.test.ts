import { describe, expect, it } from 'vitest';
import { startTestServer } from './support/server';
import { desk } from './service-desk.helpers';

const server = await startTestServer();
const { open } = desk(server);
const cca = await server.tokenForRole('CCA', 'CSP-LYON');
const sn1 = await server.tokenForRole('SN1_AGENT');
const COMMENT = `mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { comment { id internal } userErrors { field code message } } }`;
const search = async (token: string, q: string) => {
  const res = await server.gql(`query($f: TicketFilter) { tickets(first: 20, filter: $f) { edges { node { reference } } } }`, { f: { search: q } }, { token });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.tickets.edges.map((e: any) => e.node.reference);
};

describe('ticket search covers comments', () => {
  it('public comments for the requesting side, internal ones for agents only', async () => {
    const { ticket } = await open({ token: cca }, { title: 'Imputation refusée', description: 'Le poste ne passe pas.' });
    const pub = await server.gql(COMMENT, { input: { ticketId: ticket.id, body: 'Le contournement passe par la transaction Zorglubienne.', internal: false } }, { token: sn1 });
    expect(pub.body.data.addTicketComment.userErrors).toEqual([]);
    const internal = await server.gql(COMMENT, { input: { ticketId: ticket.id, body: 'Cause probable : la table Quetzalcoatlienne est corrompue.', internal: true } }, { token: sn1 });
    expect(internal.body.data.addTicketComment.userErrors).toEqual([]);

    expect(await search(cca, 'Zorglubienne')).toEqual([ticket.reference]);
    expect(await search(sn1, 'Zorglubienne')).toEqual([ticket.reference]);
    expect(await search(sn1, 'Quetzalcoatlienne')).toEqual([ticket.reference]);
    // the requesting side never finds a ticket by what only its internal comments say
    expect(await search(cca, 'Quetzalcoatlienne')).toEqual([]);
  });
});
