import { directoryEntities } from './directory';
import { integrationEntities } from './integration';

/** Every entity, listed explicitly (no folder discovery). */
export const ENTITIES = [...directoryEntities, ...integrationEntities];
