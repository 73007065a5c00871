/**
 * The adapter of graphile-worker, the PostgreSQL job queue: the only module that imports it.
 * Jobs are rows of its `graphile_worker` schema, added by SQL (`graphile_worker.add_job`,
 * also from triggers, so a job exists exactly when the transaction that asked for it
 * committed), taken with SKIP LOCKED by any instance, woken by LISTEN/NOTIFY.
 *
 * Its schema is installed by `installJobQueue`, which core/database's `migrate` runs before
 * the project's migrations: triggers that call `add_job` find it there.
 */
import pg from 'pg';
import { Logger as WorkerLogger, parseCronItems, run, runMigrations, type Runner, type Task } from 'graphile-worker';
import type { Logger } from './logger';

/**
 * What a task gets: SQL on the queue's own small pool, never the API's (a task's statements
 * neither take the API's connections nor show among a request's).
 */
export interface JobContext {
  /** One statement on a pooled connection (not a transaction). */
  query<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  /** The same with `?` placeholders, returning the rows: the form MikroORM's `em.execute` takes, so SQL written for it runs here too. */
  execute<T>(text: string, values?: unknown[]): Promise<T>;
  /** A transaction on one connection: committed when `work` resolves, rolled back when it throws. */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  /** The attempt of this job (1 for the first). */
  attempt: number;
}

export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

/** A recurring job: `cron` in graphile-worker's crontab syntax (UTC minutes and hours), at most one run per tick across instances. */
export interface RecurringJob {
  task: string;
  cron: string;
}

export interface JobRunnerOptions {
  connectionString: string;
  tasks: Record<string, JobHandler>;
  recurring?: RecurringJob[];
  /** Connections of the runner's pool (one holds the LISTEN); the API's pool is separate. */
  poolSize: number;
  /** Jobs worked at once by this instance. */
  concurrency: number;
  /** How often the queue is read when no NOTIFY arrived (a missed wake-up, a job whose time came). */
  pollMs: number;
  logger: Logger;
}

export interface JobRunner {
  /** Stops taking jobs, waits for the ones running, closes the pool. */
  stop(): Promise<void>;
}

/** Installs or upgrades the queue's schema (idempotent; graphile-worker serialises concurrent callers with a lock). */
export async function installJobQueue(connectionString: string): Promise<void> {
  const pgPool = new pg.Pool({ connectionString, max: 1 });
  try {
    await runMigrations({ pgPool, logger: silentLogger });
  } finally {
    await pgPool.end();
  }
}

const silentLogger = new WorkerLogger(() => () => undefined);

/** A graphile-worker log line as one of ours (its debug chatter stays at debug). */
function workerLogger(logger: Logger): WorkerLogger {
  return new WorkerLogger((scope) => (level, message, meta) => {
    const fields = { jobQueue: scope, ...(meta ?? {}) };
    if (level === 'error') logger.error(fields, message);
    else if (level === 'warning') logger.warn(fields, message);
    else if (level === 'info') logger.debug(fields, message);
    else logger.trace(fields, message);
  });
}

export async function startJobRunner(opts: JobRunnerOptions): Promise<JobRunner> {
  const pgPool = new pg.Pool({ connectionString: opts.connectionString, max: opts.poolSize, idleTimeoutMillis: 10_000 });
  // a broken idle connection must not crash the process: the pool replaces it
  pgPool.on('error', (err) => opts.logger.warn({ err }, 'job queue connection lost'));
  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pgPool.connect();
    try {
      await client.query('begin');
      const out = await work(client);
      await client.query('commit');
      return out;
    } catch (e) {
      await client.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  };
  const taskList: Record<string, Task> = {};
  for (const [name, handler] of Object.entries(opts.tasks)) {
    taskList[name] = (payload, helpers) =>
      handler(payload, {
        query: (text, values) => pgPool.query(text, values as unknown[]),
        execute: async <T>(text: string, values?: unknown[]) => (await pgPool.query(numberedPlaceholders(text), values as unknown[])).rows as T,
        transaction,
        attempt: helpers.job.attempts,
      });
  }
  const runner: Runner = await run({
    pgPool,
    taskList,
    concurrency: opts.concurrency,
    pollInterval: opts.pollMs,
    noHandleSignals: true, // main.ts owns SIGTERM/SIGINT and stops everything in order
    logger: workerLogger(opts.logger),
    parsedCronItems: parseCronItems((opts.recurring ?? []).map((r) => ({ task: r.task, match: r.cron, identifier: r.task, options: { backfillPeriod: 0 } }))),
  });
  let stopping: Promise<void> | null = null;
  return {
    stop: () =>
      (stopping ??= (async () => {
        await runner.stop();
        await pgPool.end();
      })()),
  };
}

/** `?` placeholders as PostgreSQL's `$1, $2…` (the SQL given has no `?` operator nor `?` in a literal). */
export function numberedPlaceholders(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/** SQL that adds a job (inside the caller's transaction): `job_key` replaces a pending job of the same key. */
export const ADD_JOB_SQL = `select graphile_worker.add_job($1::text, $2::json, job_key := $3::text, run_at := coalesce($4::timestamptz, now()), max_attempts := $5::int)`;

/**
 * SQL (one `?`: a task's name) that drops the jobs of that task waiting in the queue, in the
 * caller's transaction: the demo seed's history is not news to act on.
 */
export const DISCARD_WAITING_JOBS_SQL = `select count(graphile_worker.remove_job(key))::int as discarded from graphile_worker.jobs where task_identifier = ? and key is not null and locked_at is null`;
