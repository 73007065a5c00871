/** GraphQL documents and helpers the chatbot tests share; the widget's dialog goes through the SDK (`chatWidget`). */
import { createClient, type ChorusClient } from '@chorus-support/sdk';

export const TURN_FIELDS = `id seq speaker texts listItems blocks { kind text items } isAnswer matchOutcome feedbackGiven
  buttons { id label kind url }
  candidates { title score exact phrase item { id title } }
  item { id title }`;

export const PAYLOAD = `conversation { id outcome path variableParts { kind value } domain { code label } item { id title } }
  userTurn { ${TURN_FIELDS} }
  turn { ${TURN_FIELDS} }
  ticketRequest { id status pastedMessage domainLabel path variableParts { kind value } structure { code } }
  userErrors { field code message }`;

export const START = `mutation Start($input: StartConversationInput!) { startConversation(input: $input) { ${PAYLOAD} } }`;
export const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { ${PAYLOAD} } }`;
export const CHOOSE = `mutation Choose($input: ChooseInput!) { choose(input: $input) { ${PAYLOAD} } }`;
export const FEEDBACK = `mutation Feedback($input: GiveFeedbackInput!) { giveFeedback(input: $input) { feedback { id vote comment ministryCode item { title } } userErrors { field code message } } }`;

export interface Turn {
  id: string;
  texts: string[];
  listItems: string[];
  isAnswer: boolean;
  buttons: { id: string; label: string; kind: string; url: string | null }[];
  [k: string]: any;
}

/** The id of the button labelled `label` in a bot turn; fails loudly when absent. */
export function buttonOf(turn: Turn, label: string): string {
  const b = turn.buttons.find((x) => x.label === label);
  if (!b) throw new Error(`no button "${label}" in ${JSON.stringify(turn.buttons.map((x) => x.label))}`);
  return b.id;
}

/** A person of `structureCode` holding END_USER and no correspondent role: a plain Chorus user. */
export async function plainUserEmail(databaseUrl: string, structureCode: string, nth = 0): Promise<string> {
  const { sql } = await import('./db');
  const { rows } = await sql(
    databaseUrl,
    `select p.email from person p join structure s on s.id = p.structure_id
      where s.code = $1 and 'END_USER' = any(p.held_roles) and array_length(p.held_roles, 1) = 1
        and not exists (select 1 from correspondent_assignment a where a.person_id = p.id)
      order by p.created_at, p.email offset $2 limit 1`,
    [structureCode, nth],
  );
  if (!rows.length) throw new Error(`no plain user in ${structureCode}`);
  return rows[0].email;
}

/**
 * The chat widget as a client application plays it: the SDK's generated operations
 * (StartConversation, SendMessage, Choose, GiveFeedback, RequestTicket), over real HTTP.
 * Each returns the mutation's payload; GraphQL errors throw (ChorusApiError).
 */
export function chatWidget(url: string, token: string) {
  const sdk: ChorusClient = createClient({ url, token, retries: 0 });
  return {
    sdk,
    start: async (bot: string) => played((await sdk.StartConversation({ input: { bot } })).startConversation, 'conversation', 'turn'),
    send: async (conversationId: string, text: string) => played((await sdk.SendMessage({ input: { conversationId, text } })).sendMessage, 'conversation', 'userTurn', 'turn'),
    choose: async (conversationId: string, buttonId: string) => played((await sdk.Choose({ input: { conversationId, buttonId } })).choose, 'conversation', 'userTurn', 'turn'),
    feedback: async (input: Parameters<ChorusClient['GiveFeedback']>[0]['input']) => (await sdk.GiveFeedback({ input })).giveFeedback,
  };
}

type Played<P, K extends keyof P> = Omit<P, K> & { [k in K]-?: NonNullable<P[k]> };

/** A successful turn payload: the listed parts are present (fails with the user errors otherwise). */
function played<P extends { userErrors: unknown[] }, K extends keyof P>(payload: P, ...keys: K[]): Played<P, K> {
  const missing = keys.filter((k) => payload[k] == null);
  if (missing.length) throw new Error(`no ${missing.join(', ')} in the payload; userErrors: ${JSON.stringify(payload.userErrors)}`);
  return payload as unknown as Played<P, K>;
}
