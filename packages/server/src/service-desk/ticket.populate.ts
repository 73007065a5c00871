import type { EntityManager } from '@mikro-orm/postgresql';
import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** GraphQL fields that read a relation under another name. */
const FIELD_RELATION: Record<string, Record<string, string>> = {
  Ticket: { openedByApplicationName: 'openedByApplication' },
  TicketEvent: { actorApplicationName: 'actorApplication' },
  TicketComment: { authorApplicationName: 'authorApplication' },
};

/**
 * The to-one relations a selection reads, as MikroORM populate paths (`requester.structure`),
 * so one joined statement brings them with the rows. Loading them this way rather than
 * through per-tick batches makes the number of statements of a page fixed — and smaller.
 */
export function populateFromSelection(em: EntityManager, entityName: string, set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, prefix = '', depth = 0): string[] {
  if (!set || depth > 4) return [];
  const meta = em.getMetadata().find(entityName);
  if (!meta) return [];
  const paths = new Set<string>();
  const visit = (s: SelectionSetNode) => {
    for (const sel of s.selections) {
      if (sel.kind === 'InlineFragment') visit(sel.selectionSet);
      else if (sel.kind === 'FragmentSpread') {
        const f = fragments[sel.name.value];
        if (f) visit(f.selectionSet);
      } else {
        const name = FIELD_RELATION[entityName]?.[sel.name.value] ?? sel.name.value;
        const prop = meta.properties[name] as { kind?: string; type?: string } | undefined;
        if (!prop || (prop.kind !== 'm:1' && prop.kind !== '1:1')) continue;
        const path = `${prefix}${name}`;
        paths.add(path);
        for (const p of populateFromSelection(em, prop.type!, sel.selectionSet, fragments, `${path}.`, depth + 1)) paths.add(p);
      }
    }
  };
  visit(set);
  return [...paths];
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

/** The selection of the current field itself. */
export function fieldSelection(info: GraphQLResolveInfo): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections: info.fieldNodes.flatMap((n) => n.selectionSet?.selections ?? []) };
}
