import { errorCodes } from '../core/errors';

/** Every rule of the service desk that can refuse something; the code names the rule. */
export enum TicketErrorCode {
  TRANSITION_NOT_ALLOWED_FROM_STATUS = 'TRANSITION_NOT_ALLOWED_FROM_STATUS',
  ROLE_MAY_NOT_FIRE_TRANSITION = 'ROLE_MAY_NOT_FIRE_TRANSITION',
  ESCALATION_RESERVED_TO_SN1 = 'ESCALATION_RESERVED_TO_SN1',
  NOT_AT_YOUR_LEVEL = 'NOT_AT_YOUR_LEVEL',
  NOT_THE_OPENER = 'NOT_THE_OPENER',
  NOT_YOUR_STRUCTURE = 'NOT_YOUR_STRUCTURE',
  ONLY_CCA_OR_APPLICATION_OPENS = 'ONLY_CCA_OR_APPLICATION_OPENS',
  TICKET_CLOSED = 'TICKET_CLOSED',
  TICKET_FINISHED = 'TICKET_FINISHED',
  READ_ONLY_ROLE = 'READ_ONLY_ROLE',
  REOPEN_DELAY_EXPIRED = 'REOPEN_DELAY_EXPIRED',
  CANCEL_AFTER_TAKEN = 'CANCEL_AFTER_TAKEN',
  INTERNAL_COMMENT_NOT_ALLOWED = 'INTERNAL_COMMENT_NOT_ALLOWED',
  INTERNAL_ATTACHMENT_NOT_ALLOWED = 'INTERNAL_ATTACHMENT_NOT_ALLOWED',
  REASON_REQUIRED = 'REASON_REQUIRED',
  ASSIGNEE_NOT_AT_LEVEL = 'ASSIGNEE_NOT_AT_LEVEL',
  ALREADY_RATED = 'ALREADY_RATED',
  NOT_RESOLVED = 'NOT_RESOLVED',
  UNKNOWN_APPLICATION = 'UNKNOWN_APPLICATION',
  UNKNOWN_DOMAIN = 'UNKNOWN_DOMAIN',
  REQUESTER_NOT_IN_STRUCTURE = 'REQUESTER_NOT_IN_STRUCTURE',
  LINK_RESERVED_TO_SUPPORT = 'LINK_RESERVED_TO_SUPPORT',
  TICKET_LINK_SELF = 'TICKET_LINK_SELF',
  TICKET_LINK_CYCLE = 'TICKET_LINK_CYCLE',
  TICKET_ALREADY_MERGED = 'TICKET_ALREADY_MERGED',
  MERGE_ACROSS_STRUCTURES = 'MERGE_ACROSS_STRUCTURES',
  TICKET_PARENT_CYCLE = 'TICKET_PARENT_CYCLE',
}

export const TICKET_ERROR_CODES = errorCodes(TicketErrorCode, {
  TRANSITION_NOT_ALLOWED_FROM_STATUS: { kind: 'CONFLICT', description: 'The transition table does not allow this transition from the ticket’s current status.' },
  ROLE_MAY_NOT_FIRE_TRANSITION: { kind: 'FORBIDDEN', description: 'The transition table does not allow your role to fire this transition.' },
  ESCALATION_RESERVED_TO_SN1: { kind: 'FORBIDDEN', description: 'Only an SN1 agent escalates a ticket to SN2.' },
  NOT_AT_YOUR_LEVEL: { kind: 'FORBIDDEN', description: 'The ticket is not at your support level: you act only on tickets at your level.' },
  NOT_THE_OPENER: { kind: 'FORBIDDEN', description: 'Only the person or application that opened the ticket may do this.' },
  NOT_YOUR_STRUCTURE: { kind: 'FORBIDDEN', description: 'A CCA acts only for their own structure; an application only for its structures.' },
  ONLY_CCA_OR_APPLICATION_OPENS: { kind: 'FORBIDDEN', description: 'Only CCAs and business applications open tickets.' },
  TICKET_CLOSED: { kind: 'CONFLICT', description: 'A closed ticket changes only by reopening.' },
  TICKET_FINISHED: { kind: 'CONFLICT', description: 'A cancelled or resolved ticket no longer takes this change.' },
  READ_ONLY_ROLE: { kind: 'FORBIDDEN', description: 'Your role reads tickets but changes nothing (end users, analysts).' },
  REOPEN_DELAY_EXPIRED: { kind: 'CONFLICT', description: 'The reopening delay after resolution has passed: open a new ticket.' },
  CANCEL_AFTER_TAKEN: { kind: 'CONFLICT', description: 'A ticket the support has taken can no longer be cancelled.' },
  INTERNAL_COMMENT_NOT_ALLOWED: { kind: 'FORBIDDEN', description: 'Internal comments are for the support levels only.' },
  INTERNAL_ATTACHMENT_NOT_ALLOWED: { kind: 'FORBIDDEN', description: 'Internal attachments (files only the support levels read) are added by the support levels only.' },
  REASON_REQUIRED: { kind: 'BAD_USER_INPUT', description: 'This transition needs a reason (question, answer or resolution).' },
  ASSIGNEE_NOT_AT_LEVEL: { kind: 'BAD_USER_INPUT', description: 'The assignee must be an active agent of the ticket’s current level.' },
  ALREADY_RATED: { kind: 'CONFLICT', description: 'The current resolution has already been rated: each resolution is rated once (a reopened ticket, once resolved again, can be rated anew).' },
  NOT_RESOLVED: { kind: 'CONFLICT', description: 'Only a resolved or closed ticket can be rated.' },
  UNKNOWN_APPLICATION: { kind: 'BAD_USER_INPUT', description: 'No active application has this code (see `ticketApplications`).' },
  UNKNOWN_DOMAIN: { kind: 'BAD_USER_INPUT', description: 'No active domain has this code (see `ticketDomains`).' },
  REQUESTER_NOT_IN_STRUCTURE: { kind: 'BAD_USER_INPUT', description: 'The requesting user must belong to the ticket’s structure.' },
  LINK_RESERVED_TO_SUPPORT: { kind: 'FORBIDDEN', description: 'Only the support levels (SN1, SN2, the technical team) link tickets, merge them and set their parent.' },
  TICKET_LINK_SELF: { kind: 'BAD_USER_INPUT', description: 'A ticket is not linked to, merged into or made the parent of itself.' },
  TICKET_LINK_CYCLE: { kind: 'CONFLICT', description: 'The link would close a cycle of DUPLICATE_OF (or CAUSED_BY) links: the other ticket already is, through other links, a duplicate of (or caused by) this one.' },
  TICKET_ALREADY_MERGED: { kind: 'CONFLICT', description: 'The ticket was merged into another: it no longer changes, and nothing is merged into it (merge into its original instead).' },
  MERGE_ACROSS_STRUCTURES: { kind: 'BAD_USER_INPUT', description: 'A duplicate is merged only into a ticket of the same structure (its comments and files would reach another structure’s readers); across structures, link the tickets or give them a common parent.' },
  TICKET_PARENT_CYCLE: { kind: 'CONFLICT', description: 'The parent would be the ticket itself or one of its descendants.' },
});

declare module '../core/errors' {
  interface DomainErrorCodes {
    service_desk: TicketErrorCode;
  }
}
