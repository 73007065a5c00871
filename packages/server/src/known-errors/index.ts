import { onIncidentProgress, type IncidentProgressListener } from '../knowledge/knowledge.hooks';
import { onTicketOpened } from '../service-desk/ticket.hooks';
import { knownErrorEntities } from './known-error.entity';
import { KnowledgeItemKnownErrorFieldsResolver, KnownErrorResolver, KnownErrorStatisticsRowResolver, TicketKnownErrorFieldsResolver } from './known-error.resolver';
import { announceProgress, linkOnOpening } from './known-error.service';
import type { FeatureModule } from '../core/module';
import { KNOWN_ERROR_CODES } from './known-error.errors';

export { knownErrorEntities };
export const knownErrorResolvers = [KnownErrorResolver, KnownErrorStatisticsRowResolver, TicketKnownErrorFieldsResolver, KnowledgeItemKnownErrorFieldsResolver] as const;

/** The listener, once, so that wiring twice adds nothing. */
const announce: IncidentProgressListener = async (em, item, before) => {
  await announceProgress(em, item, before);
};

export const knownErrorsModule: FeatureModule = {
  resolvers: knownErrorResolvers,
  errorCodes: [KNOWN_ERROR_CODES],
  nodeTypes: {},
  wire: () => {
    // a ticket (or an application's filing) whose error message matches an active known anomaly joins it at opening
    onTicketOpened(linkOnOpening);
    // the anomaly's workaround or fix reaches every linked open ticket
    onIncidentProgress(announce);
  },
};
