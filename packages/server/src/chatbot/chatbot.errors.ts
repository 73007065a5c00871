import { errorCodes } from '../core/errors';

export enum ChatbotErrorCode {
  BOT_NOT_AVAILABLE = 'BOT_NOT_AVAILABLE',
  NO_CHORUS_ACCOUNT = 'NO_CHORUS_ACCOUNT',
  BUTTON_NOT_OFFERED = 'BUTTON_NOT_OFFERED',
  BUTTON_EXPIRED = 'BUTTON_EXPIRED',
  BUTTON_IS_A_LINK = 'BUTTON_IS_A_LINK',
  NOT_AN_ANSWER = 'NOT_AN_ANSWER',
  FEEDBACK_ALREADY_GIVEN = 'FEEDBACK_ALREADY_GIVEN',
  COMMENT_REQUIRED = 'COMMENT_REQUIRED',
  TICKET_REQUEST_EXISTS = 'TICKET_REQUEST_EXISTS',
  TICKET_REQUEST_CLOSED = 'TICKET_REQUEST_CLOSED',
}

export const CHATBOT_ERROR_CODES = errorCodes(ChatbotErrorCode, {
  BOT_NOT_AVAILABLE: { kind: 'BAD_USER_INPUT', description: 'No bot has this code.' },
  NO_CHORUS_ACCOUNT: { kind: 'FORBIDDEN', description: 'The bots are for people with a Chorus account (a person in a structure).' },
  BUTTON_NOT_OFFERED: { kind: 'BAD_USER_INPUT', description: 'This button is not one of those the bot offers now.' },
  BUTTON_EXPIRED: { kind: 'CONFLICT', description: 'This button belongs to an earlier turn, already answered: use the buttons of the last turn.' },
  BUTTON_IS_A_LINK: { kind: 'BAD_USER_INPUT', description: 'A link button opens its url in the client; there is nothing to choose.' },
  NOT_AN_ANSWER: { kind: 'BAD_USER_INPUT', description: 'Feedback goes on the bot’s answers only.' },
  FEEDBACK_ALREADY_GIVEN: { kind: 'CONFLICT', description: 'This answer already has your thumbs up or down.' },
  COMMENT_REQUIRED: { kind: 'BAD_USER_INPUT', description: 'A thumbs down needs a comment saying what did not suit.' },
  TICKET_REQUEST_EXISTS: { kind: 'CONFLICT', description: 'This conversation already went to your CCA.' },
  TICKET_REQUEST_CLOSED: { kind: 'CONFLICT', description: 'The ticket request was already converted or dismissed.' },
});

declare module '../core/errors' {
  interface DomainErrorCodes {
    chatbot: ChatbotErrorCode;
  }
}
