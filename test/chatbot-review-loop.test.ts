import { describe, expect, it } from 'vitest';
import { buttonOf, CHOOSE, FEEDBACK, plainUserEmail, SEND, START } from './support/chatbot';
import { startTestServer } from './support/server';

const server = await startTestServer();
const lyonUser = await server.tokenFor(await plainUserEmail(server.databaseUrl, 'CSP-LYON'));
const bordeauxUser = await server.tokenFor(await plainUserEmail(server.databaseUrl, 'RECT-BORDEAUX'));
const editor = await server.tokenForRole('KNOWLEDGE_EDITOR');
const sn1 = await server.tokenForRole('SN1_AGENT');

async function call(query: string, input: Record<string, unknown>, token: string) {
  const res = await server.gql(query, { input }, { token });
  expect(res.body.errors).toBeUndefined();
  return Object.values(res.body.data as object)[0] as any;
}

async function paste(token: string, text: string) {
  const start = await call(START, { bot: 'IZIA' }, token);
  return call(SEND, { conversationId: start.conversation.id, text }, token);
}

const QUEUE = `query Queue($filter: ReviewQueueFilter) {
  reviewQueue(first: 20, filter: $filter) { totalCount nodes { id reason count sampleText status item { title } entries { text comment ministryCode } } }
}`;
const ITEM_ID = `query Item($search: String) { knowledgeItems(first: 1, filter: { search: $search }) { nodes { id title domain { id } } } }`;

describe('the unanswered → reformulation → matched loop', () => {
  it('an unknown message gets the honest fallback naming the CCA, and lands once in the review queue with a count', async () => {
    const first = await paste(lyonUser, "Le CF 0141-CDBU-DR69 saisi n'est pas reconnu par Chorus");
    expect(first.userTurn.matchOutcome).toBe('NONE');
    expect(first.turn.texts[0]).toMatch(/^Je n'ai pas trouvé de réponse/);
    expect(first.turn.texts[1]).toMatch(/correspondant Chorus applicatif \(CCA\) : \S+ \S+ \(/);
    expect(first.turn.buttons.map((b: any) => b.kind)).toEqual(['TICKET_REQUEST', 'RESTART']);
    expect(first.conversation.outcome).toBe('UNANSWERED');

    const second = await paste(bordeauxUser, "Le CF 0230-ACLY-SG13 saisi n'est pas reconnu par chorus !");
    expect(second.userTurn.matchOutcome).toBe('NONE');

    const queue = await server.gql(QUEUE, { filter: { reason: 'UNANSWERED' } }, { token: sn1 });
    const cluster = queue.body.data.reviewQueue.nodes.find((n: any) => /CF 0141/.test(n.sampleText));
    expect(cluster).toMatchObject({ count: 2, status: 'OPEN' });
    // both messages, each as its user pasted it (one cluster for the two wordings, none lost)
    expect(cluster.entries.map((e: any) => e.text).sort()).toEqual(["Le CF 0141-CDBU-DR69 saisi n'est pas reconnu par Chorus", "Le CF 0230-ACLY-SG13 saisi n'est pas reconnu par chorus !"]);
    expect(queue.body.data.reviewQueue.nodes.filter((n: any) => /saisi n'est pas reconnu/i.test(n.sampleText))).toHaveLength(1);
  });

  it('support adds it as a reformulation: the very next identical message matches with confidence', async () => {
    const queue = await server.gql(QUEUE, { filter: { reason: 'UNANSWERED' } }, { token: sn1 });
    const cluster = queue.body.data.reviewQueue.nodes.find((n: any) => /CF 0141/.test(n.sampleText));
    const item = (await server.gql(ITEM_ID, { search: 'Centre financier inexistant' }, { token: sn1 })).body.data.knowledgeItems.nodes[0];

    const added = await server.gql(
      `mutation($input: AddClusterAsReformulationInput!) { addReviewAsReformulation(input: $input) { cluster { status resolvedItem { title } } item { title phrases { kind text } } userErrors { code message } } }`,
      { input: { clusterId: cluster.id, itemId: item.id } },
      { token: sn1 },
    );
    expect(added.body.data.addReviewAsReformulation.userErrors).toEqual([]);
    expect(added.body.data.addReviewAsReformulation.cluster).toEqual({ status: 'REFORMULATION_ADDED', resolvedItem: { title: 'Centre financier inexistant' } });
    expect(added.body.data.addReviewAsReformulation.item.phrases).toContainEqual({ kind: 'REFORMULATION', text: "Le CF 0141-CDBU-DR69 saisi n'est pas reconnu par Chorus" });

    const again = await paste(lyonUser, "Le CF 0141-CDBU-DR69 saisi n'est pas reconnu par Chorus");
    expect(again.userTurn.matchOutcome).toBe('CONFIDENT');
    expect(again.userTurn.candidates[0]).toMatchObject({ title: 'Centre financier inexistant', exact: true });
    // other numbers, same message: still the reformulation
    const other = await paste(bordeauxUser, "Le CF 0214-CRLY-C069 saisi n'est pas reconnu par Chorus");
    expect(other.userTurn.candidates[0]).toMatchObject({ title: 'Centre financier inexistant', exact: true });

    const open = await server.gql(QUEUE, { filter: { reason: 'UNANSWERED' } }, { token: sn1 });
    expect(open.body.data.reviewQueue.nodes.some((n: any) => n.id === cluster.id)).toBe(false);
    const twice = await server.gql(
      `mutation($input: AddClusterAsReformulationInput!) { addReviewAsReformulation(input: $input) { userErrors { code } } }`,
      { input: { clusterId: cluster.id, itemId: item.id } },
      { token: sn1 },
    );
    expect(twice.body.data.addReviewAsReformulation.userErrors).toEqual([{ code: 'REVIEW_ALREADY_CLOSED' }]);
  });

  it('a new item written from the queue answers once an editor publishes it; an ignored entry leaves the queue', async () => {
    const text = 'Le tiers fournisseur 1000123456 est bloqué en paiement pour la société 1000';
    await paste(lyonUser, text);
    const queue = await server.gql(QUEUE, { filter: { reason: 'UNANSWERED', order: 'NEWEST_FIRST' } }, { token: editor });
    const cluster = queue.body.data.reviewQueue.nodes[0];
    expect(cluster.sampleText).toBe(text);
    const ej = (await server.gql(ITEM_ID, { search: 'Centre financier inexistant' }, { token: editor })).body.data.knowledgeItems.nodes[0].domain.id;
    const created = await server.gql(
      `mutation($input: CreateItemFromClusterInput!) { createItemFromReview(input: $input) { cluster { status } item { id status message } userErrors { code message } } }`,
      {
        input: {
          clusterId: cluster.id,
          item: {
            domainId: ej,
            kind: 'ERROR_MESSAGE',
            title: 'Tiers bloqué en paiement',
            message: 'Le tiers fournisseur XXX est bloqué en paiement pour la société XXX',
            dialog: { start: 'a', nodes: [{ id: 'a', kind: 'ANSWER', texts: ['Le tiers est bloqué par le comptable : rapprochez-vous du service facturier.'] }] },
          },
        },
      },
      { token: editor },
    );
    const made = created.body.data.createItemFromReview;
    expect(made.userErrors).toEqual([]);
    expect(made.item.status).toBe('DRAFT');
    expect((await paste(lyonUser, text)).userTurn.matchOutcome).toBe('NONE'); // drafts never answer

    const published = await server.gql(`mutation($input: KnowledgeItemActionInput!) { publishKnowledgeItem(input: $input) { item { status history { action version } } userErrors { code } } }`, { input: { id: made.item.id } }, { token: editor });
    expect(published.body.data.publishKnowledgeItem.item).toEqual({ status: 'PUBLISHED', history: [{ action: 'PUBLISHED', version: 1 }] });
    const now = await paste(bordeauxUser, 'Le tiers fournisseur 1000999999 est bloqué en paiement pour la société 2000');
    expect(now.userTurn.candidates[0]).toMatchObject({ title: 'Tiers bloqué en paiement', exact: true });

    await paste(lyonUser, 'blablabla sans rapport aucun avec chorus zzz');
    const noise = (await server.gql(QUEUE, { filter: { reason: 'UNANSWERED', order: 'NEWEST_FIRST' } }, { token: editor })).body.data.reviewQueue.nodes[0];
    const ignored = await server.gql(`mutation($input: IgnoreReviewClusterInput!) { ignoreReview(input: $input) { cluster { status resolutionNote } userErrors { code } } }`, { input: { clusterId: noise.id, reason: 'Hors périmètre' } }, { token: editor });
    expect(ignored.body.data.ignoreReview.cluster).toEqual({ status: 'IGNORED', resolutionNote: 'Hors périmètre' });
  });

  it('a thumbs down with a comment and the ministry code lands in the queue, grouped per item', async () => {
    const start = await call(START, { bot: 'IZIA' }, lyonUser);
    const sent = await call(SEND, { conversationId: start.conversation.id, text: 'Centre financier inexistant' }, lyonUser);
    const ej = await call(CHOOSE, { conversationId: start.conversation.id, buttonId: buttonOf(sent.turn, 'EJ') }, lyonUser);
    const answer = await call(CHOOSE, { conversationId: start.conversation.id, buttonId: buttonOf(ej.turn, 'Oui') }, lyonUser);
    expect(answer.turn.isAnswer).toBe(true);
    const down = await call(FEEDBACK, { turnId: answer.turn.id, vote: 'DOWN', comment: "Le centre financier existe bien, c'est un autre problème" }, lyonUser);
    expect(down.userErrors).toEqual([]);
    expect(down.feedback).toMatchObject({ vote: 'DOWN', ministryCode: 'MIN06' });

    const queue = await server.gql(QUEUE, { filter: { reason: 'NEGATIVE_FEEDBACK' } }, { token: editor });
    // the entry of this item, wherever the queue's order puts it
    const mine = queue.body.data.reviewQueue.nodes.filter((n: any) => n.item?.title === 'Centre financier inexistant');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      count: 1,
      item: { title: 'Centre financier inexistant' },
      entries: [{ text: 'Centre financier inexistant', comment: "Le centre financier existe bien, c'est un autre problème", ministryCode: 'MIN06' }],
    });
  });

  it('the review queue is for support and editors, not for users', async () => {
    const res = await server.gql(QUEUE, {}, { token: lyonUser });
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
