import { registerEnumType } from 'type-graphql';

export enum DomainRole {
  STANDARD = 'STANDARD',
  MAJOR_INCIDENTS = 'MAJOR_INCIDENTS',
  UPGRADE_SAP = 'UPGRADE_SAP',
}
registerEnumType(DomainRole, {
  name: 'DomainRole',
  description: 'What a menu domain of a bot leads to.',
  valuesConfig: {
    STANDARD: { description: 'A functional domain (Connexion, EJ, RNF, …): its items are listed when the user picks it.' },
    MAJOR_INCIDENTS: { description: '"Incidents majeurs": known anomalies under investigation by SN2, listed per functional domain.' },
    UPGRADE_SAP: { description: '"Upgrade SAP": what changed with the SAP version upgrade.' },
  },
});

export enum KnowledgeKind {
  ERROR_MESSAGE = 'ERROR_MESSAGE',
  HOW_TO = 'HOW_TO',
  MAJOR_INCIDENT = 'MAJOR_INCIDENT',
  UPGRADE_NOTE = 'UPGRADE_NOTE',
}
registerEnumType(KnowledgeKind, {
  name: 'KnowledgeKind',
  description: 'What a knowledge item answers.',
  valuesConfig: {
    ERROR_MESSAGE: { description: 'A known Chorus error message, matched when a user pastes it.' },
    HOW_TO: { description: 'A how-to question ("comment …").' },
    MAJOR_INCIDENT: { description: 'A known anomaly under investigation by SN2, with a workaround or the advice to open a ticket.' },
    UPGRADE_NOTE: { description: 'A change brought by the SAP version upgrade.' },
  },
});

export enum KnowledgeStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(KnowledgeStatus, {
  name: 'KnowledgeStatus',
  description: 'Life cycle of a knowledge item; only published items answer.',
  valuesConfig: {
    DRAFT: { description: 'Being written; the bots ignore it.' },
    PUBLISHED: { description: 'Live: the bots answer with it.' },
    ARCHIVED: { description: 'Withdrawn; kept for history, never answers again unless republished.' },
  },
});

export enum PublicationAction {
  PUBLISHED = 'PUBLISHED',
  UPDATED = 'UPDATED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(PublicationAction, {
  name: 'PublicationAction',
  description: 'A step in the publication history of an item.',
  valuesConfig: {
    PUBLISHED: { description: 'The item went live (first time or again after archiving).' },
    UPDATED: { description: 'A live item was changed; the new version answers at once.' },
    ARCHIVED: { description: 'The item was withdrawn.' },
  },
});

export enum InvestigationStatus {
  UNDER_INVESTIGATION = 'UNDER_INVESTIGATION',
  WORKAROUND_AVAILABLE = 'WORKAROUND_AVAILABLE',
  FIXED = 'FIXED',
}
registerEnumType(InvestigationStatus, {
  name: 'InvestigationStatus',
  description: 'Where SN2 stands on a major incident.',
  valuesConfig: {
    UNDER_INVESTIGATION: { description: 'Analysis in progress ("L’analyse de cette anomalie est actuellement en cours de traitement").' },
    WORKAROUND_AVAILABLE: { description: 'A workaround is published while the fix is prepared.' },
    FIXED: { description: 'Corrected in Chorus.' },
  },
});

export enum PhraseKind {
  KNOWN_MESSAGE = 'KNOWN_MESSAGE',
  TITLE = 'TITLE',
  REFORMULATION = 'REFORMULATION',
  LISTED_MESSAGE = 'LISTED_MESSAGE',
}
registerEnumType(PhraseKind, {
  name: 'PhraseKind',
  description: 'Where a matchable phrase of an item comes from.',
  valuesConfig: {
    KNOWN_MESSAGE: { description: 'The error message as Chorus gives it (variable parts written XXX).' },
    TITLE: { description: 'The title of the item.' },
    REFORMULATION: { description: 'Another wording added by support, often from the review queue.' },
    LISTED_MESSAGE: { description: 'An error message the item lists: one its major incident causes (`causedMessages`) or one shown in a list of its answer. Rebuilt with the item, like its known message.' },
  },
});

export enum AnswerBlockKind {
  TEXT = 'TEXT',
  LIST = 'LIST',
  IMAGE = 'IMAGE',
}
registerEnumType(AnswerBlockKind, {
  name: 'AnswerBlockKind',
  description: 'What a block of a bot’s answer is.',
  valuesConfig: {
    TEXT: { description: 'One text bubble.' },
    LIST: { description: 'A bulleted list (known messages, anomalies).' },
    IMAGE: { description: 'An image of the item (e.g. the Chorus screen with its messages): `image` gives it and a short-lived link, `text` its alternative text.' },
  },
});

export enum DialogNodeKind {
  QUESTION = 'QUESTION',
  ANSWER = 'ANSWER',
}
registerEnumType(DialogNodeKind, {
  name: 'DialogNodeKind',
  description: 'A step of an item’s dialog.',
  valuesConfig: {
    QUESTION: { description: 'The bot asks; each button leads to another node.' },
    ANSWER: { description: 'The bot answers: texts and action buttons; the dialog ends here.' },
  },
});

export enum DialogActionKind {
  LINK = 'LINK',
  TICKET_REQUEST = 'TICKET_REQUEST',
}
registerEnumType(DialogActionKind, {
  name: 'DialogActionKind',
  description: 'An action button on an answer.',
  valuesConfig: {
    LINK: { description: 'Opens a page (e.g. the FSD creation procedure).' },
    TICKET_REQUEST: { description: 'Asks the user’s CCA for a ticket (handoff).' },
  },
});

export enum MatchOutcome {
  CONFIDENT = 'CONFIDENT',
  AMBIGUOUS = 'AMBIGUOUS',
  NONE = 'NONE',
}
registerEnumType(MatchOutcome, {
  name: 'MatchOutcome',
  description: 'How sure the matcher is about a pasted message.',
  valuesConfig: {
    CONFIDENT: { description: 'One item stands out: the bot goes on with its dialog.' },
    AMBIGUOUS: { description: 'Several items are close: the bot offers them as buttons, then "none of these".' },
    NONE: { description: 'Nothing is close enough: the honest fallback (your CCA) and the review queue.' },
  },
});

export enum ReviewReason {
  UNANSWERED = 'UNANSWERED',
  NEGATIVE_FEEDBACK = 'NEGATIVE_FEEDBACK',
}
registerEnumType(ReviewReason, {
  name: 'ReviewReason',
  description: 'Why something is in the review queue.',
  valuesConfig: {
    UNANSWERED: { description: 'The bot found no answer to a message.' },
    NEGATIVE_FEEDBACK: { description: 'A user gave a thumbs down to an answer.' },
  },
});

export enum ReviewStatus {
  OPEN = 'OPEN',
  REFORMULATION_ADDED = 'REFORMULATION_ADDED',
  ITEM_CREATED = 'ITEM_CREATED',
  IGNORED = 'IGNORED',
}
registerEnumType(ReviewStatus, {
  name: 'ReviewStatus',
  description: 'State of a review-queue cluster.',
  valuesConfig: {
    OPEN: { description: 'Waiting for support.' },
    REFORMULATION_ADDED: { description: 'Added as a reformulation of an existing item.' },
    ITEM_CREATED: { description: 'A new item was written from it.' },
    IGNORED: { description: 'Dismissed (noise, out of scope).' },
  },
});

export enum ReviewOrder {
  BIGGEST_FIRST = 'BIGGEST_FIRST',
  NEWEST_FIRST = 'NEWEST_FIRST',
}
registerEnumType(ReviewOrder, {
  name: 'ReviewOrder',
  description: 'Order of the review queue.',
  valuesConfig: {
    BIGGEST_FIRST: { description: 'Most occurrences first, then most recent.' },
    NEWEST_FIRST: { description: 'Most recently seen first, then most occurrences.' },
  },
});
