/**
 * Images in knowledge answers, over real HTTP with the real SDK: a knowledge editor uploads
 * an image and places it in an answer; the chatbot's answer then carries an IMAGE block in
 * its place among the texts, whose link downloads the bytes. Non-editors are refused, bytes
 * that are no image are refused whatever their name, and a draft item's image stays within
 * the knowledge back office.
 */
import { createHash } from 'node:crypto';
import { BulkImportFormat, ChorusApiError, createClient } from '@chorus-support/sdk';
import { describe, expect, it } from 'vitest';
import { signGrant, viewerClaim } from '../packages/server/src/attachments/signed-url';
import { chatWidget } from './support/chatbot';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer();
const origin = new URL(server.url).origin;
const editorToken = await server.tokenForRole('KNOWLEDGE_EDITOR');
const userToken = await server.tokenForRole('END_USER', 'CSP-LYON');
const editor = createClient({ url: server.url, token: editorToken, retries: 0 });
const user = createClient({ url: server.url, token: userToken, retries: 0 });

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const MESSAGE = 'Le fournisseur XXX est absent de la liste des tiers de cet EJ';
const raw = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];

// two items through the import: one published (the chatbot answers it), one draft
const imported = await editor.ImportKnowledgeItems({
  input: {
    format: BulkImportFormat.JSON,
    dryRun: false,
    json: JSON.stringify({
      items: [
        { bot: 'IZIA', domain: 'EJ', kind: 'ERROR_MESSAGE', title: "Ajout d'un tiers dans l'EJ (images)", message: MESSAGE, answer: ["Le tiers doit d'abord être ajouté à l'EJ.", "Puis enregistrez l'EJ."], publish: true },
        { bot: 'IZIA', domain: 'EJ', kind: 'HOW_TO', title: 'Brouillon avec image', answer: ['Pas encore publié.'] },
      ],
    }),
  },
});
expect(imported.importKnowledgeItems.report?.applied).toBe(true);
const itemId = async (title: string) => (await server.gql(`query($s: String) { knowledgeItems(first: 1, filter: { search: $s }) { nodes { id } } }`, { s: title }, { token: editorToken })).body.data.knowledgeItems.nodes[0].id as string;
const publishedId = await itemId("Ajout d'un tiers dans l'EJ (images)");
const draftId = await itemId('Brouillon avec image');
// the bot answers a confident match at once (no domain confirmation) so the answer turn comes straight back
const izia = (await editor.Bots()).bots.find((b) => b.code === 'IZIA')!;
expect((await editor.UpdateBot({ input: { botId: izia.id, confirmMatchedDomain: false } })).updateBot.userErrors).toEqual([]);

describe('images in knowledge answers', () => {
  it('an editor places an image in an answer; the chatbot answers text, image, text; the link downloads the bytes', async () => {
    const added = await editor.files.addKnowledgeImage(publishedId, { name: 'écran Chorus.png', data: PNG }, { nodeId: 'answer', position: 1, altText: "L'écran « Ajout d'un tiers » de Chorus" });
    expect(added.userErrors).toEqual([]);
    expect(added.duplicate).toBe(false);
    expect(added.image).toMatchObject({ name: 'écran Chorus.png', contentType: 'image/png', size: PNG.length });
    const stored = (await sql(server.databaseUrl, `select dialog, version from knowledge_item where id = $1`, [raw(publishedId)])).rows[0];
    expect(stored.dialog.nodes[0].texts).toEqual(["Le tiers doit d'abord être ajouté à l'EJ.", added.image!.dialogText.replace('écran Chorus.png', "L'écran « Ajout d'un tiers » de Chorus"), "Puis enregistrez l'EJ."]);
    expect(added.item?.version).toBe(stored.version);

    // the same bytes again (a retry): stored once, placed once
    const again = await editor.files.addKnowledgeImage(publishedId, { name: 'copie.png', data: PNG }, { nodeId: 'answer', position: 1 });
    expect(again).toMatchObject({ duplicate: true, image: { id: added.image!.id }, item: { version: stored.version } });
    expect(Number((await sql(server.databaseUrl, `select count(*) n from knowledge_image where item_id = $1`, [raw(publishedId)])).rows[0].n)).toBe(1);

    // a plain user asks the chatbot
    const widget = chatWidget(server.url, userToken);
    const start = await widget.start('IZIA');
    const sent = await widget.send(start.conversation.id, 'Le fournisseur 1000234 est absent de la liste des tiers de cet EJ');
    expect(sent.userTurn.matchOutcome).toBe('CONFIDENT');
    expect(sent.turn.isAnswer).toBe(true);
    expect(sent.turn.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['TEXT', "Le tiers doit d'abord être ajouté à l'EJ."],
      ['IMAGE', "L'écran « Ajout d'un tiers » de Chorus"],
      ['TEXT', "Puis enregistrez l'EJ."],
    ]);
    expect(sent.turn.blocks.filter((b) => b.kind !== 'IMAGE').every((b) => b.image === null)).toBe(true);
    const image = sent.turn.blocks[1].image!;
    expect(image).toMatchObject({ id: added.image!.id, contentType: 'image/png' });
    const res = await fetch(new URL(image.download.url, origin));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex')).toBe(createHash('sha256').update(PNG).digest('hex'));
    // the link is the user's own: forged or altered, it is a plain 404
    expect((await fetch(new URL(image.download.url.replace(/\/files\/[^/]+/, '/files/forged'), origin))).status).toBe(404);
  });

  it('a non-editor is refused, and bytes that are no image are refused whatever their name', async () => {
    const refused = await user.files.addKnowledgeImage(publishedId, { name: 'mon-image.png', data: Buffer.concat([PNG, Buffer.from('x')]) }, { nodeId: 'answer' });
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(refused.image).toBeNull();

    const xml = Buffer.from('<?xml version="1.0"?><FluxSEM><Rejet code="E042"/></FluxSEM>');
    const error = await editor.files.addKnowledgeImage(publishedId, { name: 'capture.png', data: xml }, { nodeId: 'answer' }).catch((e) => e);
    expect(error).toBeInstanceOf(ChorusApiError);
    expect((error as ChorusApiError).errors[0]?.extensions?.reason).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(Number((await sql(server.databaseUrl, `select count(*) n from knowledge_image where item_id = $1`, [raw(publishedId)])).rows[0].n)).toBe(1);
    // a node the dialog does not have: nothing is added
    const nowhere = await editor.files.addKnowledgeImage(publishedId, { name: 'autre.png', data: Buffer.concat([PNG, Buffer.from('autre')]) }, { nodeId: 'nulle-part' });
    expect(nowhere.userErrors).toEqual([expect.objectContaining({ code: 'DIALOG_INVALID', field: ['input', 'nodeId'] })]);
    expect(Number((await sql(server.databaseUrl, `select count(*) n from knowledge_image where item_id = $1`, [raw(publishedId)])).rows[0].n)).toBe(1);
  });

  it('a draft item’s image is for the knowledge back office only', async () => {
    const added = await editor.files.addKnowledgeImage(draftId, { name: 'brouillon.png', data: Buffer.concat([PNG, Buffer.from('draft')]) }, { nodeId: 'answer', position: 0 });
    expect(added.userErrors).toEqual([]);
    const imageId = added.image!.id;
    const asEditor = await server.gql(`query($id: ID!) { node(id: $id) { ... on KnowledgeImage { id } } }`, { id: imageId }, { token: editorToken });
    expect(asEditor.body.data.node).toEqual({ id: imageId });
    const asUser = await server.gql(`query($id: ID!) { node(id: $id) { ... on KnowledgeImage { id } } }`, { id: imageId }, { token: userToken });
    expect(asUser.body.data.node).toBeNull();
    // a well-signed link made for the user is still refused: the rule is checked on download
    const userId = JSON.parse(Buffer.from(userToken.split('.')[1], 'base64url').toString()).sub as string;
    const { token } = await signGrant(server.config.files.urlSecret, { use: 'download', kind: 'k', id: raw(imageId), viewer: viewerClaim({ kind: 'PERSON', id: userId } as never) }, 60);
    expect((await fetch(new URL(`/files/${token}/x.png`, origin))).status).toBe(404);
    const editorLink = await fetch(new URL(added.image!.download.url, origin));
    expect(editorLink.status).toBe(200);
  });
});
