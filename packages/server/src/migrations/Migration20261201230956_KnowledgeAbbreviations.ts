import { Migration } from '@mikro-orm/migrations';

export class Migration20261201230956_KnowledgeAbbreviations extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "knowledge_abbreviation" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "short_form" varchar(40) not null, "expansion" varchar(120) not null, "only_with_dot" boolean not null default false, constraint "knowledge_abbreviation_pkey" primary key ("id"));`);
    this.addSql(`alter table "knowledge_abbreviation" add constraint "knowledge_abbreviation_short_form_unique" unique ("short_form");`);

    // SAP's abbreviations in Chorus messages, read as their words by the matcher; knowledge
    // editors extend the list through the API (setAbbreviation). Templates of phrases written
    // before this migration are recomputed by the next setAbbreviation (or a fresh seed).
    this.addSql(`insert into "knowledge_abbreviation" ("id", "short_form", "expansion", "only_with_dot") values
      (gen_random_uuid(), 'autoris', 'autorisation', false),
      (gen_random_uuid(), 'pr', 'pour', false),
      (gen_random_uuid(), 'perim', 'périmètre', false),
      (gen_random_uuid(), 'fin', 'financier', true),
      (gen_random_uuid(), 'categ', 'catégorie', false),
      (gen_random_uuid(), 'budg', 'budgétaire', false),
      (gen_random_uuid(), 'ds', 'dans', false),
      (gen_random_uuid(), 'ctre', 'centre', false),
      (gen_random_uuid(), 'exerc', 'exercice', false),
      (gen_random_uuid(), 'doc', 'document', false),
      (gen_random_uuid(), 'cpte', 'compte', false),
      (gen_random_uuid(), 'fonct', 'fonctionnel', false),
      (gen_random_uuid(), 'gest', 'gestion', false),
      (gen_random_uuid(), 'engag', 'engagement', false),
      (gen_random_uuid(), 'qte', 'quantité', false),
      (gen_random_uuid(), 'fourn', 'fournisseur', false)
      on conflict ("short_form") do nothing;`);

    this.addSql(`alter table "knowledge_phrase" drop constraint if exists "knowledge_phrase_kind_check";`);

    this.addSql(`alter table "knowledge_phrase" add constraint "knowledge_phrase_kind_check" check("kind" in ('KNOWN_MESSAGE', 'TITLE', 'REFORMULATION', 'LISTED_MESSAGE'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "knowledge_abbreviation" cascade;`);

    this.addSql(`alter table "knowledge_phrase" drop constraint if exists "knowledge_phrase_kind_check";`);

    this.addSql(`alter table "knowledge_phrase" add constraint "knowledge_phrase_kind_check" check("kind" in ('KNOWN_MESSAGE', 'TITLE', 'REFORMULATION'));`);
  }

}
