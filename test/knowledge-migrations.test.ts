import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestServer } from './support/server';

const server = await startTestServer();

describe('knowledge and chatbot tables', () => {
  it('entities and migrations agree (the trigram GIN indexes are declared on the entities)', async () => {
    expect(await server.orm.getMigrator().checkMigrationNeeded()).toBe(false);
  });

  it('the matcher’s similarity search uses the GIN trigram index', async () => {
    const c = new pg.Client({ connectionString: server.databaseUrl });
    await c.connect();
    await c.query('set enable_seqscan = off'); // a few dozen rows: make the planner show it could use the index
    const { rows } = await c.query(`explain select id from knowledge_phrase where template % 'poste de piece n a pas encore ete reporte'`);
    await c.end();
    expect(JSON.stringify(rows)).toMatch(/knowledge_phrase_template_trgm/);
  });
});
