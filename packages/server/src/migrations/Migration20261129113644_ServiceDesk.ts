import { Migration } from '@mikro-orm/migrations';

export class Migration20261129113644_ServiceDesk extends Migration {

  override async up(): Promise<void> {
    // French full-text search without accents: stemming after unaccent (extension from the initial migration)
    this.addSql(`create text search configuration chorus_fr (copy = french);`);
    this.addSql(`alter text search configuration chorus_fr alter mapping for hword, hword_part, word with unaccent, french_stem;`);
    // ticket references FSD-YYYY-NNNNNN take their number from here (gaps are fine, duplicates impossible)
    this.addSql(`create sequence ticket_reference_seq start 1;`);
    this.addSql(`create table "ticket_application" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(40) not null, "name" varchar(200) not null, "position" smallint not null default 0, "active" boolean not null default true, constraint "ticket_application_pkey" primary key ("id"));`);
    this.addSql(`alter table "ticket_application" add constraint "ticket_application_code_unique" unique ("code");`);

    this.addSql(`create table "ticket_domain" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(40) not null, "name" varchar(200) not null, "position" smallint not null default 0, "active" boolean not null default true, constraint "ticket_domain_pkey" primary key ("id"));`);
    this.addSql(`alter table "ticket_domain" add constraint "ticket_domain_code_unique" unique ("code");`);

    this.addSql(`create table "ticket" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "reference" varchar(20) not null, "application_id" uuid not null, "domain_id" uuid not null, "nature" text check ("nature" in ('FUNCTIONAL', 'TECHNICAL')) not null, "title" varchar(300) not null, "description" text not null, "error_message" text null, "impact" text check ("impact" in ('ONE_USER', 'SEVERAL_USERS', 'STRUCTURE', 'MINISTRY')) not null, "priority" smallint not null, "requester_id" uuid null, "structure_id" uuid not null, "opened_by_id" uuid null, "opened_by_application_id" uuid null, "client_request_id" varchar(100) null, "status" text check ("status" in ('NEW', 'SUBMITTED', 'IN_PROGRESS', 'WAITING_FOR_INFO', 'ESCALATED', 'RESOLVED', 'CLOSED', 'REOPENED', 'CANCELLED')) not null, "level" text check ("level" in ('SN1', 'SN2', 'TECHNICAL')) not null, "assignee_id" uuid null, "escalated_by_id" uuid null, "version" int not null default 1, "event_count" int not null default 0, "comment_count" int not null default 0, "public_comment_count" int not null default 0, "escalation_count" int not null default 0, "reopen_count" int not null default 0, "transfer_count" int not null default 0, "submitted_at" timestamptz null, "taken_at" timestamptz null, "resolved_at" timestamptz null, "closed_at" timestamptz null, "flow_id" varchar(100) null, "document_numbers" text[] not null default '{}', "related_ticket_ids" text[] not null default '{}', "satisfaction_score" smallint null, "satisfaction_comment" varchar(2000) null, constraint "ticket_pkey" primary key ("id"));`);
    this.addSql(`alter table "ticket" add constraint "ticket_reference_unique" unique ("reference");`);
    this.addSql(`create index "ticket_error_message_trgm_index" on "ticket" using gin ("error_message" gin_trgm_ops);`);
    this.addSql(`create index "ticket_reference_trgm_index" on "ticket" using gin ("reference" gin_trgm_ops);`);
    this.addSql(`create index "ticket_search_index" on "ticket" using gin (to_tsvector('chorus_fr'::regconfig, coalesce(ticket.reference, '') || ' ' || coalesce(ticket.title, '') || ' ' || coalesce(ticket.description, '') || ' ' || coalesce(ticket.error_message, '')));`);
    this.addSql(`create index "ticket_opened_by_application_index" on "ticket" ("opened_by_application_id");`);
    this.addSql(`create index "ticket_assignee_index" on "ticket" ("assignee_id");`);
    this.addSql(`create index "ticket_requester_index" on "ticket" ("requester_id");`);
    this.addSql(`create index "ticket_level_status_index" on "ticket" ("level", "status");`);
    this.addSql(`create index "ticket_structure_updated_index" on "ticket" ("structure_id", "updated_at", "id");`);
    this.addSql(`create index "ticket_created_at_id_index" on "ticket" ("created_at", "id");`);
    this.addSql(`create index "ticket_updated_at_id_index" on "ticket" ("updated_at", "id");`);
    this.addSql(`alter table "ticket" add constraint "ticket_client_request_unique" unique ("opened_by_application_id", "client_request_id");`);

    this.addSql(`create table "ticket_comment" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "ticket_id" uuid not null, "author_id" uuid null, "author_application_id" uuid null, "body" text not null, "internal" boolean not null default false, constraint "ticket_comment_pkey" primary key ("id"));`);
    this.addSql(`create index "ticket_comment_ticket_created_index" on "ticket_comment" ("ticket_id", "created_at");`);

    this.addSql(`create table "ticket_event" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "ticket_id" uuid not null, "seq" int not null, "kind" text check ("kind" in ('OPENED', 'TRANSITION', 'FIELD_CHANGED', 'ASSIGNED', 'RATED')) not null, "transition" text check ("transition" in ('SUBMIT', 'TAKE', 'REQUEST_INFO', 'PROVIDE_INFO', 'ESCALATE', 'RETURN_TO_SN1', 'TRANSFER_TO_TECHNICAL', 'TRANSFER_TO_FUNCTIONAL', 'RESOLVE', 'CLOSE', 'REOPEN', 'CANCEL')) null, "actor_id" uuid null, "actor_application_id" uuid null, "from_status" text check ("from_status" in ('NEW', 'SUBMITTED', 'IN_PROGRESS', 'WAITING_FOR_INFO', 'ESCALATED', 'RESOLVED', 'CLOSED', 'REOPENED', 'CANCELLED')) null, "to_status" text check ("to_status" in ('NEW', 'SUBMITTED', 'IN_PROGRESS', 'WAITING_FOR_INFO', 'ESCALATED', 'RESOLVED', 'CLOSED', 'REOPENED', 'CANCELLED')) not null, "from_level" text check ("from_level" in ('SN1', 'SN2', 'TECHNICAL')) null, "to_level" text check ("to_level" in ('SN1', 'SN2', 'TECHNICAL')) not null, "field" varchar(60) null, "old_value" text null, "new_value" text null, "reason" text null, constraint "ticket_event_pkey" primary key ("id"));`);
    this.addSql(`create index "ticket_event_created_at_index" on "ticket_event" ("created_at");`);
    this.addSql(`alter table "ticket_event" add constraint "ticket_event_ticket_seq_unique" unique ("ticket_id", "seq");`);

    this.addSql(`alter table "ticket" add constraint "ticket_application_id_foreign" foreign key ("application_id") references "ticket_application" ("id") on update cascade;`);
    this.addSql(`alter table "ticket" add constraint "ticket_domain_id_foreign" foreign key ("domain_id") references "ticket_domain" ("id") on update cascade;`);
    this.addSql(`alter table "ticket" add constraint "ticket_requester_id_foreign" foreign key ("requester_id") references "person" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket" add constraint "ticket_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "ticket" add constraint "ticket_opened_by_id_foreign" foreign key ("opened_by_id") references "person" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket" add constraint "ticket_opened_by_application_id_foreign" foreign key ("opened_by_application_id") references "application_client" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket" add constraint "ticket_assignee_id_foreign" foreign key ("assignee_id") references "person" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket" add constraint "ticket_escalated_by_id_foreign" foreign key ("escalated_by_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ticket_comment" add constraint "ticket_comment_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ticket_comment" add constraint "ticket_comment_author_id_foreign" foreign key ("author_id") references "person" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket_comment" add constraint "ticket_comment_author_application_id_foreign" foreign key ("author_application_id") references "application_client" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ticket_event" add constraint "ticket_event_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ticket_event" add constraint "ticket_event_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket_event" add constraint "ticket_event_actor_application_id_foreign" foreign key ("actor_application_id") references "application_client" ("id") on update cascade on delete set null;`);

    // the history is append-only
    this.addSql(`create function ticket_event_append_only() returns trigger language plpgsql as $$ begin raise exception 'ticket_event is append-only'; end $$;`);
    this.addSql(`create trigger ticket_event_append_only before update or delete on ticket_event for each row execute function ticket_event_append_only();`);

    // reference data (rows, not code): applications and domains
    this.addSql(`insert into ticket_application (id, code, name, position) values
      (gen_random_uuid(), 'CHORUS_COEUR', 'Chorus Cœur', 1), (gen_random_uuid(), 'CHORUS_FORMULAIRES', 'Chorus Formulaires', 2),
      (gen_random_uuid(), 'CHORUS_DT', 'Chorus DT', 3), (gen_random_uuid(), 'CHORUS_PRO', 'Chorus Pro', 4);`);
    this.addSql(`insert into ticket_domain (id, code, name, position) values
      (gen_random_uuid(), 'EJ', 'Engagement juridique (EJ)', 1), (gen_random_uuid(), 'HABILITATION', 'Habilitation', 2),
      (gen_random_uuid(), 'CONNEXION', 'Connexion', 3), (gen_random_uuid(), 'WORKFLOW', 'Problème sur un workflow', 4),
      (gen_random_uuid(), 'RNF', 'RNF', 5), (gen_random_uuid(), 'SERVICE_FAIT', 'Service fait présumé / assisté', 6),
      (gen_random_uuid(), 'OTHER', 'Autre', 7);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ticket" drop constraint "ticket_application_id_foreign";`);

    this.addSql(`alter table "ticket" drop constraint "ticket_domain_id_foreign";`);

    this.addSql(`alter table "ticket_comment" drop constraint "ticket_comment_ticket_id_foreign";`);

    this.addSql(`alter table "ticket_event" drop constraint "ticket_event_ticket_id_foreign";`);

    this.addSql(`drop table if exists "ticket_application" cascade;`);

    this.addSql(`drop table if exists "ticket_domain" cascade;`);

    this.addSql(`drop table if exists "ticket" cascade;`);

    this.addSql(`drop table if exists "ticket_comment" cascade;`);

    this.addSql(`drop table if exists "ticket_event" cascade;`);
    this.addSql(`drop function if exists ticket_event_append_only();`);
    this.addSql(`drop sequence if exists ticket_reference_seq;`);
    this.addSql(`drop text search configuration if exists chorus_fr;`);
  }

}
