/**
 * Known errors: the major-incident knowledge items gather the tickets they cause. Links
 * change through the desk's recordOnTicket (history, version and visibility rules hold);
 * a ticket whose pasted message matches an active anomaly is linked at opening, through
 * the knowledge matcher; the anomaly's news reaches every linked open ticket.
 */
import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { M } from './known-error.messages';
import { Role } from '../core/roles';
import { pgArray, sqlList } from '../core/sql';
import { Person } from '../directory/person.entity';
import { Bot } from '../knowledge/bot.entity';
import type { IncidentBefore } from '../knowledge/knowledge.hooks';
import { KnowledgeItem } from '../knowledge/knowledge-item.entity';
import { InvestigationStatus, KnowledgeKind, KnowledgeStatus } from '../knowledge/knowledge.enums';
import { thresholdsOf } from '../knowledge/knowledge.service';
import { DEFAULT_THRESHOLDS, matchMessage, pairScore } from '../knowledge/matching.service';
import { segmentsOf, toTemplate } from '../knowledge/normalise';
import type { TicketNote } from '../service-desk/ticket.hooks';
import { Ticket } from '../service-desk/ticket.entity';
import { FINISHED_STATUSES, OPEN_STATUSES, TicketEventKind, TicketStatus } from '../service-desk/ticket.enums';
import { recordOnTicket, visibleTicketsWhere } from '../service-desk/ticket.service';
import { KnownErrorLink } from './known-error.entity';
import { KnownErrorCode } from './known-error.errors';

/** Who links and unlinks tickets: SN1 and SN2. */
export const LINKERS = [Role.SN1_AGENT, Role.SN2_AGENT];
export const FIELD = 'knownError';

export function assertMayLink(viewer: Viewer): void {
  if (!LINKERS.some((r) => viewer.roles.has(r))) throw new DomainError(CoreErrorCode.FORBIDDEN, M['FORBIDDEN.linkKnownError']());
}

/** Active = a published major incident not yet fixed: only those gather new tickets. */
export function isActiveKnownError(item: KnowledgeItem): boolean {
  return item.kind === KnowledgeKind.MAJOR_INCIDENT && item.status === KnowledgeStatus.PUBLISHED && item.investigationStatus !== InvestigationStatus.FIXED;
}

async function activeKnownError(em: EntityManager, id: string): Promise<KnowledgeItem> {
  const item = await em.findOne(KnowledgeItem, { id });
  if (!item) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.knowledgeItem'](), ['knownErrorId']);
  if (item.kind !== KnowledgeKind.MAJOR_INCIDENT) throw new DomainError(KnownErrorCode.NOT_A_KNOWN_ERROR, M['NOT_A_KNOWN_ERROR.titled']({ title: item.title }), ['knownErrorId']);
  if (!isActiveKnownError(item)) throw new DomainError(KnownErrorCode.KNOWN_ERROR_NOT_ACTIVE, M['KNOWN_ERROR_NOT_ACTIVE.titled']({ title: item.title }), ['knownErrorId']);
  return item;
}

export async function linkTicket(em: EntityManager, viewer: Viewer, ticketId: string, version: number, itemId: string) {
  assertMayLink(viewer);
  const done = await recordOnTicket(em, ticketId, { viewer, version }, async (tem, t) => {
    const item = await activeKnownError(tem, itemId);
    const link = await tem.findOne(KnownErrorLink, { ticket: t.id }, { populate: ['item'] });
    if (link?.item.id === item.id) throw new DomainError(KnownErrorCode.ALREADY_LINKED, M['ALREADY_LINKED.titled']({ title: item.title }), ['knownErrorId']);
    const old = link?.item.getEntity().title ?? null;
    if (link) tem.remove(link);
    await tem.flush();
    tem.create(KnownErrorLink, { ticket: t, item, automatic: false, linkedBy: tem.getReference(Person, viewer.id, { wrapped: true }) });
    return { notices: [{ kind: TicketEventKind.FIELD_CHANGED, field: FIELD, oldValue: old, newValue: item.title }], result: item };
  });
  return { ticket: done!.ticket, event: done!.events[0], knownError: done!.result! };
}

export async function unlinkTicket(em: EntityManager, viewer: Viewer, ticketId: string, version: number) {
  assertMayLink(viewer);
  const done = await recordOnTicket(em, ticketId, { viewer, version }, async (tem, t) => {
    const link = await tem.findOne(KnownErrorLink, { ticket: t.id }, { populate: ['item'] });
    if (!link) throw new DomainError(KnownErrorCode.NOT_LINKED, M.NOT_LINKED(), ['ticketId']);
    const old = link.item.getEntity().title;
    tem.remove(link);
    return { notices: [{ kind: TicketEventKind.FIELD_CHANGED, field: FIELD, oldValue: old, newValue: null }], result: null };
  });
  return { ticket: done!.ticket, event: done!.events[0] };
}

/**
 * Scores the paste against every active anomaly's caused messages with the matcher's own
 * normalisation and pair score (exact template = 1). Not through the bots' phrases: a
 * caused message is often also an error-message item of its own ("Poste de pièce … pas
 * encore été reporté"), and the bot must keep answering that one with its dialog.
 */
async function causedMessageScores(em: EntityManager, text: string): Promise<{ item: KnowledgeItem; score: number }[]> {
  const incidents = (await em.find(KnowledgeItem, { kind: KnowledgeKind.MAJOR_INCIDENT, status: KnowledgeStatus.PUBLISHED })).filter((i) => isActiveKnownError(i) && i.causedMessages.length);
  const segments = segmentsOf(text);
  if (!incidents.length || !segments.length) return [];
  const pairs = incidents.flatMap((i) => i.causedMessages.map((m) => ({ itemId: i.id, template: toTemplate(m) }))).filter((p) => p.template);
  const rows: { item_id: string; seg: string; template: string; sim: number; ws_in: number; ws_out: number }[] = await em.execute(
    `select p."itemId" as item_id, s.seg, p.template, similarity(s.seg, p.template) as sim, word_similarity(s.seg, p.template) as ws_in, word_similarity(p.template, s.seg) as ws_out
       from unnest(?::text[]) as s(seg) cross join jsonb_to_recordset(?::jsonb) as p("itemId" uuid, template text)`,
    [pgArray(segments), JSON.stringify(pairs)],
  );
  const best = new Map<string, number>();
  for (const r of rows) best.set(r.item_id, Math.max(best.get(r.item_id) ?? 0, r.seg === r.template ? 1 : pairScore(r)));
  return incidents.filter((i) => (best.get(i.id) ?? 0) >= DEFAULT_THRESHOLDS.confident).map((item) => ({ item, score: best.get(item.id)! }));
}

/**
 * The active known anomaly a pasted message points to: one of its caused messages, or the
 * anomaly itself as the knowledge matcher of a bot finds it (an exact or confident
 * candidate); none when two anomalies are equally close (an agent decides then).
 */
export async function knownErrorFor(em: EntityManager, text: string): Promise<KnowledgeItem | null> {
  const found: { item: KnowledgeItem; score: number }[] = await causedMessageScores(em, text);
  for (const bot of await em.find(Bot, {}, { orderBy: { code: 'asc' } })) {
    const result = await matchMessage(em, bot.id, text, thresholdsOf(bot), { limit: 10 });
    const strong = result.candidates.filter((c) => c.exact || c.score >= bot.confidentThreshold);
    if (!strong.length) continue;
    const items = await em.find(KnowledgeItem, { id: { $in: strong.map((c) => c.itemId) }, kind: KnowledgeKind.MAJOR_INCIDENT });
    for (const item of items.filter(isActiveKnownError)) found.push({ item, score: strong.find((c) => c.itemId === item.id)!.score });
  }
  found.sort((a, b) => b.score - a.score);
  if (!found.length || (found[1] && found[1].score === found[0].score && found[1].item.id !== found[0].item.id)) return null;
  return found[0].item;
}

/** Opening listener (inside the opening transaction): links the new ticket when its error message matches. */
export async function linkOnOpening(em: EntityManager, t: Ticket): Promise<TicketNote[]> {
  if (!t.errorMessage) return [];
  const item = await knownErrorFor(em, t.errorMessage);
  if (!item) return [];
  em.create(KnownErrorLink, { ticket: t, item, automatic: true });
  return [{ field: FIELD, oldValue: null, newValue: item.title, reason: `Message d’erreur reconnu : incident majeur connu « ${item.title} ».` }];
}


/** What the linked tickets are told, or null when the change is no news for them. */
export function progressNotice(item: KnowledgeItem, before: IncidentBefore): string | null {
  const fixedNow = item.investigationStatus === InvestigationStatus.FIXED && before.investigationStatus !== InvestigationStatus.FIXED;
  if (fixedNow) return `L’incident majeur « ${item.title} » est corrigé dans Chorus.${item.workaround ? '' : ' Vous pouvez reprendre votre opération.'}`;
  const workaroundNow = !!item.workaround && (item.workaround !== before.workaround || before.investigationStatus !== item.investigationStatus) && item.investigationStatus !== InvestigationStatus.FIXED;
  if (workaroundNow) return `Un contournement est disponible pour l’incident majeur « ${item.title} » : ${item.workaround}`;
  return null;
}

/**
 * Listener of knowledge's incident progress: each linked open ticket gets the news as a
 * public comment and a KNOWN_ERROR_UPDATED event (the filing application by webhook,
 * through the desk's notice listeners), one ticket per transaction.
 */
export async function announceProgress(em: EntityManager, item: KnowledgeItem, before: IncidentBefore): Promise<number> {
  const text = progressNotice(item, before);
  if (!text) return 0;
  const links = await em.find(KnownErrorLink, { item: item.id, ticket: { status: { $in: [...OPEN_STATUSES] } } }, { orderBy: { createdAt: 'asc' } });
  let told = 0;
  for (const link of links) {
    const done = await recordOnTicket(em.fork(), link.ticket.id, null, async () => ({
      notices: [{ kind: TicketEventKind.KNOWN_ERROR_UPDATED, field: FIELD, oldValue: before.investigationStatus, newValue: item.investigationStatus, reason: text, publicComment: text }],
      result: null,
    }));
    // the history events reach ticketEvents through the database's own trigger
    told += done?.events.length ?? 0;
  }
  return told;
}

export async function linkedTicketCount(em: EntityManager, itemId: string): Promise<number> {
  return em.count(KnownErrorLink, { item: itemId });
}

export interface KnownErrorStatisticsRow {
  itemId: string;
  linkedCount: number;
  openCount: number;
  automaticCount: number;
}

/** Tickets per known anomaly (links now), most linked first. */
export async function knownErrorStatistics(em: EntityManager, f: { openedFrom?: Date | null; openedTo?: Date | null }): Promise<KnownErrorStatisticsRow[]> {
  const where = ['true'];
  const params: unknown[] = [];
  if (f.openedFrom) where.push('t.created_at >= ?'), params.push(f.openedFrom);
  if (f.openedTo) where.push('t.created_at < ?'), params.push(f.openedTo);
  const rows: { item_id: string; linked: number; open: number; automatic: number }[] = await em.execute(
    `select l.item_id, count(*)::int as linked,
            count(*) filter (where t.status not in ${sqlList(FINISHED_STATUSES)})::int as open,
            count(*) filter (where l.automatic)::int as automatic
       from known_error_link l join ticket t on t.id = l.ticket_id
      where ${where.join(' and ')}
      group by l.item_id order by 2 desc, 1 limit 500`,
    params,
  );
  return rows.map((r) => ({ itemId: r.item_id, linkedCount: r.linked, openCount: r.open, automaticCount: r.automatic }));
}

/** How many tickets are linked to each anomaly now, in the ids' order. */
export async function linkedTicketCounts(em: EntityManager, itemIds: readonly string[]): Promise<number[]> {
  const rows: { item_id: string; n: number }[] = await em.execute('select item_id, count(*)::int as n from known_error_link where item_id = any(?::uuid[]) group by item_id', [pgArray(itemIds)]);
  return itemIds.map((id) => rows.find((r) => r.item_id === id)?.n ?? 0);
}

/** The tickets linked to an anomaly that the viewer may see (the desk's visibility rule), as a filter. */
export function visibleLinkedTicketsWhere(viewer: Viewer, itemId: string): FilterQuery<Ticket> {
  return { $and: [visibleTicketsWhere(viewer), { [raw((a: string) => `${a}.id in (select l.ticket_id from known_error_link l where l.item_id = ?)`, [itemId])]: [] }] } as FilterQuery<Ticket>;
}
