import type { GraphQLResolveInfo } from 'graphql';
import { AnswerBlock, blocksOf } from '../knowledge/dialog';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { readsEverything } from '../access/policies';
import { connectionComplexity, ConnectionArgs, paginate } from '../core/connection';
import { groupByKey, requireViewer, type Context } from '../core/context';
import { CoreErrorCode, DomainError, toGraphQLError } from '../core/errors';
import { M } from './chatbot.messages';
import { decodeId, decodeOptionalId } from '../core/ids';
import { runMutation } from '../core/mutation';
import { Role } from '../core/roles';
import { Person } from '../directory/person.entity';
import { Structure } from '../directory/structure.entity';
import { Bot, BotDomain } from '../knowledge/bot.entity';
import { KnowledgeItem } from '../knowledge/knowledge-item.entity';
import { MatchCandidateView, VariablePartView } from '../knowledge/knowledge.types';
import { ReviewCluster } from '../knowledge/review.entity';
import { Ticket } from '../service-desk/ticket.entity';
import { visibleTicketLoader } from '../service-desk/ticket.loaders';
import { ConversationOutcome } from './chatbot.enums';
import { ChatbotMetricsFilter, ChooseInput, ConvertTicketRequestInput, DismissTicketRequestInput, GiveFeedbackInput, RequestTicketInput, SendMessageInput, StartConversationInput, TicketRequestFilter } from './chatbot.inputs';
import { ChatButton, ChatbotMetrics, ChatTurnPayload, ConversationConnection, ConvertTicketRequestPayload, FeedbackPayload, ItemFeedbackCount, TicketRequestConnection, TicketRequestPayload } from './chatbot.types';
import { AnswerFeedback, Conversation, ConversationTurn, TicketRequest } from './conversation.entity';
import * as conversations from './conversation.service';
import { giveFeedback } from './feedback.service';
import * as handoff from './handoff.service';
import { chatbotMetrics } from './metrics.service';

const PEOPLE = Object.values(Role).filter((r) => r !== Role.APPLICATION);
export const METRICS_READERS = [Role.ANALYST, Role.KNOWLEDGE_EDITOR, Role.SN1_AGENT, Role.SN2_AGENT, Role.ADMINISTRATOR];
export const CONVERSATION_TURN = 'CONVERSATION_TURN';

interface TurnEvent {
  conversationId: string;
  turnId: string;
}

function publishTurns(ctx: Context, result: conversations.TurnResult) {
  for (const t of [result.userTurn, result.turn]) {
    if (t) ctx.pubSub.publish(CONVERSATION_TURN, { conversationId: result.conversation.id, turnId: t.id } satisfies TurnEvent);
  }
}

async function payload(ctx: Context, result: conversations.TurnResult) {
  publishTurns(ctx, result);
  const ticketRequest = result.ticketRequestId ? await ctx.em.findOne(TicketRequest, { id: result.ticketRequestId }) : null;
  return { conversation: result.conversation, userTurn: result.userTurn, turn: result.turn, ticketRequest };
}

@Resolver()
export class ChatbotResolver {
  @Authorized(...PEOPLE)
  @Mutation(() => ChatTurnPayload, { description: 'Starts a conversation with a bot: returns its welcome text and the menu of domains.' })
  startConversation(@Arg('input', { validate: false, description: 'Which bot to talk to, by code (`IZIA` or `IANIS`).' }) input: StartConversationInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => payload(ctx, await conversations.startConversation(ctx.em, requireViewer(ctx), input.bot)));
  }

  @Authorized(...PEOPLE)
  @Mutation(() => ChatTurnPayload, { description: 'Sends a typed or pasted message: the bot matches it and answers, offers candidates, or says honestly it does not know.' })
  sendMessage(@Arg('input', { validate: false, description: 'The conversation and the message as the user typed or pasted it (up to 4000 characters).' }) input: SendMessageInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => payload(ctx, await conversations.sendMessage(ctx.em, requireViewer(ctx), decodeId(input.conversationId, 'Conversation', 'conversationId'), input.text)));
  }

  @Authorized(...PEOPLE)
  @Mutation(() => ChatTurnPayload, { description: 'Presses a button of the bot’s last turn.' })
  choose(@Arg('input', { validate: false, description: 'The conversation and the id of a button of its last bot turn; an older button is refused.' }) input: ChooseInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => payload(ctx, await conversations.choose(ctx.em, requireViewer(ctx), decodeId(input.conversationId, 'Conversation', 'conversationId'), input.buttonId)));
  }

  @Authorized(...PEOPLE)
  @Mutation(() => FeedbackPayload, { description: 'Thumbs up or down on an answer, once; a thumbs down needs a comment and lands in the review queue.' })
  giveFeedback(@Arg('input', { validate: false, description: 'The answering bot turn, the vote, and for a thumbs down the comment (required).' }) input: GiveFeedbackInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({
      feedback: await giveFeedback(ctx.em, requireViewer(ctx), { ...input, turnId: decodeId(input.turnId, 'ConversationTurn', 'turnId') }),
    }));
  }

  @Authorized(...PEOPLE)
  @Mutation(() => TicketRequestPayload, { description: 'Hands the conversation off to your CCA as a ticket request (the same as the "Demander une fiche à mon CCA" button, with a note).' })
  requestTicket(@Arg('input', { validate: false, description: 'The caller’s conversation and an optional note for their CCA.' }) input: RequestTicketInput, @Ctx() ctx: Context) {
    return runMutation(input, async () =>
      ctx.em.transactional(async (tx) => {
        conversations.assertHasChorusAccount(requireViewer(ctx));
        const c = await conversations.loadOwnConversation(tx, requireViewer(ctx), decodeId(input.conversationId, 'Conversation', 'conversationId'), true);
        const { request } = await handoff.createTicketRequest(tx, requireViewer(ctx), c, input.note ?? null);
        await tx.flush();
        return { ticketRequest: request };
      }),
    );
  }

  @Authorized(Role.CCA)
  @Mutation(() => TicketRequestPayload, { description: 'The CCA of the requester’s structure dismisses a ticket request, saying why.' })
  dismissTicketRequest(@Arg('input', { validate: false, description: 'The pending request and the reason the requester will read.' }) input: DismissTicketRequestInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ ticketRequest: await handoff.dismissTicketRequest(ctx.em, requireViewer(ctx), decodeId(input.id, 'TicketRequest'), input.reason) }));
  }

  @Authorized(Role.CCA)
  @Mutation(() => ConvertTicketRequestPayload, {
    description: 'The CCA of the requester’s structure turns a pending ticket request into a service-desk ticket (FSD) in one call, pre-filled with the pasted message, the numbers found, the domain and the path taken; the request becomes CONVERTED.',
  })
  convertTicketRequest(@Arg('input', { validate: false, description: 'The request and what to change in the pre-filled ticket.' }) input: ConvertTicketRequestInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const { request, ticket } = await handoff.convertTicketRequestToTicket(ctx.em, requireViewer(ctx), ctx.config.tickets, decodeId(input.id, 'TicketRequest'), input);
      return { ticketRequest: request, ticket };
    });
  }

  @Authorized(...PEOPLE)
  @Query(() => ConversationConnection, { complexity: connectionComplexity, description: 'Your conversations, newest first.' })
  myConversations(@Args() page: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx.em, Conversation, { person: requireViewer(ctx).id }, { createdAt: 'desc', id: 'desc' }, page, info);
  }

  @Authorized(...PEOPLE)
  @Query(() => TicketRequestConnection, { complexity: connectionComplexity, description: 'Ticket requests: a CCA sees those of their structures, a user their own; newest first.' })
  async ticketRequests(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => TicketRequestFilter, { nullable: true, description: 'Narrows the list.' }) f: TicketRequestFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const visible = handoff.ticketRequestVisibility(requireViewer(ctx));
    const where = f?.status ? { $and: [visible, { status: f.status }] } : visible;
    return paginate(ctx.em, TicketRequest, where, { createdAt: 'desc', id: 'desc' }, page, info);
  }

  @Authorized(...METRICS_READERS)
  @Query(() => ChatbotMetrics, { description: 'The bots’ figures over a period: outcomes, match rates, thumbs per item, handoffs, deflection, top unanswered, items never used.' })
  chatbotMetrics(@Arg('filter', () => ChatbotMetricsFilter, { description: 'Period and scope.' }) f: ChatbotMetricsFilter, @Ctx() ctx: Context) {
    if (!(f.from < f.to)) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, M['VALIDATION_FAILED.statisticsPeriodOrder'](), ['from']);
    return chatbotMetrics(ctx.em, {
      botId: decodeOptionalId(f.botId, 'Bot', 'botId'),
      domainId: decodeOptionalId(f.domainId, 'BotDomain', 'domainId'),
      from: f.from,
      to: f.to,
      deflectionDays: f.deflectionDays,
    });
  }

  @Authorized(...PEOPLE)
  @Subscription(() => ConversationTurn, {
    description: 'Every new turn of one of your conversations (user and bot), from any server instance: for a chat widget.',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const id = decodeId(args.conversationId as string, 'Conversation', 'conversationId');
      await conversations.loadOwnConversation(ctx.em, requireViewer(ctx), id).catch(() => {
        // the subscribe function runs outside the resolver middlewares: map the error here
        throw toGraphQLError(new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.conversation'](), ['conversationId']));
      });
      return ctx.pubSub.subscribeWhere<TurnEvent, TurnEvent>(CONVERSATION_TURN, (e) => e.conversationId === id, (e) => e);
    },
  })
  async conversationTurns(
    @Arg('conversationId', () => ID, { description: 'The conversation to follow.' }) _conversationId: string,
    @Root() event: TurnEvent,
    @Ctx() ctx: Context,
  ): Promise<ConversationTurn> {
    return ctx.em.fork().findOneOrFail(ConversationTurn, { id: event.turnId });
  }
}

/* ---------- field resolvers ---------- */

@Resolver(() => Conversation)
export class ConversationFieldsResolver {
  @FieldResolver(() => Bot, { description: 'The bot this conversation is with (IZIA for Chorus Cœur and Formulaires, IANIS for Chorus DT).' })
  bot(@Root() c: Conversation) {
    return c.bot.load();
  }

  @FieldResolver(() => ConversationOutcome, { description: 'Answered, unanswered, handed off, abandoned, or in progress.' })
  outcome(@Root() c: Conversation) {
    return conversations.outcomeOf(c);
  }

  @FieldResolver(() => BotDomain, { nullable: true, description: 'The domain it is about, once known.' })
  domain(@Root() c: Conversation) {
    return c.domain ? c.domain.load() : null;
  }

  @FieldResolver(() => KnowledgeItem, { nullable: true, description: 'The item being followed or last answered.' })
  item(@Root() c: Conversation) {
    return c.item ? c.item.load() : null;
  }

  @FieldResolver(() => [VariablePartView], { description: 'Numbers and codes found in the last message.' })
  variableParts(@Root() c: Conversation): VariablePartView[] {
    return c.variableParts;
  }

  @FieldResolver(() => [ConversationTurn], { description: 'Every turn, in order (at most the last 200).' })
  turns(@Root() c: Conversation, @Ctx() ctx: Context) {
    return ctx
      .loader<string, ConversationTurn[]>('turnsByConversation', async (ids) => {
        const rows = await ctx.em.find(ConversationTurn, { conversation: { $in: [...ids] } }, { orderBy: { seq: 'asc' } });
        return groupByKey(ids, rows, (t) => t.conversation.id).map((g) => g.slice(-200));
      })
      .load(c.id);
  }

  @FieldResolver(() => TicketRequest, { nullable: true, description: 'The ticket request it became, if any.' })
  ticketRequest(@Root() c: Conversation, @Ctx() ctx: Context) {
    return ctx
      .loader<string, TicketRequest | null>('ticketRequestByConversation', async (ids) => {
        const rows = await ctx.em.find(TicketRequest, { conversation: { $in: [...ids] } });
        return ids.map((id) => rows.find((r) => r.conversation.id === id) ?? null);
      })
      .load(c.id);
  }
}

@Resolver(() => ConversationTurn)
export class ConversationTurnFieldsResolver {
  @FieldResolver(() => [ChatButton], { description: 'Buttons of a bot turn.' })
  buttons(@Root() t: ConversationTurn): ChatButton[] {
    return t.buttons.map((b) => ({ id: conversations.buttonId(t, b.key), label: b.label, kind: b.kind, url: b.url }));
  }

  @FieldResolver(() => [AnswerBlock], { description: 'Bot turns: the texts and the list in the order to show them (text, list, text as the source shows "Ajout d’un tiers dans l’EJ"). User turns: their text.' })
  blocks(@Root() t: ConversationTurn): AnswerBlock[] {
    return blocksOf(t.texts, t.listItems, t.listPosition);
  }

  @FieldResolver(() => [MatchCandidateView], { description: 'User messages: the items the matcher ranked, best first, with scores.' })
  candidates(@Root() t: ConversationTurn): MatchCandidateView[] {
    return t.candidates.map((c) => ({ ...c, confidence: c.confidence ?? c.score, unmatchedWords: c.unmatchedWords ?? [] }));
  }

  @FieldResolver(() => KnowledgeItem, { nullable: true, description: 'Bot turns: the item the turn comes from.' })
  item(@Root() t: ConversationTurn) {
    return t.item ? t.item.load() : null;
  }

  @FieldResolver(() => Boolean, { description: 'True when you already gave a thumbs up or down on this answer.' })
  feedbackGiven(@Root() t: ConversationTurn, @Ctx() ctx: Context) {
    return ctx
      .loader<string, boolean>('feedbackByTurn', async (ids) => {
        const rows = await ctx.em.find(AnswerFeedback, { turn: { $in: [...ids] } });
        return ids.map((id) => rows.some((r) => r.turn.id === id));
      })
      .load(t.id);
  }
}

@Resolver(() => AnswerFeedback)
export class AnswerFeedbackFieldsResolver {
  @FieldResolver(() => KnowledgeItem, { nullable: true, description: 'The item judged.' })
  item(@Root() f: AnswerFeedback) {
    return f.item ? f.item.load() : null;
  }
}

@Resolver(() => TicketRequest)
export class TicketRequestFieldsResolver {
  @FieldResolver(() => Person, { description: 'Who asked.' })
  requester(@Root() r: TicketRequest) {
    return r.requester.load();
  }

  @FieldResolver(() => Structure, { description: 'Their structure: its CCAs take the request.' })
  structure(@Root() r: TicketRequest) {
    return r.structure.load();
  }

  @FieldResolver(() => Conversation, { nullable: true, description: 'The conversation it came from (its person, their CCA and support only).' })
  async conversation(@Root() r: TicketRequest) {
    return r.conversation.load();
  }

  @FieldResolver(() => [VariablePartView], { description: 'Numbers and codes found in the pasted message (document numbers, amounts, dates, codes).' })
  variableParts(@Root() r: TicketRequest): VariablePartView[] {
    return r.variableParts;
  }

  @FieldResolver(() => KnowledgeItem, { nullable: true, description: 'The knowledge item reached, if any.' })
  item(@Root() r: TicketRequest) {
    return r.item ? r.item.load() : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The CCA who dismissed or converted it.' })
  decidedBy(@Root() r: TicketRequest) {
    return r.decidedBy ? r.decidedBy.load() : null;
  }

  @FieldResolver(() => Ticket, { nullable: true, description: 'The FSD it became, once converted (null if you may not see that ticket).' })
  ticket(@Root() r: TicketRequest, @Ctx() ctx: Context) {
    if (!r.ticketId) return null;
    return visibleTicketLoader(ctx).load(r.ticketId);
  }
}

@Resolver(() => Ticket)
export class TicketChatbotFieldsResolver {
  @FieldResolver(() => Conversation, { nullable: true, description: 'The chatbot conversation it came from, when a CCA converted a ticket request into it.' })
  chatbotConversation(@Root() t: Ticket) {
    return t.chatbotConversation ? t.chatbotConversation.load() : null;
  }
}

@Resolver(() => ChatbotMetrics)
export class ChatbotMetricsFieldsResolver {
  @FieldResolver(() => [ReviewCluster], { description: 'The biggest open clusters of unanswered messages seen in the period (top 10).' })
  async topUnanswered(@Root() m: ChatbotMetrics, @Ctx() ctx: Context) {
    const rows = await ctx.em.find(ReviewCluster, { id: { $in: m.topUnansweredClusterIds } });
    return m.topUnansweredClusterIds.map((id) => rows.find((r) => r.id === id)).filter(Boolean);
  }

  @FieldResolver(() => [KnowledgeItem], { description: 'Published items no conversation reached in the period (at most 100).' })
  async itemsNeverUsed(@Root() m: ChatbotMetrics, @Ctx() ctx: Context) {
    const rows = await ctx.em.find(KnowledgeItem, { id: { $in: m.neverUsedItemIds } });
    return m.neverUsedItemIds.map((id) => rows.find((r) => r.id === id)).filter(Boolean);
  }
}

@Resolver(() => ItemFeedbackCount)
export class ItemFeedbackCountFieldsResolver {
  @FieldResolver(() => KnowledgeItem, { nullable: true, description: 'The knowledge item the votes were on; null when it was deleted since.' })
  item(@Root() c: ItemFeedbackCount, @Ctx() ctx: Context) {
    return ctx
      .loader<string, KnowledgeItem | null>('itemByIdForMetrics', async (ids) => {
        const rows = await ctx.em.find(KnowledgeItem, { id: { $in: [...ids] } });
        return ids.map((id) => rows.find((r) => r.id === id) ?? null);
      })
      .load(c.itemId);
  }
}

/** node(id:) for the chatbot's objects: conversations and feedback are private to their person (analysts read); ticket requests follow their visibility. */
export function chatbotNodeFetcher(kind: 'Conversation' | 'ConversationTurn' | 'AnswerFeedback' | 'TicketRequest') {
  return async (ctx: Context, ids: string[]) => {
    const viewer = requireViewer(ctx);
    if (viewer.kind !== 'PERSON') return [];
    const reader = readsEverything(viewer);
    let rows: { id: string }[];
    if (kind === 'Conversation') rows = await ctx.em.find(Conversation, { id: { $in: ids }, ...(reader ? {} : { person: viewer.id }) });
    else if (kind === 'ConversationTurn') rows = await ctx.em.find(ConversationTurn, { id: { $in: ids }, ...(reader ? {} : { conversation: { person: viewer.id } }) });
    else if (kind === 'AnswerFeedback') rows = await ctx.em.find(AnswerFeedback, { id: { $in: ids }, ...(reader ? {} : { person: viewer.id }) });
    else rows = await ctx.em.find(TicketRequest, { $and: [{ id: { $in: ids } }, handoff.ticketRequestVisibility(viewer)] });
    return rows;
  };
}

