import { nodeIdResolver } from '../core/base.entity';
import type { FeatureModule } from '../core/module';
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
import { TICKET_ERROR_CODES } from './ticket.errors';
import { TicketLinkFieldsResolver, TicketLinkResolver } from './ticket-links.resolver';

export { serviceDeskEntities };
// what other modules read of the desk (notifications: who may see a ticket and its comments, the life cycle's names)
export { maySee, maySeeInternalComments } from './ticket.transitions';
export { OPEN_STATUSES, TicketEventKind, TicketStatus, TicketTransition } from './ticket.enums';
// what notifications does through mails (a one-click rating, a reply as a comment), through the desk's own rules
export { addComment, findVisibleTicket, rateTicket } from './ticket.service';
// what the desk's working tools (desk-tools: canned answers, saved views) use: the same rules, the same list read
export { countTickets, decodeTicketFilter, fireTransition, updateTicket } from './ticket.service';
export { ticketPage } from './ticket.resolver';
export { TicketFilter, TicketOrder, TICKET_TEXT, PRIORITY, PriorityRange } from './ticket.inputs';
export { TicketConnection } from './ticket.types';
export { Ticket } from './ticket.entity';
export { TicketComment } from './ticket-comment.entity';
export { TicketEvent } from './ticket-event.entity';
export { SortDirection, TicketImpact, TicketNature, TicketOrderField } from './ticket.enums';
export const serviceDeskResolvers = [TicketResolver, ...TicketTransitionResolvers, TicketFieldsResolver, TicketEventFieldsResolver, TicketCommentFieldsResolver, TicketLinkResolver, TicketLinkFieldsResolver, ...serviceDeskEntities.map(nodeIdResolver)] as const;

export const serviceDeskModule: FeatureModule = {
  resolvers: serviceDeskResolvers,
  errorCodes: [TICKET_ERROR_CODES],
  nodeTypes: {
    Ticket: ticketNodeFetcher,
    TicketEvent: ticketEventNodeFetcher,
    TicketComment: ticketCommentNodeFetcher,
    TicketApplication: referenceNodeFetcher(TicketApplication),
    TicketDomain: referenceNodeFetcher(TicketDomain),
  },
};
