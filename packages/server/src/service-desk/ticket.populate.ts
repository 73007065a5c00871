/**
 * GraphQL fields of the service desk that read a relation under another name, so the read
 * path (core/read.ts) brings the relation with the rows when such a field is selected.
 */
export const FIELD_RELATIONS: Record<string, Record<string, string>> = {
  Ticket: { openedByApplicationName: 'openedByApplication' },
  TicketEvent: { actorApplicationName: 'actorApplication' },
  TicketComment: { authorApplicationName: 'authorApplication' },
};
