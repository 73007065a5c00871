import { Migration } from '@mikro-orm/migrations';

const OLD_DOCUMENT = `to_tsvector('chorus_fr'::regconfig, coalesce(ticket.reference, '') || ' ' || coalesce(ticket.title, '') || ' ' || coalesce(ticket.description, '') || ' ' || coalesce(ticket.error_message, ''))`;
const NEW_DOCUMENT = `chorus_fr_document(coalesce(ticket.reference, '') || ' ' || coalesce(ticket.title, '') || ' ' || coalesce(ticket.description, '') || ' ' || coalesce(ticket.error_message, ''))`;
/** A tsquery literal for one lexeme: quotes doubled, backslashes escaped. */
const LEXEME = (expression: string) => `'''' || replace(replace(${expression}, '\\', '\\\\'), '''', '''''') || ''''`;

/**
 * French search indexes and queries two analyses of each word. `chorus_fr` removed accents
 * before the French (Snowball) stemmer, which needs them to find suffixes: 'bloquée' gave
 * 'bloque' while 'bloqué' gave 'bloqu', 'validée' 'validee'… Stemming first, then removing
 * accents, joins the accented forms ('bloquée', 'bloqué' → 'bloqu'), but a word typed
 * without accents, as French users often do ('bloquee'), only ever meets the
 * accents-first analysis. So both are kept:
 * - the document holds the lexemes of both analyses, merged at the same positions (through
 *   text, not `||`, which would shift the second's positions and break phrase search);
 * - the query keeps the structure of `websearch_to_tsquery` (quotes, `-word`, `or`) over the
 *   words that are not French stop words, and turns each into (stem-first form | accents-first
 *   form): a word matches if either analysis does, the words stay ANDed.
 * Both drop a word's plural -s first: the stemmer leaves it on some words ('connexions' →
 * 'connex', 'connexion' → 'connexion'). A dictionary chain cannot stem then filter, hence
 * functions; immutable (the index needs it, and a constant query is computed once) as they
 * name their dictionaries and configurations.
 */
export class Migration20261207210000_FrenchSearchStemFirst extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function chorus_fr_plain(text) returns text language sql immutable parallel safe strict as $$ select regexp_replace($1, '(\\w{3,})s\\M', '\\1', 'g') $$;`);
    this.addSql(`create function chorus_fr_document(text) returns tsvector language sql immutable parallel safe as $$
      select (public.unaccent('public.unaccent'::regdictionary, to_tsvector('pg_catalog.french'::regconfig, public.chorus_fr_plain(coalesce($1, '')))::text)
        || ' ' || to_tsvector('public.chorus_fr'::regconfig, public.chorus_fr_plain(coalesce($1, '')))::text)::tsvector $$;`);
    // the words of a query, lower-cased, French stop words left out, as the stemmer would
    this.addSql(`create text search dictionary chorus_fr_words_dictionary (template = pg_catalog.simple, stopwords = french, accept = true);`);
    this.addSql(`create text search configuration chorus_fr_words (copy = pg_catalog.french);`);
    this.addSql(`alter text search configuration chorus_fr_words alter mapping for asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart with chorus_fr_words_dictionary;`);
    // one word of a query → its forms in both analyses, as a tsquery group; ts_debug, not
    // the chorus_fr configuration, whose unaccent filter ts_debug does not follow
    this.addSql(`create function chorus_fr_word(text) returns text language sql immutable parallel safe strict as $$
      select '(' || string_agg(${LEXEME('form')}, ' | ' order by form) || ')'
      from (
        select public.unaccent('public.unaccent'::regdictionary, l) as form
          from unnest((select d.lexemes from ts_debug('pg_catalog.french'::regconfig, $1) d where d.alias <> 'blank' limit 1)) l
        union
        select l from unnest((select d.lexemes from ts_debug('pg_catalog.french'::regconfig, public.unaccent('public.unaccent'::regdictionary, $1)) d where d.alias <> 'blank' limit 1)) l
      ) forms $$;`);
    // rewrites each quoted lexeme of the words' tsquery, operators kept as they are
    this.addSql(`create function chorus_fr_query(text) returns tsquery language plpgsql immutable parallel safe as $$
      declare
        words text := websearch_to_tsquery('public.chorus_fr_words'::regconfig, public.chorus_fr_plain(coalesce($1, '')))::text;
        result text := '';
        word text;
        i int := 1;
        j int;
      begin
        while i <= length(words) loop
          if substr(words, i, 1) <> '''' then
            result := result || substr(words, i, 1);
            i := i + 1;
          else
            word := '';
            j := i + 1;
            while j <= length(words) and not (substr(words, j, 1) = '''' and substr(words, j + 1, 1) <> '''') loop
              if substr(words, j, 1) in ('''', '\\') then j := j + 1; end if;
              word := word || substr(words, j, 1);
              j := j + 1;
            end loop;
            result := result || coalesce(public.chorus_fr_word(word), ${LEXEME('word')});
            i := j + 1;
          end if;
        end loop;
        return result::tsquery;
      end $$;`);
    this.addSql(`drop index if exists "ticket_search_index";`);
    this.addSql(`create index "ticket_search_index" on "ticket" using gin (${NEW_DOCUMENT});`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "ticket_search_index";`);
    this.addSql(`create index "ticket_search_index" on "ticket" using gin (${OLD_DOCUMENT});`);
    this.addSql(`drop function chorus_fr_query(text);`);
    this.addSql(`drop function chorus_fr_word(text);`);
    this.addSql(`drop text search configuration chorus_fr_words;`);
    this.addSql(`drop text search dictionary chorus_fr_words_dictionary;`);
    this.addSql(`drop function chorus_fr_document(text);`);
    this.addSql(`drop function chorus_fr_plain(text);`);
  }
}
