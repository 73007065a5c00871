import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Node } from './base.entity';
import type { Context } from './context';
import { CORE_MESSAGES, CoreErrorCode, DomainError } from './errors';
import { fromGlobalId, isUuid } from './ids';
import { nodeFetcher } from './node-registry';
import { PAGE } from './connection';
import { CORE_SITUATIONS as T } from './core.messages';

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when it does not exist or is outside what you may see.' })
  async node(@Arg('id', () => ID, { description: 'The `id` field of any object, passed back as it is; a malformed id is BAD_USER_INPUT.' }) id: string, @Ctx() ctx: Context): Promise<object | null> {
    const [found] = await fetchNodes(ctx, [id]);
    return found;
  }

  @Authorized()
  @Query(() => [Node], { nullable: 'items', description: `Several objects by global id, in the order asked (at most ${PAGE.max}); null for each one not found.` })
  async nodes(@Arg('ids', () => [ID], { description: `Objects' \`id\` fields, passed back as they are (at most ${PAGE.max}); a malformed one is BAD_USER_INPUT.` }) ids: string[], @Ctx() ctx: Context): Promise<(object | null)[]> {
    if (ids.length > PAGE.max) throw new DomainError(CoreErrorCode.TOO_MANY_ITEMS, CORE_MESSAGES.TOO_MANY_ITEMS({ max: PAGE.max }), ['ids'], { max: PAGE.max });
    return fetchNodes(ctx, ids);
  }
}

async function fetchNodes(ctx: Context, globalIds: string[]): Promise<(object | null)[]> {
  const parsed = globalIds.map((g) => {
    const p = fromGlobalId(g);
    if (!nodeFetcher(p.type) || !isUuid(p.id)) throw new DomainError(CoreErrorCode.INVALID_ID, T['INVALID_ID.node']({ id: g.slice(0, 60) }), ['id']);
    return p;
  });
  const byType = new Map<string, string[]>();
  for (const p of parsed) byType.set(p.type, [...(byType.get(p.type) ?? []), p.id]);
  const found = new Map<string, Map<string, object>>();
  for (const [type, ids] of byType) found.set(type, new Map((await nodeFetcher(type)!(ctx, ids)).map((row) => [row.id, row])));
  return parsed.map((p) => found.get(p.type)?.get(p.id) ?? null);
}
