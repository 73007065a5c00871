import { describe, expect, it } from 'vitest';
import { startTestServer } from './support/server';
import { desk } from './service-desk.helpers';
import { TICKET_SEARCH_DOCUMENT, TICKET_SEARCH_QUERY } from '../packages/server/src/service-desk/ticket.entity';

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

describe('French search finds the inflected forms alike', () => {
  it('bloquée/bloqué, validée/validé, connexions/connexion, typed with or without accents, find the same tickets, through the index', async () => {
    const opened = [
      await open({ token: cca }, { title: 'Facture bloquée au service fait', description: 'Le workflow est bloqué depuis lundi.' }),
      await open({ token: cca }, { title: 'Demande bloquée', description: 'Rien ne passe.' }),
      await open({ token: cca }, { title: 'EJ validé mais non visible', description: 'Commande validée hier.' }),
      await open({ token: cca }, { title: 'Connexions refusées', description: 'Plusieurs agents.' }),
      await open({ token: cca }, { title: 'Connexion impossible', description: 'Un seul agent.' }),
    ].map((o) => o.ticket.reference);
    const mine = async (q: string) => (await search(sn1, q)).filter((r: string) => opened.includes(r)).sort();
    // French users often type without accents: 'bloquee' must find « bloquée » as 'bloquée' does
    for (const [words, expected] of [
      [['bloquée', 'bloqué', 'bloquee', 'bloque'], [opened[0], opened[1]]],
      [['validée', 'validé', 'validee'], [opened[2]]],
      [['connexions', 'connexion'], [opened[3], opened[4]]],
    ] as const) {
      for (const word of words) expect(await mine(word), word).toEqual([...expected].sort());
    }
    // each word matches through either analysis, the words stay ANDed, the web syntax holds
    expect(await mine('facture bloquee')).toEqual([opened[0]]);
    expect(await mine('bloquee -facture')).toEqual([opened[1]]);
    expect(await mine('"commande validee"')).toEqual([opened[2]]);
    expect(await mine('connexion or bloquee')).toEqual([opened[0], opened[1], opened[3], opened[4]].sort());
    // a word no ticket holds finds none, alone or next to one that does
    expect(await search(sn1, 'Xylophonique')).toEqual([]);
    expect(await mine('bloquée xylophonique')).toEqual([]);
    // the document and the query are analysed alike, and the GIN index serves the query
    const { Client } = (await import('pg')).default;
    const c = new Client({ connectionString: server.databaseUrl });
    await c.connect();
    try {
      await c.query('set enable_seqscan = off');
      const plan = await c.query(`explain select id from ticket t where ${TICKET_SEARCH_DOCUMENT('t')} @@ ${TICKET_SEARCH_QUERY.replace('?', '$1')}`, ['bloquée']);
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('ticket_search_index');
    } finally {
      await c.end();
    }
  });
});
