import { resolve } from 'node:path';
import { MikroORM, DataloaderType, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from '../migrations';
import { installJobQueue } from './job-queue';
import type { Logger } from './logger';

export type { MikroORM };
export type { EntityManager } from '@mikro-orm/postgresql';

/** The one MikroORM configuration, shared by the server, the scripts and the tests. */
export interface PoolSettings {
  /** Connections per instance. */
  poolSize: number;
  /** How long a statement waits for a free connection before failing (→ SERVICE_UNAVAILABLE), never a minute-long hang. */
  acquireTimeoutMs: number;
}

const DEFAULT_POOL: PoolSettings = { poolSize: 20, acquireTimeoutMs: 3000 };

export function ormOptions(clientUrl: string, logger?: Logger, pool: PoolSettings = DEFAULT_POOL): Options {
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
    pool: { min: 0, max: pool.poolSize, acquireTimeoutMillis: pool.acquireTimeoutMs },
    driverOptions: { acquireConnectionTimeout: pool.acquireTimeoutMs },
    // the job queue's own schema (core/job-queue.ts) is graphile-worker's to manage, not the entities'
    schemaGenerator: { ignoreSchema: ['graphile_worker'] },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    logger: (m) => logger?.debug({ orm: m }),
    // No folder discovery: the entity list is explicit, so source and dist behave alike.
    discovery: { warnWhenNoEntities: true, requireEntitiesArray: true },
  };
}

export async function openDatabase(clientUrl: string, logger?: Logger, pool?: PoolSettings): Promise<MikroORM> {
  return MikroORM.init(ormOptions(clientUrl, logger, pool));
}

/** Applies every pending migration; returns their names. The job queue's schema first: triggers of ours add jobs to it. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  await installJobQueue(orm.config.getClientUrl());
  const done = await orm.getMigrator().up();
  return done.map((m) => m.name);
}
