import { directoryEntities } from './directory';
import { integrationEntities } from './integration';
import { serviceDeskEntities } from './service-desk/entities';
import { trainingEntities } from './training';

/** Every entity, listed explicitly (no folder discovery). */
export const ENTITIES = [...directoryEntities, ...integrationEntities, ...serviceDeskEntities, ...trainingEntities];
