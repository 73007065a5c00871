import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261129122700_KnowledgeWords } from './Migration20261129122700_KnowledgeWords';
import { Migration20261129114527_KnowledgeChatbot } from './Migration20261129114527_KnowledgeChatbot';
import { Migration20261129113052_Initial } from './Migration20261129113052_Initial';

/** Every migration in order; the migrator reads this list rather than a folder. */
export const MIGRATIONS: MigrationObject[] = [{ name: 'Migration20261129113052_Initial', class: Migration20261129113052_Initial }, { name: 'Migration20261129114527_KnowledgeChatbot', class: Migration20261129114527_KnowledgeChatbot }, { name: 'Migration20261129122700_KnowledgeWords', class: Migration20261129122700_KnowledgeWords }];
