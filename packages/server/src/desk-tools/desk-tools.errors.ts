import { errorCodes } from '../core/errors';

export enum DeskToolsErrorCode {
  NOT_A_DESK_TOOL_USER = 'NOT_A_DESK_TOOL_USER',
  MACRO_UNKNOWN_PLACEHOLDER = 'MACRO_UNKNOWN_PLACEHOLDER',
  MACRO_MALFORMED_PLACEHOLDER = 'MACRO_MALFORMED_PLACEHOLDER',
  MACRO_NOT_YOURS = 'MACRO_NOT_YOURS',
  MACRO_NAME_TAKEN = 'MACRO_NAME_TAKEN',
  MACRO_INTERNAL_QUESTION = 'MACRO_INTERNAL_QUESTION',
  MACRO_TEXT_TOO_LONG = 'MACRO_TEXT_TOO_LONG',
  MACRO_VERSION_REQUIRED = 'MACRO_VERSION_REQUIRED',
  SAVED_VIEW_NO_TEAM = 'SAVED_VIEW_NO_TEAM',
  SAVED_VIEW_NOT_OWNER = 'SAVED_VIEW_NOT_OWNER',
  SAVED_VIEW_LIMIT_REACHED = 'SAVED_VIEW_LIMIT_REACHED',
}

export const DESK_TOOLS_ERROR_CODES = errorCodes(DeskToolsErrorCode, {
  NOT_A_DESK_TOOL_USER: { kind: 'FORBIDDEN', description: 'Canned answers and saved ticket views are the support agents’ tools (administrators also manage canned answers).' },
  MACRO_UNKNOWN_PLACEHOLDER: { kind: 'BAD_USER_INPUT', description: 'The canned answer’s text names a placeholder that does not exist (see `Macro.body`).' },
  MACRO_MALFORMED_PLACEHOLDER: { kind: 'BAD_USER_INPUT', description: 'The canned answer’s text has a `{{` or `}}` that opens or closes no placeholder.' },
  MACRO_NOT_YOURS: { kind: 'FORBIDDEN', description: 'Only the members of a team (and administrators) change its canned answers; only administrators change shared ones.' },
  MACRO_NAME_TAKEN: { kind: 'CONFLICT', description: 'The team (or the shared canned answers) already has a canned answer of that name, case aside.' },
  MACRO_INTERNAL_QUESTION: { kind: 'BAD_USER_INPUT', description: 'A canned answer that asks the requester a question (WAITING_FOR_INFO) must be public.' },
  MACRO_TEXT_TOO_LONG: { kind: 'BAD_USER_INPUT', description: 'Once its placeholders are filled in, the canned answer is longer than a comment may be.' },
  MACRO_VERSION_REQUIRED: { kind: 'BAD_USER_INPUT', description: 'The canned answer changes the ticket (status or priority): send the ticket’s version you read.' },
  SAVED_VIEW_NO_TEAM: { kind: 'BAD_USER_INPUT', description: 'A view is shared with its owner’s support team, and you belong to none.' },
  SAVED_VIEW_NOT_OWNER: { kind: 'FORBIDDEN', description: 'Only its owner changes or deletes a saved view; the team reads it.' },
  SAVED_VIEW_LIMIT_REACHED: { kind: 'CONFLICT', description: 'You keep as many saved views as a person may; delete one first.' },
});

declare module '../core/errors' {
  interface DomainErrorCodes {
    desk_tools: DeskToolsErrorCode;
  }
}
