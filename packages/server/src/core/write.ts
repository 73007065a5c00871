/**
 * Writing a decided change in one statement. A change read under a row lock and flushed by
 * the unit of work costs BEGIN, SELECT … FOR UPDATE, one INSERT or UPDATE per row, COMMIT:
 * each a round trip through a busy event loop, most of them after the change was decided
 * (its events stamped), so subscribers heard of it late. Here the rows are read without a
 * lock, the rules decide, and everything the unit of work would write goes out as one
 * statement that commits alone, on condition that the row the change is about still holds
 * what it was read with; otherwise nothing is written, and the caller reads and decides again.
 */
import { ChangeSetType, helper, QueryFlag, type AnyEntity, type EntityManager, type EntityMetadata } from '@mikro-orm/postgresql';

/** The SQLSTATE of a statement whose guarded row moved (see the WriteAtOnce migration), as of a serialization failure. */
const STALE = '40001';
/** A unique key taken meanwhile (an event number another writer used first): the change was decided on a stale read too. */
const UNIQUE_VIOLATION = '23505';

/**
 * Writes every change `em` holds (new, changed and removed rows) in one statement; false when
 * `guard.entity`'s row moved since it was read, and then nothing is written. The guard holds
 * when the row still has, as read, the properties `guard.props` names and every number the
 * change sets (a counter it adds to: another writer's addition must not be lost). `em` is a
 * fork whose work only created, changed and removed entities: nothing flushed, no collection
 * of many-to-many to sync. On success the entities are managed as after a flush: their state is what
 * was written, relations load on use, and nothing is written twice.
 */
export async function writeAtOnce(em: EntityManager, guard: { entity: AnyEntity; props: readonly string[] }): Promise<boolean> {
  const uow = em.getUnitOfWork();
  uow.computeChangeSets();
  if (uow.getCollectionUpdates().length || uow.getExtraUpdates().size) throw new Error('writeAtOnce: many-to-many collections and deferred references are written by flush, not here');
  const parts: { sql: string; bindings: readonly unknown[] }[] = [];
  let guarded = -1;
  for (const cs of uow.getChangeSets()) {
    if (cs.type !== ChangeSetType.CREATE && cs.type !== ChangeSetType.UPDATE && cs.type !== ChangeSetType.DELETE) throw new Error(`writeAtOnce: a ${cs.type} change set is written by flush, not here`);
    const key = cs.getPrimaryKey() as unknown;
    const where: Record<string, unknown> = {};
    if (cs.type === ChangeSetType.UPDATE && cs.entity === guard.entity) {
      guarded = parts.length;
      const read = cs.originalEntity as Record<string, unknown>;
      for (const p of guard.props) where[p] = read[p];
      for (const p of Object.keys(cs.payload)) if (typeof read[p] === 'number') where[p] = read[p];
    }
    const part = plainPart(cs.meta, cs.type, cs.payload as Record<string, unknown>, key, where) ?? builtPart(em, cs.meta.className, cs.type, cs.payload, { [cs.meta.primaryKeys[0]]: key, ...where });
    parts.push(guarded === parts.length ? { sql: `${part.sql.replace(/ returning .*$/s, '')} returning 1`, bindings: part.bindings } : part);
  }
  if (guarded < 0) throw new Error('writeAtOnce: the guarded entity has no change to write');
  const sql = `with ${parts.map((p, i) => `w${i} as (${p.sql})`).join(', ')} select chorus_assert_written((select count(*) from w${guarded}))`;
  try {
    await em.execute(sql, parts.flatMap((p) => p.bindings) as unknown[], 'run');
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === STALE || code === UNIQUE_VIOLATION) return false;
    throw e;
  }
  // what the unit of work does after its own commit: the rows written are the entities' state now,
  // so nothing is written twice (an auto-flush before a later query finds no change)
  const comparator = em.getComparator();
  for (const cs of uow.getChangeSets()) {
    if (cs.type === ChangeSetType.DELETE) {
      uow.unsetIdentity(cs.entity);
      continue;
    }
    uow.register(cs.entity, comparator.prepareEntity(cs.entity), { refresh: true });
    helper(cs.entity).__initialized = true;
  }
  return true;
}

type Part = { sql: string; bindings: readonly unknown[] };

/** A statement's text per shape (kind, entity, columns set, guard): the texts are few, building one is not free. */
const texts = new Map<string, string>();
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The statement of a change set whose values are all plain (text, numbers, booleans, dates,
 * null, keys of relations, lists for array columns), each property one column: its text kept
 * per shape, its values bound in the payload's order. Null for anything else (see builtPart).
 */
function plainPart(meta: EntityMetadata, type: ChangeSetType, payload: Record<string, unknown>, key: unknown, where: Record<string, unknown>): Part | null {
  const props = Object.keys(payload);
  const columns: string[] = [];
  for (const name of props) {
    const prop = meta.properties[name];
    const v = payload[name];
    if (!prop || prop.fieldNames?.length !== 1 || prop.persist === false) return null;
    const plain = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date;
    const list = Array.isArray(v) && prop.columnTypes?.[0]?.endsWith('[]') && v.every((x) => typeof x === 'string' || typeof x === 'number');
    if (!plain && !list) return null;
    columns.push(prop.fieldNames[0]);
  }
  const pk = meta.properties[meta.primaryKeys[0]].fieldNames[0];
  const guards = Object.keys(where).map((p) => meta.properties[p]?.fieldNames?.[0]);
  if (guards.some((g) => !g)) return null;
  const shape = `${type} ${meta.className} ${columns.join(',')} / ${guards.join(',')}`;
  let sql = texts.get(shape);
  if (!sql) {
    const table = quote(meta.tableName);
    const conditions = [pk, ...(guards as string[])].map((c) => `${quote(c)} = ?`).join(' and ');
    if (type === ChangeSetType.CREATE) sql = `insert into ${table} (${columns.map(quote).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
    else if (type === ChangeSetType.UPDATE) sql = `update ${table} set ${columns.map((c) => `${quote(c)} = ?`).join(', ')} where ${conditions}`;
    else sql = `delete from ${table} where ${conditions}`;
    texts.set(shape, sql);
  }
  const values = type === ChangeSetType.DELETE ? [] : props.map((p) => payload[p]);
  return { sql, bindings: type === ChangeSetType.CREATE ? values : [...values, key, ...Object.values(where)] };
}

/** The same through the ORM's query builder (any value the ORM can write). */
function builtPart(em: EntityManager, entity: string, type: ChangeSetType, payload: object, where: Record<string, unknown>): Part {
  const qb = em.createQueryBuilder(entity);
  // the change set's payload is already in the database's form (as the unit of work writes it)
  qb.unsetFlag(QueryFlag.CONVERT_CUSTOM_TYPES);
  if (type === ChangeSetType.CREATE) qb.insert(payload);
  else if (type === ChangeSetType.UPDATE) qb.update(payload).where(where);
  else qb.delete(where);
  const { sql, bindings } = qb.toQuery()._sql;
  return { sql, bindings };
}
