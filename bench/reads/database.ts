/**
 * The benches' database: created on an admin connection (a clone of BENCH_TEMPLATE when
 * set, e.g. the test suite's migrated template), migrated, holding the demo data; dropped
 * at the end, connections and all.
 */
import pg from 'pg';
import { migrate, openDatabase } from '../../packages/server/src/core/database';
import { loadDemoDataIfEmpty } from '../../packages/server/src/seed/demo';

export async function adminQuery(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Creates database `name` beside `adminUrl`'s; returns its URL and how many migrations it took. */
export async function createBenchDatabase(adminUrl: string, name: string): Promise<{ databaseUrl: string; migrations: number }> {
  await adminQuery(adminUrl, `create database ${name}${process.env.BENCH_TEMPLATE ? ` template ${process.env.BENCH_TEMPLATE}` : ''}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const databaseUrl = u.toString();
  const orm = await openDatabase(databaseUrl);
  try {
    const applied = await migrate(orm);
    await loadDemoDataIfEmpty(orm);
    return { databaseUrl, migrations: applied.length };
  } finally {
    await orm.close(true);
  }
}

export const dropBenchDatabase = (adminUrl: string, name: string) => adminQuery(adminUrl, `drop database if exists ${name} with (force)`).catch(() => undefined);

/** Keeps database `name` as `as` (replacing one of that name) for later runs to clone with BENCH_TEMPLATE. */
export async function saveDatabase(adminUrl: string, name: string, as: string): Promise<void> {
  await adminQuery(adminUrl, `drop database if exists ${as} with (force)`);
  await adminQuery(adminUrl, `alter database ${name} rename to ${as}`);
}
