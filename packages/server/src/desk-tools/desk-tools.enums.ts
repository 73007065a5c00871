import { registerEnumType } from 'type-graphql';
import { TicketStatus, TicketTransition } from '../service-desk';

/** The status a canned answer may move a ticket to, each through one transition of the desk's table. */
export enum MacroStatus {
  WAITING_FOR_INFO = 'WAITING_FOR_INFO',
}
registerEnumType(MacroStatus, {
  name: 'MacroStatus',
  description: 'A status a canned answer may set, through the transition the desk’s table has for it (same rules as the transition’s own mutation).',
  valuesConfig: {
    WAITING_FOR_INFO: { description: 'Asks the requester a question (REQUEST_INFO, IN_PROGRESS → WAITING_FOR_INFO, an agent of the level holding the ticket): the rendered text is the question, posted as a public comment.' },
  },
});

/** The transition behind each status a macro sets. */
export const MACRO_STATUS_TRANSITION: Record<MacroStatus, TicketTransition> = {
  [MacroStatus.WAITING_FOR_INFO]: TicketTransition.REQUEST_INFO,
};

export enum SavedViewVisibility {
  PRIVATE = 'PRIVATE',
  TEAM = 'TEAM',
}
registerEnumType(SavedViewVisibility, {
  name: 'SavedViewVisibility',
  description: 'Who reads a saved ticket view (only its owner changes it).',
  valuesConfig: {
    PRIVATE: { description: 'Its owner only.' },
    TEAM: { description: 'Its owner and the members of the owner’s support team; each reads its tickets under their own perimeter.' },
  },
});
