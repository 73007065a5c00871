import { resolve } from 'node:path';
import { MikroORM, DataloaderType, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from '../migrations';
import type { Logger } from './logger';

export type { MikroORM };

/** The one MikroORM configuration, shared by the server, the scripts and the tests. */
export function ormOptions(clientUrl: string, logger?: Logger): Options {
  return {
    clientUrl,
    entities: ENTITIES,
    // Reference.load() and Collection.load() are batched per EntityManager, so a
    // request-scoped fork batches a page's relations into one query each.
    dataloader: DataloaderType.ALL,
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      // where migration:create writes (from source); running ones come from MIGRATIONS
      path: resolve(__dirname, '../migrations'),
      pathTs: resolve(__dirname, '../migrations'),
    },
    pool: { min: 0, max: 20 },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    logger: (m) => logger?.debug({ orm: m }),
    // No folder discovery: the entity list is explicit, so source and dist behave alike.
    discovery: { warnWhenNoEntities: true, requireEntitiesArray: true },
  };
}

export async function openDatabase(clientUrl: string, logger?: Logger): Promise<MikroORM> {
  return MikroORM.init(ormOptions(clientUrl, logger));
}

/** Applies every pending migration; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const done = await orm.getMigrator().up();
  return done.map((m) => m.name);
}
