import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError, type ErrorBounds } from '../core/errors';
import type { Text } from '../core/i18n';
import { JoinedText, M } from './knowledge.messages';
import { Role } from '../core/roles';
import { Person } from '../directory/person.entity';
import { Bot, BotDomain } from './bot.entity';
import { DIALOG_LIMITS, dialogProblems, type DialogData, type DialogNodeData } from './dialog';
import { KnowledgeItem, KnowledgePhrase, KnowledgePublication } from './knowledge-item.entity';
import { KnowledgeErrorCode } from './knowledge.errors';
import { DialogNodeKind, DomainRole, InvestigationStatus, KnowledgeKind, KnowledgeStatus, PhraseKind, PublicationAction } from './knowledge.enums';
import { loadAbbreviations } from './abbreviation.service';
import { meaningfulWords, NO_ABBREVIATIONS, toTemplate, type Abbreviations } from './normalise';
import { AuditAction } from '../audit/audit.enums';
import { recordAudit, snapshot } from '../audit/audit.service';
import { notifyIncidentProgress } from './knowledge.hooks';

/* ---------- who may do what ---------- */

/** Knowledge editors (AIFE) write and publish; administrators may stand in. */
export const EDITORS = [Role.KNOWLEDGE_EDITOR, Role.ADMINISTRATOR];
/** Support levels work the review queue with the editors. */
export const REVIEWERS = [Role.KNOWLEDGE_EDITOR, Role.SN1_AGENT, Role.SN2_AGENT, Role.ADMINISTRATOR];
/** Who may see drafts, archives and history. */
export const KNOWLEDGE_BACK_OFFICE = [...REVIEWERS, Role.ANALYST];

/**
 * Knowledge editors write and publish every item; SN2 agents, who investigate the known
 * anomalies, also record and publish major incidents (and only those).
 */
export function assertMayEditKnowledge(viewer: Viewer, ...kinds: KnowledgeKind[]): void {
  if (EDITORS.some((r) => viewer.roles.has(r))) return;
  if (viewer.roles.has(Role.SN2_AGENT) && kinds.length && kinds.every((k) => k === KnowledgeKind.MAJOR_INCIDENT)) return;
  throw new DomainError(CoreErrorCode.FORBIDDEN, viewer.roles.has(Role.SN2_AGENT) ? M['FORBIDDEN.sn2MajorIncidentsOnly']() : M['FORBIDDEN.knowledgeEditors']());
}

export function assertMayReview(viewer: Viewer): void {
  if (!REVIEWERS.some((r) => viewer.roles.has(r))) throw new DomainError(CoreErrorCode.FORBIDDEN, M['FORBIDDEN.reviewQueue']());
}

export function maySeeUnpublished(viewer: Viewer): boolean {
  return KNOWLEDGE_BACK_OFFICE.some((r) => viewer.roles.has(r));
}

/* ---------- bots ---------- */

export async function findBot(em: EntityManager, idOrCode: { id?: string; code?: string }): Promise<Bot> {
  const bot = idOrCode.id ? await em.findOne(Bot, { id: idOrCode.id }) : await em.findOne(Bot, { code: (idOrCode.code ?? '').toUpperCase() });
  if (!bot) throw new DomainError(KnowledgeErrorCode.UNKNOWN_BOT, M.UNKNOWN_BOT(), ['botId']);
  return bot;
}

export function thresholdsOf(bot: Bot) {
  return { confident: bot.confidentThreshold, ambiguous: bot.ambiguousThreshold, margin: bot.marginThreshold };
}

/** What the audit keeps of a bot and of an item (the dialog whole: it is the answer). */
const BOT_AUDITED = ['welcomeText', 'fallbackText', 'confidentThreshold', 'ambiguousThreshold', 'marginThreshold', 'confirmMatchedDomain'] as const;
const ITEM_AUDITED = ['bot', 'domain', 'kind', 'title', 'message', 'dialog', 'position', 'investigationStatus', 'causedMessages', 'workaround', 'ticketAdvised', 'status'] as const;

export async function updateBotSettings(
  em: EntityManager,
  viewer: Viewer,
  botId: string,
  input: { welcomeText?: string; fallbackText?: string; confidentThreshold?: number; ambiguousThreshold?: number; marginThreshold?: number; confirmMatchedDomain?: boolean },
): Promise<Bot> {
  assertMayEditKnowledge(viewer);
  const bot = await findBot(em, { id: botId });
  const before = snapshot(bot, BOT_AUDITED);
  const confident = input.confidentThreshold ?? bot.confidentThreshold;
  const ambiguous = input.ambiguousThreshold ?? bot.ambiguousThreshold;
  const margin = input.marginThreshold ?? bot.marginThreshold;
  if (!(ambiguous > 0 && ambiguous <= confident && confident <= 1 && margin >= 0 && margin < 1)) {
    throw new DomainError(KnowledgeErrorCode.THRESHOLDS_INVALID, M.THRESHOLDS_INVALID(), ['confidentThreshold']);
  }
  Object.assign(bot, { confidentThreshold: confident, ambiguousThreshold: ambiguous, marginThreshold: margin });
  if (input.welcomeText != null) bot.welcomeText = input.welcomeText.trim();
  if (input.fallbackText != null) bot.fallbackText = input.fallbackText.trim();
  if (input.confirmMatchedDomain != null) bot.confirmMatchedDomain = input.confirmMatchedDomain;
  recordAudit(em, viewer, { action: AuditAction.BOT_UPDATED, target: bot, before, after: snapshot(bot, BOT_AUDITED) });
  await em.flush();
  return bot;
}

/* ---------- items ---------- */

export interface ItemFields {
  domainId: string;
  kind: KnowledgeKind;
  title: string;
  message?: string | null;
  dialog: DialogData;
  position?: number | null;
  investigationStatus?: InvestigationStatus | null;
  causedMessages?: string[] | null;
  workaround?: string | null;
  ticketAdvised?: boolean | null;
}

/** Trims texts and drops empty ones so editors' stray whitespace never reaches users. */
export function cleanDialog(d: DialogData): DialogData {
  const clean = (s: string) => s.trim();
  return {
    start: d.start.trim(),
    nodes: d.nodes.map(
      (n): DialogNodeData => ({
        id: n.id.trim(),
        kind: n.kind,
        texts: n.texts.map(clean).filter(Boolean),
        listItems: (n.listItems ?? []).map(clean).filter(Boolean),
        listPosition: n.listPosition == null ? null : Math.min(n.listPosition, n.texts.map(clean).filter(Boolean).length),
        buttons: (n.buttons ?? []).map((b) => ({ label: clean(b.label), next: b.next.trim() })),
        actions: (n.actions ?? []).map((a) => ({ kind: a.kind, label: clean(a.label), url: a.url?.trim() || null })),
      }),
    ),
  };
}

/** Size limits hold for drafts too; the graph checks (dangling, unreachable, cycle) run on publication. */
function assertDialogWithinLimits(d: DialogData): void {
  const bad = (text: Text, bounds: ErrorBounds | null = null) => new DomainError(KnowledgeErrorCode.DIALOG_INVALID, text, ['dialog'], bounds);
  if (d.nodes.length > DIALOG_LIMITS.nodes) throw bad(M['DIALOG_INVALID.tooManyNodes']({ max: DIALOG_LIMITS.nodes }), { max: DIALOG_LIMITS.nodes });
  for (const n of d.nodes) {
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(n.id)) throw bad(M['DIALOG_INVALID.nodeId']({ id: n.id.slice(0, 50) }));
    if (n.texts.length > DIALOG_LIMITS.texts || n.listItems.length > 20) throw bad(M['DIALOG_INVALID.tooManyTexts']({ id: n.id }));
    if (n.buttons.length > DIALOG_LIMITS.buttons || n.actions.length > DIALOG_LIMITS.actions) throw bad(M['DIALOG_INVALID.tooManyButtons']({ id: n.id }));
  }
}

/** Refuses a dialog the bot could not play: dangling or unreachable nodes, cycles, empty nodes. */
export function assertDialogPublishable(d: DialogData): void {
  const problems = dialogProblems(d);
  if (problems.length) throw new DomainError(KnowledgeErrorCode.DIALOG_INVALID, new JoinedText('DIALOG_INVALID', problems.map((p) => p.message)), ['dialog']);
}

async function domainOf(em: EntityManager, bot: Bot | null, domainId: string): Promise<BotDomain> {
  const domain = await em.findOne(BotDomain, { id: domainId });
  if (!domain || (bot && domain.bot.id !== bot.id)) throw new DomainError(KnowledgeErrorCode.UNKNOWN_DOMAIN, M['UNKNOWN_DOMAIN.knowledge'](), ['domainId']);
  return domain;
}

function applyFields(item: KnowledgeItem, f: Omit<ItemFields, 'domainId'>): void {
  if (f.kind === KnowledgeKind.ERROR_MESSAGE && !f.message?.trim()) {
    throw new DomainError(KnowledgeErrorCode.MESSAGE_REQUIRED, M.MESSAGE_REQUIRED(), ['message']);
  }
  const dialog = cleanDialog(f.dialog);
  assertDialogWithinLimits(dialog);
  item.kind = f.kind;
  item.title = f.title.trim();
  item.message = f.message?.trim() || null;
  item.dialog = dialog;
  if (f.position != null) item.position = f.position;
  const incident = f.kind === KnowledgeKind.MAJOR_INCIDENT;
  item.investigationStatus = incident ? (f.investigationStatus ?? InvestigationStatus.UNDER_INVESTIGATION) : null;
  item.causedMessages = incident ? (f.causedMessages ?? []).map((m) => m.trim()).filter(Boolean) : [];
  item.workaround = incident ? f.workaround?.trim() || null : null;
  item.ticketAdvised = incident ? !!f.ticketAdvised : false;
}

/** The error messages an item lists besides its own: those a major incident causes and those shown in its answers' lists. */
export function listedMessages(item: Pick<KnowledgeItem, 'causedMessages' | 'dialog'>): string[] {
  const answers = item.dialog.nodes.filter((n) => n.kind === DialogNodeKind.ANSWER);
  return [...item.causedMessages, ...answers.flatMap((n) => n.listItems)];
}

/**
 * The phrases an item carries by itself: its known message, the messages it lists (matched
 * like reformulations), and its title, deduplicated on the template in that order.
 */
export function ownPhrases(item: Pick<KnowledgeItem, 'message' | 'title' | 'causedMessages' | 'dialog'>, abbr: Abbreviations = NO_ABBREVIATIONS): { kind: PhraseKind; text: string; template: string }[] {
  const out = new Map<string, { kind: PhraseKind; text: string; template: string }>();
  const add = (kind: PhraseKind, text: string) => {
    const template = toTemplate(text, abbr).slice(0, 500);
    if (!out.has(template) && meaningfulWords(template).length > 0) out.set(template, { kind, text, template });
  };
  if (item.message) add(PhraseKind.KNOWN_MESSAGE, item.message);
  for (const m of listedMessages(item)) add(PhraseKind.LISTED_MESSAGE, m);
  add(PhraseKind.TITLE, item.title);
  return [...out.values()];
}

/**
 * Rebuilds an item's own phrases (known message, listed messages, title) and sets every
 * phrase's `active` flag from the item's status. Reformulations are kept.
 */
export async function syncPhrases(em: EntityManager, item: KnowledgeItem): Promise<void> {
  const existing = await em.find(KnowledgePhrase, { item });
  const wanted = new Map(ownPhrases(item, await loadAbbreviations(em)).map((p) => [p.template, p]));
  const active = item.status === KnowledgeStatus.PUBLISHED;
  for (const p of existing) {
    if (p.kind !== PhraseKind.REFORMULATION && wanted.get(p.template)?.kind !== p.kind) {
      em.remove(p);
      continue;
    }
    wanted.delete(p.template); // kept as it is (a reformulation may equal the new title)
    p.active = active;
  }
  for (const w of wanted.values()) em.create(KnowledgePhrase, { item, bot: item.bot, kind: w.kind, text: w.text, template: w.template, active });
}

function record(em: EntityManager, item: KnowledgeItem, action: PublicationAction, viewer: Viewer | null, note?: string | null) {
  em.create(KnowledgePublication, { item, action, version: item.version, by: viewer?.kind === 'PERSON' ? em.getReference(Person, viewer.id, { wrapped: true }) : null, note: note?.trim() || null });
}

/**
 * The reason the item rules refuse these fields in this domain (null when they pass): the
 * same checks as createItem/updateItem, on a detached item, for imports that report
 * every line before writing any.
 */
export function itemFieldsProblem(domain: BotDomain, f: Omit<ItemFields, 'domainId'>, opts: { publish?: boolean } = {}): Text | null {
  try {
    const probe = new KnowledgeItem();
    applyFields(probe, f);
    assertKindFitsDomain(probe, domain);
    if (opts.publish) assertDialogPublishable(probe.dialog);
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.text;
    throw e;
  }
}

export async function createItem(em: EntityManager, viewer: Viewer, botId: string, f: ItemFields, opts: { skipAuth?: boolean } = {}): Promise<KnowledgeItem> {
  if (!opts.skipAuth) assertMayEditKnowledge(viewer, f.kind);
  const bot = await findBot(em, { id: botId });
  const domain = await domainOf(em, bot, f.domainId);
  const item = em.create(KnowledgeItem, { bot, domain, kind: f.kind, title: '', dialog: { start: '', nodes: [] } });
  applyFields(item, f);
  assertKindFitsDomain(item, domain);
  recordAudit(em, viewer, { action: AuditAction.KNOWLEDGE_ITEM_CREATED, target: item, after: snapshot(item, ITEM_AUDITED) });
  await syncPhrases(em, item);
  await em.flush();
  return item;
}

function assertKindFitsDomain(item: KnowledgeItem, domain: BotDomain): void {
  if (domain.role === DomainRole.MAJOR_INCIDENTS) {
    throw new DomainError(KnowledgeErrorCode.UNKNOWN_DOMAIN, M['UNKNOWN_DOMAIN.majorIncident'](), ['domainId']);
  }
  if ((item.kind === KnowledgeKind.UPGRADE_NOTE) !== (domain.role === DomainRole.UPGRADE_SAP)) {
    throw new DomainError(KnowledgeErrorCode.UNKNOWN_DOMAIN, M['UNKNOWN_DOMAIN.upgrade'](), ['domainId']);
  }
}

export async function loadItem(em: EntityManager, id: string): Promise<KnowledgeItem> {
  const item = await em.findOne(KnowledgeItem, { id });
  if (!item) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.knowledgeItem'](), ['id']);
  return item;
}

/** Changes an item; a published item must stay publishable and its change is recorded in the history. */
export async function updateItem(em: EntityManager, viewer: Viewer, id: string, f: Partial<ItemFields>, note?: string | null): Promise<KnowledgeItem> {
  const item = await loadItem(em, id);
  assertMayEditKnowledge(viewer, item.kind, f.kind ?? item.kind);
  const before = { investigationStatus: item.investigationStatus, workaround: item.workaround };
  const audited = snapshot(item, ITEM_AUDITED);
  if (item.status === KnowledgeStatus.ARCHIVED) throw new DomainError(KnowledgeErrorCode.ITEM_ARCHIVED, M.ITEM_ARCHIVED(), ['id']);
  const domain = f.domainId ? await domainOf(em, await item.bot.loadOrFail(), f.domainId) : await item.domain.loadOrFail();
  applyFields(item, {
    kind: f.kind ?? item.kind,
    title: f.title ?? item.title,
    message: f.message !== undefined ? f.message : item.message,
    dialog: f.dialog ?? item.dialog,
    position: f.position,
    investigationStatus: f.investigationStatus !== undefined ? f.investigationStatus : item.investigationStatus,
    causedMessages: f.causedMessages ?? item.causedMessages,
    workaround: f.workaround !== undefined ? f.workaround : item.workaround,
    ticketAdvised: f.ticketAdvised ?? item.ticketAdvised,
  });
  assertKindFitsDomain(item, domain);
  item.domain = em.getReference(BotDomain, domain.id, { wrapped: true });
  item.version += 1;
  if (item.status === KnowledgeStatus.PUBLISHED) {
    assertDialogPublishable(item.dialog);
    record(em, item, PublicationAction.UPDATED, viewer, note);
  }
  recordAudit(em, viewer, { action: AuditAction.KNOWLEDGE_ITEM_UPDATED, target: item, before: audited, after: snapshot(item, ITEM_AUDITED) });
  await syncPhrases(em, item);
  await em.flush();
  if (item.kind === KnowledgeKind.MAJOR_INCIDENT) await notifyIncidentProgress(em, item, before);
  return item;
}

/** Puts an item live: its dialog must be playable (no dangling or unreachable node, no cycle). */
export async function publishItem(em: EntityManager, viewer: Viewer, id: string, note?: string | null, opts: { skipAuth?: boolean } = {}): Promise<KnowledgeItem> {
  const item = await loadItem(em, id);
  if (!opts.skipAuth) assertMayEditKnowledge(viewer, item.kind);
  if (item.status === KnowledgeStatus.PUBLISHED) throw new DomainError(KnowledgeErrorCode.ALREADY_PUBLISHED, M.ALREADY_PUBLISHED(), ['id']);
  assertDialogPublishable(item.dialog);
  const before = { status: item.status, publishedAt: item.publishedAt ?? null };
  item.status = KnowledgeStatus.PUBLISHED;
  item.publishedAt = new Date();
  record(em, item, PublicationAction.PUBLISHED, viewer, note);
  recordAudit(em, viewer, { action: AuditAction.KNOWLEDGE_ITEM_PUBLISHED, target: item, before, after: { status: item.status, publishedAt: item.publishedAt, note: note ?? null } });
  await syncPhrases(em, item);
  await flushPhrases(em);
  return item;
}

export async function archiveItem(em: EntityManager, viewer: Viewer, id: string, note?: string | null): Promise<KnowledgeItem> {
  const item = await loadItem(em, id);
  assertMayEditKnowledge(viewer, item.kind);
  if (item.status !== KnowledgeStatus.PUBLISHED) throw new DomainError(KnowledgeErrorCode.NOT_PUBLISHED, M['NOT_PUBLISHED.archive'](), ['id']);
  item.status = KnowledgeStatus.ARCHIVED;
  record(em, item, PublicationAction.ARCHIVED, viewer, note);
  recordAudit(em, viewer, { action: AuditAction.KNOWLEDGE_ITEM_ARCHIVED, target: item, before: { status: KnowledgeStatus.PUBLISHED }, after: { status: item.status, note: note ?? null } });
  await syncPhrases(em, item);
  await em.flush();
  return item;
}

async function flushPhrases(em: EntityManager): Promise<void> {
  try {
    await em.flush();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) throw new DomainError(KnowledgeErrorCode.PHRASE_TAKEN, M['PHRASE_TAKEN.sameItem'](), ['text']);
    throw e;
  }
}

/**
 * Adds a wording to an item so the same message matches it next time (exact template
 * match). Refused when the wording is empty once normalised, or already leads to
 * another published item of the bot (the two would then be ambiguous for ever).
 */
export async function addReformulation(em: EntityManager, viewer: Viewer, itemId: string, text: string): Promise<KnowledgePhrase> {
  assertMayReview(viewer);
  const item = await loadItem(em, itemId);
  const template = toTemplate(text, await loadAbbreviations(em)).slice(0, 500);
  if (meaningfulWords(template).length === 0) throw new DomainError(KnowledgeErrorCode.PHRASE_EMPTY, M.PHRASE_EMPTY(), ['text']);
  const clash = await em.findOne(KnowledgePhrase, { bot: item.bot.id, template, active: true, item: { $ne: item.id } }, { populate: ['item'] });
  if (clash) throw new DomainError(KnowledgeErrorCode.PHRASE_TAKEN, M['PHRASE_TAKEN.otherItem']({ title: clash.item.getEntity().title }), ['text']);
  const mine = await em.findOne(KnowledgePhrase, { item, template });
  if (mine) return mine;
  const phrase = em.create(KnowledgePhrase, {
    item,
    bot: item.bot,
    kind: PhraseKind.REFORMULATION,
    text: text.trim().slice(0, 4000),
    template,
    active: item.status === KnowledgeStatus.PUBLISHED,
  });
  recordAudit(em, viewer, { action: AuditAction.KNOWLEDGE_PHRASE_ADDED, target: phrase, after: snapshot(phrase, ['item', 'kind', 'text', 'active']) });
  await flushPhrases(em);
  return phrase;
}

export async function removePhrase(em: EntityManager, viewer: Viewer, phraseId: string): Promise<KnowledgeItem> {
  assertMayEditKnowledge(viewer);
  const phrase = await em.findOne(KnowledgePhrase, { id: phraseId }, { populate: ['item'] });
  if (!phrase) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.phrase'](), ['phraseId']);
  if (phrase.kind !== PhraseKind.REFORMULATION) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, M['VALIDATION_FAILED.onlyReformulations'](), ['phraseId']);
  const item = phrase.item.getEntity();
  recordAudit(em, viewer, { action: AuditAction.KNOWLEDGE_PHRASE_REMOVED, target: phrase, before: snapshot(phrase, ['item', 'kind', 'text', 'active']), after: null });
  em.remove(phrase);
  await em.flush();
  return item;
}
