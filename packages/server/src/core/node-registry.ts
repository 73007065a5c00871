import type { Context } from './context';

/** Fetches the objects of one type among raw ids that the viewer may see; the others are simply not returned. */
export type NodeFetcher = (ctx: Context, ids: string[]) => Promise<ReadonlyArray<{ id: string }>>;

const fetchers = new Map<string, NodeFetcher>();

/** Each module registers how its node types are fetched for `node(id:)` / `nodes(ids:)`. */
export function registerNodeType(typeName: string, fetch: NodeFetcher): void {
  fetchers.set(typeName, fetch);
}

export function nodeFetcher(typeName: string): NodeFetcher | undefined {
  return fetchers.get(typeName);
}
