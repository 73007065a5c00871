import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../packages/server/src/core/database';
import { MIGRATIONS } from '../packages/server/src/migrations';
import { loadDemoDataIfEmpty } from '../packages/server/src/seed/demo';
import { createTestDatabase, sql } from './support/db';

describe('migrations', () => {
  it('build, from an empty database, exactly the schema the entities describe', async () => {
    const db = await createTestDatabase({ fromScratch: true });
    const orm = await openDatabase(db.url);
    try {
      expect(await migrate(orm)).toEqual(MIGRATIONS.map((m) => m.name));
      expect(await migrate(orm)).toEqual([]);
      // the schema diff between entities and the migrated database must be empty
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim()).toBe('');
      expect(await orm.getMigrator().checkMigrationNeeded()).toBe(false);
    } finally {
      await orm.close(true);
      await db.drop();
    }
  });
});

describe('demo data', () => {
  it('loads once into an empty database, and not again', async () => {
    const db = await createTestDatabase({ empty: true });
    const orm = await openDatabase(db.url);
    try {
      const [a, b] = await Promise.all([loadDemoDataIfEmpty(orm), loadDemoDataIfEmpty(orm)]);
      expect([a, b].sort()).toEqual([false, true]);
      const counts = (await sql(db.url, `select (select count(*) from person)::int p, (select count(*) from ministry)::int m`)).rows[0];
      expect(counts.m).toBe(2);
      expect(await loadDemoDataIfEmpty(orm)).toBe(false);
      expect((await sql(db.url, `select count(*)::int p from person`)).rows[0].p).toBe(counts.p);
    } finally {
      await orm.close(true);
      await db.drop();
    }
  });

  it('never touches a database that already holds data', async () => {
    const db = await createTestDatabase({ empty: true });
    const orm = await openDatabase(db.url);
    try {
      await sql(db.url, `insert into ministry (id, code, name) values (gen_random_uuid(), 'MIN99', 'Existing')`);
      expect(await loadDemoDataIfEmpty(orm)).toBe(false);
      expect((await sql(db.url, `select count(*)::int n from person`)).rows[0].n).toBe(0);
    } finally {
      await orm.close(true);
      await db.drop();
    }
  });
});
