import { registerEnumType } from 'type-graphql';

export enum TicketStatus {
  NEW = 'NEW',
  SUBMITTED = 'SUBMITTED',
  IN_PROGRESS = 'IN_PROGRESS',
  WAITING_FOR_INFO = 'WAITING_FOR_INFO',
  ESCALATED = 'ESCALATED',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  REOPENED = 'REOPENED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  description: 'Where a ticket stands in its life cycle (see `TicketTransition` for the moves between statuses).',
  valuesConfig: {
    NEW: { description: 'Drafted by the CCA, not yet sent to the support.' },
    SUBMITTED: { description: 'Waiting in the queue of its current level (SN1, or the technical team after a transfer).' },
    IN_PROGRESS: { description: 'An agent of the current level is working on it.' },
    WAITING_FOR_INFO: { description: 'The support asked the CCA (or the application) for information.' },
    ESCALATED: { description: 'Sent by SN1 to SN2 (AIFE), waiting for an SN2 agent to take it.' },
    RESOLVED: { description: 'The support gave a resolution; the CCA may close or reopen it.' },
    CLOSED: { description: 'Finished. Changes only by reopening, within the reopening delay.' },
    REOPENED: { description: 'Reopened by the CCA after resolution; waiting for its level to take it again.' },
    CANCELLED: { description: 'Withdrawn by its opener before the support took it.' },
  },
});

/** Finished with: resolved, closed or cancelled. Every other ticket is open. */
export const FINISHED_STATUSES: readonly TicketStatus[] = [TicketStatus.RESOLVED, TicketStatus.CLOSED, TicketStatus.CANCELLED];
/** Not finished, a NEW draft included. */
export const OPEN_STATUSES: readonly TicketStatus[] = Object.values(TicketStatus).filter((s) => !FINISHED_STATUSES.includes(s));
/** With the support: open and sent (not a NEW draft). A level's time counts only then. */
export const WITH_SUPPORT_STATUSES: readonly TicketStatus[] = OPEN_STATUSES.filter((s) => s !== TicketStatus.NEW);
/** The support gave a resolution (whether the ticket was closed since or not). */
export const RESOLVED_STATUSES: readonly TicketStatus[] = [TicketStatus.RESOLVED, TicketStatus.CLOSED];

export enum TicketNature {
  FUNCTIONAL = 'FUNCTIONAL',
  TECHNICAL = 'TECHNICAL',
}
registerEnumType(TicketNature, {
  name: 'TicketNature',
  description: 'Functional tickets are handled by SN1 (and SN2); technical ones by CES-CHOREGIE.',
  valuesConfig: {
    FUNCTIONAL: { description: 'A question or anomaly in the use of the application.' },
    TECHNICAL: { description: 'A technical incident, e.g. on an exchange flow between Chorus and a business application.' },
  },
});

export enum TicketImpact {
  ONE_USER = 'ONE_USER',
  SEVERAL_USERS = 'SEVERAL_USERS',
  STRUCTURE = 'STRUCTURE',
  MINISTRY = 'MINISTRY',
}
registerEnumType(TicketImpact, {
  name: 'TicketImpact',
  description: 'How many people the difficulty stops.',
  valuesConfig: {
    ONE_USER: { description: 'Only the requesting user is stopped (the default).' },
    SEVERAL_USERS: { description: 'Several users of the structure.' },
    STRUCTURE: { description: 'The whole structure.' },
    MINISTRY: { description: 'Several structures or the whole ministry.' },
  },
});

export enum TicketTransition {
  SUBMIT = 'SUBMIT',
  TAKE = 'TAKE',
  REQUEST_INFO = 'REQUEST_INFO',
  PROVIDE_INFO = 'PROVIDE_INFO',
  ESCALATE = 'ESCALATE',
  RETURN_TO_SN1 = 'RETURN_TO_SN1',
  TRANSFER_TO_TECHNICAL = 'TRANSFER_TO_TECHNICAL',
  TRANSFER_TO_FUNCTIONAL = 'TRANSFER_TO_FUNCTIONAL',
  RESOLVE = 'RESOLVE',
  CLOSE = 'CLOSE',
  REOPEN = 'REOPEN',
  CANCEL = 'CANCEL',
  MERGE = 'MERGE',
}
/**
 * The API name of a transition's mutation: its verb, `Ticket`, then the rest (SUBMIT →
 * submitTicket, REQUEST_INFO → requestTicketInfo, RETURN_TO_SN1 → returnTicketToSn1); its
 * input and payload types are named after it (SubmitTicketInput, SubmitTicketPayload).
 */
export function transitionMutationName(transition: TicketTransition): string {
  const [verb, ...rest] = transition.toLowerCase().split('_');
  return [verb, 'ticket', ...rest].map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
}

/** SubmitTicketInput, SubmitTicketPayload… */
export function transitionTypeName(transition: TicketTransition, suffix: 'Input' | 'Payload'): string {
  const name = transitionMutationName(transition);
  return `${name[0].toUpperCase()}${name.slice(1)}${suffix}`;
}

registerEnumType(TicketTransition, {
  name: 'TicketTransition',
  description: 'A move of the life cycle. Each one is its own mutation; `Ticket.allowedTransitions` lists those the caller may fire now.',
  valuesConfig: {
    SUBMIT: { description: 'NEW → SUBMITTED: the CCA (or application) sends the draft to SN1.' },
    TAKE: { description: 'SUBMITTED / ESCALATED / REOPENED → IN_PROGRESS: an agent of the current level takes it.' },
    REQUEST_INFO: { description: 'IN_PROGRESS → WAITING_FOR_INFO: the agent asks the CCA a question.' },
    PROVIDE_INFO: { description: 'WAITING_FOR_INFO → IN_PROGRESS: the CCA (or application) answers.' },
    ESCALATE: { description: 'IN_PROGRESS → ESCALATED: SN1, and only SN1, sends it to SN2.' },
    RETURN_TO_SN1: { description: 'ESCALATED / IN_PROGRESS at SN2 → IN_PROGRESS at SN1: SN2 hands it back with its answer.' },
    TRANSFER_TO_TECHNICAL: { description: 'SN1 → CES-CHOREGIE: the ticket becomes technical and waits in the technical queue.' },
    TRANSFER_TO_FUNCTIONAL: { description: 'CES-CHOREGIE → SN1: the ticket becomes functional again.' },
    RESOLVE: { description: 'IN_PROGRESS → RESOLVED: the agent of the current level gives the resolution.' },
    CLOSE: { description: 'RESOLVED → CLOSED: the CCA (or application, or SN1) confirms.' },
    REOPEN: { description: 'RESOLVED / CLOSED → REOPENED: the CCA (or application) reopens, within the reopening delay.' },
    CANCEL: { description: 'NEW / SUBMITTED → CANCELLED: the opener withdraws it before anyone took it.' },
    MERGE: { description: 'Any open or resolved status → CLOSED: a support agent merges a duplicate into its original (`mergeTicket`, the only mutation that fires it); the duplicate keeps a `mergedInto` pointer and never reopens.' },
  },
});

/** The support's first act on a submitted ticket: what ends the first-response time. */
export const FIRST_RESPONSE_TRANSITIONS: readonly TicketTransition[] = [
  TicketTransition.TAKE,
  TicketTransition.REQUEST_INFO,
  TicketTransition.ESCALATE,
  TicketTransition.TRANSFER_TO_TECHNICAL,
  TicketTransition.TRANSFER_TO_FUNCTIONAL,
  TicketTransition.RESOLVE,
];

export enum TicketEventKind {
  OPENED = 'OPENED',
  TRANSITION = 'TRANSITION',
  FIELD_CHANGED = 'FIELD_CHANGED',
  ASSIGNED = 'ASSIGNED',
  RATED = 'RATED',
  SERVICE_LEVEL_AT_RISK = 'SERVICE_LEVEL_AT_RISK',
  SERVICE_LEVEL_BREACHED = 'SERVICE_LEVEL_BREACHED',
  KNOWN_ERROR_UPDATED = 'KNOWN_ERROR_UPDATED',
  ATTACHMENT_ADDED = 'ATTACHMENT_ADDED',
  ATTACHMENT_REMOVED = 'ATTACHMENT_REMOVED',
  MERGED_INTO = 'MERGED_INTO',
  MERGED_FROM = 'MERGED_FROM',
  COMMENT_ADDED = 'COMMENT_ADDED',
}
registerEnumType(TicketEventKind, {
  name: 'TicketEventKind',
  description: 'What a history event records.',
  valuesConfig: {
    OPENED: { description: 'The first event of every ticket: opened by a CCA or an application (as a NEW draft or submitted at once).' },
    TRANSITION: { description: 'A life-cycle transition (status and possibly level changed).' },
    FIELD_CHANGED: { description: 'One field changed; `field`, `oldValue` and `newValue` say which and how.' },
    ASSIGNED: { description: 'The assignee changed.' },
    RATED: { description: 'The opener rated the resolution.' },
    SERVICE_LEVEL_AT_RISK: { description: 'The platform: a service-level target reached its at-risk share; `field` names the target (`RESOLUTION`, `FIRST_RESPONSE`, `LEVEL_HOLD:SN1` …), `reason` says it in words. Once per crossing.' },
    SERVICE_LEVEL_BREACHED: { description: 'The platform: a service-level target was reached; `field` names it as for SERVICE_LEVEL_AT_RISK. Once per crossing.' },
    KNOWN_ERROR_UPDATED: { description: 'The known anomaly (major incident) the ticket is linked to got a workaround or was fixed; `oldValue` and `newValue` are its investigation status before and after, `reason` the public comment written.' },
    ATTACHMENT_ADDED: { description: 'A file was attached: `newValue` is its name. An internal file’s event reaches the support levels only and carries no name (they read it on the attachment itself).' },
    ATTACHMENT_REMOVED: { description: 'An attachment was removed: `oldValue` is its name. An internal file’s event reaches the support levels only and carries no name.' },
    MERGED_INTO: { description: 'This ticket, a duplicate, was merged into its original (transition MERGE, to CLOSED): read the original in `Ticket.mergedInto`; its comments and files now live there. The event names no reference (the original may be outside some readers’ perimeter).' },
    MERGED_FROM: { description: 'A duplicate was merged into this ticket: its comments and files were carried over, its requester and filing application follow this ticket (they see it); `reason` is the agent’s note. Read the duplicate in `links` (DUPLICATE_OF, INCOMING).' },
    COMMENT_ADDED: {
      description:
        'Live only (`ticketEvents`), not part of the history: a comment written on its own (a transition’s reason, also posted as a public comment, is told by its TRANSITION event). `comment` is it; `field` is `comment` or `internalComment`; an internal one reaches only those who may read internal comments. Its `seq` is that of the last history event before it, and `node(id:)` does not find it.',
    },
  },
});

export enum TicketOrderField {
  UPDATED_AT = 'UPDATED_AT',
  CREATED_AT = 'CREATED_AT',
  PRIORITY = 'PRIORITY',
}
registerEnumType(TicketOrderField, {
  name: 'TicketOrderField',
  description: 'Sort key of a ticket list (ties broken by id).',
  valuesConfig: {
    UPDATED_AT: { description: 'Last change.' },
    CREATED_AT: { description: 'Opening time.' },
    PRIORITY: { description: 'Priority (1 = most urgent), then last change.' },
  },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Ascending or descending.',
  valuesConfig: { ASC: { description: 'Smallest / oldest first.' }, DESC: { description: 'Largest / newest first.' } },
});

export enum TicketStatisticsDimension {
  LEVEL = 'LEVEL',
  DOMAIN = 'DOMAIN',
  APPLICATION = 'APPLICATION',
  STRUCTURE = 'STRUCTURE',
  MONTH = 'MONTH',
}
registerEnumType(TicketStatisticsDimension, {
  name: 'TicketStatisticsDimension',
  description: 'How ticket statistics are grouped.',
  valuesConfig: {
    LEVEL: { description: 'Current support level.' },
    DOMAIN: { description: 'Domain (EJ, habilitation, …).' },
    APPLICATION: { description: 'Application (Chorus Cœur, …).' },
    STRUCTURE: { description: 'Requesting structure.' },
    MONTH: { description: 'Month of opening (YYYY-MM, UTC).' },
  },
});

export enum TicketLinkKind {
  RELATED = 'RELATED',
  DUPLICATE_OF = 'DUPLICATE_OF',
  CAUSED_BY = 'CAUSED_BY',
}
registerEnumType(TicketLinkKind, {
  name: 'TicketLinkKind',
  description: 'What a link between two tickets says. RELATED goes both ways; DUPLICATE_OF and CAUSED_BY have a direction (from the ticket the link is made on, to the other).',
  valuesConfig: {
    RELATED: { description: 'The two tickets concern the same matter; no direction (linking A to B or B to A is the same link).' },
    DUPLICATE_OF: { description: 'The ticket repeats the other (its original). No cycle: an original is never, through other DUPLICATE_OF links, a duplicate of its own duplicate. `mergeTicket` makes this link.' },
    CAUSED_BY: { description: 'The ticket is a consequence of the other (e.g. an incident on a flow caused by an anomaly). No cycle either.' },
  },
});

/** Kinds with a direction, where a cycle is refused. */
export const DIRECTED_LINK_KINDS: readonly TicketLinkKind[] = [TicketLinkKind.DUPLICATE_OF, TicketLinkKind.CAUSED_BY];

export enum TicketLinkDirection {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
  MUTUAL = 'MUTUAL',
}
registerEnumType(TicketLinkDirection, {
  name: 'TicketLinkDirection',
  description: 'How a link reads from the ticket it is listed on.',
  valuesConfig: {
    OUTGOING: { description: 'This ticket is the subject: it is a duplicate of, or caused by, the other ticket.' },
    INCOMING: { description: 'The other ticket is the subject: it is a duplicate of, or caused by, this ticket.' },
    MUTUAL: { description: 'A RELATED link, the same from both tickets.' },
  },
});
