import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { fromGlobalId } from '../packages/server/src/core/ids';
import { buttonOf, CHOOSE, FEEDBACK, plainUserEmail, SEND, START } from './support/chatbot';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer();
const alice = await server.tokenFor(await plainUserEmail(server.databaseUrl, 'CSP-LYON'));
const bob = await server.tokenFor(await plainUserEmail(server.databaseUrl, 'RECT-LILLE'));
const editor = await server.tokenForRole('KNOWLEDGE_EDITOR');

async function run(query: string, input: Record<string, unknown>, token = alice) {
  const res = await server.gql(query, { input }, { token });
  expect(res.body.errors).toBeUndefined();
  return Object.values(res.body.data as object)[0] as any;
}
const start = async (token = alice) => (await run(START, { bot: 'IZIA' }, token)).conversation.id as string;
const unansweredCount = async () => (await sql(server.databaseUrl, `select count(*)::int n from review_entry`)).rows[0].n as number;

describe('messages a user should not send, and how the bot takes them', () => {
  it('an empty message and a 100 KB message are refused as REQUIRED and TOO_LONG, writing nothing', async () => {
    const id = await start();
    for (const [text, code] of [['', 'REQUIRED'], ['   ', 'REQUIRED'], ['x'.repeat(100 * 1024), 'TOO_LONG']]) {
      const res = await run(SEND, { conversationId: id, text });
      expect(res.userErrors).toEqual([{ field: ['input', 'text'], code, message: expect.any(String) }]);
      expect(res.turn).toBeNull();
    }
    const { rows } = await sql(server.databaseUrl, `select count(*)::int n from conversation_turn where conversation_id = $1`, [fromGlobalId(id).id]);
    expect(rows[0].n).toBe(1); // the welcome only
  });

  it('punctuation only and emoji only: "not understood" with the menu again, nothing for the review queue', async () => {
    const before = await unansweredCount();
    const id = await start();
    for (const text of ['?!?!... ;;; ---', '😀😀 🙏 👍']) {
      const res = await run(SEND, { conversationId: id, text });
      expect(res.userErrors).toEqual([]);
      expect(res.userTurn.matchOutcome).toBe('NONE');
      expect(res.turn.texts[0]).toMatch(/^Je n'ai pas compris votre message/);
      expect(res.turn.buttons.map((b: any) => b.kind)).toContain('DOMAIN');
    }
    expect(await unansweredCount()).toBe(before);
  });

  it('HTML and SQL are only text: stored and returned as typed, matched on their words, never executed', async () => {
    const id = await start();
    const html = '<script>alert("x")</script><b>Centre financier inexistant</b>';
    const res = await run(SEND, { conversationId: id, text: html });
    expect(res.userTurn.texts).toEqual([html]);
    expect(res.userTurn.candidates[0].title).toBe('Centre financier inexistant');

    const injection = "'; drop table knowledge_phrase; -- Robert'); DELETE FROM conversation; --";
    const count = async () => (await sql(server.databaseUrl, `select (select count(*) from knowledge_phrase)::int phrases, (select count(*) from conversation)::int conversations`)).rows[0];
    const before = await count();
    const sqlRes = await run(SEND, { conversationId: id, text: injection });
    expect(sqlRes.userErrors).toEqual([]);
    expect(sqlRes.userTurn.texts).toEqual([injection]);
    // not a row went: every phrase and every conversation is still there
    expect(await count()).toEqual(before);
  });

  it('a button that is not in the current turn is BUTTON_NOT_OFFERED; replaying an old one is BUTTON_EXPIRED; a link is not chosen', async () => {
    const id = await start();
    const sent = await run(SEND, { conversationId: id, text: "Poste de pièce 1508892764/00003 n'a pas encore été reporté dans exercice en cours" });
    const ejButton = buttonOf(sent.turn, 'EJ');
    for (const buttonId of ['999:1', `${sent.turn.seq}:99`, 'drop table', '12']) {
      const bad = await run(CHOOSE, { conversationId: id, buttonId });
      expect(bad.userErrors.map((e: any) => e.code)).toEqual(['BUTTON_NOT_OFFERED']);
    }
    const ej = await run(CHOOSE, { conversationId: id, buttonId: ejButton });
    expect(ej.userErrors).toEqual([]);
    const replay = await run(CHOOSE, { conversationId: id, buttonId: ejButton });
    expect(replay.userErrors.map((e: any) => e.code)).toEqual(['BUTTON_EXPIRED']);

    // two presses of the same button at once: one goes through, the other is refused
    const yes = buttonOf(ej.turn, 'Oui');
    const both = await Promise.all([run(CHOOSE, { conversationId: id, buttonId: yes }), run(CHOOSE, { conversationId: id, buttonId: yes })]);
    expect(both.map((r) => r.userErrors.map((e: any) => e.code).join()).sort()).toEqual(['', 'BUTTON_EXPIRED']);
    const question = both.find((r) => !r.userErrors.length).turn;
    const answer = await run(CHOOSE, { conversationId: id, buttonId: buttonOf(question, 'Abonnement d un poste') });
    const link = await run(CHOOSE, { conversationId: id, buttonId: buttonOf(answer.turn, "Processus de création d'une Fiche Desk (FSD)") });
    expect(link.userErrors.map((e: any) => e.code)).toEqual(['BUTTON_IS_A_LINK']);
  });

  it('another person’s conversation does not exist for you', async () => {
    const id = await start(alice);
    const send = await run(SEND, { conversationId: id, text: 'Centre financier inexistant' }, bob);
    expect(send.userErrors.map((e: any) => e.code)).toEqual(['NOT_FOUND']);
    const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, { token: bob });
    expect(node.body.data.node).toBeNull();
    const mine = await server.gql(`query($id: ID!) { node(id: $id) { id ... on Conversation { outcome } } }`, { id }, { token: alice });
    expect(mine.body.data.node).toEqual({ id, outcome: 'IN_PROGRESS' });
  });

  it('feedback: once per answer, only on answers, only by the person, a comment with a thumbs down', async () => {
    const id = await start();
    const sent = await run(SEND, { conversationId: id, text: 'Votre session a expiré suite à une période d’inactivité' });
    expect(sent.userTurn.matchOutcome).toBe('CONFIDENT');
    const conn = await run(CHOOSE, { conversationId: id, buttonId: buttonOf(sent.turn, 'Connexion') });
    const answer = await run(CHOOSE, { conversationId: id, buttonId: buttonOf(conn.turn, 'Oui') });
    expect(answer.turn.isAnswer).toBe(true);

    expect((await run(FEEDBACK, { turnId: sent.turn.id, vote: 'UP' })).userErrors.map((e: any) => e.code)).toEqual(['NOT_AN_ANSWER']);
    expect((await run(FEEDBACK, { turnId: answer.turn.id, vote: 'DOWN' })).userErrors.map((e: any) => e.code)).toEqual(['COMMENT_REQUIRED']);
    expect((await run(FEEDBACK, { turnId: answer.turn.id, vote: 'DOWN', comment: 'pas clair', ministryCode: 'ministère' })).userErrors.map((e: any) => e.code)).toEqual(['INVALID_FORMAT']);
    expect((await run(FEEDBACK, { turnId: answer.turn.id, vote: 'UP' }, bob)).userErrors.map((e: any) => e.code)).toEqual(['NOT_FOUND']);
    expect((await run(FEEDBACK, { turnId: answer.turn.id, vote: 'UP' })).userErrors).toEqual([]);
    expect((await run(FEEDBACK, { turnId: answer.turn.id, vote: 'DOWN', comment: 'finalement non' })).userErrors.map((e: any) => e.code)).toEqual(['FEEDBACK_ALREADY_GIVEN']);
  });

  it('a business application cannot chat; an unknown bot is refused', async () => {
    const app = await server.gql(START, { input: { bot: 'IZIA' } }, { apiKey: DEMO_API_KEY });
    expect(app.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const unknown = await run(START, { bot: 'HAL9000' });
    expect(unknown.userErrors.map((e: any) => e.code)).toEqual(['BOT_NOT_AVAILABLE']);
  });
});

describe('publishing knowledge', () => {
  const CREATE = `mutation($input: CreateKnowledgeItemInput!) { createKnowledgeItem(input: $input) { item { id status } userErrors { field code message } } }`;
  const PUBLISH = `mutation($input: KnowledgeItemActionInput!) { publishKnowledgeItem(input: $input) { item { status } userErrors { field code message } } }`;
  const domainId = async () =>
    (await server.gql(`{ bot(code: "IZIA") { domains { id code } } }`, {}, { token: editor })).body.data.bot.domains.find((d: any) => d.code === 'EJ').id;

  it('refuses to publish a dialog with a dangling node, an unreachable node or a cycle; the item stays a draft', async () => {
    const ej = await domainId();
    const dialogs = {
      dangling: { start: 'q', nodes: [{ id: 'q', kind: 'QUESTION', texts: ['Quel poste ?'], buttons: [{ label: 'Le premier', next: 'nulle-part' }] }] },
      unreachable: { start: 'a', nodes: [{ id: 'a', kind: 'ANSWER', texts: ['Réponse'] }, { id: 'orphelin', kind: 'ANSWER', texts: ['Jamais montré'] }] },
      cycle: {
        start: 'q1',
        nodes: [
          { id: 'q1', kind: 'QUESTION', texts: ['Un ?'], buttons: [{ label: 'oui', next: 'q2' }] },
          { id: 'q2', kind: 'QUESTION', texts: ['Deux ?'], buttons: [{ label: 'retour', next: 'q1' }] },
        ],
      },
    };
    for (const [name, dialog] of Object.entries(dialogs)) {
      const created = await server.gql(CREATE, { input: { domainId: ej, kind: 'HOW_TO', title: `Essai ${name}`, dialog } }, { token: editor });
      expect(created.body.data.createKnowledgeItem.userErrors).toEqual([]);
      const id = created.body.data.createKnowledgeItem.item.id;
      const published = await server.gql(PUBLISH, { input: { id } }, { token: editor });
      expect(published.body.data.publishKnowledgeItem.userErrors).toEqual([{ field: ['input', 'dialog'], code: 'DIALOG_INVALID', message: expect.stringMatching(name === 'dangling' ? /n’existe pas/ : name === 'cycle' ? /boucle/ : /ne peut pas être atteint/) }]);
      const { rows } = await sql(server.databaseUrl, `select status from knowledge_item where title = $1`, [`Essai ${name}`]);
      expect(rows[0].status).toBe('DRAFT');
    }
  });

  it('only knowledge editors write knowledge; an error message needs its message', async () => {
    const ej = await domainId();
    const input = { domainId: ej, kind: 'ERROR_MESSAGE', title: 'Sans message', dialog: { start: 'a', nodes: [{ id: 'a', kind: 'ANSWER', texts: ['x'] }] } };
    expect((await server.gql(CREATE, { input }, { token: alice })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await server.gql(CREATE, { input }, { token: editor })).body.data.createKnowledgeItem.userErrors.map((e: any) => e.code)).toEqual(['MESSAGE_REQUIRED']);
  });
});
