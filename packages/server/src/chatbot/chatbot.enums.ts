import { registerEnumType } from 'type-graphql';

export enum ConversationOutcome {
  IN_PROGRESS = 'IN_PROGRESS',
  ANSWERED = 'ANSWERED',
  UNANSWERED = 'UNANSWERED',
  HANDED_OFF = 'HANDED_OFF',
  ABANDONED = 'ABANDONED',
}
registerEnumType(ConversationOutcome, {
  name: 'ConversationOutcome',
  description: 'How a conversation ended (handed off wins over answered, answered over unanswered).',
  valuesConfig: {
    IN_PROGRESS: { description: 'Active within the last 30 minutes and nothing decided yet.' },
    ANSWERED: { description: 'The bot gave an answer.' },
    UNANSWERED: { description: 'The bot found no answer.' },
    HANDED_OFF: { description: 'The user asked for a ticket: a ticket request went to their CCA.' },
    ABANDONED: { description: 'Left without an answer, a fallback or a handoff for 30 minutes.' },
  },
});

export enum Speaker {
  BOT = 'BOT',
  USER = 'USER',
}
registerEnumType(Speaker, {
  name: 'Speaker',
  description: 'Who speaks in a turn.',
  valuesConfig: { BOT: { description: 'Written by IZIA or IANIS: texts, answer blocks and buttons.' }, USER: { description: 'Typed, pasted or a pressed button, by the person in the conversation.' } },
});

export enum ChatButtonKind {
  DOMAIN = 'DOMAIN',
  MATCH_DOMAIN = 'MATCH_DOMAIN',
  INCIDENT_DOMAIN = 'INCIDENT_DOMAIN',
  ITEM = 'ITEM',
  CONFIRM_YES = 'CONFIRM_YES',
  CONFIRM_NO = 'CONFIRM_NO',
  NONE_OF_THESE = 'NONE_OF_THESE',
  NEXT = 'NEXT',
  LINK = 'LINK',
  TICKET_REQUEST = 'TICKET_REQUEST',
  RESTART = 'RESTART',
}
registerEnumType(ChatButtonKind, {
  name: 'ChatButtonKind',
  description: 'What a button of a bot turn does.',
  valuesConfig: {
    DOMAIN: { description: 'Picks a domain of the menu.' },
    MATCH_DOMAIN: { description: 'Says which domain a pasted message is about ("Sur quel domaine porte la demande").' },
    INCIDENT_DOMAIN: { description: 'Picks the functional domain of a major incident.' },
    ITEM: { description: 'Picks a knowledge item (a candidate, a listed subject).' },
    CONFIRM_YES: { description: '"Oui": the message is among those listed.' },
    CONFIRM_NO: { description: '"Non": it is not.' },
    NONE_OF_THESE: { description: '"Aucun de ces messages": none of the candidates.' },
    NEXT: { description: 'A button of the item’s dialog, leading to its next node.' },
    LINK: { description: 'Opens `url`; the client opens it itself, there is nothing to choose.' },
    TICKET_REQUEST: { description: 'Asks the user’s CCA for a ticket (handoff).' },
    RESTART: { description: 'Back to the domain menu.' },
  },
});

export enum FeedbackVote {
  UP = 'UP',
  DOWN = 'DOWN',
}
registerEnumType(FeedbackVote, {
  name: 'FeedbackVote',
  description: 'Thumbs up or down on an answer.',
  valuesConfig: { UP: { description: 'The answer helped.' }, DOWN: { description: 'It did not: a comment says why, it lands in the review queue.' } },
});

export enum TicketRequestStatus {
  PENDING = 'PENDING',
  CONVERTED = 'CONVERTED',
  DISMISSED = 'DISMISSED',
}
registerEnumType(TicketRequestStatus, {
  name: 'TicketRequestStatus',
  description: 'Where a ticket request stands with the CCA.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the CCA.' },
    CONVERTED: { description: 'The CCA opened a service-desk ticket (FSD) from it.' },
    DISMISSED: { description: 'The CCA dismissed it, with a reason.' },
  },
});
