/**
 * THE read path of lists. A page (or a loader's batch) is one statement whose select list
 * brings, besides the rows' own columns, the to-one relations the GraphQL selection reads,
 * each built as JSON by PostgreSQL in a correlated subquery over the page's rows only; the
 * rows become plain objects of the entity's class (getters and type resolution work) that
 * MikroORM never hydrates, registers or tracks: they are only read.
 *
 * Why not `em.find`: a profile of the hot list spent half its time in hydration, the identity
 * map and the unit of work, for objects no one changes. Mutations keep the ORM.
 *
 * Relations a selection does not read stay references (`{ id }`) whose `load()` batches a
 * read of the same kind; collections load through the ORM on first use (rare on lists).
 */
import DataLoader from 'dataloader';
import { ReferenceKind, type EntityManager, type EntityMetadata, type EntityName, type EntityProperty, type FilterQuery, type QueryOrderMap } from '@mikro-orm/postgresql';
import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The to-one relations to embed, by property name, each with the relations of its own to embed. */
export interface RelationTree {
  [relation: string]: RelationTree;
}

/** How deep embedded relations go (a selection deeper than this loads the rest by batches). */
const MAX_EMBED_DEPTH = 3;

/* ---------- what an entity's rows hold ---------- */

interface Column {
  prop: string;
  column: string;
  toJs: (v: unknown) => unknown;
}

interface ToOne {
  prop: string;
  column: string;
  target: string;
}

interface Shape {
  meta: EntityMetadata;
  table: string;
  pk: string;
  columns: Column[];
  toOnes: ToOne[];
  collections: EntityProperty[];
  /** The prototype of read objects: the class's, with every mapped property shadowed by a plain data property (MikroORM's accessors would run on each assignment). */
  proto: object;
}

const shapes = new WeakMap<EntityMetadata, Shape>();

const asDate = (v: unknown) => (v == null || v instanceof Date ? v : new Date(v as string));
const asJson = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
const same = (v: unknown) => v;

function shapeOf(meta: EntityMetadata): Shape {
  let shape = shapes.get(meta);
  if (shape) return shape;
  const columns: Column[] = [];
  const toOnes: ToOne[] = [];
  const collections: EntityProperty[] = [];
  for (const prop of meta.props) {
    if (prop.persist === false || prop.formula) continue;
    if (prop.kind === ReferenceKind.SCALAR) {
      // bytes stay out of lists: a stored file's content is read where it is served
      if (prop.type === 'blob' || prop.runtimeType === 'Buffer' || prop.lazy) continue;
      const type = String(prop.type).toLowerCase();
      const toJs = prop.runtimeType === 'Date' || type === 'datetime' || type === 'date' && prop.runtimeType === 'Date' ? asDate : type === 'json' || type === 'jsontype' ? asJson : same;
      columns.push({ prop: prop.name, column: prop.fieldNames[0], toJs });
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      toOnes.push({ prop: prop.name, column: prop.fieldNames[0], target: prop.type });
    } else if (prop.kind === ReferenceKind.ONE_TO_MANY || prop.kind === ReferenceKind.MANY_TO_MANY) {
      collections.push(prop);
    }
  }
  const proto = Object.create(meta.class.prototype) as object;
  for (const name of [...columns.map((c) => c.prop), ...toOnes.map((r) => r.prop), ...collections.map((c) => c.name)]) {
    Object.defineProperty(proto, name, { value: undefined, writable: true, enumerable: true, configurable: true });
  }
  shape = { meta, table: meta.tableName, pk: (meta.properties as Record<string, EntityProperty>)[meta.primaryKeys[0]].fieldNames[0], columns, toOnes, collections, proto };
  shapes.set(meta, shape);
  return shape;
}

/* ---------- SQL ---------- */

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** One JSON object of a row of `shape` under `alias`, with its embedded relations (nested subqueries). */
function rowJson(em: EntityManager, shape: Shape, alias: string, tree: RelationTree, depth: number): string {
  const pairs: string[] = [];
  for (const c of shape.columns) pairs.push(`'${c.prop}', ${alias}.${quote(c.column)}`);
  for (const r of shape.toOnes) {
    pairs.push(`'${r.prop}', ${alias}.${quote(r.column)}`);
    if (tree[r.prop]) pairs.push(`'${r.prop}$', ${relationSubquery(em, r, alias, tree[r.prop], depth + 1)}`);
  }
  // json_build_object takes at most 100 arguments: wider rows are merged from chunks
  const chunks: string[] = [];
  for (let i = 0; i < pairs.length; i += 50) chunks.push(`json_build_object(${pairs.slice(i, i + 50).join(', ')})`);
  return chunks.length === 1 ? chunks[0] : `(${chunks.map((c) => `${c}::jsonb`).join(' || ')})::json`;
}

function relationSubquery(em: EntityManager, r: ToOne, parent: string, tree: RelationTree, depth: number): string {
  const target = shapeOf(em.getMetadata().get(r.target));
  const alias = `r${depth}_${r.prop.replace(/\W/g, '')}`;
  return `(select ${rowJson(em, target, alias, tree, depth)} from ${quote(target.table)} ${alias} where ${alias}.${quote(target.pk)} = ${parent}.${quote(r.column)})`;
}

/** The select list of rows of `shape` under `alias`: own columns by property name, then the embedded relations. */
function selectList(em: EntityManager, shape: Shape, alias: string, tree: RelationTree): string {
  const cols = shape.columns.map((c) => `${alias}.${quote(c.column)} as ${quote(c.prop)}`);
  for (const r of shape.toOnes) {
    cols.push(`${alias}.${quote(r.column)} as ${quote(r.prop)}`);
    if (tree[r.prop]) cols.push(`${relationSubquery(em, r, alias, tree[r.prop], 1)} as ${quote(`${r.prop}$`)}`);
  }
  return cols.join(', ');
}

/* ---------- objects ---------- */

/**
 * A to-one relation of a read object, shaped like MikroORM's `Ref` as resolvers use it:
 * `id`, `load()` (the embedded object at once, else a batched read), `getEntity()`.
 */
class ReadRef<T extends object = object> {
  constructor(
    readonly id: string,
    private entity: T | null,
    private readonly em: EntityManager,
    private readonly target: string,
  ) {}

  load(): T | Promise<T | null> {
    return this.entity ?? byIdLoader<T>(this.em, this.target).load(this.id);
  }

  async loadOrFail(): Promise<T> {
    const entity = await this.load();
    if (!entity) throw new Error(`${this.target} ${this.id} does not exist.`);
    return entity;
  }

  isInitialized(): boolean {
    return this.entity !== null;
  }

  getEntity(): T {
    if (!this.entity) throw new Error(`${this.target} ${this.id} was not read with this list; use load().`);
    return this.entity;
  }

  unwrap(): T {
    return this.getEntity();
  }

  toJSON(): string {
    return this.id;
  }
}

/** A collection of a read object: loaded through the ORM (batched per relation) on first `load()`. */
class ReadCollection {
  constructor(
    private readonly em: EntityManager,
    private readonly owner: EntityMetadata,
    private readonly prop: string,
    private readonly id: string,
  ) {}

  load(): Promise<Iterable<object> & { getItems(): object[] }> {
    return collectionLoader(this.em, this.owner, this.prop).load(this.id);
  }
}

function materialize(em: EntityManager, shape: Shape, row: Record<string, unknown>, tree: RelationTree): object {
  const o = Object.create(shape.proto) as Record<string, unknown>;
  for (const c of shape.columns) o[c.prop] = c.toJs(row[c.prop]);
  for (const r of shape.toOnes) {
    const id = row[r.prop] as string | null;
    if (id == null) o[r.prop] = null;
    else {
      const embedded = tree[r.prop] ? (row[`${r.prop}$`] as Record<string, unknown> | null) : null;
      const entity = embedded ? materialize(em, shapeOf(em.getMetadata().get(r.target)), embedded, tree[r.prop]) : null;
      o[r.prop] = new ReadRef(id, entity, em, r.target);
    }
  }
  for (const c of shape.collections) o[c.name] = new ReadCollection(em, shape.meta, c.name, row.id as string);
  return o;
}

/* ---------- per-EntityManager batches (the EntityManager is forked per request) ---------- */

const batches = new WeakMap<EntityManager, Map<string, DataLoader<string, unknown>>>();

function batch<V>(em: EntityManager, key: string, load: (ids: readonly string[]) => Promise<readonly V[]>): DataLoader<string, V> {
  let m = batches.get(em);
  if (!m) batches.set(em, (m = new Map()));
  let l = m.get(key) as DataLoader<string, V> | undefined;
  if (!l) m.set(key, (l = new DataLoader<string, V>(load) as DataLoader<string, V> & DataLoader<string, unknown>));
  return l;
}

function byIdLoader<T>(em: EntityManager, target: string): DataLoader<string, T | null> {
  return batch<T | null>(em, `byId:${target}`, async (ids) => {
    const meta = em.getMetadata().get(target);
    // a generic filter: FilterQuery cannot be resolved for an entity known only by name
    const rows = (await readMany(em, target, { [meta.primaryKeys[0]]: { $in: [...ids] } } as FilterQuery<object>)) as { id: string }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => (byId.get(id) as T | undefined) ?? null);
  });
}

function collectionLoader(em: EntityManager, owner: EntityMetadata, prop: string) {
  return batch<Iterable<object> & { getItems(): object[] }>(em, `collection:${owner.className}.${prop}`, async (ids) => {
    const where = { [owner.primaryKeys[0]]: { $in: [...ids] } } as FilterQuery<object>;
    // the relation is known at run time only; the ORM's populate type checks literal paths
    const entities = (await em.find(owner.className, where, { populate: [prop] as unknown as readonly never[] })) as unknown as Record<string, Iterable<object> & { getItems(): object[] }>[];
    const byId = new Map(entities.map((e) => [e.id as unknown as string, e[prop]]));
    return ids.map((id) => byId.get(id)!);
  });
}

/* ---------- reading ---------- */

export interface ReadOptions<T> {
  orderBy?: QueryOrderMap<T>;
  limit?: number;
  /** To-one relations to bring with the rows (see `relationsFromSelection`). */
  relations?: RelationTree;
}

/** Reads the rows matching `where` (a MikroORM filter, as `em.find` takes) as read objects. */
export async function readMany<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>, options: ReadOptions<T> = {}): Promise<T[]> {
  return (await readRows(em, entity, where, options, false)).objects;
}

/**
 * The same, each object with its keyset cursor: the values of its `orderBy` keys as PostgreSQL
 * writes them in JSON, so a timestamp keeps its microseconds (a JavaScript Date would drop
 * them, and the next page would skip rows less than a millisecond apart).
 */
export async function readWithCursors<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  options: ReadOptions<T> & { orderBy: QueryOrderMap<T>; keyset?: Keyset[]; count?: boolean },
): Promise<{ objects: T[]; cursors: string[]; count: number | null }> {
  return readRows(em, entity, where, options, true);
}

async function readRows<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  options: ReadOptions<T> & { keyset?: Keyset[]; count?: boolean },
  withCursors: boolean,
): Promise<{ objects: T[]; cursors: string[]; count: number | null }> {
  const meta = em.getMetadata().get(typeof entity === 'string' ? entity : (entity as { name: string }).name) as EntityMetadata<T>;
  const shape = shapeOf(meta as EntityMetadata);
  const tree = options.relations ?? {};
  // the filter once, as em.find would write it (same alias, so raw fragments written for it work): its raw fragments can be used only once
  const base = em.createQueryBuilder<T, 'e0'>(meta.className, 'e0').select('e0.*').where(where).getKnexQuery().toSQL();
  const keys = options.orderBy ? orderKeys(meta, options.orderBy) : [];
  const bounds = (options.keyset ?? []).map((k) => keysetSql(k, 'e0'));
  const inner =
    `select * from (${base.sql}) as e0` +
    (bounds.length ? ` where ${bounds.map((b) => b.sql).join(' and ')}` : '') +
    orderSql(keys, 'e0') +
    (options.limit !== undefined ? ` limit ${Math.trunc(options.limit)}` : '');
  // a subquery's order is not kept: the outer statement orders again
  const order = orderSql(keys, 'r0');
  const cursor = withCursors ? `, json_build_array(${keys.map((k) => `r0.${k.column}`).join(', ')})::text as "$cursor"` : '';
  // em.execute runs in the EntityManager's transaction, if any
  const [rows, count] = await Promise.all([
    em.execute(`select ${selectList(em, shape, 'r0', tree)}${cursor} from (${inner}) as r0${order}`, [...base.bindings, ...bounds.flatMap((b) => b.values)]) as Promise<Record<string, unknown>[]>,
    options.count ? em.execute(`select count(*)::int as n from (${base.sql}) as e0`, [...base.bindings]).then((r) => (r as unknown as { n: number }[])[0].n) : Promise.resolve(null),
  ]);
  return {
    count,
    objects: rows.map((r) => materialize(em, shape, r, tree) as T),
    cursors: withCursors ? rows.map((r) => Buffer.from(r.$cursor as string).toString('base64url')) : [],
  };
}

/** ` order by …` over `alias`, or nothing when there are no keys. */
function orderSql(keys: readonly { column: string; desc: boolean }[], alias: string): string {
  return keys.length ? ` order by ${keys.map((k) => `${alias}.${k.column} ${k.desc ? 'desc' : 'asc'}`).join(', ')}` : '';
}

/** The sort keys as quoted columns, each with its direction. */
function orderKeys<T>(meta: EntityMetadata<T>, orderBy: QueryOrderMap<T>): { prop: string; column: string; desc: boolean }[] {
  return Object.entries(orderBy as Record<string, unknown>).map(([k, dir]) => {
    const prop = (meta.properties as Record<string, EntityProperty>)[k];
    if (!prop || typeof dir !== 'string' || prop.fieldNames.length !== 1) throw new Error(`read path: cannot order ${meta.className} by ${k}`);
    return { prop: k, column: quote(prop.fieldNames[0]), desc: dir.toLowerCase().startsWith('desc') };
  });
}

/** "After (or before) these values" in `orderBy`'s order. */
export interface Keyset {
  keys: { column: string; desc: boolean }[];
  values: readonly unknown[];
}

export function keysetCondition<T>(meta: EntityMetadata<T>, orderBy: QueryOrderMap<T>, values: readonly unknown[], backward: boolean): Keyset {
  return { keys: orderKeys(meta, orderBy).map((k) => ({ column: k.column, desc: k.desc !== backward })), values };
}

/**
 * A keyset bound as SQL: a row comparison when every key goes the same way (the (a, b, id)
 * indexes serve it), else its expansion (a > x) or (a = x and b < y) …
 */
function keysetSql(k: Keyset, alias: string): { sql: string; values: unknown[] } {
  const col = (i: number) => `${alias}.${k.keys[i].column}`;
  if (k.keys.every((x) => x.desc === k.keys[0].desc)) {
    return { sql: `(${k.keys.map((_, i) => col(i)).join(', ')}) ${k.keys[0].desc ? '<' : '>'} (${k.keys.map(() => '?').join(', ')})`, values: [...k.values] };
  }
  const terms: string[] = [];
  const values: unknown[] = [];
  k.keys.forEach((key, i) => {
    const eq = k.keys.slice(0, i).map((_, j) => `${col(j)} = ?`);
    terms.push(`(${[...eq, `${col(i)} ${key.desc ? '<' : '>'} ?`].join(' and ')})`);
    values.push(...k.values.slice(0, i), k.values[i]);
  });
  return { sql: `(${terms.join(' or ')})`, values };
}

/* ---------- what a selection reads ---------- */

/**
 * The to-one relations a selection reads (nested as it nests), so one statement brings them
 * with the rows. `aliases` names GraphQL fields that read a relation under another name
 * (`openedByApplicationName` → `openedByApplication`), per entity.
 */
export function relationsFromSelection(
  em: EntityManager,
  entityName: string,
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  aliases: Record<string, Record<string, string>> = {},
  depth = 1,
): RelationTree {
  const tree: RelationTree = {};
  if (!set || depth > MAX_EMBED_DEPTH) return tree;
  const meta = em.getMetadata().find(entityName);
  if (!meta) return tree;
  const visit = (s: SelectionSetNode) => {
    for (const sel of s.selections) {
      if (sel.kind === 'InlineFragment') visit(sel.selectionSet);
      else if (sel.kind === 'FragmentSpread') {
        const f = fragments[sel.name.value];
        if (f) visit(f.selectionSet);
      } else {
        const name = aliases[entityName]?.[sel.name.value] ?? sel.name.value;
        const prop = (meta.properties as Record<string, EntityProperty | undefined>)[name];
        if (!prop || !(prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner))) continue;
        const sub = relationsFromSelection(em, prop.type, sel.selectionSet, fragments, aliases, depth + 1);
        tree[name] = mergeTrees(tree[name] ?? {}, sub);
      }
    }
  };
  visit(set);
  return tree;
}

function mergeTrees(a: RelationTree, b: RelationTree): RelationTree {
  const out: RelationTree = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = mergeTrees(out[k] ?? {}, v);
  return out;
}

/** The selection of the current field itself. */
export function fieldSelection(info: GraphQLResolveInfo): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections: info.fieldNodes.flatMap((n) => n.selectionSet?.selections ?? []) };
}
