import { attachmentEntities } from './attachments';
import { chatbotEntities } from './chatbot';
import { directoryEntities } from './directory';
import { integrationEntities } from './integration';
import { knowledgeEntities, knowledgeInternalEntities } from './knowledge';
import { serviceDeskEntities, serviceDeskInternalEntities } from './service-desk/entities';
import { trainingEntities } from './training';
import { serviceLevelEntities } from './service-levels/service-level.entity';
import { knownErrorEntities } from './known-errors/known-error.entity';
import { notificationEntities } from './notifications/notification.entity';
import { auditEntities } from './audit';
import { deskToolEntities } from './desk-tools';

/** Every entity, listed explicitly (no folder discovery). */
export const ENTITIES = [
  ...directoryEntities,
  ...integrationEntities,
  ...serviceDeskEntities,
  ...serviceDeskInternalEntities,
  ...trainingEntities,
  ...knowledgeEntities,
  ...knowledgeInternalEntities,
  ...chatbotEntities,
  ...serviceLevelEntities,
  ...knownErrorEntities,
  ...attachmentEntities,
  ...notificationEntities,
  ...auditEntities,
  ...deskToolEntities,
];
