import { Migration } from '@mikro-orm/migrations';

export class Migration20261129113052_Initial extends Migration {

  override async up(): Promise<void> {
    // trigram and accent-insensitive search (service desk, knowledge base)
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(`create table "ministry" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(10) not null, "name" varchar(200) not null, constraint "ministry_pkey" primary key ("id"));`);
    this.addSql(`alter table "ministry" add constraint "ministry_code_unique" unique ("code");`);

    this.addSql(`create table "application_client" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(100) not null, "ministry_id" uuid not null, "contact_email" varchar(254) not null, "active" boolean not null default true, constraint "application_client_pkey" primary key ("id"));`);
    this.addSql(`alter table "application_client" add constraint "application_client_name_unique" unique ("name");`);

    this.addSql(`create table "api_key" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "application_id" uuid not null, "prefix" varchar(12) not null, "hash" varchar(64) not null, "label" varchar(200) null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);

    this.addSql(`create table "structure" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(40) not null, "name" varchar(200) not null, "kind" text check ("kind" in ('RECTORAT', 'ACADEMIE', 'SHARED_SERVICE_CENTRE', 'CENTRAL_ADMINISTRATION', 'SUPPORT_CENTRE')) not null, "ministry_id" uuid not null, "parent_id" uuid null, constraint "structure_pkey" primary key ("id"));`);
    this.addSql(`alter table "structure" add constraint "structure_code_unique" unique ("code");`);

    this.addSql(`create table "application_client_structure" ("application_client_id" uuid not null, "structure_id" uuid not null, constraint "application_client_structure_pkey" primary key ("application_client_id", "structure_id"));`);

    this.addSql(`create table "support_team" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "level" text check ("level" in ('SN1', 'SN2', 'TECHNICAL')) not null, "name" varchar(200) not null, "description" varchar(2000) not null, constraint "support_team_pkey" primary key ("id"));`);
    this.addSql(`alter table "support_team" add constraint "support_team_level_unique" unique ("level");`);

    this.addSql(`create table "person" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "first_name" varchar(100) not null, "last_name" varchar(100) not null, "email" varchar(254) not null, "structure_id" uuid not null, "held_roles" text[] not null default '{}', "team_id" uuid null, "active" boolean not null default true, constraint "person_pkey" primary key ("id"));`);
    this.addSql(`alter table "person" add constraint "person_email_unique" unique ("email");`);

    this.addSql(`create table "correspondent_assignment" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "person_id" uuid not null, "structure_id" uuid not null, "kind" text check ("kind" in ('CCA', 'CCH', 'CCP', 'CCTFG', 'CCFP')) not null, "since" timestamptz not null, "until" timestamptz null, "end_reason" varchar(500) null, constraint "correspondent_assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "correspondent_assignment_structure_id_kind_index" on "correspondent_assignment" ("structure_id", "kind");`);
    this.addSql(`create unique index "correspondent_assignment_running_unique" on "correspondent_assignment" ("person_id", "structure_id", "kind") where "until" is null;`);

    this.addSql(`alter table "application_client" add constraint "application_client_ministry_id_foreign" foreign key ("ministry_id") references "ministry" ("id") on update cascade;`);

    this.addSql(`alter table "api_key" add constraint "api_key_application_id_foreign" foreign key ("application_id") references "application_client" ("id") on update cascade;`);

    this.addSql(`alter table "structure" add constraint "structure_ministry_id_foreign" foreign key ("ministry_id") references "ministry" ("id") on update cascade;`);
    this.addSql(`alter table "structure" add constraint "structure_parent_id_foreign" foreign key ("parent_id") references "structure" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "application_client_structure" add constraint "application_client_structure_application_client_id_foreign" foreign key ("application_client_id") references "application_client" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "application_client_structure" add constraint "application_client_structure_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "person" add constraint "person_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "person" add constraint "person_team_id_foreign" foreign key ("team_id") references "support_team" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "correspondent_assignment" add constraint "correspondent_assignment_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "correspondent_assignment" add constraint "correspondent_assignment_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "application_client" drop constraint "application_client_ministry_id_foreign";`);

    this.addSql(`alter table "structure" drop constraint "structure_ministry_id_foreign";`);

    this.addSql(`alter table "api_key" drop constraint "api_key_application_id_foreign";`);

    this.addSql(`alter table "application_client_structure" drop constraint "application_client_structure_application_client_id_foreign";`);

    this.addSql(`alter table "structure" drop constraint "structure_parent_id_foreign";`);

    this.addSql(`alter table "application_client_structure" drop constraint "application_client_structure_structure_id_foreign";`);

    this.addSql(`alter table "person" drop constraint "person_structure_id_foreign";`);

    this.addSql(`alter table "correspondent_assignment" drop constraint "correspondent_assignment_structure_id_foreign";`);

    this.addSql(`alter table "person" drop constraint "person_team_id_foreign";`);

    this.addSql(`alter table "correspondent_assignment" drop constraint "correspondent_assignment_person_id_foreign";`);

    this.addSql(`drop table if exists "ministry" cascade;`);

    this.addSql(`drop table if exists "application_client" cascade;`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop table if exists "structure" cascade;`);

    this.addSql(`drop table if exists "application_client_structure" cascade;`);

    this.addSql(`drop table if exists "support_team" cascade;`);

    this.addSql(`drop table if exists "person" cascade;`);

    this.addSql(`drop table if exists "correspondent_assignment" cascade;`);
  }

}
