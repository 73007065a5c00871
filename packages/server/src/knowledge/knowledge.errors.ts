import { errorCodes } from '../core/errors';

export enum KnowledgeErrorCode {
  UNKNOWN_BOT = 'UNKNOWN_BOT',
  UNKNOWN_DOMAIN = 'UNKNOWN_DOMAIN',
  DIALOG_INVALID = 'DIALOG_INVALID',
  ITEM_ARCHIVED = 'ITEM_ARCHIVED',
  ALREADY_PUBLISHED = 'ALREADY_PUBLISHED',
  NOT_PUBLISHED = 'NOT_PUBLISHED',
  MESSAGE_REQUIRED = 'MESSAGE_REQUIRED',
  PHRASE_EMPTY = 'PHRASE_EMPTY',
  PHRASE_TAKEN = 'PHRASE_TAKEN',
  REVIEW_ALREADY_CLOSED = 'REVIEW_ALREADY_CLOSED',
  THRESHOLDS_INVALID = 'THRESHOLDS_INVALID',
  ABBREVIATION_INVALID = 'ABBREVIATION_INVALID',
}

export const KNOWLEDGE_ERROR_CODES = errorCodes(KnowledgeErrorCode, {
  UNKNOWN_BOT: { kind: 'BAD_USER_INPUT', description: 'No bot has this id or code.' },
  UNKNOWN_DOMAIN: { kind: 'BAD_USER_INPUT', description: 'The domain does not exist or belongs to another bot.' },
  DIALOG_INVALID: { kind: 'BAD_USER_INPUT', description: 'The dialog has a dangling button, an unreachable node, a cycle, or a node without content.' },
  ITEM_ARCHIVED: { kind: 'CONFLICT', description: 'The item is archived: publish it again before changing it.' },
  ALREADY_PUBLISHED: { kind: 'CONFLICT', description: 'The item is already published.' },
  NOT_PUBLISHED: { kind: 'CONFLICT', description: 'The item is not published.' },
  MESSAGE_REQUIRED: { kind: 'BAD_USER_INPUT', description: 'An error-message item needs the message as Chorus gives it.' },
  PHRASE_EMPTY: { kind: 'BAD_USER_INPUT', description: 'The wording has no word left once variable parts and punctuation are removed.' },
  PHRASE_TAKEN: { kind: 'CONFLICT', description: 'This wording already leads to another published item.' },
  REVIEW_ALREADY_CLOSED: { kind: 'CONFLICT', description: 'Support already acted on this review entry.' },
  THRESHOLDS_INVALID: { kind: 'BAD_USER_INPUT', description: 'Thresholds must satisfy 0 < ambiguous ≤ confident ≤ 1.' },
  ABBREVIATION_INVALID: { kind: 'BAD_USER_INPUT', description: 'A short form is one word (letters or digits, optionally a trailing dot) and its expansion the different word(s) it stands for.' },
});

declare module '../core/errors' {
  interface DomainErrorCodes {
    knowledge: KnowledgeErrorCode;
  }
}
