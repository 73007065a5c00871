import 'reflect-metadata';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { ChorusApiError, createClient as sdkClient, TicketImpact, TicketRequestStatus } from '@chorus-support/sdk';
import { buttonOf, chatWidget, CHOOSE, FEEDBACK, plainUserEmail, SEND, START, TURN_FIELDS } from './support/chatbot';
import { startTestServer } from './support/server';
import { subscriptionsRunning, untilSubscribed } from './support/ws';

const server = await startTestServer();
const lyonUserEmail = await plainUserEmail(server.databaseUrl, 'CSP-LYON');
const lyonUser = await server.tokenFor(lyonUserEmail);
const lyonCca = await server.tokenForRole('CCA', 'CSP-LYON');
const bordeauxCca = await server.tokenForRole('CCA', 'CSP-BORDEAUX');
const analyst = await server.tokenForRole('ANALYST');

async function run(query: string, input: Record<string, unknown>, token = lyonUser) {
  const res = await server.gql(query, { input }, { token });
  expect(res.body.errors).toBeUndefined();
  return Object.values(res.body.data as object)[0] as any;
}

const REQUESTS = `query($filter: TicketRequestFilter) { ticketRequests(first: 20, filter: $filter) { totalCount nodes { id status pastedMessage domainLabel path dismissReason variableParts { kind value } requester { email } structure { code } conversation { id outcome } } } }`;
const DISMISS = `mutation($input: DismissTicketRequestInput!) { dismissTicketRequest(input: $input) { ticketRequest { status dismissReason } userErrors { code } } }`;

describe('handoff to the CCA', () => {
  it('from the fallback, "Demander une fiche à mon CCA" creates a pre-filled ticket request for the structure’s CCA', async () => {
    const start = await run(START, { bot: 'IZIA' });
    const id = start.conversation.id;
    const pasted = 'Erreur dans le système de gestion : Le lot de facturation 4500012345 du 05.09.2022 pour 1 234,56 € est rejeté par le flux SEM';
    const sent = await run(SEND, { conversationId: id, text: pasted });
    expect(sent.userTurn.matchOutcome).toBe('NONE');
    const handed = await run(CHOOSE, { conversationId: id, buttonId: buttonOf(sent.turn, 'Demander une fiche à mon CCA') });
    expect(handed.userErrors).toEqual([]);
    expect(handed.turn.texts[0]).toMatch(/^Votre demande a été transmise à votre correspondant Chorus applicatif \(CCA\) : /);
    expect(handed.conversation.outcome).toBe('HANDED_OFF');
    expect(handed.ticketRequest).toMatchObject({
      status: 'PENDING',
      pastedMessage: pasted,
      path: ['Demander une fiche à mon CCA'],
      structure: { code: 'CSP-LYON' },
      variableParts: expect.arrayContaining([
        { kind: 'DOCUMENT_NUMBER', value: '4500012345' },
        { kind: 'AMOUNT', value: '1 234,56 €' },
        { kind: 'DATE', value: '05.09.2022' },
      ]),
    });
    const again = await run(`mutation($input: RequestTicketInput!) { requestTicket(input: $input) { ticketRequest { id } userErrors { code } } }`, { conversationId: id, note: 'encore' });
    expect(again.userErrors.map((e: any) => e.code)).toEqual(['TICKET_REQUEST_EXISTS']);
  });

  it('from an answer, with a note: the request carries the domain and the path taken', async () => {
    const start = await run(START, { bot: 'IZIA' });
    const id = start.conversation.id;
    const sent = await run(SEND, { conversationId: id, text: "Poste de pièce 1508892764/00003 n'a pas encore été reporté dans exercice en cours" });
    const ej = await run(CHOOSE, { conversationId: id, buttonId: buttonOf(sent.turn, 'EJ') });
    const yes = await run(CHOOSE, { conversationId: id, buttonId: buttonOf(ej.turn, 'Oui') });
    await run(CHOOSE, { conversationId: id, buttonId: buttonOf(yes.turn, 'Abonnement d un poste') });
    const req = await run(`mutation($input: RequestTicketInput!) { requestTicket(input: $input) { ticketRequest { domainLabel path note variableParts { value } } userErrors { code } } }`, { conversationId: id, note: 'EJ 1508892764 bloqué' });
    expect(req.userErrors).toEqual([]);
    expect(req.ticketRequest).toEqual({ domainLabel: 'EJ', path: ['EJ', 'Oui', 'Abonnement d un poste'], note: 'EJ 1508892764 bloqué', variableParts: [{ value: '1508892764/00003' }] });
  });

  it('the CCA of the structure lists and dismisses with a reason; another structure’s CCA sees nothing', async () => {
    const mine = await server.gql(REQUESTS, { filter: { status: 'PENDING' } }, { token: lyonCca });
    expect(mine.body.data.ticketRequests.totalCount).toBe(2);
    const other = await server.gql(REQUESTS, {}, { token: bordeauxCca });
    expect(other.body.data.ticketRequests.totalCount).toBe(0);

    const target = mine.body.data.ticketRequests.nodes[0];
    const foreign = await server.gql(DISMISS, { input: { id: target.id, reason: 'pas chez moi' } }, { token: bordeauxCca });
    expect(foreign.body.data.dismissTicketRequest.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    const user = await server.gql(DISMISS, { input: { id: target.id, reason: 'je renonce' } }, { token: lyonUser });
    expect(user.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const done = await server.gql(DISMISS, { input: { id: target.id, reason: 'Poste soldé : créer un nouveau poste, pas de fiche nécessaire.' } }, { token: lyonCca });
    expect(done.body.data.dismissTicketRequest).toEqual({ ticketRequest: { status: 'DISMISSED', dismissReason: 'Poste soldé : créer un nouveau poste, pas de fiche nécessaire.' }, userErrors: [] });
    const twice = await server.gql(DISMISS, { input: { id: target.id, reason: 'encore' } }, { token: lyonCca });
    expect(twice.body.data.dismissTicketRequest.userErrors).toEqual([{ code: 'TICKET_REQUEST_CLOSED' }]);

    const seenByRequester = await server.gql(REQUESTS, { filter: { status: 'DISMISSED' } }, { token: lyonUser });
    expect(seenByRequester.body.data.ticketRequests.nodes.map((n: any) => n.dismissReason)).toEqual(['Poste soldé : créer un nouveau poste, pas de fiche nécessaire.']);
  });

});

describe('following a conversation by subscription', () => {
  it('delivers the user’s and the bot’s turns to the person’s widget, and refuses another person', async () => {
    const start = await run(START, { bot: 'IZIA' });
    const id = start.conversation.id;
    const url = server.url.replace(/^http/, 'ws');
    const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${lyonUser}` }, lazy: true, retryAttempts: 0 });
    const received: any[] = [];
    const subscribedBefore = await subscriptionsRunning(server.url);
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: `subscription($id: ID!) { conversationTurns(conversationId: $id) { ${TURN_FIELDS} } }`, variables: { id } },
        { next: (m) => { received.push(m); if (received.length === 2) resolve(); }, error: reject, complete: () => undefined },
      );
    });
    await untilSubscribed(server.url, subscribedBefore + 1);
    await run(SEND, { conversationId: id, text: 'Centre financier inexistant' });
    await Promise.race([done, new Promise((_, fail) => setTimeout(() => fail(new Error('no turns received')), 5000))]);
    expect(received.map((m) => m.data.conversationTurns.speaker)).toEqual(['USER', 'BOT']);
    expect(received[1].data.conversationTurns.texts).toEqual(['Sur quel domaine porte la demande']);
    await client.dispose();

    const intruder = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${lyonCca}` }, lazy: true, retryAttempts: 0 });
    const refusal = await new Promise<any>((resolve) => {
      intruder.subscribe({ query: `subscription($id: ID!) { conversationTurns(conversationId: $id) { id } }`, variables: { id } }, { next: resolve, error: resolve, complete: () => resolve(null) });
    });
    expect(JSON.stringify(refusal)).toMatch(/NOT_FOUND/);
    await intruder.dispose();
  });
});

describe('metrics for analysts', () => {
  it('counts conversations by outcome, match rates, thumbs per item, handoffs, deflection, top unanswered and items never used', async () => {
    const start = await run(START, { bot: 'IZIA' });
    const sent = await run(SEND, { conversationId: start.conversation.id, text: 'Votre mot de passe a expiré et doit être modifié' });
    const conn = await run(CHOOSE, { conversationId: start.conversation.id, buttonId: buttonOf(sent.turn, 'Connexion') });
    const answer = await run(CHOOSE, { conversationId: start.conversation.id, buttonId: buttonOf(conn.turn, 'Oui') });
    await run(FEEDBACK, { turnId: answer.turn.id, vote: 'UP' });

    const bots = await server.gql(`{ bots { id code } }`, {}, { token: analyst });
    const izia = bots.body.data.bots.find((b: any) => b.code === 'IZIA').id;
    const res = await server.gql(
      `query($filter: ChatbotMetricsFilter!) { chatbotMetrics(filter: $filter) {
        conversations answered unanswered handedOff abandoned answeredRate unansweredRate handoffRate deflectionRate deflectionDays
        messages confidentRate ambiguousRate noMatchRate
        itemFeedback { up down item { title } } topUnanswered { sampleText count } itemsNeverUsed { title } } }`,
      { filter: { botId: izia, from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() } },
      { token: analyst },
    );
    expect(res.body.errors).toBeUndefined();
    const m = res.body.data.chatbotMetrics;
    // four conversations in this file: two handed off, one followed by subscription (in progress), this one answered
    expect(m).toMatchObject({ conversations: 4, handedOff: 2, answered: 1, unanswered: 0, abandoned: 0, messages: 4, deflectionDays: 7 });
    expect(m.handoffRate).toBeCloseTo(2 / 4);
    // the two handed-off conversations are followed by a ticket request; the two later ones are not
    expect(m.deflectionRate).toBeCloseTo(2 / 4);
    expect(m.noMatchRate).toBeCloseTo(1 / 4);
    expect(m.itemFeedback).toContainEqual({ up: 1, down: 0, item: { title: 'Mot de passe expiré' } });
    expect(m.topUnanswered[0].sampleText).toMatch(/lot de facturation 4500012345/);
    expect(m.itemsNeverUsed.map((i: any) => i.title)).toContain('Session expirée');
    expect(m.itemsNeverUsed.map((i: any) => i.title)).not.toContain('Mot de passe expiré');

    const forbidden = await server.gql(`query($f: ChatbotMetricsFilter!) { chatbotMetrics(filter: $f) { conversations } }`, { f: { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' } }, { token: lyonUser });
    expect(forbidden.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('the CCA turns a ticket request into an FSD in one call (through the SDK)', () => {
  const sdk = (token: string) => sdkClient({ url: server.url, token, retries: 0 });
  const window = () => ({ from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() });
  const deflection = async () => (await sdk(analyst).ChatbotMetrics({ filter: window() })).chatbotMetrics;

  it('pre-fills the ticket from the request, marks it CONVERTED, refuses twice, hides it from another structure, and the deflection drops', async () => {
    // before: the two later conversations of this file (subscription, answered) are followed by nothing
    const before = await deflection();
    expect(before.conversations).toBe(4);
    expect(before.deflectionRate).toBeCloseTo(2 / 4);

    const cca = sdk(lyonCca);
    const pending = (await cca.TicketRequests({ filter: { status: TicketRequestStatus.PENDING } })).ticketRequests.nodes;
    expect(pending).toHaveLength(1);
    const request = pending[0];
    expect(request.pastedMessage).toMatch(/^Erreur dans le système de gestion : Le lot de facturation 4500012345/);

    // another structure's CCA: not found; a plain user: refused
    const foreign = await sdk(bordeauxCca).ConvertTicketRequest({ input: { id: request.id } });
    expect(foreign.convertTicketRequest).toMatchObject({ ticket: null, ticketRequest: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }] });
    const refused = await sdk(lyonUser).ConvertTicketRequest({ input: { id: request.id } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ChorusApiError);
    expect((refused as ChorusApiError).code).toBe('FORBIDDEN');

    // one call: the FSD exists, for the person who chatted, pre-filled
    const converted = (await cca.ConvertTicketRequest({ input: { id: request.id, priority: 2, impact: TicketImpact.SEVERAL_USERS } })).convertTicketRequest;
    expect(converted.userErrors).toEqual([]);
    const ticket = converted.ticket!;
    expect(ticket).toMatchObject({
      reference: expect.stringMatching(/^FSD-\d{4}-\d{6}$/),
      title: request.pastedMessage,
      errorMessage: request.pastedMessage,
      documentNumbers: ['4500012345'],
      priority: 2,
      impact: 'SEVERAL_USERS',
      requester: { email: lyonUserEmail },
      structure: { code: 'CSP-LYON' },
      application: { code: 'CHORUS_COEUR' },
      domain: { code: 'OTHER' },
      chatbotConversation: { path: ['Demander une fiche à mon CCA'] },
    });
    // submitted to SN1 at once: a converted request is not left as a draft
    expect(ticket.status).toBe('SUBMITTED');
    expect(ticket.description).toContain('Demande transmise par l’assistant IZIA');
    expect(ticket.description).toContain('Chemin suivi : Demander une fiche à mon CCA');
    expect(ticket.description).toContain(`Message collé : ${request.pastedMessage}`);
    expect(ticket.description).toContain('1 234,56 € (AMOUNT)');
    expect(converted.ticketRequest).toMatchObject({ id: request.id, status: 'CONVERTED', decidedBy: { id: expect.any(String) }, ticket: { id: ticket.id, reference: ticket.reference } });

    // the requester sees the request converted, with its ticket
    const mine = (await sdk(lyonUser).TicketRequests({ filter: { status: TicketRequestStatus.CONVERTED } })).ticketRequests.nodes;
    expect(mine.map((r) => r.ticket?.reference)).toEqual([ticket.reference]);

    // converted or dismissed: never converted again, and no second ticket
    const twice = (await cca.ConvertTicketRequest({ input: { id: request.id } })).convertTicketRequest;
    expect(twice).toMatchObject({ ticket: null, userErrors: [{ code: 'TICKET_REQUEST_CLOSED', field: ['input', 'id'] }] });
    const dismissed = (await cca.TicketRequests({ filter: { status: TicketRequestStatus.DISMISSED } })).ticketRequests.nodes[0];
    const ofDismissed = (await cca.ConvertTicketRequest({ input: { id: dismissed.id } })).convertTicketRequest;
    expect(ofDismissed.userErrors.map((e) => e.code)).toEqual(['TICKET_REQUEST_CLOSED']);
    const tickets = await server.gql(`query($f: TicketFilter) { tickets(first: 10, filter: $f) { totalCount } }`, { f: { requesterId: ticket.requester!.id } }, { token: lyonCca });
    expect(tickets.body.data.tickets.totalCount).toBe(1);

    // after: the FSD opened for the person follows the two later conversations too
    const after = await deflection();
    expect(after.conversations).toBe(4);
    expect(after.deflectionRate).toBe(0);
  });

  it('from an answered EJ conversation: the domain, the item reached, the document numbers and the path fill the FSD; the CCA may override title and domain', async () => {
    const widget = chatWidget(server.url, lyonUser);
    const start = await widget.start('IZIA');
    const id = start.conversation.id;
    const sent = await widget.send(id, "Poste de pièce 1508892764/00003 n'a pas encore été reporté dans exercice en cours");
    const ej = await widget.choose(id, buttonOf(sent.turn, 'EJ'));
    const yes = await widget.choose(id, buttonOf(ej.turn, 'Oui'));
    await widget.choose(id, buttonOf(yes.turn, 'Abonnement d un poste'));
    const handed = (await widget.sdk.RequestTicket({ input: { conversationId: id, note: 'EJ bloqué depuis hier' } })).requestTicket;
    expect(handed.userErrors).toEqual([]);

    const cca = sdk(lyonCca);
    const prefilled = (await cca.ConvertTicketRequest({ input: { id: handed.ticketRequest!.id } })).convertTicketRequest;
    expect(prefilled.userErrors).toEqual([]);
    expect(prefilled.ticket).toMatchObject({
      title: "Poste de pièce n'a pas encore été reporté dans exercice en cours",
      documentNumbers: ['1508892764/00003'],
      domain: { code: 'EJ' },
      priority: 3,
      impact: 'ONE_USER',
      chatbotConversation: { id },
    });
    expect(prefilled.ticket!.description).toContain('Chemin suivi : EJ > Oui > Abonnement d un poste');
    expect(prefilled.ticket!.description).toContain('Note de l’utilisateur : EJ bloqué depuis hier');

    // overrides: a bad domain code is a coded user error and changes nothing
    const again = await widget.start('IZIA');
    const s2 = await widget.send(again.conversation.id, 'Blabla inconnu 123456');
    await widget.choose(again.conversation.id, buttonOf(s2.turn, 'Demander une fiche à mon CCA'));
    const req2 = (await cca.TicketRequests({ filter: { status: TicketRequestStatus.PENDING } })).ticketRequests.nodes[0];
    const bad = (await cca.ConvertTicketRequest({ input: { id: req2.id, domain: 'NOPE' } })).convertTicketRequest;
    expect(bad.userErrors.map((e) => e.code)).toEqual(['UNKNOWN_DOMAIN']);
    expect((await cca.TicketRequests({ filter: { status: TicketRequestStatus.PENDING } })).ticketRequests.nodes.map((r) => r.id)).toEqual([req2.id]);
    const ok = (await cca.ConvertTicketRequest({ input: { id: req2.id, domain: 'CONNEXION', title: 'Connexion impossible' } })).convertTicketRequest;
    expect(ok.ticket).toMatchObject({ title: 'Connexion impossible', domain: { code: 'CONNEXION' } });
  });
});
