// first: tracing patches http, graphql and pg as they load
import { telemetry } from './instrument';
import 'reflect-metadata';
import pg from 'pg';
import { ConfigError, loadConfig, type Config } from './core/config';
import { migrate, openDatabase } from './core/database';
import { isDatabaseUnavailable } from './core/pipeline';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './core/embedded-postgres';
import { createLogger, type Logger } from './core/logger';
import { startServer } from './app';
import { unsupportedNode } from './runtime';
import { browserPageText } from './explorer';
import { demoCredentials, demoCredentialsText, loadDemoDataIfEmpty } from './seed/demo';

const DATABASE_NAME = 'chorus_support';

/** Without DATABASE_URL: an embedded PostgreSQL in EMBEDDED_PG_DIR, with the project's database in it. */
async function database(config: Config, logger: Logger): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const embedded = await startEmbeddedPostgres({ dataDir: config.embeddedPgDir, port: config.embeddedPgPort, logger });
  logger.info({ dataDir: embedded.dataDir, url: embedded.url.replace(/:[^:@]*@/, ':***@') }, 'embedded PostgreSQL started');
  const admin = new pg.Client({ connectionString: embedded.url });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [DATABASE_NAME]);
  if (!exists.rowCount) await admin.query(`create database ${DATABASE_NAME}`);
  await admin.end();
  return { url: embedded.url.replace(/\/postgres$/, `/${DATABASE_NAME}`), embedded };
}

async function main(): Promise<void> {
  const tooOld = unsupportedNode();
  if (tooOld) {
    process.stderr.write(tooOld + '\n');
    process.exit(1);
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  const db = await database(config, logger);
  const stopEmbedded = async () => db.embedded?.stop().catch((err) => logger.error({ err }, 'embedded PostgreSQL did not stop cleanly'));
  try {
    // a database that just started (an orphan stopped, a loaded machine) may not lend its
    // first connection within the acquire timeout: a start waits for it a few times
    let orm = await openDatabase(db.url, logger, config.db);
    let applied: Awaited<ReturnType<typeof migrate>> | undefined;
    for (let attempt = 1; !applied; attempt++) {
      try {
        applied = await migrate(orm);
      } catch (e) {
        if (attempt >= 5 || !isDatabaseUnavailable(e)) throw e;
        logger.warn({ attempt }, 'database not ready yet; retrying');
        await orm.close(true).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 1000));
        orm = await openDatabase(db.url, logger, config.db);
      }
    }
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
    if (config.demoData && (await loadDemoDataIfEmpty(orm))) logger.info('demo data loaded');
    const server = await startServer(config, orm, logger);
    logger.info({ url: server.url, browser: browserPageText(config, server.url) }, 'chorus-support is listening');

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down: finishing requests in flight');
      const force = setTimeout(() => {
        logger.error('shutdown timed out; exiting');
        process.exit(1);
      }, config.shutdownTimeoutMs + 5000);
      force.unref();
      try {
        await server.close();
        await orm.close();
        await stopEmbedded();
        await telemetry?.shutdown().catch((err) => logger.warn({ err }, 'the last spans could not be exported'));
      } catch (err) {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      }
      logger.info('stopped');
      process.exit(0);
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
    // after the handlers: a signal while the credentials print still stops cleanly
    if (config.demoData) await printDemoCredentials(config, orm.em.fork(), server.url);
  } catch (e) {
    logger.fatal({ err: e }, 'could not start');
    await stopEmbedded();
    process.exit(1);
  }
}

async function printDemoCredentials(config: Config, em: Parameters<typeof demoCredentials>[0], url: string) {
  process.stdout.write(demoCredentialsText(await demoCredentials(em, config), url, config));
}

void main();
