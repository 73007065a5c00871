import type { EntityManager } from '@mikro-orm/postgresql';
import { groupByKey, type Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { M } from './knowledge.messages';
import { pgArray } from '../core/sql';
import { Person } from '../directory/person.entity';
import { Bot } from './bot.entity';
import { KnowledgeItem } from './knowledge-item.entity';
import { KnowledgeErrorCode } from './knowledge.errors';
import { ReviewReason, ReviewStatus } from './knowledge.enums';
import { addReformulation, assertMayReview, createItem, type ItemFields } from './knowledge.service';
import { toTemplate } from './normalise';
import { AuditAction } from '../audit/audit.enums';
import { recordAudit } from '../audit/audit.service';
import { ReviewCluster, ReviewEntry } from './review.entity';

/** Two messages whose templates are at least this similar (pg_trgm) share a cluster. */
export const CLUSTER_SIMILARITY = 0.55;

/**
 * Files a message (unanswered, or the message behind a thumbs down) into the open cluster
 * it resembles most, or opens a new cluster. Serialised per bot and reason so that two
 * users pasting the same new error at once still make one cluster.
 */
export async function fileForReview(
  em: EntityManager,
  entry: { botId: string; reason: ReviewReason; text: string; itemId?: string | null; comment?: string | null; ministryCode?: string | null; conversationId?: string | null },
): Promise<ReviewCluster> {
  const text = entry.text.trim().slice(0, 4000) || '(message vide)';
  const template = (toTemplate(text) || text.toLowerCase()).slice(0, 500);
  return em.transactional(async (tx) => {
    // the lock lasts until this transaction commits
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`review:${entry.botId}:${entry.reason}`]);
    const itemFilter = entry.itemId ? 'and c.item_id = ?' : 'and c.item_id is null';
    const [near] = await tx.execute<{ id: string }[]>(
      `select c.id from review_cluster c
        where c.bot_id = ? and c.reason = ? and c.status = 'OPEN' ${itemFilter}
          and (c.template = ? or similarity(c.template, ?) >= ?)
        order by similarity(c.template, ?) desc, c.count desc limit 1`,
      [entry.botId, entry.reason, ...(entry.itemId ? [entry.itemId] : []), template, template, CLUSTER_SIMILARITY, template],
    );
    const now = new Date();
    let cluster: ReviewCluster;
    if (near) {
      cluster = await tx.findOneOrFail(ReviewCluster, { id: near.id });
      cluster.count += 1;
      cluster.lastSeenAt = now;
    } else {
      cluster = tx.create(ReviewCluster, {
        bot: tx.getReference(Bot, entry.botId, { wrapped: true }),
        reason: entry.reason,
        item: entry.itemId ? tx.getReference(KnowledgeItem, entry.itemId, { wrapped: true }) : null,
        sampleText: text,
        template,
        lastSeenAt: now,
        resolvedItem: null,
        resolvedBy: null,
      });
    }
    tx.create(ReviewEntry, { cluster, text, comment: entry.comment ?? null, ministryCode: entry.ministryCode ?? null, conversationId: entry.conversationId ?? null });
    await tx.flush();
    return cluster;
  });
}

async function openCluster(em: EntityManager, id: string): Promise<ReviewCluster> {
  const cluster = await em.findOne(ReviewCluster, { id });
  if (!cluster) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.reviewEntry'](), ['clusterId']);
  if (cluster.status !== ReviewStatus.OPEN) throw new DomainError(KnowledgeErrorCode.REVIEW_ALREADY_CLOSED, M.REVIEW_ALREADY_CLOSED(), ['clusterId']);
  return cluster;
}

function close(em: EntityManager, viewer: Viewer, cluster: ReviewCluster, status: ReviewStatus, item: KnowledgeItem | null, note?: string | null) {
  cluster.status = status;
  cluster.resolvedAt = new Date();
  cluster.resolvedBy = em.getReference(Person, viewer.id, { wrapped: true });
  cluster.resolvedItem = item ? em.getReference(KnowledgeItem, item.id, { wrapped: true }) : null;
  cluster.resolutionNote = note?.trim() || null;
}

/**
 * "Add as a reformulation": the cluster's message (or the wording given) becomes a phrase
 * of the item, so the very next identical message matches it exactly.
 */
export async function addClusterAsReformulation(em: EntityManager, viewer: Viewer, clusterId: string, itemId: string, text?: string | null) {
  assertMayReview(viewer);
  return em.transactional(async (tx) => {
    const cluster = await openCluster(tx, clusterId);
    const item = await tx.findOne(KnowledgeItem, { id: itemId });
    if (!item || item.bot.id !== cluster.bot.id) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.botItem'](), ['itemId']);
    const phrase = await addReformulation(tx, viewer, item.id, text?.trim() || cluster.sampleText);
    close(tx, viewer, cluster, ReviewStatus.REFORMULATION_ADDED, item);
    await tx.flush();
    return { cluster, item, phrase };
  });
}

/** "Create an item": a draft whose known message is the cluster's message, for an editor to complete and publish. */
export async function createItemFromCluster(em: EntityManager, viewer: Viewer, clusterId: string, fields: ItemFields) {
  assertMayReview(viewer);
  return em.transactional(async (tx) => {
    const cluster = await openCluster(tx, clusterId);
    const item = await createItem(tx, viewer, cluster.bot.id, { ...fields, message: fields.message ?? cluster.sampleText }, { skipAuth: true });
    close(tx, viewer, cluster, ReviewStatus.ITEM_CREATED, item);
    await tx.flush();
    return { cluster, item };
  });
}

export async function ignoreCluster(em: EntityManager, viewer: Viewer, clusterId: string, reason: string) {
  assertMayReview(viewer);
  const cluster = await openCluster(em, clusterId);
  const before = { status: cluster.status };
  close(em, viewer, cluster, ReviewStatus.IGNORED, null, reason);
  recordAudit(em, viewer, { action: AuditAction.KNOWLEDGE_REVIEW_IGNORED, target: cluster, before, after: { status: cluster.status, reason } });
  await em.flush();
  return cluster;
}

/** The latest `n` entries of each cluster, newest first, in the ids' order (one statement for the batch). */
export async function latestEntriesOf(em: EntityManager, clusterIds: readonly string[], n: number): Promise<ReviewEntry[][]> {
  const rows: { id: string }[] = await em.execute(
    `select id from (select e.id, row_number() over (partition by e.cluster_id order by e.created_at desc, e.id) rn
       from review_entry e where e.cluster_id = any(?::uuid[])) x where rn <= ?`,
    [pgArray(clusterIds), n],
  );
  const entries = rows.length ? await em.find(ReviewEntry, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { createdAt: 'desc', id: 'asc' } }) : [];
  return groupByKey(clusterIds, entries, (e) => e.cluster.id);
}
