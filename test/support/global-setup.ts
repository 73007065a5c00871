/**
 * One PostgreSQL server per test run: embedded by default, or DATABASE_URL's server.
 * Two migrated template databases are made once (empty, and with the demo data); each
 * test file clones one, so files run in parallel and never see each other's rows.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, openDatabase } from '../../packages/server/src/core/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../packages/server/src/core/embedded-postgres';
import { loadDemoDataIfEmpty } from '../../packages/server/src/seed/demo';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templates: { empty: string; demo: string };
  }
}

let embedded: EmbeddedDatabase | null = null;
let dataDir: string | null = null;

export function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'chorus-test-pg-'));
    embedded = await startEmbeddedPostgres({ dataDir, persistent: false });
    adminUrl = embedded.url;
  }
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const templates = { empty: `chorus_tpl_empty_${suffix}`, demo: `chorus_tpl_demo_${suffix}` };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of Object.values(templates)) await admin.query(`create database ${name}`);
  await admin.end();
  for (const [kind, name] of Object.entries(templates)) {
    const orm = await openDatabase(databaseUrl(adminUrl, name));
    await migrate(orm);
    if (kind === 'demo') await loadDemoDataIfEmpty(orm);
    await orm.close(true);
  }
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templates', templates);

  return async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    const { rows } = await c.query(`select datname from pg_database where datname like $1`, [`%${suffix}%`]);
    for (const r of rows) await c.query(`drop database if exists ${r.datname} with (force)`);
    await c.end();
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
