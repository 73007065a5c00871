import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261129113052_Initial } from './Migration20261129113052_Initial';
import { Migration20261129113644_ServiceDesk } from './Migration20261129113644_ServiceDesk';
import { Migration20261129114103_Training } from './Migration20261129114103_Training';
import { Migration20261129114527_KnowledgeChatbot } from './Migration20261129114527_KnowledgeChatbot';
import { Migration20261129115220_ApplicationClients } from './Migration20261129115220_ApplicationClients';
import { Migration20261129115927_WebhookDeliveries } from './Migration20261129115927_WebhookDeliveries';
import { Migration20261129122700_KnowledgeWords } from './Migration20261129122700_KnowledgeWords';
import { Migration20261129124231_IncidentFiling } from './Migration20261129124231_IncidentFiling';
import { Migration20261129131021_TicketChatbotConversation } from './Migration20261129131021_TicketChatbotConversation';
import { Migration20261201230000_OneDoor } from './Migration20261201230000_OneDoor';
import { Migration20261201231408_ServiceLevelsKnownErrors } from './Migration20261201231408_ServiceLevelsKnownErrors';
import { Migration20261201230910_Attachments } from './Migration20261201230910_Attachments';
import { Migration20261202003000_TicketEventKinds } from './Migration20261202003000_TicketEventKinds';
import { Migration20261201230956_KnowledgeAbbreviations } from './Migration20261201230956_KnowledgeAbbreviations';
import { Migration20261201234824_ConversationTurnListPosition } from './Migration20261201234824_ConversationTurnListPosition';
import { Migration20261202023120_ClosedDayLabels } from './Migration20261202023120_ClosedDayLabels';
import { Migration20261202030000_EventTimestamps } from './Migration20261202030000_EventTimestamps';
import { Migration20261203160000_ReadIndexes } from './Migration20261203160000_ReadIndexes';
import { Migration20261205120000_RegistrationOrderIndex } from './Migration20261205120000_RegistrationOrderIndex';
import { Migration20261206030000_WriteAtOnce } from './Migration20261206030000_WriteAtOnce';
import { Migration20261206060000_ChangesCarried } from './Migration20261206060000_ChangesCarried';

/** Every migration in order; the migrator reads this list rather than a folder. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261129113052_Initial', class: Migration20261129113052_Initial },
  { name: 'Migration20261129113644_ServiceDesk', class: Migration20261129113644_ServiceDesk },
  { name: 'Migration20261129114103_Training', class: Migration20261129114103_Training },
  { name: 'Migration20261129114527_KnowledgeChatbot', class: Migration20261129114527_KnowledgeChatbot },
  { name: 'Migration20261129115220_ApplicationClients', class: Migration20261129115220_ApplicationClients },
  { name: 'Migration20261129115927_WebhookDeliveries', class: Migration20261129115927_WebhookDeliveries },
  { name: 'Migration20261129122700_KnowledgeWords', class: Migration20261129122700_KnowledgeWords },
  { name: 'Migration20261129124231_IncidentFiling', class: Migration20261129124231_IncidentFiling },
  { name: 'Migration20261129131021_TicketChatbotConversation', class: Migration20261129131021_TicketChatbotConversation },
  { name: 'Migration20261201230000_OneDoor', class: Migration20261201230000_OneDoor },
  { name: 'Migration20261201231408_ServiceLevelsKnownErrors', class: Migration20261201231408_ServiceLevelsKnownErrors },
  { name: 'Migration20261201230910_Attachments', class: Migration20261201230910_Attachments },
  { name: 'Migration20261202003000_TicketEventKinds', class: Migration20261202003000_TicketEventKinds },
  { name: 'Migration20261201230956_KnowledgeAbbreviations', class: Migration20261201230956_KnowledgeAbbreviations },
  { name: 'Migration20261201234824_ConversationTurnListPosition', class: Migration20261201234824_ConversationTurnListPosition },
  { name: 'Migration20261202023120_ClosedDayLabels', class: Migration20261202023120_ClosedDayLabels },
  { name: 'Migration20261202030000_EventTimestamps', class: Migration20261202030000_EventTimestamps },
  { name: 'Migration20261203160000_ReadIndexes', class: Migration20261203160000_ReadIndexes },
  { name: 'Migration20261205120000_RegistrationOrderIndex', class: Migration20261205120000_RegistrationOrderIndex },
  { name: 'Migration20261206030000_WriteAtOnce', class: Migration20261206030000_WriteAtOnce },
  { name: 'Migration20261206060000_ChangesCarried', class: Migration20261206060000_ChangesCarried },
];
