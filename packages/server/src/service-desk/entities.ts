import { TicketApplication, TicketDomain } from './reference-data.entity';
import { TicketComment } from './ticket-comment.entity';
import { TicketEvent } from './ticket-event.entity';
import { TicketLink } from './ticket-link.entity';
import { Ticket } from './ticket.entity';

/** The desk's entities with a GraphQL type of their own (each gets a global id). */
export const serviceDeskEntities = [TicketApplication, TicketDomain, Ticket, TicketEvent, TicketComment];
/** Stored only: read through fields of Ticket (links). */
export const serviceDeskInternalEntities = [TicketLink];
