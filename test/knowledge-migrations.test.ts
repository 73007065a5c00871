/**
 * The matcher's two index-backed lookups, planned on a dictionary and a phrase table large
 * enough that PostgreSQL's planner chooses freely: the typo correction must go through the
 * trigram GIN index on words, the candidate search through the GIN index on phrase words.
 * The statements explained are the service's own (exported), not copies.
 */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { PHRASES_WITH_WORDS_SQL, TYPO_CORRECTION_SQL, typoCorrectionParams } from '../packages/server/src/knowledge/matching.service';
import { startTestServer } from './support/server';

const server = await startTestServer();

/** MikroORM's `?` placeholders as pg's `$n`. */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

async function plan(c: pg.Client, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await c.query(`explain (format json) ${numbered(sql)}`, params);
  return JSON.stringify(rows[0]['QUERY PLAN']);
}

describe('the matcher’s indexes, as the planner uses them', () => {
  it('typo correction uses the trigram GIN index on words; candidates the GIN index on phrase words', { timeout: 120_000 }, async () => {
    const c = new pg.Client({ connectionString: server.databaseUrl });
    await c.connect();
    try {
      const { rows: bots } = await c.query(`select bot_id from knowledge_phrase where active limit 1`);
      // a realistic size: 100 000 dictionary words and 10 000 phrases (inactive: the live bot answers the same)
      await c.query(`insert into knowledge_word (word, phrase_count) select 'mot' || md5(g::text), 1 from generate_series(1, 100000) g on conflict do nothing`);
      await c.query(
        `insert into knowledge_phrase (id, created_at, updated_at, item_id, bot_id, kind, text, template, active)
         select gen_random_uuid(), now(), now(), p.item_id, p.bot_id, p.kind, 'gabarit ' || md5(g::text), 'gabarit ' || md5(g::text), false
           from (select * from knowledge_phrase limit 1) p cross join generate_series(1, 10000) g`,
      );
      await c.query('analyze knowledge_word');
      await c.query('analyze knowledge_phrase');
      const typo = await plan(c, TYPO_CORRECTION_SQL, typoCorrectionParams('autorisaton'));
      expect(typo, typo).toContain('knowledge_word_trgm');
      // the matcher probes with a segment's rarest words: here the longest word of a real phrase
      const { rows: rare } = await c.query(`select w from knowledge_phrase, unnest(string_to_array(template, ' ')) w where active order by length(w) desc, w limit 1`);
      const candidates = await plan(c, PHRASES_WITH_WORDS_SQL, [[rare[0].w], bots[0].bot_id, 100]);
      expect(candidates, candidates).toContain('knowledge_phrase_words_gin');
    } finally {
      await c.end();
    }
  });
});
