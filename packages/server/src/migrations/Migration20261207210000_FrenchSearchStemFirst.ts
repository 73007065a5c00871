import { Migration } from '@mikro-orm/migrations';

const OLD_DOCUMENT = `to_tsvector('chorus_fr'::regconfig, coalesce(ticket.reference, '') || ' ' || coalesce(ticket.title, '') || ' ' || coalesce(ticket.description, '') || ' ' || coalesce(ticket.error_message, ''))`;
const NEW_DOCUMENT = `chorus_fr_document(coalesce(ticket.reference, '') || ' ' || coalesce(ticket.title, '') || ' ' || coalesce(ticket.description, '') || ' ' || coalesce(ticket.error_message, ''))`;

/**
 * French search stems first, then removes accents. `chorus_fr` removed accents before the
 * French (Snowball) stemmer, which needs them to find suffixes: 'bloquée' gave 'bloque'
 * while 'bloqué' gave 'bloqu', 'validée' 'validee'… And the stemmer leaves a final plural
 * -s on some words ('connexions' → 'connex', 'connexion' → 'connexion'). A dictionary
 * chain cannot stem then filter, so two functions do it, used by the index and the query
 * alike: drop a word's plural -s, stem with accents (pg_catalog.french), then unaccent the
 * lexemes. Immutable for the index: they name their dictionaries and configuration.
 */
export class Migration20261207210000_FrenchSearchStemFirst extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function chorus_fr_plain(text) returns text language sql immutable parallel safe strict as $$ select regexp_replace($1, '(\\w{3,})s\\M', '\\1', 'g') $$;`);
    this.addSql(`create function chorus_fr_document(text) returns tsvector language sql immutable parallel safe as $$
      select public.unaccent('public.unaccent'::regdictionary, to_tsvector('pg_catalog.french'::regconfig, public.chorus_fr_plain(coalesce($1, '')))::text)::tsvector $$;`);
    this.addSql(`create function chorus_fr_query(text) returns tsquery language sql immutable parallel safe as $$
      select public.unaccent('public.unaccent'::regdictionary, websearch_to_tsquery('pg_catalog.french'::regconfig, public.chorus_fr_plain(coalesce($1, '')))::text)::tsquery $$;`);
    this.addSql(`drop index if exists "ticket_search_index";`);
    this.addSql(`create index "ticket_search_index" on "ticket" using gin (${NEW_DOCUMENT});`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "ticket_search_index";`);
    this.addSql(`create index "ticket_search_index" on "ticket" using gin (${OLD_DOCUMENT});`);
    this.addSql(`drop function chorus_fr_query(text);`);
    this.addSql(`drop function chorus_fr_document(text);`);
    this.addSql(`drop function chorus_fr_plain(text);`);
  }
}
