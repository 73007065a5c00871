/**
 * THE read path of lists. A page (or a loader's batch) is one statement whose select list
 * brings, besides the rows' own columns, the to-one relations the GraphQL selection reads,
 * each built as JSON by PostgreSQL from a join on the page's rows only (after the limit); the
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
import { ReferenceKind, type EntityManager, type Knex, type EntityMetadata, type EntityName, type EntityProperty, type FilterQuery, type QueryOrderMap } from '@mikro-orm/postgresql';
import { getMetadataStorage } from 'type-graphql';
import { Kind, valueFromASTUntyped, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Under a relation of a RelationTree: the properties its selection reads (absent: all of them). */
export const COLUMNS = Symbol('properties read');

/** The to-one relations to embed, by property name, each with the relations of its own to embed (and which of its properties to bring). */
export interface RelationTree {
  [relation: string]: RelationTree;
  [COLUMNS]?: ReadonlySet<string>;
}

/**
 * A list of child rows that a field of a read object can bring inside its parent's statement
 * (a ticket's last events): a JSON array built by PostgreSQL per parent row, so the page and its
 * lists are one statement and one round trip. The feature that owns the field declares it
 * (`bringListWith`); its resolver reads it back with `broughtList` under the same key, and
 * loads by batch when the parent was read without it.
 */
export interface ChildList {
  /** The field and arguments it answers, e.g. `history:5`. */
  key: string;
  /** The child entity's class name. */
  entity: string;
  /** SQL tying child rows (alias `child`) to the parent row (alias `parent`, columns by their names): constants only, no values. */
  where: (child: string, parent: string) => string;
  /** Which child rows, as a MikroORM filter (values bound): the rule stays the one the feature's own reads use. */
  filter?: FilterQuery<object>;
  /** The child properties to order by, ascending; `relation.property` orders by a property of a relation in `embed`. */
  orderBy: string[];
  /** To-one relations brought with each child row whatever the selection reads (the order reads them), with the properties to bring under `COLUMNS`. */
  embed?: RelationTree;
}

/** A child list with the to-one relations of the selection under it. */
export interface ChildListRead {
  list: ChildList;
  relations: RelationTree;
}

/** The child list a field serves for its arguments and the request's context, or null (invalid arguments: the resolver reports them; no context: not brought). */
export type ChildListOf = (args: Record<string, unknown>, context: unknown) => ChildList | null;

const childLists = new Map<string, Map<string, ChildListOf>>();

/** Declares that `field` of `entity`'s GraphQL type can be brought with its parent's page. */
export function bringListWith(entity: string, field: string, of: ChildListOf): void {
  let byField = childLists.get(entity);
  if (!byField) childLists.set(entity, (byField = new Map()));
  byField.set(field, of);
}

const LISTS = Symbol('child lists brought with the row');

/** The child list brought with `parent` under `key`, or undefined when it was read without it. */
export function broughtList<T>(parent: object, key: string): T[] | undefined {
  return (parent as { [LISTS]?: Record<string, T[]> })[LISTS]?.[key];
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
  /**
   * Every column and to-one key; its prototype is the class's, with every mapped property shadowed
   * by a plain data property (MikroORM's accessors would run on each assignment), and collections
   * made on first use.
   */
  full: Layout;
  /** Layouts of rows read with some properties only, by what they read. */
  partial: Map<string, Layout>;
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
  for (const name of [...columns.map((c) => c.prop), ...toOnes.map((r) => r.prop)]) {
    Object.defineProperty(proto, name, { value: undefined, writable: true, enumerable: true, configurable: true });
  }
  // a collection is made when it is first read: most rows of a list never touch theirs
  for (const c of collections) {
    Object.defineProperty(proto, c.name, {
      get(this: Record<string | symbol, unknown>) {
        const value = new ReadCollection(this[EM] as EntityManager, meta, c.name, this.id as string);
        Object.defineProperty(this, c.name, { value, writable: true, enumerable: true, configurable: true });
        return value;
      },
      set(this: object, value: unknown) {
        Object.defineProperty(this, c.name, { value, writable: true, enumerable: true, configurable: true });
      },
      enumerable: true,
      configurable: true,
    });
  }
  shape = { meta, table: meta.tableName, pk: (meta.properties as Record<string, EntityProperty>)[meta.primaryKeys[0]].fieldNames[0], columns, toOnes, collections, full: { columns, toOnes, proto }, partial: new Map() };
  shapes.set(meta, shape);
  return shape;
}

/** What a row of `shape` brings for a selection: its columns and to-one keys, in the order of the statement. */
interface Layout {
  columns: Column[];
  toOnes: ToOne[];
  /** The prototype of such objects. */
  proto: object;
}

/**
 * The columns and to-one keys to read of `shape` for a selection that reads `props` (and the
 * relations of `tree`), and the prototype of such objects: a property that was not read throws
 * when it is read, so a resolver that needs more than its field declares fails loudly in tests
 * instead of answering null. The statement and the reading of its rows both follow this layout.
 */
function layoutOf(shape: Shape, tree: RelationTree): Layout {
  const props = tree[COLUMNS];
  if (!props) return shape.full;
  const same = lastLayout.get(props);
  if (same && same.shape === shape) return same.layout; // every row of a list asks with the same set
  const reads = (name: string) => props.has(name) || tree[name] !== undefined;
  const key = [...props, ...Object.keys(tree).map((k) => `${k}{}`)].sort().join(',');
  let layout = shape.partial.get(key);
  if (!layout) {
    const pk = shape.meta.primaryKeys[0];
    const columns = shape.columns.filter((c) => c.prop === pk || reads(c.prop));
    const toOnes = shape.toOnes.filter((r) => reads(r.prop));
    const proto = Object.create(shape.full.proto) as object;
    for (const name of [...shape.columns.filter((c) => !columns.includes(c)).map((c) => c.prop), ...shape.toOnes.filter((r) => !toOnes.includes(r)).map((r) => r.prop)]) {
      Object.defineProperty(proto, name, {
        get() {
          throw new Error(`read path: ${shape.meta.className}.${name} was not read for this selection; declare it with readsProperties`);
        },
        enumerable: false,
        configurable: true,
      });
    }
    shape.partial.set(key, (layout = { columns, toOnes, proto }));
  }
  lastLayout.set(props, { shape, layout });
  return layout;
}

const lastLayout = new WeakMap<ReadonlySet<string>, { shape: Shape; layout: Layout }>();

/* ---------- SQL ---------- */

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The joins a statement's embedded relations need, and a fresh alias for each (one statement, one namespace). */
interface Joins {
  sql: string[];
  next: number;
  /** The alias of each joined relation, by `parentAlias.relation`. */
  aliases: Map<string, string>;
}

/**
 * One row of `shape` under `alias` as a JSON array, in its layout's order (columns, then for each
 * to-one relation its key, or its embedded row when the selection reads it): positions instead
 * of keys make PostgreSQL's JSON, the bytes sent and their parsing about half as costly.
 */
function rowTuple(em: EntityManager, shape: Shape, alias: string, tree: RelationTree, joins: Joins): string {
  const layout = layoutOf(shape, tree);
  const items = layout.columns.map((c) => `${alias}.${quote(c.column)}`);
  for (const r of layout.toOnes) items.push(tree[r.prop] ? embedded(em, r, alias, tree[r.prop], joins) : `${alias}.${quote(r.column)}`);
  // a function takes at most 100 arguments: wider rows are concatenated from chunks
  const chunks: string[] = [];
  for (let i = 0; i < items.length; i += 90) chunks.push(`json_build_array(${items.slice(i, i + 90).join(', ')})`);
  return chunks.length === 1 ? chunks[0] : `(${chunks.map((c) => `${c}::jsonb`).join(' || ')})::json`;
}

/**
 * A to-one relation's row, joined by its primary key (at most one row, so the rows of the page
 * stay as they are) and written as a JSON array; null when the key is. A join lets PostgreSQL
 * pick how to match the page's rows (a hash of a small table, an index of a large one) where a
 * correlated subquery scanned the target once per row: a page of people spent half its
 * database time scanning the twelve structures fifty times.
 */
function embedded(em: EntityManager, r: ToOne, parent: string, tree: RelationTree, joins: Joins): string {
  const target = shapeOf(em.getMetadata().get(r.target));
  const alias = `j${joins.next++}_${r.prop.replace(/\W/g, '')}`;
  joins.aliases.set(`${parent}.${r.prop}`, alias);
  joins.sql.push(`left join ${quote(target.table)} ${alias} on ${alias}.${quote(target.pk)} = ${parent}.${quote(r.column)}`);
  return `case when ${alias}.${quote(target.pk)} is null then null else ${rowTuple(em, target, alias, tree, joins)} end`;
}

/**
 * The select list of rows of `shape` under `alias`: own columns by property name, then each
 * to-one key, or its embedded row (`prop$`), and the child lists; `joins` receives what the
 * embedded rows need.
 */
function selectList(em: EntityManager, shape: Shape, alias: string, tree: RelationTree, lists: readonly ChildListRead[], joins: Joins): { sql: string; bindings: unknown[] } {
  const layout = layoutOf(shape, tree);
  const cols = layout.columns.map((c) => `${alias}.${quote(c.column)} as ${quote(c.prop)}`);
  for (const r of layout.toOnes) cols.push(tree[r.prop] ? `${embedded(em, r, alias, tree[r.prop], joins)} as ${quote(`${r.prop}$`)}` : `${alias}.${quote(r.column)} as ${quote(r.prop)}`);
  const bindings: unknown[] = [];
  for (const { list, relations } of lists) {
    const child = shapeOf(em.getMetadata().get(list.entity));
    // a filtered list reads from the filter's statement, which PostgreSQL flattens into the same scan
    const filtered = list.filter ? filterSql(em, child.meta, list.filter) : null;
    if (filtered) bindings.push(...filtered.bindings);
    const from = filtered ? `(${filtered.sql}) c` : `${quote(child.table)} c`;
    // the list's own joins stay inside its subquery
    const inner: Joins = { sql: [], next: joins.next, aliases: new Map() };
    const tuple = rowTuple(em, child, 'c', relations, inner);
    joins.next = inner.next;
    const order = list.orderBy.map((p) => orderColumn(em, child.meta, p, inner)).join(', ');
    cols.push(`(select coalesce(json_agg(${tuple} order by ${order}), '[]'::json) from ${[from, ...inner.sql].join(' ')} where ${list.where('c', alias)}) as ${quote(`$list:${list.key}`)}`);
  }
  return { sql: cols.join(', '), bindings };
}

/** A child list's order key as SQL: a column of the child row (`c`), or of a relation it embeds (`relation.property`). */
function orderColumn(em: EntityManager, meta: EntityMetadata, path: string, joins: Joins): string {
  const dot = path.indexOf('.');
  if (dot < 0) return `c.${quote(columnOf(meta, path))}`;
  const relation = path.slice(0, dot);
  const alias = joins.aliases.get(`c.${relation}`);
  const prop = (meta.properties as Record<string, EntityProperty | undefined>)[relation];
  if (!alias || !prop) throw new Error(`read path: ${meta.className} orders by ${path}, but ${relation} is not embedded (declare it in the list's embed)`);
  return `${alias}.${quote(columnOf(em.getMetadata().get(prop.type), path.slice(dot + 1)))}`;
}

function columnOf(meta: EntityMetadata, prop: string): string {
  const p = (meta.properties as Record<string, EntityProperty | undefined>)[prop];
  if (!p || p.fieldNames.length !== 1) throw new Error(`read path: ${meta.className}.${prop} is not one column`);
  return p.fieldNames[0];
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

const EM = Symbol('the EntityManager that read the row');

/** A read object from a row of the page's statement (columns by property name). */
function materialize(em: EntityManager, shape: Shape, row: Record<string, unknown>, tree: RelationTree, lists: readonly ChildListRead[] = []): object {
  const { columns, toOnes, proto } = layoutOf(shape, tree);
  const o = Object.create(proto) as Record<string | symbol, unknown>;
  o[EM] = em;
  if (lists.length) {
    const brought: Record<string, object[]> = {};
    for (const { list, relations } of lists) {
      const child = shapeOf(em.getMetadata().get(list.entity));
      brought[list.key] = (row[`$list:${list.key}`] as unknown[][]).map((r) => fromTuple(em, child, r, relations));
    }
    o[LISTS] = brought;
  }
  for (const c of columns) o[c.prop] = c.toJs(row[c.prop]);
  for (const r of toOnes) o[r.prop] = tree[r.prop] ? embeddedRef(em, r, row[`${r.prop}$`] as unknown[] | null, tree[r.prop]) : keyRef(em, r, row[r.prop] as string | null);
  return o;
}

/** A to-one relation read as its key: null, or a reference that loads by batch. */
function keyRef(em: EntityManager, r: ToOne, id: string | null): ReadRef | null {
  return id == null ? null : new ReadRef(id, null, em, r.target);
}

/** A to-one relation read with its row: null, or a reference holding it (its key is the row's). */
function embeddedRef(em: EntityManager, r: ToOne, tuple: readonly unknown[] | null, tree: RelationTree): ReadRef | null {
  if (tuple == null) return null;
  const shape = shapeOf(em.getMetadata().get(r.target));
  const entity = fromTuple(em, shape, tuple, tree) as Record<string, unknown>;
  return new ReadRef(entity[shape.meta.primaryKeys[0]] as string, entity, em, r.target);
}

/** A read object from a row written by `rowTuple`, read in the same layout. */
function fromTuple(em: EntityManager, shape: Shape, tuple: readonly unknown[], tree: RelationTree): object {
  const { columns, toOnes, proto } = layoutOf(shape, tree);
  const o = Object.create(proto) as Record<string | symbol, unknown>;
  o[EM] = em;
  let i = 0;
  for (const c of columns) o[c.prop] = c.toJs(tuple[i++]);
  for (const r of toOnes) o[r.prop] = tree[r.prop] ? embeddedRef(em, r, tuple[i++] as unknown[] | null, tree[r.prop]) : keyRef(em, r, tuple[i++] as string | null);
  return o;
}

/** A row as PostgreSQL's `row_to_json` writes it: every column by its name, each value as `json_build_array` writes it. */
export type ColumnRow = Record<string, unknown>;

/**
 * The read object of a row written by PostgreSQL (`row_to_json`) rather than read here, such as
 * a notification carries: the same object a read of the row brings, its to-one relations given
 * in `related` (their rows, or null) embedded, the others as keys. Null when the row lacks a
 * column the entity maps (written before a migration added it): the caller reads the row instead.
 */
export function objectFromRow<T extends object>(em: EntityManager, entity: EntityName<T>, row: ColumnRow, related: Record<string, ColumnRow | null> = {}): T | null {
  const meta = em.getMetadata().get(typeof entity === 'string' ? entity : (entity as { name: string }).name);
  const { columns, toOnes, proto } = shapeOf(meta).full;
  if (!columns.every((c) => c.column in row) || !toOnes.every((r) => r.column in row)) return null;
  const o = Object.create(proto) as Record<string | symbol, unknown>;
  o[EM] = em;
  for (const c of columns) o[c.prop] = c.toJs(row[c.column]);
  for (const r of toOnes) {
    const id = row[r.column] as string | null;
    const relatedRow = related[r.prop];
    if (id == null || !relatedRow) {
      o[r.prop] = keyRef(em, r, id);
      continue;
    }
    const target = objectFromRow(em, r.target, relatedRow);
    if (!target) return null;
    o[r.prop] = new ReadRef(id, target, em, r.target);
  }
  return o as T;
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
  /** To-one relations to bring with the rows (see `relationsFromSelection`), and under `COLUMNS` the rows' own properties to bring (see `propertiesRead`; all when absent). */
  relations?: RelationTree;
  /**
   * A condition of SQL over the rows (alias `e0`, `?` for `values`) besides `where`: a fixed
   * text, so the filter's statement stays cached where a raw fragment in `where` would not.
   */
  also?: { sql: string; values: readonly unknown[] };
  /** Child lists to bring with each row (see `childListsFromSelection`). */
  lists?: readonly ChildListRead[];
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
  options: ReadOptions<T> & { orderBy: QueryOrderMap<T>; keyset?: Keyset[]; count?: boolean; /** false: no cursor is read (none selected); `cursors` is then empty. */ cursors?: boolean },
): Promise<{ objects: T[]; cursors: string[]; count: number | null }> {
  return readRows(em, entity, where, options, options.cursors ?? true);
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
  const lists = options.lists ?? [];
  const base = filterSql(em, meta, where);
  const keys = options.orderBy ? orderKeys(meta, options.orderBy) : [];
  const bounds = (options.keyset ?? []).map((k) => keysetSql(k, 'e0'));
  if (options.also) bounds.push({ sql: options.also.sql, values: [...options.also.values] });
  const inner =
    `select * from (${base.sql}) as e0` +
    (bounds.length ? ` where ${bounds.map((b) => b.sql).join(' and ')}` : '') +
    orderSql(keys, 'e0') +
    (options.limit !== undefined ? ` limit ${Math.trunc(options.limit)}` : '');
  // a subquery's order is not kept: the outer statement orders again
  const order = orderSql(keys, 'r0');
  const joins: Joins = { sql: [], next: 1, aliases: new Map() };
  const select = selectList(em, shape, 'r0', tree, lists, joins);
  const cursor = withCursors ? `, json_build_array(${keys.map((k) => `r0.${k.column}`).join(', ')})::text as "$cursor"` : '';
  const [rows, count] = await Promise.all([
    send(em, `select ${select.sql}${cursor} from (${inner}) as r0${joins.sql.map((j) => ` ${j}`).join('')}${order}`, [...select.bindings, ...base.bindings, ...bounds.flatMap((b) => b.values)]),
    options.count ? send(em, `select count(*)::int as n from (${base.sql}) as e0`, base.bindings).then((r) => r[0].n as number) : Promise.resolve(null),
  ]);
  return {
    count,
    objects: rows.map((r) => materialize(em, shape, r, tree, lists) as T),
    cursors: withCursors ? rows.map((r) => Buffer.from(r.$cursor as string).toString('base64url')) : [],
  };
}

/**
 * How many rows each filter admits, all in one statement: the very count a list gives as its
 * `totalCount` (the same filter SQL), for several filters at once — a sidebar's saved views
 * count in one statement, not one each.
 */
export async function countEach<T extends object>(em: EntityManager, entity: EntityName<T>, wheres: readonly FilterQuery<T>[]): Promise<number[]> {
  if (!wheres.length) return [];
  const meta = em.getMetadata().get(typeof entity === 'string' ? entity : (entity as { name: string }).name) as EntityMetadata<T>;
  const parts = wheres.map((w) => filterSql(em, meta, w));
  const rows = await send(em, `select ${parts.map((p, i) => `(select count(*)::int from (${p.sql}) as e0) as c${i}`).join(', ')}`, parts.flatMap((p) => p.bindings));
  return parts.map((_, i) => rows[0][`c${i}`] as number);
}

/* ---------- sending a statement ---------- */

/**
 * A read's statement goes to PostgreSQL with its values as bound parameters, under a name once
 * its text recurs, so PostgreSQL parses and plans it once per connection instead of on every
 * request: the hot list's page statement took 1.8 ms to plan for 1.7 ms to run. (`em.execute`
 * writes every value into the text, so no two requests send the same statement.)
 *
 * It takes a connection from knex's pool (in the EntityManager's transaction, that one), so the
 * pool, its acquire timeout and the `query` events (the statements metric) are the same as any
 * statement's; errors are converted as MikroORM converts them.
 */
const MAX_NAMED_STATEMENTS = 500;
const MAX_TEXTS_SEEN = 1000;
/** Statement texts seen: their name once they recurred (null after the first time), and their text as PostgreSQL gets it once numbered. */
const seenTexts = new Map<string, { name: string | null; numbered?: string }>();
let namesGiven = 0;

function statementName(text: string): string | undefined {
  const seen = seenTexts.get(text);
  if (seen?.name) return seen.name;
  // a text seen once (a loader's odd-sized batch) gets no name: PostgreSQL keeps a prepared statement for the connection's life
  if (seen && namesGiven < MAX_NAMED_STATEMENTS) return (seen.name = `read_${(namesGiven++).toString(36)}`);
  if (!seen && seenTexts.size < MAX_TEXTS_SEEN) seenTexts.set(text, { name: null });
  return undefined;
}

/** knex's client, as far as a read's statement needs it. */
interface KnexClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<unknown>;
  positionBindings(sql: string): string;
  emit(event: 'query', query: { sql: string; bindings: readonly unknown[]; method: 'raw'; options: { name?: string }; __knexUid?: string }): boolean;
}

interface PgConnection {
  __knexUid?: string;
  query(config: { name?: string; text: string; values: readonly unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}

/** The text with its `?` numbered for PostgreSQL ($1, $2 …) as knex numbers them, once per text seen. */
function numberedText(client: KnexClient, sql: string): string {
  const seen = seenTexts.get(sql);
  return seen ? (seen.numbered ??= client.positionBindings(sql)) : client.positionBindings(sql);
}

async function send(em: EntityManager, sql: string, bindings: readonly unknown[]): Promise<Record<string, unknown>[]> {
  const name = statementName(sql);
  const trx = em.getTransactionContext() as unknown as Knex | undefined;
  try {
    if (trx) {
      // on the transaction's own connection, through knex, which refuses a statement on a finished transaction
      const statement = trx.raw(sql, bindings as Knex.RawBinding[]);
      return ((await (name ? statement.options({ name }) : statement)) as { rows: Record<string, unknown>[] }).rows;
    }
    // straight to a connection of the same pool: knex's raw query rewrote the multi-kilobyte text
    // twice and built a query object for each read, a few percent of a list request
    const client = (em.getConnection().getKnex() as unknown as { client: KnexClient }).client;
    const text = numberedText(client, sql);
    const connection = await client.acquireConnection();
    try {
      // what knex announces of every statement (the statements metric counts these)
      client.emit('query', { sql: text, bindings, method: 'raw', options: name ? { name } : {}, __knexUid: connection.__knexUid });
      return (await connection.query(name ? { name, text, values: bindings } : { text, values: bindings })).rows;
    } finally {
      await client.releaseConnection(connection);
    }
  } catch (e) {
    throw e instanceof Error ? em.getDriver().convertException(e) : e;
  }
}

/* ---------- the filter's statement, cached per shape ---------- */

/**
 * Writing a filter's SQL with MikroORM's query builder took a tenth of a hot-list request, and
 * the text depends only on the filter's shape (its keys, operators, array lengths and nulls),
 * not on its values. So the text is kept per entity and shape, with the place of each value
 * among the bindings; a later filter of the same shape only supplies its values.
 *
 * A shape is kept only when the builder's bindings are exactly the filter's values, each found
 * once by identity: a value the builder converted (a custom type), wrote into the text or
 * could not be told from another is not, and such a filter is written each time, as before.
 * A filter holding a raw fragment is never kept (its SQL is the fragment's; see `also`).
 */
interface CachedFilter {
  sql: string;
  /** bindings[i] = values[order[i]] */
  order: number[];
}

const MAX_SHAPES_PER_ENTITY = 500;
const filterCache = new WeakMap<EntityMetadata, Map<string, CachedFilter>>();

function filterSql<T extends object>(em: EntityManager, meta: EntityMetadata<T>, where: FilterQuery<T>): { sql: string; bindings: readonly unknown[] } {
  const shape = filterShape(where);
  let byShape = filterCache.get(meta as EntityMetadata);
  const hit = shape && byShape?.get(shape.key);
  if (hit) return { sql: hit.sql, bindings: hit.order.map((i) => shape.values[i]) };
  // as em.find would write it (same alias, so raw fragments written for it work)
  const built = em.createQueryBuilder<T, 'e0'>(meta.className, 'e0').select('e0.*').where(where).getKnexQuery().toSQL();
  const order = shape ? bindingOrder(shape.values, built.bindings) : null;
  if (shape && order) {
    if (!byShape) filterCache.set(meta as EntityMetadata, (byShape = new Map()));
    if (byShape.size >= MAX_SHAPES_PER_ENTITY) byShape.clear(); // a filter with ever-new shapes must not grow it for ever
    byShape.set(shape.key, { sql: built.sql, order });
  }
  return { sql: built.sql, bindings: built.bindings };
}

/** Where each binding comes from among `values`, or null when that is not a one-to-one match by identity. */
function bindingOrder(values: readonly unknown[], bindings: readonly unknown[]): number[] | null {
  if (values.length !== bindings.length) return null;
  const used = new Set<number>();
  const order: number[] = [];
  for (const b of bindings) {
    let found = -1;
    for (let i = 0; i < values.length; i++) {
      if (!Object.is(values[i], b)) continue;
      if (found !== -1) return null; // two equal values: which is which cannot be told
      found = i;
    }
    if (found === -1 || used.has(found)) return null;
    used.add(found);
    order.push(found);
  }
  return order;
}

/** A filter's shape as a key, and its values in the order the key meets them; null when it cannot be kept (a raw fragment, an object that is not plain data). */
export function filterShape(where: unknown): { key: string; values: unknown[] } | null {
  const values: unknown[] = [];
  const parts: string[] = [];
  const walk = (v: unknown): boolean => {
    if (v === null) parts.push('n');
    else if (v === undefined) parts.push('u');
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') {
      parts.push(typeof v === 'string' ? 's' : typeof v === 'number' ? 'd' : typeof v === 'boolean' ? 'b' : 'g');
      values.push(v);
    } else if (v instanceof Date) {
      parts.push('t');
      values.push(v);
    } else if (Array.isArray(v)) {
      parts.push(`[${v.length}`);
      for (const x of v) if (!walk(x)) return false;
      parts.push(']');
    } else if (typeof v === 'object') {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return false; // an entity, a reference, a raw fragment
      if (Object.getOwnPropertySymbols(v).length) return false;
      parts.push('{');
      for (const [k, x] of Object.entries(v)) {
        if (k.startsWith('[raw]')) return false;
        parts.push(JSON.stringify(k));
        if (!walk(x)) return false;
      }
      parts.push('}');
    } else return false;
    return true;
  };
  return walk(where) ? { key: parts.join(''), values } : null;
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
  prune = true,
): RelationTree {
  const tree: RelationTree = {};
  if (!set || depth > MAX_EMBED_DEPTH) return tree;
  const meta = em.getMetadata().find(entityName);
  if (!meta) return tree;
  // embedded objects bring only what their selection reads, unless a resolver of this level (whose needs are not known) may read them
  const pruneBelow = prune && propertiesRead(em, entityName, set, fragments, aliases) !== undefined;
  for (const sel of fieldsOf(set, fragments)) {
    const name = aliases[entityName]?.[sel.name.value] ?? sel.name.value;
    const prop = (meta.properties as Record<string, EntityProperty | undefined>)[name];
    if (!prop || !(prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner))) continue;
    const sub = relationsFromSelection(em, prop.type, sel.selectionSet, fragments, aliases, depth + 1, pruneBelow);
    const props = pruneBelow ? propertiesRead(em, prop.type, sel.selectionSet, fragments, aliases) : undefined;
    if (props) sub[COLUMNS] = props;
    tree[name] = tree[name] ? mergeTrees(tree[name], sub) : sub;
  }
  return tree;
}

/** The fields of a selection, those of its inline fragments and fragment spreads included, in order. */
function fieldsOf(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, out: FieldNode[] = []): FieldNode[] {
  for (const sel of set.selections) {
    if (sel.kind === 'InlineFragment') fieldsOf(sel.selectionSet, fragments, out);
    else if (sel.kind === 'FragmentSpread') {
      const f = fragments[sel.name.value];
      if (f) fieldsOf(f.selectionSet, fragments, out);
    } else out.push(sel);
  }
  return out;
}

/**
 * The child lists a selection of `entityName` rows asks for, among those declared with
 * `bringListWith`: each field once per distinct arguments (aliases of the same field with the
 * same arguments share one), with the relations its own selection reads.
 */
export function childListsFromSelection(
  em: EntityManager,
  entityName: string,
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  aliases: Record<string, Record<string, string>> = {},
  context?: unknown,
): ChildListRead[] {
  const declared = childLists.get(entityName);
  if (!set || !declared) return [];
  const out = new Map<string, ChildListRead>();
  for (const sel of fieldsOf(set, fragments)) {
    const of = declared.get(sel.name.value);
    if (!of) continue;
    const args = Object.fromEntries((sel.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables)]));
    const list = of(args, context);
    if (!list) continue;
    let relations = relationsFromSelection(em, list.entity, sel.selectionSet, fragments, aliases);
    const props = propertiesRead(em, list.entity, sel.selectionSet, fragments, aliases);
    if (props) relations[COLUMNS] = props;
    if (list.embed) relations = withEmbedded(relations, list.embed);
    const seen = out.get(list.key);
    out.set(list.key, { list, relations: seen ? mergeTrees(seen.relations, relations) : relations });
  }
  return [...out.values()];
}

/** What `childListOf` needs of a request's context: its EntityManager and its request-scoped loaders. */
export interface ChildListContext {
  em: EntityManager;
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>): DataLoader<K, V>;
}

/**
 * A child list field's answer for `parent`: the list under `key` when the parent's statement
 * brought it (`bringListWith`), else one statement per batch of parents read without it (by id,
 * as a relation, in a mutation's payload) that reads them again by key with the list brought,
 * so its rows, filter and order are those of its one declaration, never a second copy. `info`
 * is the list field's own (its arguments and the relations its selection reads, the first
 * caller's for the batch).
 */
export function childListOf<T>(ctx: ChildListContext, entity: string, parent: { id: string }, key: string, info: GraphQLResolveInfo, aliases: Record<string, Record<string, string>> = {}): T[] | Promise<T[]> {
  return (
    broughtList<T>(parent, key) ??
    ctx
      .loader<string, T[]>(`childList ${entity} ${key}`, async (ids) => {
        const lists = childListsFromSelection(ctx.em, entity, { kind: Kind.SELECTION_SET, selections: info.fieldNodes }, info.fragments, info.variableValues, aliases, ctx).filter((l) => l.list.key === key);
        if (!lists.length) throw new Error(`${entity}.${info.fieldName} brings no child list "${key}" for these arguments`);
        const parents = await readMany<{ id: string }>(ctx.em, entity, { id: { $in: [...ids] } }, { relations: { [COLUMNS]: new Set<string>() }, lists });
        const byId = new Map(parents.map((p) => [p.id, broughtList<T>(p, key) ?? []]));
        return ids.map((id) => byId.get(id) ?? []);
      })
      .load(parent.id)
  );
}

/** A selection's relations plus those always embedded (their keys then read too). */
function withEmbedded(tree: RelationTree, embed: RelationTree): RelationTree {
  const out: RelationTree = { ...tree };
  for (const [relation, sub] of Object.entries(embed)) out[relation] = out[relation] ? mergeTrees(out[relation], sub) : sub;
  const own = tree[COLUMNS];
  if (own) out[COLUMNS] = new Set([...own, ...Object.keys(embed)]);
  return out;
}

/** Two selections of the same relation: the relations of both, and the properties of both (all when either reads all). */
function mergeTrees(a: RelationTree, b: RelationTree): RelationTree {
  const out: RelationTree = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = out[k] ? mergeTrees(out[k], v) : v;
  const ca = a[COLUMNS];
  const cb = b[COLUMNS];
  if (ca && cb) out[COLUMNS] = new Set([...ca, ...cb]);
  else delete out[COLUMNS];
  return out;
}

/* ---------- which properties a selection reads ---------- */

const declaredReads = new Map<string, Map<string, readonly string[]>>();

/**
 * Declares the properties a GraphQL field of an entity reads when its resolver reads other
 * properties than the field's own (`fullName` reads `firstName` and `lastName`; a relation's
 * resolver reads the relation, `openedByApplicationName` reads `openedByApplication`), or none
 * (a field computed from the row's id, a collection). A field with a resolver and no
 * declaration makes its selection read every property, so declaring is only ever a saving.
 */
export function readsProperties(entity: string, field: string, props: readonly string[]): void {
  let byField = declaredReads.get(entity);
  if (!byField) declaredReads.set(entity, (byField = new Map()));
  byField.set(field, props);
}

let resolvedFields: Map<string, Set<string>> | null = null;

/** The fields of each object type that type-graphql resolves with a method or getter (not by reading the property of the same name). */
function fieldsWithResolvers(): Map<string, Set<string>> {
  if (resolvedFields) return resolvedFields;
  const storage = getMetadataStorage();
  const out = new Map<string, Set<string>>();
  for (const f of storage.fieldResolvers) {
    const owner = storage.resolverClasses.find((r) => r.target === f.target)?.getObjectType?.() as { name?: string } | undefined;
    const type = owner?.name ?? f.target.name;
    let set = out.get(type);
    if (!set) out.set(type, (set = new Set()));
    set.add(f.schemaName);
  }
  return (resolvedFields = out);
}

/**
 * The properties of `entityName` a selection reads: its fields that are plain properties or
 * to-one relations (whose key the row brings), and what `readsProperties` declares for fields
 * with resolvers. Undefined (read all) when a field's needs are not known.
 */
export function propertiesRead(
  em: EntityManager,
  entityName: string,
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  aliases: Record<string, Record<string, string>> = {},
): Set<string> | undefined {
  const meta = em.getMetadata().find(entityName);
  if (!meta || !set) return undefined;
  const props = meta.properties as Record<string, EntityProperty | undefined>;
  const declared = declaredReads.get(entityName);
  const resolved = fieldsWithResolvers().get(entityName);
  const out = new Set<string>();
  for (const sel of fieldsOf(set, fragments)) {
    const field = sel.name.value;
    if (field === '__typename' || field === 'id') continue; // the key is always read (`id` resolvers encode it)
    const reads = declared?.get(field);
    if (reads) {
      reads.forEach((p) => out.add(p));
      continue;
    }
    // a resolver whose needs are not declared may read anything, its relations' objects too
    if (resolved?.has(field)) return undefined;
    const prop = props[aliases[entityName]?.[field] ?? field];
    if (!prop) return undefined;
    // a to-one relation reads its key (its object comes embedded or by batch); a collection loads on first use
    if (prop.kind !== ReferenceKind.ONE_TO_MANY && prop.kind !== ReferenceKind.MANY_TO_MANY) out.add(prop.name);
  }
  return out;
}

/** The selection of the current field itself. */
export function fieldSelection(info: GraphQLResolveInfo): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections: info.fieldNodes.flatMap((n) => n.selectionSet?.selections ?? []) };
}
