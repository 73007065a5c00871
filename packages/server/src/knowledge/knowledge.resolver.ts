import type { QueryOrderMap } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionComplexity, ConnectionArgs, paginate } from '../core/connection';
import { groupByKey, requireViewer, type Context, type Viewer } from '../core/context';
import { findByIds } from '../core/base.entity';
import { CoreErrorCode, DomainError } from '../core/errors';
import { M } from './knowledge.messages';
import { decodeId } from '../core/ids';
import { runMutation } from '../core/mutation';
import { Role } from '../core/roles';
import { SafeText } from '../core/validation';
import { likeContains } from '../core/text';
import { Person } from '../directory/person.entity';
import { Bot, BotDomain } from './bot.entity';
import { AnswerBlock, blocksOf, Dialog, DialogNode, dialogNodeId, type DialogData, type DialogNodeData, type DialogNodeView } from './dialog';
import { KnowledgeItem, KnowledgePhrase, KnowledgePublication } from './knowledge-item.entity';
import { KnowledgeStatus, ReviewOrder } from './knowledge.enums';
import {
  AddClusterAsReformulationInput,
  AddReformulationInput,
  CreateItemFromClusterInput,
  CreateKnowledgeItemInput,
  IgnoreReviewClusterInput,
  KnowledgeItemActionInput,
  KnowledgeItemFilter,
  RemovePhraseInput,
  ReviewQueueFilter,
  UpdateBotInput,
  UpdateKnowledgeItemInput,
} from './knowledge.inputs';
import * as knowledge from './knowledge.service';
import {
  BotPayload,
  KnowledgeItemConnection,
  KnowledgeItemPayload,
  KnowledgePhrasePayload,
  MatchCandidateView,
  MatchResultView,
  ReviewClusterConnection,
  ReviewClusterPayload,
} from './knowledge.types';
import { matchMessage } from './matching.service';
import * as review from './review.service';
import { ReviewCluster, ReviewEntry } from './review.entity';

/** Every person (not machine clients): the bots are open to all Chorus account holders. */
const PEOPLE = Object.values(Role).filter((r) => r !== Role.APPLICATION);

@ArgsType()
class MatchMessageArgs {
  @Field(() => ID, { description: 'The bot whose knowledge to match against.' })
  botId!: string;

  @Field({ description: 'The message, as a user would paste it.' })
  @SafeText(4000, { min: 1 })
  text!: string;
}

function itemFields(input: CreateKnowledgeItemInput | UpdateKnowledgeItemInput) {
  return {
    kind: input.kind ?? undefined,
    title: input.title ?? undefined,
    message: input.message,
    dialog: input.dialog ? (input.dialog as unknown as DialogData) : undefined,
    position: input.position,
    ...(input.incident
      ? {
          investigationStatus: input.incident.status,
          causedMessages: input.incident.causedMessages,
          workaround: input.incident.workaround ?? null,
          ticketAdvised: input.incident.ticketAdvised,
        }
      : {}),
  };
}

async function domainForInput(ctx: Context, globalId: string): Promise<BotDomain> {
  const domain = await ctx.em.findOne(BotDomain, { id: decodeId(globalId, 'BotDomain', 'domainId') });
  if (!domain) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.botDomain'](), ['domainId']);
  return domain;
}

@Resolver()
export class KnowledgeResolver {
  @Authorized(...PEOPLE)
  @Query(() => [Bot], { description: 'The chatbots: IZIA (Chorus Cœur, Chorus Formulaires) and IANIS (Chorus DT).' })
  bots(@Ctx() ctx: Context): Promise<Bot[]> {
    return ctx.em.find(Bot, {}, { orderBy: { code: 'asc' } });
  }

  @Authorized(...PEOPLE)
  @Query(() => Bot, { nullable: true, description: 'A bot by its code (`IZIA`, `IANIS`).' })
  bot(@Arg('code', { description: 'The bot’s code, e.g. `IZIA` or `IANIS`; case does not matter. Unknown: null.' }) code: string, @Ctx() ctx: Context): Promise<Bot | null> {
    return ctx.em.findOne(Bot, { code: code.toUpperCase().slice(0, 20) });
  }

  @Authorized(...PEOPLE)
  @Query(() => KnowledgeItemConnection, { complexity: connectionComplexity, description: 'Knowledge items by domain and position. Published ones for everybody; drafts and archives for support, editors and analysts.' })
  knowledgeItems(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => KnowledgeItemFilter, { nullable: true, description: 'Narrows the list.' }) filter: KnowledgeItemFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where: Record<string, unknown>[] = [];
    if (!knowledge.maySeeUnpublished(requireViewer(ctx))) where.push({ status: KnowledgeStatus.PUBLISHED });
    else if (filter?.status) where.push({ status: filter.status });
    if (filter?.botId) where.push({ bot: decodeId(filter.botId, 'Bot', 'botId') });
    if (filter?.domainId) where.push({ domain: decodeId(filter.domainId, 'BotDomain', 'domainId') });
    if (filter?.kind) where.push({ kind: filter.kind });
    if (filter?.search?.trim()) where.push({ title: { $ilike: likeContains(filter.search.trim()) } });
    return paginate(ctx.em, KnowledgeItem, where.length ? { $and: where } : {}, { domain: 'asc', position: 'asc', id: 'asc' }, page, info);
  }

  @Authorized(Role.KNOWLEDGE_EDITOR, Role.SN1_AGENT, Role.SN2_AGENT, Role.ANALYST, Role.ADMINISTRATOR)
  @Query(() => MatchResultView, { description: 'What the bot would make of a message, with scores: for editors tuning knowledge and thresholds. Records nothing.' })
  async matchMessage(@Args() args: MatchMessageArgs, @Ctx() ctx: Context): Promise<MatchResultView> {
    const bot = await knowledge.findBot(ctx.em, { id: decodeId(args.botId, 'Bot', 'botId') });
    return matchMessage(ctx.em, bot.id, args.text, knowledge.thresholdsOf(bot));
  }

  @Authorized(Role.KNOWLEDGE_EDITOR, Role.SN1_AGENT, Role.SN2_AGENT, Role.ANALYST, Role.ADMINISTRATOR)
  @Query(() => ReviewClusterConnection, { complexity: connectionComplexity, description: 'The review queue: unanswered messages and thumbs down, grouped by similarity, biggest (or newest) first.' })
  reviewQueue(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => ReviewQueueFilter, { nullable: true, description: 'Narrows and orders the queue.' }) filter: ReviewQueueFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where: Record<string, unknown> = { status: filter?.status ?? 'OPEN' };
    if (filter?.botId) where.bot = decodeId(filter.botId, 'Bot', 'botId');
    if (filter?.reason) where.reason = filter.reason;
    const order: QueryOrderMap<ReviewCluster> = filter?.order === ReviewOrder.NEWEST_FIRST ? { lastSeenAt: 'desc', count: 'desc', id: 'asc' } : { count: 'desc', lastSeenAt: 'desc', id: 'asc' };
    return paginate(ctx.em, ReviewCluster, where, order, page, info);
  }

  @Authorized(Role.KNOWLEDGE_EDITOR, Role.ADMINISTRATOR)
  @Mutation(() => BotPayload, { description: 'Changes a bot’s texts and matching thresholds (knowledge editors).' })
  updateBot(@Arg('input', { validate: false, description: 'The bot and only the texts or thresholds to change; thresholds are scores from 0 to 1.' }) input: UpdateBotInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({
      bot: await knowledge.updateBotSettings(ctx.em, requireViewer(ctx), decodeId(input.botId, 'Bot', 'botId'), {
        welcomeText: input.welcomeText ?? undefined,
        fallbackText: input.fallbackText ?? undefined,
        confidentThreshold: input.confidentThreshold ?? undefined,
        ambiguousThreshold: input.ambiguousThreshold ?? undefined,
        marginThreshold: input.marginThreshold ?? undefined,
        confirmMatchedDomain: input.confirmMatchedDomain ?? undefined,
      }),
    }));
  }

  @Authorized(Role.KNOWLEDGE_EDITOR, Role.SN2_AGENT, Role.ADMINISTRATOR)
  @Mutation(() => KnowledgeItemPayload, { description: 'Writes a new item, as a draft (knowledge editors; SN2 agents for major incidents).' })
  createKnowledgeItem(@Arg('input', { validate: false, description: 'Domain, kind, title, error message (for ERROR_MESSAGE items) and dialog of the new draft.' }) input: CreateKnowledgeItemInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const domain = await domainForInput(ctx, input.domainId);
      const f = itemFields(input);
      return { item: await knowledge.createItem(ctx.em, requireViewer(ctx), domain.bot.id, { ...f, kind: input.kind, title: input.title, dialog: f.dialog!, domainId: domain.id }) };
    });
  }

  @Authorized(Role.KNOWLEDGE_EDITOR, Role.SN2_AGENT, Role.ADMINISTRATOR)
  @Mutation(() => KnowledgeItemPayload, { description: 'Changes an item; a published one must stay publishable (knowledge editors; SN2 agents for major incidents). A major incident’s new workaround or fix is told to every linked open ticket.' })
  updateKnowledgeItem(@Arg('input', { validate: false, description: 'The item and only the fields to change, with an optional note for its publication history.' }) input: UpdateKnowledgeItemInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const domainId = input.domainId ? (await domainForInput(ctx, input.domainId)).id : undefined;
      const f = itemFields(input);
      return { item: await knowledge.updateItem(ctx.em, requireViewer(ctx), decodeId(input.id, 'KnowledgeItem'), { ...f, domainId }, input.note) };
    });
  }

  @Authorized(Role.KNOWLEDGE_EDITOR, Role.SN2_AGENT, Role.ADMINISTRATOR)
  @Mutation(() => KnowledgeItemPayload, { description: 'Puts an item live; refused when its dialog has a dangling or unreachable node or a cycle (DIALOG_INVALID).' })
  publishKnowledgeItem(@Arg('input', { validate: false, description: 'The draft or archived item to put live, and an optional note for its history.' }) input: KnowledgeItemActionInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ item: await knowledge.publishItem(ctx.em, requireViewer(ctx), decodeId(input.id, 'KnowledgeItem'), input.note) }));
  }

  @Authorized(Role.KNOWLEDGE_EDITOR, Role.SN2_AGENT, Role.ADMINISTRATOR)
  @Mutation(() => KnowledgeItemPayload, { description: 'Withdraws a published item: it no longer answers.' })
  archiveKnowledgeItem(@Arg('input', { validate: false, description: 'The published item to withdraw, and an optional note (why) for its history.' }) input: KnowledgeItemActionInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ item: await knowledge.archiveItem(ctx.em, requireViewer(ctx), decodeId(input.id, 'KnowledgeItem'), input.note) }));
  }

  @Authorized(Role.KNOWLEDGE_EDITOR, Role.SN1_AGENT, Role.SN2_AGENT, Role.ADMINISTRATOR)
  @Mutation(() => KnowledgePhrasePayload, { description: 'Adds a wording to an item, so the same message matches it next time.' })
  addReformulation(@Arg('input', { validate: false, description: 'The item and the wording, as users write it (1 to 4000 characters).' }) input: AddReformulationInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const phrase = await knowledge.addReformulation(ctx.em, requireViewer(ctx), decodeId(input.itemId, 'KnowledgeItem', 'itemId'), input.text);
      return { phrase, item: await phrase.item.load() };
    });
  }

  @Authorized(Role.KNOWLEDGE_EDITOR, Role.ADMINISTRATOR)
  @Mutation(() => KnowledgePhrasePayload, { description: 'Removes a reformulation from an item.' })
  removeReformulation(@Arg('input', { validate: false, description: 'The reformulation to remove; the item keeps its title and message.' }) input: RemovePhraseInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ phrase: null, item: await knowledge.removePhrase(ctx.em, requireViewer(ctx), decodeId(input.phraseId, 'KnowledgePhrase', 'phraseId')) }));
  }

  @Authorized(Role.KNOWLEDGE_EDITOR, Role.SN1_AGENT, Role.SN2_AGENT, Role.ADMINISTRATOR)
  @Mutation(() => ReviewClusterPayload, { description: 'Review queue: adds the entry’s message as a reformulation of an item; the very next identical message matches it.' })
  addReviewAsReformulation(@Arg('input', { validate: false, description: 'The open review entry, the item it should lead to, and optionally the wording (default: the entry’s sample message).' }) input: AddClusterAsReformulationInput, @Ctx() ctx: Context) {
    return runMutation(input, async () =>
      review.addClusterAsReformulation(ctx.em, requireViewer(ctx), decodeId(input.clusterId, 'ReviewCluster', 'clusterId'), decodeId(input.itemId, 'KnowledgeItem', 'itemId'), input.text),
    );
  }

  @Authorized(Role.KNOWLEDGE_EDITOR, Role.SN1_AGENT, Role.SN2_AGENT, Role.ADMINISTRATOR)
  @Mutation(() => ReviewClusterPayload, { description: 'Review queue: writes a new draft item from the entry (an editor publishes it).' })
  createItemFromReview(@Arg('input', { validate: false, description: 'The open review entry and the new draft item to write from it.' }) input: CreateItemFromClusterInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const domain = await domainForInput(ctx, input.item.domainId);
      const f = itemFields(input.item);
      return review.createItemFromCluster(ctx.em, requireViewer(ctx), decodeId(input.clusterId, 'ReviewCluster', 'clusterId'), {
        ...f,
        kind: input.item.kind,
        title: input.item.title,
        dialog: f.dialog!,
        domainId: domain.id,
      });
    });
  }

  @Authorized(Role.KNOWLEDGE_EDITOR, Role.SN1_AGENT, Role.SN2_AGENT, Role.ADMINISTRATOR)
  @Mutation(() => ReviewClusterPayload, { description: 'Review queue: dismisses an entry, saying why.' })
  ignoreReview(@Arg('input', { validate: false, description: 'The open review entry and why it needs no knowledge (kept with the entry).' }) input: IgnoreReviewClusterInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ cluster: await review.ignoreCluster(ctx.em, requireViewer(ctx), decodeId(input.clusterId, 'ReviewCluster', 'clusterId'), input.reason), item: null }));
  }
}

/* ---------- field resolvers (batched) ---------- */

function byIds<T extends { id: string }>(ctx: Context, entity: new () => T, name: string) {
  return ctx.loader<string, T | null>(name, async (ids) => {
    const rows = await findByIds(ctx.em, entity, ids);
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
}

@Resolver(() => DialogNode)
export class DialogNodeFieldsResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id of this node of this item’s dialog (keys repeat from item to item; this does not). Do not parse it; `key` is the node’s name inside the dialog.' })
  id(@Root() n: DialogNodeView): string {
    return dialogNodeId(n.itemId, n.id);
  }

  @FieldResolver(() => String, { description: 'Key of the node, unique within its dialog only (e.g. "answer" in most items): what `Dialog.start`, `DialogButton.next` and dialog inputs name.' })
  key(@Root() n: DialogNodeView): string {
    return n.id;
  }

  @FieldResolver(() => [AnswerBlock], { description: 'Texts and list in the order the bot shows them (the list where `listPosition` puts it).' })
  blocks(@Root() n: DialogNodeData): AnswerBlock[] {
    return blocksOf(n.texts, n.listItems, n.listPosition);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Where the list sits: before texts[listPosition] (0 = before every text). Null: after every text. `blocks` gives the resulting order.' })
  listPosition(@Root() n: DialogNodeData): number | null {
    return n.listPosition ?? null;
  }
}

@Resolver(() => Bot)
export class BotFieldsResolver {
  @FieldResolver(() => [BotDomain], { description: 'Its menu, in order.' })
  domains(@Root() bot: Bot, @Ctx() ctx: Context) {
    return ctx
      .loader<string, BotDomain[]>('domainsByBot', async (ids) => {
        const rows = await ctx.em.find(BotDomain, { bot: { $in: [...ids] } }, { orderBy: { position: 'asc', id: 'asc' } });
        return groupByKey(ids, rows, (d) => d.bot.id);
      })
      .load(bot.id);
  }
}

@Resolver(() => BotDomain)
export class BotDomainFieldsResolver {
  @FieldResolver(() => Bot, { description: 'The bot whose menu shows this domain.' })
  bot(@Root() d: BotDomain) {
    return d.bot.load();
  }
}

@Resolver(() => KnowledgeItem)
export class KnowledgeItemFieldsResolver {
  @FieldResolver(() => Bot, { description: 'The bot that gives this answer (the bot of its domain).' })
  bot(@Root() i: KnowledgeItem) {
    return i.bot.load();
  }

  @FieldResolver(() => BotDomain, { description: 'Its domain (the functional domain for a major incident).' })
  domain(@Root() i: KnowledgeItem) {
    return i.domain.load();
  }

  @FieldResolver(() => Dialog, { description: 'What the bot says once this item matched: questions with buttons leading to answers, from its `start` node.' })
  dialog(@Root() i: KnowledgeItem): Dialog {
    // each node carries its item: its global id names both
    return { start: i.dialog.start, nodes: i.dialog.nodes.map((n): DialogNodeView => ({ ...n, itemId: i.id })) } as unknown as Dialog;
  }

  @FieldResolver(() => [KnowledgePhrase], { description: 'Every wording the matcher compares messages with (support, editors and analysts; empty for others).' })
  phrases(@Root() i: KnowledgeItem, @Ctx() ctx: Context) {
    if (!knowledge.maySeeUnpublished(requireViewer(ctx))) return [];
    return ctx
      .loader<string, KnowledgePhrase[]>('phrasesByItem', async (ids) => {
        const rows = await ctx.em.find(KnowledgePhrase, { item: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
        return groupByKey(ids, rows, (p) => p.item.id);
      })
      .load(i.id);
  }

  @FieldResolver(() => [KnowledgePublication], { description: 'Publication history, oldest first (support, editors and analysts; empty for others).' })
  history(@Root() i: KnowledgeItem, @Ctx() ctx: Context) {
    if (!knowledge.maySeeUnpublished(requireViewer(ctx))) return [];
    return ctx
      .loader<string, KnowledgePublication[]>('historyByItem', async (ids) => {
        const rows = await ctx.em.find(KnowledgePublication, { item: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
        return groupByKey(ids, rows, (p) => p.item.id);
      })
      .load(i.id);
  }
}

@Resolver(() => KnowledgePhrase)
export class KnowledgePhraseFieldsResolver {
  @FieldResolver(() => KnowledgeItem, { description: 'The knowledge item a message matching this wording leads to.' })
  item(@Root() p: KnowledgePhrase) {
    return p.item.load();
  }
}

@Resolver(() => KnowledgePublication)
export class KnowledgePublicationFieldsResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'Who did it; null for the initial import.' })
  by(@Root() p: KnowledgePublication) {
    return p.by ? p.by.load() : null;
  }
}

@Resolver(() => MatchCandidateView)
export class MatchCandidateFieldsResolver {
  @FieldResolver(() => KnowledgeItem, { nullable: true, description: 'The knowledge item this candidate would answer with; null only when it was deleted since the match.' })
  item(@Root() c: MatchCandidateView, @Ctx() ctx: Context) {
    return byIds(ctx, KnowledgeItem, 'itemById').load(c.itemId);
  }
}

@Resolver(() => ReviewCluster)
export class ReviewClusterFieldsResolver {
  @FieldResolver(() => Bot, { description: 'The bot concerned.' })
  bot(@Root() c: ReviewCluster) {
    return c.bot.load();
  }

  @FieldResolver(() => KnowledgeItem, { nullable: true, description: 'Negative feedback: the item judged.' })
  item(@Root() c: ReviewCluster) {
    return c.item ? c.item.load() : null;
  }

  @FieldResolver(() => KnowledgeItem, { nullable: true, description: 'The item it was added to, or the draft written from it.' })
  resolvedItem(@Root() c: ReviewCluster) {
    return c.resolvedItem ? c.resolvedItem.load() : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who acted on it.' })
  resolvedBy(@Root() c: ReviewCluster) {
    return c.resolvedBy ? c.resolvedBy.load() : null;
  }

  @FieldResolver(() => [ReviewEntry], { description: 'The latest occurrences (messages, comments, ministry codes), newest first.' })
  entries(@Root() c: ReviewCluster, @Arg('first', () => Int, { defaultValue: 10, description: 'How many (at most 50).' }) first: number, @Ctx() ctx: Context) {
    const n = Math.max(0, Math.min(50, first));
    return ctx
      .loader<string, ReviewEntry[]>(`entriesByCluster:${n}`, (ids) => review.latestEntriesOf(ctx.em, ids, n))
      .load(c.id);
  }
}

/** node(id:) visibility: menus for everybody; published items for everybody, the rest for the back office. */
export function knowledgeNodeFetcher<T extends { id: string }>(entity: new () => T, visible: (viewer: Viewer, row: T) => boolean) {
  return async (ctx: Context, ids: string[]) => {
    const viewer = requireViewer(ctx);
    if (viewer.kind !== 'PERSON') return [];
    const rows = await findByIds(ctx.em, entity, ids);
    return rows.filter((r) => visible(viewer, r));
  };
}
