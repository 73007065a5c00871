import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { M } from './chatbot.messages';
import { fromGlobalId, toGlobalId } from '../core/ids';
import { chatbotAnswered, type ChatbotOutcome } from '../core/metrics';
import { TroubleDomain } from '../directory/directory.enums';
import { whomToAsk } from '../directory/directory.service';
import { Person } from '../directory/person.entity';
import { Structure } from '../directory/structure.entity';
import { Bot, BotDomain } from '../knowledge/bot.entity';
import type { DialogNodeData } from '../knowledge/dialog';
import { KnowledgeItem } from '../knowledge/knowledge-item.entity';
import { DialogActionKind, DialogNodeKind, DomainRole, KnowledgeKind, KnowledgeStatus, MatchOutcome, ReviewReason } from '../knowledge/knowledge.enums';
import { findBot, thresholdsOf } from '../knowledge/knowledge.service';
import { MAX_OFFERED, matchMessage, type MatchResult } from '../knowledge/matching.service';
import { fileForReview } from '../knowledge/review.service';
import { BOT_TEXTS, CORRESPONDENT_LABEL } from './bot-texts';
import { ChatbotErrorCode } from './chatbot.errors';
import { ChatButtonKind, Speaker } from './chatbot.enums';
import { Conversation, ConversationTurn, type StoredButton, type StoredCandidate } from './conversation.entity';
import { createTicketRequest } from './handoff.service';
import { linkedTicketCount } from '../known-errors/known-error.service';

/** A conversation with no answer, fallback or handoff and no turn for this long is abandoned. */
export const ABANDON_AFTER_MS = 30 * 60 * 1000;
/** Most subjects listed as buttons after picking a domain. */
const MAX_LISTED = 15;

export interface TurnResult {
  conversation: Conversation;
  /** The user's turn (null when starting). */
  userTurn: ConversationTurn | null;
  /** The bot's next turn. */
  turn: ConversationTurn;
  /** The ticket request created, when the user chose to hand off. */
  ticketRequestId?: string;
}

/* ---------- rules ---------- */

/** The bots are open to every person holding a Chorus account, i.e. a person of a structure (not a machine client). */
export function assertHasChorusAccount(viewer: Viewer): asserts viewer is Viewer & { structureId: string } {
  if (viewer.kind !== 'PERSON' || !viewer.structureId) throw new DomainError(ChatbotErrorCode.NO_CHORUS_ACCOUNT, M.NO_CHORUS_ACCOUNT());
}

/** A conversation is private to its person: anybody else gets NOT_FOUND, as if it did not exist. */
export async function loadOwnConversation(em: EntityManager, viewer: Viewer, id: string, lock = false): Promise<Conversation> {
  const conversation = await em.findOne(Conversation, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!conversation || conversation.person.id !== viewer.id) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.conversation'](), ['conversationId']);
  return conversation;
}

export function outcomeOf(c: Conversation, now = Date.now()) {
  if (c.handedOff) return 'HANDED_OFF' as const;
  if (c.answered) return 'ANSWERED' as const;
  if (c.unanswered) return 'UNANSWERED' as const;
  return now - c.lastActivityAt.getTime() > ABANDON_AFTER_MS ? ('ABANDONED' as const) : ('IN_PROGRESS' as const);
}

/**
 * Button ids the API shows: global ids of `<conversation>:<turn seq>:<key>` (a client cache keys
 * on them, so they name the conversation too); a replayed or foreign id is told apart from a
 * current one. `choose` still takes the bare `<turn seq>:<key>` older clients kept.
 */
export function buttonId(turn: Pick<ConversationTurn, 'seq' | 'conversation'>, key: string): string {
  return toGlobalId('ChatButton', `${turn.conversation.id}:${turn.seq}:${key}`);
}

/** The `<turn seq>:<key>` a button id names inside `conversationId`, or null when it names a button of another conversation or nothing. */
function localButtonId(conversationId: string, id: string): string | null {
  if (/^\d{1,9}:\d{1,3}$/.test(id)) return id;
  try {
    const g = fromGlobalId(id);
    const sep = g.id.indexOf(':');
    return g.type === 'ChatButton' && g.id.slice(0, sep) === conversationId ? g.id.slice(sep + 1) : null;
  } catch {
    return null;
  }
}

/* ---------- turns ---------- */

interface BotSays {
  texts: string[];
  listItems?: string[];
  listPosition?: number | null;
  buttons?: Omit<StoredButton, 'key'>[];
  item?: KnowledgeItem | null;
  nodeId?: string | null;
  isAnswer?: boolean;
}

function addTurn(em: EntityManager, c: Conversation, fields: Partial<ConversationTurn> & { speaker: Speaker }): ConversationTurn {
  c.turnCount += 1;
  c.lastActivityAt = new Date();
  return em.create(ConversationTurn, { conversation: c, seq: c.turnCount, ...fields });
}

function botTurn(em: EntityManager, c: Conversation, says: BotSays): ConversationTurn {
  return addTurn(em, c, {
    speaker: Speaker.BOT,
    texts: says.texts,
    listItems: says.listItems ?? [],
    listPosition: says.listPosition ?? null,
    buttons: (says.buttons ?? []).map((b, i) => ({ ...b, key: String(i + 1) })),
    item: says.item ? em.getReference(KnowledgeItem, says.item.id, { wrapped: true }) : null,
    dialogNodeId: says.nodeId ?? null,
    isAnswer: says.isAnswer ?? false,
  });
}

const button = (kind: ChatButtonKind, label: string, ref: string | null = null, url: string | null = null) => ({ kind, label, ref, url });

async function domainsOf(em: EntityManager, bot: Bot, roles?: DomainRole[]): Promise<BotDomain[]> {
  return em.find(BotDomain, { bot, ...(roles ? { role: { $in: roles } } : {}) }, { orderBy: { position: 'asc', id: 'asc' } });
}

async function menu(em: EntityManager, c: Conversation, bot: Bot, text: string): Promise<ConversationTurn> {
  const domains = await domainsOf(em, bot);
  return botTurn(em, c, { texts: [text], buttons: domains.map((d) => button(ChatButtonKind.DOMAIN, d.label, d.id)) });
}

async function publishedItems(em: EntityManager, where: Record<string, unknown>): Promise<KnowledgeItem[]> {
  return em.find(KnowledgeItem, { status: KnowledgeStatus.PUBLISHED, ...where }, { orderBy: { position: 'asc', title: 'asc', id: 'asc' }, limit: MAX_LISTED });
}

/** Shows a node of an item's dialog; an answer node ends with its actions and the handoff button. */
async function playNode(em: EntityManager, c: Conversation, item: KnowledgeItem, node: DialogNodeData): Promise<ConversationTurn> {
  if (node.kind === DialogNodeKind.QUESTION) {
    return botTurn(em, c, { texts: node.texts, listItems: node.listItems, listPosition: node.listPosition, item, nodeId: node.id, buttons: node.buttons.map((b) => button(ChatButtonKind.NEXT, b.label, b.next)) });
  }
  const buttons = node.actions.map((a) => (a.kind === DialogActionKind.LINK ? button(ChatButtonKind.LINK, a.label, null, a.url) : button(ChatButtonKind.TICKET_REQUEST, a.label)));
  if (!buttons.some((b) => b.kind === ChatButtonKind.TICKET_REQUEST)) buttons.push(button(ChatButtonKind.TICKET_REQUEST, BOT_TEXTS.buttons.ticket));
  buttons.push(button(ChatButtonKind.RESTART, BOT_TEXTS.buttons.restart));
  c.answered = true;
  c.item = em.getReference(KnowledgeItem, item.id, { wrapped: true });
  if (!c.domain) c.domain = item.domain;
  // a known anomaly's answer says how many tickets it already gathers
  const texts = item.kind === KnowledgeKind.MAJOR_INCIDENT ? [...node.texts, BOT_TEXTS.linkedTickets(await linkedTicketCount(em, item.id))] : node.texts;
  return botTurn(em, c, { texts, listItems: node.listItems, listPosition: node.listPosition, item, nodeId: node.id, buttons, isAnswer: true });
}

async function startItem(em: EntityManager, c: Conversation, bot: Bot, itemId: string): Promise<ConversationTurn> {
  const item = await em.findOne(KnowledgeItem, { id: itemId, bot });
  if (!item || item.status !== KnowledgeStatus.PUBLISHED) return fallback(em, c, bot, [BOT_TEXTS.noLongerAvailable]);
  c.item = em.getReference(KnowledgeItem, item.id, { wrapped: true });
  const node = item.dialog.nodes.find((n) => n.id === item.dialog.start);
  if (!node) return fallback(em, c, bot, [BOT_TEXTS.noLongerAvailable]);
  return await playNode(em, c, item, node);
}

/** The honest "I don't know": says so, names whom to ask in the user's structure, offers the handoff; files the message for review. */
async function fallback(em: EntityManager, c: Conversation, bot: Bot, before: string[] = [], fileMessage = true): Promise<ConversationTurn> {
  const domain = c.domain ? await c.domain.load() : null;
  const whom = await whomToAsk(em, c.structure.id, domain?.troubleDomain ?? TroubleDomain.OTHER);
  const names = whom.correspondents.map((p) => `${p.fullName} (${p.email})`).join(', ');
  const texts = [...before, bot.fallbackText];
  texts.push(names ? `Vous pouvez contacter votre ${CORRESPONDENT_LABEL[whom.kind]} : ${names}.` : `Vous pouvez contacter votre ${CORRESPONDENT_LABEL.CCA}.`);
  c.unanswered = true;
  if (fileMessage && c.pastedMessage) {
    await fileForReview(em, { botId: bot.id, reason: ReviewReason.UNANSWERED, text: c.pastedMessage, conversationId: c.id });
  }
  return botTurn(em, c, { texts, buttons: [button(ChatButtonKind.TICKET_REQUEST, BOT_TEXTS.buttons.ticket), button(ChatButtonKind.RESTART, BOT_TEXTS.buttons.restart)] });
}

/**
 * Lists the known messages the matched item stands for and asks to confirm (Oui / Non), as
 * IZIA does after a paste: for an error message, the domain's known error messages; for a
 * known anomaly, the messages it causes. Either way the list holds the message matched, so
 * « Oui » confirms what was shown.
 */
async function confirmInDomain(em: EntityManager, c: Conversation, domain: BotDomain, item: KnowledgeItem): Promise<ConversationTurn> {
  c.item = em.getReference(KnowledgeItem, item.id, { wrapped: true });
  const caused = item.kind === KnowledgeKind.MAJOR_INCIDENT && item.causedMessages.length > 0;
  const listed = caused ? item.causedMessages : (await publishedItems(em, { domain, kind: KnowledgeKind.ERROR_MESSAGE })).map((i) => i.title);
  return botTurn(em, c, {
    texts: [caused ? BOT_TEXTS.incidentMessages(item.title) : BOT_TEXTS.knownMessages(domain.label)],
    listItems: listed,
    item,
    buttons: [button(ChatButtonKind.CONFIRM_YES, BOT_TEXTS.buttons.yes, item.id), button(ChatButtonKind.CONFIRM_NO, BOT_TEXTS.buttons.no)],
  });
}

function candidatesOf(result: MatchResult): StoredCandidate[] {
  return result.candidates.map((c) => ({ itemId: c.itemId, title: c.title, score: c.score, exact: c.exact, phrase: c.phrase, confidence: c.confidence, unmatchedWords: c.unmatchedWords }));
}

/* ---------- the three operations ---------- */

export async function startConversation(em: EntityManager, viewer: Viewer, botCode: string): Promise<TurnResult> {
  assertHasChorusAccount(viewer);
  return em.transactional(async (tx) => {
    const bot = await findBot(tx, { code: botCode }).catch(() => {
      throw new DomainError(ChatbotErrorCode.BOT_NOT_AVAILABLE, M['BOT_NOT_AVAILABLE.named']({ code: botCode.slice(0, 40) }), ['bot']);
    });
    const conversation = tx.create(Conversation, {
      bot,
      person: tx.getReference(Person, viewer.id, { wrapped: true }),
      structure: tx.getReference(Structure, viewer.structureId, { wrapped: true }),
    });
    const turn = await menu(tx, conversation, bot, bot.welcomeText);
    await tx.flush();
    return { conversation, userTurn: null, turn };
  });
}

/** The user types or pastes a message: it is matched, and the bot answers, offers candidates, or falls back. */
export async function sendMessage(em: EntityManager, viewer: Viewer, conversationId: string, text: string): Promise<TurnResult> {
  assertHasChorusAccount(viewer);
  const done = await em.transactional(async (tx) => {
    const c = await loadOwnConversation(tx, viewer, conversationId, true);
    const bot = await c.bot.loadOrFail();
    const result = await matchMessage(tx, bot.id, text, thresholdsOf(bot));
    c.pastedMessage = text;
    c.variableParts = result.variableParts;
    c.path = [];
    c.domain = null;
    c.item = null;
    const userTurn = addTurn(tx, c, { speaker: Speaker.USER, texts: [text], userText: text, matchOutcome: result.outcome, candidates: candidatesOf(result) });
    let turn: ConversationTurn;
    if (!result.meaningful) {
      turn = await menu(tx, c, bot, BOT_TEXTS.notUnderstood);
    } else if (result.outcome === MatchOutcome.CONFIDENT) {
      const top = result.candidates[0];
      if (bot.confirmMatchedDomain) {
        c.item = tx.getReference(KnowledgeItem, top.itemId, { wrapped: true });
        const domains = await domainsOf(tx, bot, [DomainRole.STANDARD]);
        turn = botTurn(tx, c, { texts: [BOT_TEXTS.whichDomain], buttons: domains.map((d) => button(ChatButtonKind.MATCH_DOMAIN, d.label, d.id)) });
      } else {
        turn = await startItem(tx, c, bot, top.itemId);
      }
    } else if (result.outcome === MatchOutcome.AMBIGUOUS) {
      const offered = result.candidates.filter((x) => x.score >= bot.ambiguousThreshold || x.exact).slice(0, MAX_OFFERED);
      // one candidate is a question about that one, not a choice among several
      const single = offered.length === 1;
      turn = botTurn(tx, c, {
        texts: [single ? BOT_TEXTS.didYouMean(offered[0].title) : BOT_TEXTS.ambiguous],
        buttons: [
          ...offered.map((x) => button(ChatButtonKind.ITEM, single ? BOT_TEXTS.buttons.yes : x.title, x.itemId)),
          button(ChatButtonKind.NONE_OF_THESE, single ? BOT_TEXTS.buttons.no : BOT_TEXTS.buttons.noneOfThese),
        ],
      });
    } else {
      turn = await fallback(tx, c, bot);
    }
    await tx.flush();
    return { conversation: c, userTurn, turn, outcome: messageOutcome(result) };
  });
  const { outcome, ...turn } = done;
  chatbotAnswered(outcome); // committed: counted once
  return turn;
}

function messageOutcome(result: MatchResult): ChatbotOutcome {
  if (!result.meaningful) return 'not_understood';
  return result.outcome === MatchOutcome.CONFIDENT ? 'confident' : result.outcome === MatchOutcome.AMBIGUOUS ? 'ambiguous' : 'unanswered';
}

/**
 * The user presses a button of the bot's last turn. A button of an earlier turn (a
 * replay, a double click) is BUTTON_EXPIRED; an id the last turn never offered is
 * BUTTON_NOT_OFFERED. The row lock makes two presses at once act one after the other.
 */
export async function choose(em: EntityManager, viewer: Viewer, conversationId: string, id: string): Promise<TurnResult> {
  assertHasChorusAccount(viewer);
  return em.transactional(async (tx) => {
    const c = await loadOwnConversation(tx, viewer, conversationId, true);
    const bot = await c.bot.loadOrFail();
    const last = await tx.findOneOrFail(ConversationTurn, { conversation: c, seq: c.turnCount });
    const m = /^(\d{1,9}):([0-9]{1,3})$/.exec(localButtonId(c.id, id) ?? '');
    if (!m) throw new DomainError(ChatbotErrorCode.BUTTON_NOT_OFFERED, M['BUTTON_NOT_OFFERED.otherConversation'](), ['buttonId']);
    const seq = Number(m[1]);
    if (seq < last.seq) {
      const old = await tx.findOne(ConversationTurn, { conversation: c, seq });
      if (old?.speaker === Speaker.BOT && old.buttons.some((b) => b.key === m[2])) {
        throw new DomainError(ChatbotErrorCode.BUTTON_EXPIRED, M.BUTTON_EXPIRED(), ['buttonId']);
      }
    }
    const pressed = seq === last.seq && last.speaker === Speaker.BOT ? last.buttons.find((b) => b.key === m[2]) : undefined;
    if (!pressed) throw new DomainError(ChatbotErrorCode.BUTTON_NOT_OFFERED, M.BUTTON_NOT_OFFERED(), ['buttonId']);
    if (pressed.kind === ChatButtonKind.LINK) throw new DomainError(ChatbotErrorCode.BUTTON_IS_A_LINK, M['BUTTON_IS_A_LINK.url']({ url: pressed.url }), ['buttonId']);

    const userTurn = addTurn(tx, c, { speaker: Speaker.USER, texts: [pressed.label] });
    c.path = [...c.path, pressed.label].slice(-50);
    let turn: ConversationTurn;
    let ticketRequestId: string | undefined;
    switch (pressed.kind) {
      case ChatButtonKind.DOMAIN: {
        const domain = await tx.findOneOrFail(BotDomain, { id: pressed.ref!, bot });
        c.domain = tx.getReference(BotDomain, domain.id, { wrapped: true });
        turn = await domainMenu(tx, c, bot, domain);
        break;
      }
      case ChatButtonKind.MATCH_DOMAIN: {
        const domain = await tx.findOneOrFail(BotDomain, { id: pressed.ref!, bot });
        c.domain = tx.getReference(BotDomain, domain.id, { wrapped: true });
        turn = await matchedDomain(tx, c, bot, domain);
        break;
      }
      case ChatButtonKind.INCIDENT_DOMAIN: {
        const domain = await tx.findOneOrFail(BotDomain, { id: pressed.ref!, bot });
        c.domain = tx.getReference(BotDomain, domain.id, { wrapped: true });
        const incidents = await publishedItems(tx, { domain, kind: KnowledgeKind.MAJOR_INCIDENT });
        turn = botTurn(tx, c, {
          texts: [BOT_TEXTS.incidentsList],
          buttons: [...incidents.map((i) => button(ChatButtonKind.ITEM, i.title, i.id)), button(ChatButtonKind.RESTART, BOT_TEXTS.buttons.restart)],
        });
        break;
      }
      case ChatButtonKind.ITEM:
      case ChatButtonKind.CONFIRM_YES:
        turn = await startItem(tx, c, bot, pressed.ref ?? c.item?.id ?? '');
        break;
      case ChatButtonKind.CONFIRM_NO:
      case ChatButtonKind.NONE_OF_THESE:
        c.item = null;
        turn = await fallback(tx, c, bot);
        break;
      case ChatButtonKind.NEXT: {
        const item = last.item ? await tx.findOne(KnowledgeItem, { id: last.item.id }) : null;
        const node = item?.status === KnowledgeStatus.PUBLISHED ? item.dialog.nodes.find((n) => n.id === pressed.ref) : undefined;
        turn = item && node ? await playNode(tx, c, item, node) : await fallback(tx, c, bot, [BOT_TEXTS.noLongerAvailable], false);
        break;
      }
      case ChatButtonKind.TICKET_REQUEST: {
        const handoff = await createTicketRequest(tx, viewer, c, null);
        ticketRequestId = handoff.request.id;
        turn = botTurn(tx, c, { texts: [handoff.message], buttons: [button(ChatButtonKind.RESTART, BOT_TEXTS.buttons.restart)] });
        break;
      }
      case ChatButtonKind.RESTART:
      default:
        c.domain = null;
        c.item = null;
        turn = await menu(tx, c, bot, BOT_TEXTS.menuAgain);
    }
    await tx.flush();
    return { conversation: c, userTurn, turn, ticketRequestId };
  });
}

async function domainMenu(em: EntityManager, c: Conversation, bot: Bot, domain: BotDomain): Promise<ConversationTurn> {
  if (domain.role === DomainRole.MAJOR_INCIDENTS) {
    const rows: { domain_id: string }[] = await em.execute(
      `select distinct domain_id from knowledge_item where bot_id = ? and kind = 'MAJOR_INCIDENT' and status = 'PUBLISHED'`,
      [bot.id],
    );
    const domains = (await domainsOf(em, bot, [DomainRole.STANDARD])).filter((d) => rows.some((r) => r.domain_id === d.id));
    if (!domains.length) return menu(em, c, bot, BOT_TEXTS.emptyDomain(domain.label));
    return botTurn(em, c, {
      texts: [BOT_TEXTS.whichIncidentDomain],
      buttons: [...domains.map((d) => button(ChatButtonKind.INCIDENT_DOMAIN, d.label, d.id)), button(ChatButtonKind.RESTART, BOT_TEXTS.buttons.restart)],
    });
  }
  const items = await publishedItems(em, domain.role === DomainRole.UPGRADE_SAP ? { domain } : { domain, kind: { $ne: KnowledgeKind.MAJOR_INCIDENT } });
  if (!items.length) return menu(em, c, bot, BOT_TEXTS.emptyDomain(domain.label));
  return botTurn(em, c, {
    texts: [domain.role === DomainRole.UPGRADE_SAP ? BOT_TEXTS.upgradeSubjects : BOT_TEXTS.domainSubjects(domain.label)],
    buttons: [...items.map((i) => button(ChatButtonKind.ITEM, i.title, i.id)), button(ChatButtonKind.RESTART, BOT_TEXTS.buttons.restart)],
  });
}

/**
 * After a confident match the user says which domain the message is about. The matched
 * item when it sits in that domain, else the best candidate of the paste in that domain;
 * none there → the fallback.
 */
async function matchedDomain(em: EntityManager, c: Conversation, bot: Bot, domain: BotDomain): Promise<ConversationTurn> {
  const matched = c.item ? await em.findOne(KnowledgeItem, { id: c.item.id }) : null;
  if (matched && matched.domain.id === domain.id) return confirmInDomain(em, c, domain, matched);
  const lastMessage = await em.findOne(ConversationTurn, { conversation: c, speaker: Speaker.USER, matchOutcome: { $ne: null } }, { orderBy: { seq: 'desc' } });
  for (const cand of lastMessage?.candidates ?? []) {
    if (cand.score < bot.ambiguousThreshold) break;
    const item = await em.findOne(KnowledgeItem, { id: cand.itemId, domain, status: KnowledgeStatus.PUBLISHED });
    if (item) return confirmInDomain(em, c, domain, item);
  }
  c.item = null;
  return fallback(em, c, bot, [BOT_TEXTS.notInDomain(domain.label)]);
}
