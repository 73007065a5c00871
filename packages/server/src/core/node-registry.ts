import type { Context } from './context';

/** Fetches objects of one type by raw id, applying the viewer's visibility (null = not found). */
export type NodeFetcher = (ctx: Context, ids: string[]) => Promise<Map<string, object>>;

const fetchers = new Map<string, NodeFetcher>();

/** Each module registers how its node types are fetched for `node(id:)` / `nodes(ids:)`. */
export function registerNodeType(typeName: string, fetch: NodeFetcher): void {
  fetchers.set(typeName, fetch);
}

export function nodeFetcher(typeName: string): NodeFetcher | undefined {
  return fetchers.get(typeName);
}
