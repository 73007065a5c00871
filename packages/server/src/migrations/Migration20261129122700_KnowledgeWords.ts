import { Migration } from '@mikro-orm/migrations';

export class Migration20261129122700_KnowledgeWords extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "knowledge_word" ("word" text not null, "phrase_count" int not null default 0, constraint "knowledge_word_pkey" primary key ("word"));`);
    this.addSql(`create index "knowledge_word_trgm" on "knowledge_word" using gin ("word" gin_trgm_ops);`);

    this.addSql(`create index "knowledge_phrase_words_gin" on "knowledge_phrase" using gin (string_to_array("template", ' '));`);
    // candidates now come through words; a trigram index on whole templates reads huge posting lists
    this.addSql(`drop index if exists "knowledge_phrase_template_trgm";`);

    // Hand-written: the word dictionary follows knowledge_phrase through a trigger, whoever writes
    // the phrases (services, seed, bulk loads). Words are upserted in a fixed order so that two
    // transactions adding phrases never deadlock on the dictionary rows.
    this.addSql(`create function knowledge_phrase_count_words() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update knowledge_word set phrase_count = phrase_count - 1
     where word in (select distinct unnest(string_to_array(old.template, ' ')));
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into knowledge_word (word, phrase_count)
    select w, 1 from (select distinct unnest(string_to_array(new.template, ' ')) as w) x where w <> '' order by w
    on conflict (word) do update set phrase_count = knowledge_word.phrase_count + 1;
  end if;
  return null;
end $$;`);
    this.addSql(`create trigger knowledge_phrase_words after insert or delete or update of template on knowledge_phrase for each row execute function knowledge_phrase_count_words();`);
    this.addSql(`insert into knowledge_word (word, phrase_count)
      select w, count(*) from (select distinct id, unnest(string_to_array(template, ' ')) as w from knowledge_phrase) x where w <> '' group by w
      on conflict (word) do update set phrase_count = excluded.phrase_count;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists knowledge_phrase_words on knowledge_phrase;`);
    this.addSql(`drop function if exists knowledge_phrase_count_words();`);
    this.addSql(`drop table if exists "knowledge_word" cascade;`);

    this.addSql(`drop index "knowledge_phrase_words_gin";`);
    this.addSql(`create index "knowledge_phrase_template_trgm" on "knowledge_phrase" using gin ("template" gin_trgm_ops);`);
  }

}
