import { type EntityManager, type EntityMetadata, type FilterQuery, type QueryOrderMap, type EntityName } from '@mikro-orm/postgresql';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { CORE_MESSAGES, DomainError, CoreErrorCode } from './errors';
import { isUuid } from './ids';
import { childListsFromSelection, COLUMNS, keysetCondition, propertiesRead, readWithCursors, relationsFromSelection, type Keyset } from './read';
import { CORE_SITUATIONS as T } from './core.messages';

export const PAGE = { default: 20, max: 100 } as const;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Forward page size (default ${PAGE.default}, at most ${PAGE.max}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (from `pageInfo.endCursor`).' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Backward page size (at most ${PAGE.max}).` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items before this cursor (from `pageInfo.startCursor`).' })
  before?: string | null;
}

@ObjectType({ description: 'Where a page sits in the whole list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'More items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page.' })
  endCursor!: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number | null;
}

/** Builds the `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, name = nodeType.name) {
  @ObjectType(`${name}Edge`, { description: `A ${name} in a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item; pass it as `after` or `before`.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name} at this place of the page; \`cursor\` points at it.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} objects (keyset paginated).` })
  class Conn implements Page<T> {
    @Field(() => [Edge], { description: 'The items of the page, with cursors.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The items of the page, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Cursors and whether more pages exist.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { nullable: true, description: 'How many items match in all; counted only when asked for.' })
    totalCount!: number | null;
  }
  return Conn;
}

/** Cost of a connection field: its children once per requested item. */
export function connectionComplexity({ args, childComplexity }: ComplexityEstimatorArgs): number {
  const size = Number(args.first ?? args.last ?? PAGE.default) || PAGE.default;
  return 1 + childComplexity * Math.min(Math.max(size, 1), PAGE.max);
}

/** A cursor must decode to one value per sort key, the last being the row's uuid; returns the values. */
function checkCursor(cursor: string, keys: number, field: string): unknown[] {
  let values: unknown;
  try {
    // values stay as written (timestamps as text, to the microsecond): PostgreSQL casts them to the column's type
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  // scalars only: a nested array or object would reach SQL as a parameter of another type
  const ok =
    Array.isArray(values) &&
    values.length === keys &&
    values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)) &&
    typeof values[keys - 1] === 'string' &&
    isUuid(values[keys - 1] as string);
  if (!ok) throw new DomainError(CoreErrorCode.INVALID_FORMAT, T['INVALID_FORMAT.cursor'](), [field]);
  return values as unknown[];
}

function checkArgs(args: ConnectionArgs): { first?: number; last?: number; after?: string; before?: string } {
  const { first, last, after, before } = args;
  if (first != null && last != null) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, T['VALIDATION_FAILED.firstAndLast'](), ['first']);
  for (const [field, n] of [['first', first], ['last', last]] as const) {
    if (n != null && (n < 0 || n > PAGE.max)) throw new DomainError(CoreErrorCode.OUT_OF_RANGE, CORE_MESSAGES.OUT_OF_RANGE({ min: 0, max: PAGE.max }), [field], { min: 0, max: PAGE.max });
  }
  for (const [field, c] of [['after', after], ['before', before]] as const) {
    if (c != null && (c.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(c))) throw new DomainError(CoreErrorCode.INVALID_FORMAT, T['INVALID_FORMAT.cursor'](), [field]);
  }
  return {
    first: last == null ? (first ?? PAGE.default) : undefined,
    last: last ?? undefined,
    after: after ?? undefined,
    before: before ?? undefined,
  };
}

/**
 * Keyset pagination (never OFFSET) on the one read path (core/read.ts): one statement for the
 * page and the to-one relations its selection reads, plus a count only when the client
 * selected `totalCount`. `orderBy` must end with a unique column so cursors are stable.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>,
  args: ConnectionArgs,
  info?: GraphQLResolveInfo,
  /** aliases: GraphQL fields that read a relation under another name; context: the request's, for child lists that depend on the caller. */
  options: { aliases?: Record<string, Record<string, string>>; context?: unknown } = {},
): Promise<Page<T>> {
  const page = checkArgs(args);
  const meta = em.getMetadata().get(typeof entity === 'string' ? entity : (entity as { name: string }).name) as EntityMetadata<T>;
  const keys = Object.keys(orderBy).length;
  const after = page.after ? checkCursor(page.after, keys, 'after') : null;
  const before = page.before ? checkCursor(page.before, keys, 'before') : null;
  const backward = page.last !== undefined;
  const size = backward ? page.last! : page.first!;
  const keyset: Keyset[] = [];
  if (after) keyset.push(keysetCondition(meta, orderBy, after, false));
  if (before) keyset.push(keysetCondition(meta, orderBy, before, true));
  const order = backward ? reversed(orderBy) : orderBy;
  const nodeSelection = info ? connectionNodeSelection(info) : undefined;
  const relations = info ? relationsFromSelection(em, meta.className, nodeSelection, info.fragments, options.aliases) : {};
  const props = info ? propertiesRead(em, meta.className, nodeSelection, info.fragments, options.aliases) : undefined;
  if (props) relations[COLUMNS] = props;
  const lists = info ? childListsFromSelection(em, meta.className, nodeSelection, info.fragments, info.variableValues, options.aliases, options.context) : [];
  // a page read for its nodes only needs no cursors (each is a JSON array PostgreSQL writes per row)
  const withCursors = !info || selects(info, 'edges') || selects(info, 'pageInfo');
  const read = await readWithCursors(em, entity, where, { orderBy: order, limit: size + 1, relations, lists, keyset, count: !info || selects(info, 'totalCount'), cursors: withCursors });
  const more = read.objects.length > size;
  const nodes = read.objects.slice(0, size);
  const cursors = read.cursors.slice(0, size);
  if (backward) {
    nodes.reverse();
    cursors.reverse();
  }
  return {
    nodes,
    edges: nodes.map((node, i) => ({ cursor: cursors[i], node })),
    pageInfo: {
      hasNextPage: backward ? !!before : more,
      hasPreviousPage: backward ? more : !!after,
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    },
    totalCount: read.count,
  };
}

function reversed<T>(orderBy: QueryOrderMap<T>): QueryOrderMap<T> {
  return Object.fromEntries(Object.entries(orderBy as Record<string, string>).map(([k, dir]) => [k, String(dir).toLowerCase().startsWith('desc') ? 'asc' : 'desc'])) as QueryOrderMap<T>;
}

/** The selection of the connection's nodes (`nodes { … }` and `edges { node { … } }` together). */
export function connectionNodeSelection(info: GraphQLResolveInfo): SelectionSetNode {
  const selections: SelectionSetNode['selections'][number][] = [];
  const collect = (set: SelectionSetNode | undefined, wanted: string, then?: string) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field' && s.name.value === wanted) {
        if (then) collect(s.selectionSet, then);
        else selections.push(...(s.selectionSet?.selections ?? []));
      } else if (s.kind === 'InlineFragment') collect(s.selectionSet, wanted, then);
      else if (s.kind === 'FragmentSpread') collect(info.fragments[s.name.value]?.selectionSet, wanted, then);
    }
  };
  for (const node of info.fieldNodes) {
    collect(node.selectionSet, 'nodes');
    collect(node.selectionSet, 'edges', 'node');
  }
  return { kind: Kind.SELECTION_SET, selections };
}

/** Whether the current field's selection names `field` (directly or in an inline fragment / fragment spread). */
export function selects(info: GraphQLResolveInfo, field: string): boolean {
  const seen = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((s) => {
      if (s.kind === 'Field') return s.name.value === field;
      if (s.kind === 'InlineFragment') return seen(s.selectionSet);
      return seen(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((n) => seen(n.selectionSet));
}
