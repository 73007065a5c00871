import { Cursor, type EntityManager, type FilterQuery, type QueryOrderMap, type EntityName } from '@mikro-orm/postgresql';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { DomainError, CoreErrorCode } from './errors';
import { isUuid } from './ids';

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

    @Field(() => nodeType, { description: `The ${name}.` })
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

/** A cursor must decode to one value per sort key, the last being the row's uuid. */
function checkCursor(cursor: string, keys: number, field: string): void {
  let values: unknown;
  try {
    values = Cursor.decode(cursor);
  } catch {
    values = null;
  }
  const ok = Array.isArray(values) && values.length === keys && typeof values[keys - 1] === 'string' && isUuid(values[keys - 1] as string);
  if (!ok) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, `${field} is not a valid cursor for this list.`, [field]);
}

function checkArgs(args: ConnectionArgs): { first?: number; last?: number; after?: string; before?: string } {
  const { first, last, after, before } = args;
  if (first != null && last != null) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, 'Pass either first or last, not both.', ['first']);
  for (const [field, n] of [['first', first], ['last', last]] as const) {
    if (n != null && (n < 0 || n > PAGE.max)) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, `${field} must be between 0 and ${PAGE.max}.`, [field]);
  }
  for (const [field, c] of [['after', after], ['before', before]] as const) {
    if (c != null && (c.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(c))) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, `${field} is not a valid cursor.`, [field]);
  }
  return {
    first: last == null ? (first ?? PAGE.default) : undefined,
    last: last ?? undefined,
    after: after ?? undefined,
    before: before ?? undefined,
  };
}

/**
 * Keyset pagination (MikroORM's `findByCursor`, never OFFSET). `orderBy` must end with a
 * unique column so cursors are stable; the count runs only when the client selected it.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>,
  args: ConnectionArgs,
  info?: GraphQLResolveInfo,
  options: { populate?: readonly string[] } = {},
): Promise<Page<T>> {
  const page = checkArgs(args);
  const keys = Object.keys(orderBy).length;
  if (page.after) checkCursor(page.after, keys, 'after');
  if (page.before) checkCursor(page.before, keys, 'before');
  const cursor = await em.findByCursor(entity, where, {
    ...page,
    orderBy,
    includeCount: info ? selects(info, 'totalCount') : true,
    populate: options.populate as never,
  });
  const nodes = cursor.items;
  return {
    nodes,
    edges: nodes.map((node) => ({ cursor: cursor.from(node), node })),
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    },
    totalCount: typeof cursor.totalCount === 'number' ? cursor.totalCount : null,
  };
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
