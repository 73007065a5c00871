import { nodeIdResolver } from '../core/base.entity';
import { registerNodeType } from '../core/node-registry';
import { serviceDeskEntities } from './entities';
import { TicketApplication, TicketDomain } from './reference-data.entity';
import {
  referenceNodeFetcher,
  ticketCommentNodeFetcher,
  TicketCommentFieldsResolver,
  ticketEventNodeFetcher,
  TicketEventFieldsResolver,
  TicketFieldsResolver,
  ticketNodeFetcher,
  TicketResolver,
  TicketTransitionResolvers,
} from './ticket.resolver';
import './ticket.errors';

export { serviceDeskEntities };
export const serviceDeskResolvers = [TicketResolver, ...TicketTransitionResolvers, TicketFieldsResolver, TicketEventFieldsResolver, TicketCommentFieldsResolver, ...serviceDeskEntities.map(nodeIdResolver)] as const;

registerNodeType('Ticket', ticketNodeFetcher);
registerNodeType('TicketEvent', ticketEventNodeFetcher);
registerNodeType('TicketComment', ticketCommentNodeFetcher);
registerNodeType('TicketApplication', referenceNodeFetcher(TicketApplication));
registerNodeType('TicketDomain', referenceNodeFetcher(TicketDomain));
