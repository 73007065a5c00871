import { Field, ObjectType } from 'type-graphql';
import { toGlobalId } from '../core/ids';
import { AnswerBlockKind, DialogActionKind, DialogNodeKind } from './knowledge.enums';
import type { Text } from '../core/i18n';
import { M } from './knowledge.messages';

/** A dialog as stored (jsonb on the item) and as shown through the API. */
export interface DialogData {
  start: string;
  nodes: DialogNodeData[];
}
export interface DialogNodeData {
  id: string;
  kind: DialogNodeKind;
  texts: string[];
  listItems: string[];
  /** Where the list sits among the texts: before texts[listPosition]; absent or null: after every text. */
  listPosition?: number | null;
  buttons: { label: string; next: string }[];
  actions: { kind: DialogActionKind; label: string; url: string | null }[];
}

@ObjectType({ description: 'A button of a question node: its label and the node it leads to.' })
export class DialogButton {
  @Field({ description: 'What the user reads on the button.' })
  label!: string;

  @Field({ description: 'Key (`DialogNode.key`) of the node the button leads to.' })
  next!: string;
}

@ObjectType({ description: 'An action button of an answer node.' })
export class DialogAction {
  @Field(() => DialogActionKind, { description: 'What the button does.' })
  kind!: DialogActionKind;

  @Field({ description: 'What the user reads on the button.' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'The page a LINK opens.' })
  url!: string | null;
}

@ObjectType({ description: 'One block of what the bot says, in the order it shows them: a text bubble, a bulleted list or an image.' })
export class AnswerBlock {
  @Field(() => AnswerBlockKind, { description: 'TEXT: one bubble, in `text`. LIST: a bulleted list, in `items`. IMAGE: an image of the item, in `image`, with its alternative text in `text`.' })
  kind!: AnswerBlockKind;

  @Field(() => String, { nullable: true, description: 'The bubble’s text; for an IMAGE block its alternative text; null for a LIST block.' })
  text!: string | null;

  @Field(() => [String], { description: 'The list’s items, in order; empty for a TEXT or IMAGE block.' })
  items!: string[];

  /** IMAGE blocks: the global id of the KnowledgeImage (resolved, under its perimeter, by the attachments module). */
  imageId?: string | null;
}

/**
 * A dialog text that is exactly `![alt](image:<KnowledgeImage id>)` shows that image in its
 * place among the bubbles. The syntax lives here, both ways.
 */
const IMAGE_TEXT = /^!\[([^\]]{0,300})\]\(image:([A-Za-z0-9_-]{1,200})\)$/;
export const imageText = (imageId: string, alt: string) => `![${alt.replace(/[[\]\r\n]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300)}](image:${toGlobalId('KnowledgeImage', imageId)})`;
/** The image a dialog text shows (global id and alternative text), or null for a plain text. */
export function imageOfText(text: string): { imageId: string; alt: string } | null {
  const m = IMAGE_TEXT.exec(text);
  return m ? { alt: m[1], imageId: m[2] } : null;
}

/**
 * Texts and list in the order they are shown: the list before texts[listPosition]
 * (after every text when listPosition is null or past the end), as the source shows
 * "Ajout d'un tiers dans l'EJ": text, text, list of messages, text. A text that shows an
 * image (imageText) is an IMAGE block in its place.
 */
export function blocksOf(texts: string[], listItems: string[], listPosition?: number | null): AnswerBlock[] {
  const blocks: AnswerBlock[] = texts.map((text) => {
    const image = imageOfText(text);
    return image ? { kind: AnswerBlockKind.IMAGE, text: image.alt, items: [], imageId: image.imageId } : { kind: AnswerBlockKind.TEXT, text, items: [] };
  });
  if (listItems.length) {
    const at = listPosition == null ? blocks.length : Math.max(0, Math.min(listPosition, blocks.length));
    blocks.splice(at, 0, { kind: AnswerBlockKind.LIST, text: null, items: listItems });
  }
  return blocks;
}

/** A node as the API shows it: its stored data and the item whose dialog it belongs to (its global id needs both). */
export interface DialogNodeView extends DialogNodeData {
  itemId: string;
}

/** The global id of one node of one item's dialog: keys repeat from item to item ("answer"), so the id names both. */
export const dialogNodeId = (itemId: string, key: string) => toGlobalId('DialogNode', `${itemId}:${key}`);

@ObjectType({ description: 'One step of a dialog.' })
export class DialogNode {
  // `id` (global) and `key` (the stored node id) are field resolvers: knowledge.resolver DialogNodeFieldsResolver

  @Field(() => DialogNodeKind, { description: 'Question or answer.' })
  kind!: DialogNodeKind;

  @Field(() => [String], { description: 'What the bot says, one bubble per text.' })
  texts!: string[];

  @Field(() => [String], { description: 'A bulleted list (e.g. known messages), shown where `listPosition` says.' })
  listItems!: string[];

  @Field(() => [DialogButton], { description: 'Buttons of a question node.' })
  buttons!: DialogButton[];

  @Field(() => [DialogAction], { description: 'Action buttons of an answer node.' })
  actions!: DialogAction[];
}

@ObjectType({ description: 'The small dialog of a knowledge item: question nodes with buttons leading to answer nodes.' })
export class Dialog {
  @Field({ description: 'Key (`DialogNode.key`) of the first node.' })
  start!: string;

  @Field(() => [DialogNode], { description: 'Every node.' })
  nodes!: DialogNode[];
}

export interface DialogProblem {
  message: Text;
  nodeId?: string;
}

export const DIALOG_LIMITS = { nodes: 50, texts: 10, buttons: 12, actions: 4, text: 4000, label: 200, id: 40 } as const;

/**
 * Problems that make a dialog unfit to publish: no node, a missing start, a duplicate id,
 * a button leading to a node that does not exist (dangling), a node no path reaches
 * (unreachable), a cycle, a question without buttons, an answer without text.
 */
export function dialogProblems(d: DialogData): DialogProblem[] {
  const problems: DialogProblem[] = [];
  if (!d.nodes.length) return [{ message: M['DIALOG_INVALID.noNode']() }];
  const byId = new Map<string, DialogNodeData>();
  for (const n of d.nodes) {
    if (byId.has(n.id)) problems.push({ message: M['DIALOG_INVALID.duplicateId']({ id: n.id }), nodeId: n.id });
    byId.set(n.id, n);
  }
  if (!byId.has(d.start)) problems.push({ message: M['DIALOG_INVALID.noStart']({ id: d.start }) });
  for (const n of d.nodes) {
    if (n.kind === DialogNodeKind.QUESTION) {
      if (!n.buttons.length) problems.push({ message: M['DIALOG_INVALID.questionNoButton']({ id: n.id }), nodeId: n.id });
      if (n.actions.length) problems.push({ message: M['DIALOG_INVALID.questionActions']({ id: n.id }), nodeId: n.id });
      if (!n.texts.length) problems.push({ message: M['DIALOG_INVALID.questionNoText']({ id: n.id }), nodeId: n.id });
    } else {
      if (n.buttons.length) problems.push({ message: M['DIALOG_INVALID.answerButtons']({ id: n.id }), nodeId: n.id });
      if (!n.texts.length) problems.push({ message: M['DIALOG_INVALID.answerNoText']({ id: n.id }), nodeId: n.id });
    }
    for (const b of n.buttons) if (!byId.has(b.next)) problems.push({ message: M['DIALOG_INVALID.dangling']({ label: b.label, id: n.id, next: b.next }), nodeId: n.id });
    for (const a of n.actions) {
      if (a.kind === DialogActionKind.LINK && !isHttpUrl(a.url)) problems.push({ message: M['DIALOG_INVALID.linkUrl']({ label: a.label, id: n.id }), nodeId: n.id });
    }
  }
  if (!byId.has(d.start)) return problems;
  // reachability and cycles in one depth-first walk from the start
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    for (const b of byId.get(id)?.buttons ?? []) {
      if (!byId.has(b.next)) continue;
      const s = state.get(b.next);
      if (s === 'open') problems.push({ message: M['DIALOG_INVALID.cycle']({ label: b.label, id, next: b.next }), nodeId: id });
      else if (!s) visit(b.next);
    }
    state.set(id, 'done');
  };
  visit(d.start);
  for (const n of d.nodes) if (!state.has(n.id)) problems.push({ message: M['DIALOG_INVALID.unreachable']({ id: n.id }), nodeId: n.id });
  return problems;
}

function isHttpUrl(url: string | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The dialog of an item that just answers: one answer node. */
export function singleAnswer(texts: string[], actions: DialogNodeData['actions'] = [], listItems: string[] = [], listPosition: number | null = null): DialogData {
  return { start: 'answer', nodes: [{ id: 'answer', kind: DialogNodeKind.ANSWER, texts, listItems, listPosition, buttons: [], actions }] };
}
