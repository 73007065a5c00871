/**
 * Writing a decided change in one statement. A change read under a row lock and flushed by
 * the unit of work costs BEGIN, SELECT … FOR UPDATE, one INSERT or UPDATE per row, COMMIT:
 * each a round trip through a busy event loop, most of them after the change was decided
 * (its events stamped), so subscribers heard of it late. Here the rows are read without a
 * lock, the rules decide, and everything the unit of work would write goes out as one
 * statement that commits alone, on condition that the row the change is about still holds
 * what it was read with; otherwise nothing is written, and the caller reads and decides again.
 */
import { ChangeSetType, helper, QueryFlag, type AnyEntity, type EntityManager } from '@mikro-orm/postgresql';

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
    const qb = em.createQueryBuilder(cs.meta.className);
    // the change set's payload is already in the database's form (as the unit of work writes it)
    qb.unsetFlag(QueryFlag.CONVERT_CUSTOM_TYPES);
    const key = { [cs.meta.primaryKeys[0]]: cs.getPrimaryKey() };
    if (cs.type === ChangeSetType.CREATE) qb.insert(cs.payload);
    else if (cs.type === ChangeSetType.UPDATE) {
      const where: Record<string, unknown> = { ...key };
      if (cs.entity === guard.entity) {
        guarded = parts.length;
        const read = cs.originalEntity as Record<string, unknown>;
        for (const p of guard.props) where[p] = read[p];
        for (const p of Object.keys(cs.payload)) if (typeof read[p] === 'number') where[p] = read[p];
      }
      qb.update(cs.payload).where(where);
    } else if (cs.type === ChangeSetType.DELETE) qb.delete(key);
    else throw new Error(`writeAtOnce: a ${cs.type} change set is written by flush, not here`);
    const { sql, bindings } = qb.toQuery()._sql;
    parts.push({ sql: guarded === parts.length ? `${sql.replace(/ returning .*$/s, '')} returning 1` : sql, bindings });
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
  uow.computeChangeSets();
  if (uow.getChangeSets().length) throw new Error('writeAtOnce: changes are left after writing them');
  return true;
}
