/**
 * The one door of the audit: `recordAudit`, called by the services' administrative
 * functions before they flush, so the entry is written in the transaction of the change it
 * records (a refused or failed change records nothing; a committed one is never without
 * its entry). Reading is for administrators and analysts (`AUDIT_READERS`).
 */
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { toCsv } from '../core/csv';
import { toGlobalId } from '../core/ids';
import { importCounts, type ImportLine } from '../core/bulk-import';
import { ApplicationClient } from '../access/application-client.entity';
import { Person } from '../directory/person.entity';
import { AuditEntry } from './audit-entry.entity';
import { AUDIT_ACTION_LABELS, AuditAction, AuditActorKind } from './audit.enums';
import { AUDIT_MESSAGES as M } from './audit.messages';

/** What an entry is about: a GraphQL type name and the raw id (null for an import or a purge). */
export interface AuditTarget {
  type: string;
  id: string | null;
}

/** The target of a stored object: its class name (the GraphQL type name) and its id. */
export function targetOf(entity: { id: string }): AuditTarget {
  return { type: entity.constructor.name, id: entity.id };
}

export interface AuditChange {
  action: AuditAction;
  target: AuditTarget | { id: string };
  /** The fields before the change (null or absent for a creation). Only the changed ones are kept. */
  before?: Record<string, unknown> | null;
  /** The fields after the change (null for a removal). Only the changed ones are kept. */
  after?: Record<string, unknown> | null;
}

/** A value as JSON keeps it: dates as ISO text, references and entities as their id. */
export function auditValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(auditValue);
  const o = v as Record<string, unknown>;
  // an entity or a MikroORM reference: its id
  if (typeof o.id === 'string' && Object.getPrototypeOf(o) !== Object.prototype) return o.id;
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, auditValue(x)]));
}

/** The fields of `entity` named in `fields`, as JSON (what `before` and `after` are made of). */
export function snapshot<T extends object>(entity: T, fields: readonly (keyof T & string)[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, auditValue(entity[f])]));
}

/** Only the fields whose value differs between `before` and `after`. */
export function changedFields(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined) {
  if (!before || !after) return { before: before ? (auditValue(before) as Record<string, unknown>) : null, after: after ? (auditValue(after) as Record<string, unknown>) : null };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const x = auditValue(before[k]);
    const y = auditValue(after[k]);
    if (JSON.stringify(x) !== JSON.stringify(y)) {
      b[k] = x;
      a[k] = y;
    }
  }
  return { before: b, after: a };
}

/**
 * Records one administrative change in `em`'s unit of work: the caller flushes it with the
 * change (same transaction). An update that changed nothing records nothing. `viewer` null:
 * the platform itself (a job).
 */
export function recordAudit(em: EntityManager, viewer: Viewer | null, change: AuditChange): AuditEntry | null {
  const { before, after } = changedFields(change.before, change.after);
  if (before && after && !Object.keys(after).length) return null;
  const target = 'type' in change.target ? change.target : targetOf(change.target);
  return em.create(AuditEntry, {
    actorKind: !viewer ? AuditActorKind.SYSTEM : viewer.kind === 'APPLICATION' ? AuditActorKind.APPLICATION : AuditActorKind.PERSON,
    actorPerson: viewer?.kind === 'PERSON' ? em.getReference(Person, viewer.id, { wrapped: true }) : null,
    actorApplication: viewer?.kind === 'APPLICATION' ? em.getReference(ApplicationClient, viewer.id, { wrapped: true }) : null,
    action: change.action,
    targetType: target.type,
    targetId: target.id,
    before,
    after,
  });
}

/** `runImport`'s `onApplied` for an import the audit records: one entry, no target id, its counts per section and action. */
export function auditImport(viewer: Viewer, action: AuditAction, type: string) {
  return (tx: EntityManager, lines: readonly ImportLine[]) => void recordAudit(tx, viewer, { action, target: { type, id: null }, after: importCounts(lines) });
}

/**
 * `recordAudit` for code that writes without the ORM (the retention job, on the job queue's
 * own connection): the same entry, inserted on `client` in its transaction, as the platform.
 */
export async function recordSystemAudit(client: { query(text: string, values?: unknown[]): Promise<unknown> }, change: AuditChange & { target: AuditTarget }): Promise<void> {
  const { before, after } = changedFields(change.before, change.after);
  await client.query(
    `insert into audit_entry (id, created_at, updated_at, actor_kind, action, target_type, target_id, before, after)
     values (gen_random_uuid(), now(), now(), 'SYSTEM', $1, $2, $3, $4::jsonb, $5::jsonb)`,
    [change.action, change.target.type, change.target.id, before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null],
  );
}

/* ---------- reading ---------- */


export interface AuditFilterValues {
  actorPersonId?: string | null;
  actorApplicationId?: string | null;
  actorKind?: AuditActorKind | null;
  actions?: AuditAction[] | null;
  targetType?: string | null;
  targetId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export function auditWhere(f: AuditFilterValues = {}): FilterQuery<AuditEntry> {
  if (f.from && f.to && f.to <= f.from) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, M['VALIDATION_FAILED.statisticsPeriodOrder'](), ['to']);
  const where: Record<string, unknown> = {};
  if (f.actorPersonId) where.actorPerson = f.actorPersonId;
  if (f.actorApplicationId) where.actorApplication = f.actorApplicationId;
  if (f.actorKind) where.actorKind = f.actorKind;
  if (f.actions?.length) where.action = { $in: f.actions };
  if (f.targetType) where.targetType = f.targetType;
  if (f.targetId) where.targetId = f.targetId;
  if (f.from || f.to) where.createdAt = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lt: f.to } : {}) };
  return where as FilterQuery<AuditEntry>;
}

/** Most rows one CSV export holds (newest first); narrow the filter for older ones. */
export const MAX_CSV_ROWS = 10_000;

const paris = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The entries of the filter as CSV (French headers, BOM, semicolons: core/csv.ts), newest first; the object is its global id, as the API gives it. */
export async function auditCsv(em: EntityManager, f: AuditFilterValues): Promise<string> {
  const rows = await em.find(AuditEntry, auditWhere(f), { orderBy: { createdAt: 'desc', id: 'desc' }, limit: MAX_CSV_ROWS, populate: ['actorPerson', 'actorApplication'] });
  return toCsv(
    ['date (Paris)', 'auteur', 'type d’auteur', 'action', 'libellé', 'type d’objet', 'objet', 'avant', 'après'],
    rows.map((r) => [
      paris.format(r.createdAt),
      r.actorPerson ? r.actorPerson.getEntity().email : r.actorApplication ? r.actorApplication.getEntity().name : 'plateforme',
      r.actorKind,
      r.action,
      AUDIT_ACTION_LABELS[r.action],
      r.targetType,
      r.targetId ? toGlobalId(r.targetType, r.targetId) : '',
      r.before ? JSON.stringify(r.before) : '',
      r.after ? JSON.stringify(r.after) : '',
    ]),
  );
}
