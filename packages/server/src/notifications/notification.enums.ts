import { registerEnumType } from 'type-graphql';

/**
 * What a mail is about. A kind is declared once in a kinds file (see index.ts); its value
 * here names it in the outbox, in preferences and in the API.
 */
export enum NotificationKind {
  TICKET_PUBLIC_COMMENT = 'TICKET_PUBLIC_COMMENT',
  TICKET_WAITING_FOR_INFO = 'TICKET_WAITING_FOR_INFO',
  TICKET_RESOLVED = 'TICKET_RESOLVED',
  TICKET_CLOSED = 'TICKET_CLOSED',
  TICKET_ESCALATED = 'TICKET_ESCALATED',
  TICKET_SERVICE_LEVEL_AT_RISK = 'TICKET_SERVICE_LEVEL_AT_RISK',
  TICKET_SERVICE_LEVEL_BREACHED = 'TICKET_SERVICE_LEVEL_BREACHED',
  TICKET_KNOWN_ERROR_NEWS = 'TICKET_KNOWN_ERROR_NEWS',
  TICKET_MERGED = 'TICKET_MERGED',
  TRAINING_REQUEST_TO_VALIDATE = 'TRAINING_REQUEST_TO_VALIDATE',
  TRAINING_REGISTERED = 'TRAINING_REGISTERED',
  TRAINING_WAITLISTED = 'TRAINING_WAITLISTED',
  TRAINING_PROMOTED = 'TRAINING_PROMOTED',
  TRAINING_REFUSED = 'TRAINING_REFUSED',
  TRAINING_CANCELLED = 'TRAINING_CANCELLED',
  TRAINING_REMINDER = 'TRAINING_REMINDER',
  TRAINING_SESSION_HELD = 'TRAINING_SESSION_HELD',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification mail is about; a person chooses per kind how they receive it.',
  valuesConfig: {
    TICKET_PUBLIC_COMMENT: { description: 'A public comment on a ticket: to its requester and its opener (never the comment’s author).' },
    TICKET_WAITING_FOR_INFO: { description: 'The support asked a question (WAITING_FOR_INFO): to the requester and the opener.' },
    TICKET_RESOLVED: { description: 'The ticket was resolved: to the requester and the opener.' },
    TICKET_CLOSED: { description: 'The ticket was closed: to the requester and the opener.' },
    TICKET_ESCALATED: { description: 'The ticket was escalated to SN2: to the SN2 support team.' },
    TICKET_SERVICE_LEVEL_AT_RISK: { description: 'A service-level target is at risk: to the assignee and the SN1 team of the ticket’s ministry.' },
    TICKET_SERVICE_LEVEL_BREACHED: { description: 'A service-level target was missed: to the assignee and the SN1 team of the ticket’s ministry.' },
    TICKET_KNOWN_ERROR_NEWS: { description: 'The known anomaly a ticket is linked to has a workaround or a fix: to the requester of every open linked ticket.' },
    TICKET_MERGED: { description: 'The ticket, a duplicate, was merged into its original (closed, its comments and files moved there): to its requester and its opener, who follow the original from then on.' },
    TRAINING_REQUEST_TO_VALIDATE: { description: 'A trainee asked for a seat: to the DAF managers whose perimeter holds the trainee’s structure, with one-click links to approve or refuse.' },
    TRAINING_REGISTERED: { description: 'The referent registered the trainee on a seat: the registration confirmation to the trainee, with a one-click link to cancel.' },
    TRAINING_WAITLISTED: { description: 'No seat left: to the trainee, now on the waiting list (with a link to cancel).' },
    TRAINING_PROMOTED: { description: 'A seat freed up and went to the trainee from the waiting list: to the trainee (with a link to cancel).' },
    TRAINING_REFUSED: { description: 'The DAF manager refused the request: to the trainee, with the reason.' },
    TRAINING_CANCELLED: { description: 'A registration was cancelled by someone else (the referent, the session’s cancellation): to the trainee.' },
    TRAINING_REMINDER: { description: 'TRAINING_REMINDER_DAYS before the session: to each seated trainee, with the parts’ dates, once per registration.' },
    TRAINING_SESSION_HELD: { description: 'A session became HELD: the connection-time summary to the training referents.' },
  },
});

export enum NotificationStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  HELD = 'HELD',
}
registerEnumType(NotificationStatus, {
  name: 'NotificationStatus',
  description: 'Where a notification stands in the outbox.',
  valuesConfig: {
    PENDING: { description: 'Waiting to be sent (a retry after a failure included), or waiting for its daily digest.' },
    SENT: { description: 'Accepted by the SMTP relay.' },
    FAILED: { description: 'Gave up after the last attempt (NOTIFICATION_MAX_ATTEMPTS); `lastError` says why.' },
    HELD: { description: 'No mail transport (no SMTP_URL, or NOTIFICATIONS=off): kept in the outbox, readable here, never sent.' },
  },
});

export enum NotificationDelivery {
  IMMEDIATE = 'IMMEDIATE',
  DAILY_DIGEST = 'DAILY_DIGEST',
  NONE = 'NONE',
}
registerEnumType(NotificationDelivery, {
  name: 'NotificationDelivery',
  description: 'How a person receives one kind of notification.',
  valuesConfig: {
    IMMEDIATE: { description: 'One mail as soon as it happens (the default).' },
    DAILY_DIGEST: { description: 'Gathered into one mail a day, at NOTIFICATION_DIGEST_HOUR.' },
    NONE: { description: 'Not at all.' },
  },
});
