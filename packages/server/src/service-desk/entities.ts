import { TicketApplication, TicketDomain } from './reference-data.entity';
import { TicketComment } from './ticket-comment.entity';
import { TicketEvent } from './ticket-event.entity';
import { Ticket } from './ticket.entity';

export const serviceDeskEntities = [TicketApplication, TicketDomain, Ticket, TicketEvent, TicketComment];
