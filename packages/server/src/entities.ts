import { chatbotEntities } from './chatbot';
import { directoryEntities } from './directory';
import { integrationEntities } from './integration';
import { knowledgeEntities, knowledgeInternalEntities } from './knowledge';

/** Every entity, listed explicitly (no folder discovery). */
export const ENTITIES = [...directoryEntities, ...integrationEntities, ...knowledgeEntities, ...knowledgeInternalEntities, ...chatbotEntities];
