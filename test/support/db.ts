import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

function urlFor(name: string): string {
  const u = new URL(inject('pgAdminUrl'));
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh database for one test file, cloned from a migrated template (with demo data unless `empty`). */
export async function createTestDatabase(opts: { empty?: boolean; fromScratch?: boolean } = {}): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const templates = inject('templates');
  const source = opts.fromScratch ? 'template0' : opts.empty ? templates.empty : templates.demo;
  // the run's suffix is in the name, so the run's teardown drops what a crashed file left
  const name = `chorus_t_${templates.empty.replace('chorus_tpl_empty_', '')}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name} template ${source}`);
  return { url: urlFor(name), name, drop: () => adminQuery(`drop database if exists ${name} with (force)`).then(() => undefined) };
}

export async function adminQuery(sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await c.connect();
  try {
    return await c.query(sql, params);
  } finally {
    await c.end();
  }
}

/** Runs SQL inside a test database (to arrange state or observe it from outside the API). */
export async function sql(url: string, text: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(text, params);
  } finally {
    await c.end();
  }
}
