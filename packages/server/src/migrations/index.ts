import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261129113644_ServiceDesk } from './Migration20261129113644_ServiceDesk';
import { Migration20261129113052_Initial } from './Migration20261129113052_Initial';

/** Every migration in order; the migrator reads this list rather than a folder. */
export const MIGRATIONS: MigrationObject[] = [{ name: 'Migration20261129113052_Initial', class: Migration20261129113052_Initial }, { name: 'Migration20261129113644_ServiceDesk', class: Migration20261129113644_ServiceDesk }];
