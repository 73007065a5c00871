import type { EntityManager } from '@mikro-orm/postgresql';
import type { KnowledgeItem } from './knowledge-item.entity';
import type { InvestigationStatus } from './knowledge.enums';

/** What a major incident was before a change. */
export interface IncidentBefore {
  investigationStatus: InvestigationStatus | null;
  workaround: string | null;
}

/** Publishes a live event (the caller's PubSub), so listeners need not know the transport. */

/** Runs after a major incident's change is saved: e.g. known errors tell the linked tickets. */
export type IncidentProgressListener = (em: EntityManager, item: KnowledgeItem, before: IncidentBefore) => Promise<void> | void;
const listeners = new Set<IncidentProgressListener>();

/** Other modules hear of a known anomaly's progress without the knowledge base knowing them. */
export function onIncidentProgress(listener: IncidentProgressListener): void {
  listeners.add(listener);
}

export async function notifyIncidentProgress(em: EntityManager, item: KnowledgeItem, before: IncidentBefore): Promise<void> {
  for (const l of listeners) await l(em, item, before);
}
