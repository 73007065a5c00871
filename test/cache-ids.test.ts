/**
 * Every `id` of the schema is a global id a client cache may key on: unique across objects
 * AND types (Relay's rule; Apollo Client's InMemoryCache keys `__typename:id`, others key `id`
 * alone). A node key unique only inside one dialog ("answer" in most knowledge items) made an
 * Apollo cache show one item's answer under another: the schema walk below refuses any such
 * `id`, the live checks decode real ids, and Apollo Client 4 with a default cache shows each
 * item its own text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApolloClient, HttpLink, InMemoryCache, gql as apolloGql } from '@apollo/client';
import { buildSchema, Kind, parse, isInterfaceType, isNonNullType, isObjectType, isScalarType, type FragmentDefinitionNode, type GraphQLField, type GraphQLInterfaceType, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { startTestServer } from './support/server';
import { CHOOSE, START, buttonOf, plainUserEmail } from './support/chatbot';
import { selectionsWithoutId } from './support/selections';

const schema = buildSchema(readFileSync(fileURLToPath(new URL('../packages/schema/schema.graphql', import.meta.url)), 'utf8'));

/**
 * Object types whose `id` is a global id (core/ids.ts `toGlobalId`, the type in it) without the
 * type being fetchable by `node(id:)`. Each is checked live below (`decodes`); a new one needs
 * a live check here.
 */
const GLOBAL_NOT_NODE = ['ChatButton', 'DialogNode', 'Upload'];
const GLOBAL_ID_DESCRIPTION = /^Opaque global id\b/;

const decode = (id: string) => {
  const raw = Buffer.from(id, 'base64url').toString('utf8');
  return { type: raw.slice(0, raw.indexOf(':')), rest: raw.slice(raw.indexOf(':') + 1) };
};

describe('the schema: every id is global', () => {
  const withId = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && (isObjectType(t) || isInterfaceType(t))) as (GraphQLObjectType | GraphQLInterfaceType)[];

  it('has no `_id` field and no `id` of an object type that is not a global id', () => {
    const wrong: string[] = [];
    for (const t of withId) {
      const fields = t.getFields() as Record<string, GraphQLField<unknown, unknown>>;
      if (fields._id) wrong.push(`${t.name}._id`);
      const id = fields.id;
      if (!id) continue;
      const isId = isNonNullType(id.type) && isScalarType(id.type.ofType) && id.type.ofType.name === 'ID';
      if (!isId) wrong.push(`${t.name}.id is ${String(id.type)}, not ID!`);
      if (isInterfaceType(t)) {
        if (t.name !== 'Node') wrong.push(`${t.name}: an interface with an id other than Node`);
        continue;
      }
      const node = t.getInterfaces().some((i) => i.name === 'Node');
      if (node) continue;
      if (!GLOBAL_NOT_NODE.includes(t.name)) wrong.push(`${t.name}.id: neither a Node nor a global id checked here`);
      else if (!GLOBAL_ID_DESCRIPTION.test(id.description ?? '')) wrong.push(`${t.name}.id: its description does not say it is a global id`);
    }
    expect(wrong).toEqual([]);
  });

  it('lists as global-but-not-Node only types that exist and are not Nodes', () => {
    for (const name of GLOBAL_NOT_NODE) {
      const t = schema.getType(name);
      expect(isObjectType(t) && !t.getInterfaces().some((i) => i.name === 'Node')).toBe(true);
    }
  });
});

describe('the SDK’s operation documents read the id of every object they read', () => {
  const dir = fileURLToPath(new URL('../packages/schema/operations/', import.meta.url));
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => parse(readFileSync(dir + f, 'utf8')));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of docs) for (const def of d.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

  it('no object selection of a type with an id omits it', () => {
    expect(docs.flatMap((d) => selectionsWithoutId(schema, d, fragments))).toEqual([]);
  });

  it('the rule sees an omitted id through fragments and abstract selections', () => {
    const doc = parse(`
      fragment Item on KnowledgeItem { title dialog { nodes { key } } }
      query A($id: ID!) { node(id: $id) { ... on KnowledgeItem { ...Item } ... on Ticket { id reference } } }
      query B { viewer { person { fullName } } }`);
    const local = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    expect(selectionsWithoutId(schema, doc, local)).toEqual(['fragment Item: dialog.nodes → DialogNode', 'A: node → KnowledgeItem', 'B: viewer.person → Person']);
  });
});

const server = await startTestServer();
const editor = await server.tokenForRole('KNOWLEDGE_EDITOR');
const user = await server.tokenFor(await plainUserEmail(server.databaseUrl, 'CSP-LYON'));

const ITEMS = `query Items($first: Int) {
  knowledgeItems(first: $first) {
    nodes { __typename id title bot { __typename id code } domain { __typename id code } dialog { start nodes { __typename id key kind texts buttons { label next } } } }
  }
}`;

type Item = { __typename: string; id: string; title: string; bot: { __typename: string; id: string }; domain: { __typename: string; id: string }; dialog: { start: string; nodes: { __typename: string; id: string; key: string; texts: string[] }[] } };

describe('ids seen live', () => {
  it('decode to their own type and are unique across types (Relay), for an editor and a plain user', async () => {
    for (const token of [editor, user]) {
      const res = await server.gql(
        `query { viewer { person { __typename id structure { __typename id ministry { __typename id } } } } knowledgeItems(first: 100) { nodes { __typename id bot { __typename id } domain { __typename id } dialog { nodes { __typename id key } } } } }`,
        {},
        { token },
      );
      expect(res.body.errors).toBeUndefined();
      const seen = new Map<string, string>();
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) return v.forEach(walk);
        if (!v || typeof v !== 'object') return;
        const o = v as Record<string, unknown>;
        if (typeof o.id === 'string' && typeof o.__typename === 'string') {
          expect(decode(o.id).type).toBe(o.__typename);
          // the same id always names the same object of the same type
          expect(seen.get(o.id) ?? o.__typename).toBe(o.__typename);
          seen.set(o.id, o.__typename);
        }
        Object.values(o).forEach(walk);
      };
      walk(res.body.data);
      expect(new Set(seen.values())).toEqual(new Set(['Person', 'Structure', 'Ministry', 'KnowledgeItem', 'Bot', 'BotDomain', 'DialogNode']));
    }
  });

  it('DialogNode: keys repeat from item to item, ids do not', async () => {
    const items: Item[] = (await server.gql(ITEMS, { first: 100 }, { token: editor })).body.data.knowledgeItems.nodes;
    const nodes = items.flatMap((i) => i.dialog.nodes.map((n) => ({ item: i.id, ...n })));
    expect(nodes.filter((n) => n.key === 'answer').length).toBeGreaterThan(5);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    for (const n of nodes) {
      expect(decode(n.id).type).toBe('DialogNode');
      expect(decode(n.id).rest.endsWith(`:${n.key}`)).toBe(true);
    }
    // the dialog's start and buttons name keys, which its nodes carry
    for (const i of items) {
      const keys = new Set(i.dialog.nodes.map((n) => n.key));
      expect(keys.has(i.dialog.start)).toBe(true);
    }
  });

  it('ChatButton: two conversations’ first turns offer distinct ids; choose takes them, refuses another conversation’s', async () => {
    const start = async () => (await server.gql(START, { input: { bot: 'IZIA' } }, { token: user })).body.data.startConversation;
    const [one, two] = [await start(), await start()];
    const ids = [...one.turn.buttons, ...two.turn.buttons].map((b: { id: string }) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(decode(id).type).toBe('ChatButton');
    const label = one.turn.buttons[0].label;
    const foreign = await server.gql(CHOOSE, { input: { conversationId: one.conversation.id, buttonId: buttonOf(two.turn, label) } }, { token: user });
    expect(foreign.body.data.choose.userErrors.map((e: { code: string }) => e.code)).toEqual(['BUTTON_NOT_OFFERED']);
    const chosen = await server.gql(CHOOSE, { input: { conversationId: one.conversation.id, buttonId: buttonOf(one.turn, label) } }, { token: user });
    expect(chosen.body.data.choose.userErrors).toEqual([]);
    // the bare `<turn>:<key>` older clients kept still works
    const next = chosen.body.data.choose.turn;
    const bare = `${next.seq}:${decode(next.buttons[0].id).rest.split(':').at(-1)}`;
    const again = await server.gql(CHOOSE, { input: { conversationId: one.conversation.id, buttonId: bare } }, { token: user });
    expect(again.body.data.choose.userErrors).toEqual([]);
  });

  it('Upload: its id is a global id of type Upload', async () => {
    const r = await server.gql(`mutation($input: CreateUploadInput!) { createUpload(input: $input) { upload { id } userErrors { code } } }`, { input: { fileName: 'capture.png' } }, { token: await server.tokenForRole('CCA', 'CSP-LYON') });
    expect(r.body.data.createUpload.userErrors).toEqual([]);
    expect(decode(r.body.data.createUpload.upload.id).type).toBe('Upload');
  });
});

describe('Apollo Client 4, default InMemoryCache (no type policies), over real HTTP', () => {
  for (const [who, token] of [
    ['a knowledge editor', editor],
    ['a plain user', user],
  ] as const) {
    it(`shows ${who} each knowledge item with its own dialog text once cached`, async () => {
      const truth: Item[] = (await server.gql(ITEMS, { first: 100 }, { token })).body.data.knowledgeItems.nodes;
      expect(truth.length).toBeGreaterThan(5);
      const client = new ApolloClient({ link: new HttpLink({ uri: server.url, headers: { authorization: `Bearer ${token}` } }), cache: new InMemoryCache() });
      const query = apolloGql(ITEMS);
      const fetched = await client.query({ query, variables: { first: 100 } });
      // read back from the normalised cache alone
      const cached = client.readQuery<{ knowledgeItems: { nodes: Item[] } }>({ query, variables: { first: 100 } });
      for (const seen of [fetched.data as { knowledgeItems: { nodes: Item[] } }, cached!]) {
        const byId = new Map(seen.knowledgeItems.nodes.map((i) => [i.id, i]));
        for (const item of truth) {
          const mine = byId.get(item.id)!;
          expect(mine.title).toBe(item.title);
          expect(mine.dialog.nodes.map((n) => [n.key, n.texts])).toEqual(item.dialog.nodes.map((n) => [n.key, n.texts]));
        }
      }
      client.stop();
    });
  }

  it('(control) with the dialog-local key as the node id, the same cache shows an item another’s answer', async () => {
    // what the schema served before: DialogNode.id was the key ("answer" in most items)
    const LOCAL = ITEMS.replace('nodes { __typename id key kind', 'nodes { __typename id: key key kind');
    const truth: Item[] = (await server.gql(LOCAL, { first: 100 }, { token: editor })).body.data.knowledgeItems.nodes;
    const client = new ApolloClient({ link: new HttpLink({ uri: server.url, headers: { authorization: `Bearer ${editor}` } }), cache: new InMemoryCache() });
    const seen = (await client.query({ query: apolloGql(LOCAL), variables: { first: 100 } })).data as { knowledgeItems: { nodes: Item[] } };
    const wrong = truth.filter((item, i) => JSON.stringify(seen.knowledgeItems.nodes[i].dialog.nodes.map((n) => n.texts)) !== JSON.stringify(item.dialog.nodes.map((n) => n.texts)));
    expect(wrong.length).toBeGreaterThan(0);
    client.stop();
  });
});
