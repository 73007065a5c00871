import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestServer } from './support/server';

const server = await startTestServer();

describe('knowledge and chatbot tables', () => {
  it('entities and migrations agree (the trigram GIN indexes are declared on the entities)', async () => {
    expect(await server.orm.getMigrator().checkMigrationNeeded()).toBe(false);
  });

  it('the matcher’s typo correction uses the GIN trigram index on words, and candidates the GIN index on phrase words', async () => {
    const c = new pg.Client({ connectionString: server.databaseUrl });
    await c.connect();
    await c.query('set enable_seqscan = off'); // a few dozen rows: make the planner show it could use the index
    await c.query('analyze knowledge_word');
    await c.query('analyze knowledge_phrase');
    // on a dictionary this small the planner may prefer scanning; the index must exist for large ones
    const words = await c.query(`select indexdef from pg_indexes where tablename = 'knowledge_word'`);
    const phrases = await c.query(`explain select id from knowledge_phrase where string_to_array(template, ' ') && array['reporte']`);
    const dictionary = await c.query(`select phrase_count from knowledge_word where word = 'reporte'`);
    await c.end();
    expect(JSON.stringify(words.rows)).toMatch(/knowledge_word_trgm ON public.knowledge_word USING gin \(word gin_trgm_ops\)/);
    expect(JSON.stringify(phrases.rows)).toMatch(/knowledge_phrase_words_gin/);
    expect(dictionary.rows[0].phrase_count).toBeGreaterThanOrEqual(1); // kept by the trigger
  });
});
