import { Migration } from '@mikro-orm/migrations';

export class Migration20261129114527_KnowledgeChatbot extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "bot" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(20) not null, "name" varchar(100) not null, "applications" varchar(200) not null, "welcome_text" text not null, "fallback_text" text not null, "confident_threshold" double precision not null default 0.72, "ambiguous_threshold" double precision not null default 0.45, "margin_threshold" double precision not null default 0.06, "confirm_matched_domain" boolean not null default true, constraint "bot_pkey" primary key ("id"));`);
    this.addSql(`alter table "bot" add constraint "bot_code_unique" unique ("code");`);

    this.addSql(`create table "bot_domain" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "bot_id" uuid not null, "code" varchar(40) not null, "label" varchar(100) not null, "position" int not null, "role" text check ("role" in ('STANDARD', 'MAJOR_INCIDENTS', 'UPGRADE_SAP')) not null, "trouble_domain" text check ("trouble_domain" in ('ACCESS_RIGHTS', 'CONFIGURATION', 'YEAR_END_WORKS', 'FORMS', 'OTHER')) not null, constraint "bot_domain_pkey" primary key ("id"));`);
    this.addSql(`create index "bot_domain_bot_id_position_index" on "bot_domain" ("bot_id", "position");`);
    this.addSql(`alter table "bot_domain" add constraint "bot_domain_bot_id_code_unique" unique ("bot_id", "code");`);

    this.addSql(`create table "knowledge_item" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "bot_id" uuid not null, "domain_id" uuid not null, "kind" text check ("kind" in ('ERROR_MESSAGE', 'HOW_TO', 'MAJOR_INCIDENT', 'UPGRADE_NOTE')) not null, "title" varchar(300) not null, "message" text null, "dialog" jsonb not null, "status" text check ("status" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'DRAFT', "version" int not null default 1, "position" int not null default 100, "published_at" timestamptz null, "investigation_status" text check ("investigation_status" in ('UNDER_INVESTIGATION', 'WORKAROUND_AVAILABLE', 'FIXED')) null, "caused_messages" jsonb not null, "workaround" text null, "ticket_advised" boolean not null default false, "linked_ticket_refs" jsonb not null, constraint "knowledge_item_pkey" primary key ("id"));`);
    this.addSql(`create index "knowledge_item_bot_id_status_domain_id_position_index" on "knowledge_item" ("bot_id", "status", "domain_id", "position");`);

    this.addSql(`create table "knowledge_phrase" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "item_id" uuid not null, "bot_id" uuid not null, "kind" text check ("kind" in ('KNOWN_MESSAGE', 'TITLE', 'REFORMULATION')) not null, "text" text not null, "template" varchar(500) not null, "active" boolean not null default false, constraint "knowledge_phrase_pkey" primary key ("id"));`);
    this.addSql(`create index "knowledge_phrase_template_trgm" on "knowledge_phrase" using gin ("template" gin_trgm_ops);`);
    this.addSql(`create index "knowledge_phrase_exact_index" on "knowledge_phrase" ("bot_id", "template");`);
    this.addSql(`alter table "knowledge_phrase" add constraint "knowledge_phrase_item_id_template_unique" unique ("item_id", "template");`);

    this.addSql(`create table "review_cluster" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "bot_id" uuid not null, "reason" text check ("reason" in ('UNANSWERED', 'NEGATIVE_FEEDBACK')) not null, "item_id" uuid null, "sample_text" text not null, "template" varchar(500) not null, "count" int not null default 1, "last_seen_at" timestamptz not null, "status" text check ("status" in ('OPEN', 'REFORMULATION_ADDED', 'ITEM_CREATED', 'IGNORED')) not null default 'OPEN', "resolved_item_id" uuid null, "resolved_by_id" uuid null, "resolved_at" timestamptz null, "resolution_note" varchar(1000) null, constraint "review_cluster_pkey" primary key ("id"));`);
    this.addSql(`create index "review_cluster_template_trgm" on "review_cluster" using gin ("template" gin_trgm_ops);`);
    this.addSql(`create index "review_cluster_bot_id_status_last_seen_at_index" on "review_cluster" ("bot_id", "status", "last_seen_at");`);
    this.addSql(`create index "review_cluster_bot_id_status_count_index" on "review_cluster" ("bot_id", "status", "count");`);

    this.addSql(`create table "review_entry" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "cluster_id" uuid not null, "text" text not null, "comment" text null, "ministry_code" varchar(10) null, "conversation_id" uuid null, constraint "review_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "review_entry_cluster_id_created_at_index" on "review_entry" ("cluster_id", "created_at");`);

    this.addSql(`create table "knowledge_publication" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "item_id" uuid not null, "action" text check ("action" in ('PUBLISHED', 'UPDATED', 'ARCHIVED')) not null, "version" int not null, "by_id" uuid null, "note" varchar(1000) null, constraint "knowledge_publication_pkey" primary key ("id"));`);
    this.addSql(`create index "knowledge_publication_item_id_created_at_index" on "knowledge_publication" ("item_id", "created_at");`);

    this.addSql(`create table "conversation" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "bot_id" uuid not null, "person_id" uuid not null, "structure_id" uuid not null, "last_activity_at" timestamptz not null default now(), "turn_count" int not null default 0, "pasted_message" text null, "variable_parts" jsonb not null, "path" jsonb not null, "domain_id" uuid null, "item_id" uuid null, "answered" boolean not null default false, "unanswered" boolean not null default false, "handed_off" boolean not null default false, constraint "conversation_pkey" primary key ("id"));`);
    this.addSql(`create index "conversation_bot_id_created_at_index" on "conversation" ("bot_id", "created_at");`);
    this.addSql(`create index "conversation_person_id_created_at_index" on "conversation" ("person_id", "created_at");`);

    this.addSql(`create table "conversation_turn" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "conversation_id" uuid not null, "seq" int not null, "speaker" text check ("speaker" in ('BOT', 'USER')) not null, "texts" jsonb not null, "list_items" jsonb not null, "buttons" jsonb not null, "candidates" jsonb not null, "match_outcome" text check ("match_outcome" in ('CONFIDENT', 'AMBIGUOUS', 'NONE')) null, "item_id" uuid null, "dialog_node_id" varchar(40) null, "is_answer" boolean not null default false, "user_text" text null, constraint "conversation_turn_pkey" primary key ("id"));`);
    this.addSql(`alter table "conversation_turn" add constraint "conversation_turn_conversation_id_seq_unique" unique ("conversation_id", "seq");`);

    this.addSql(`create table "answer_feedback" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "turn_id" uuid not null, "conversation_id" uuid not null, "person_id" uuid not null, "item_id" uuid null, "vote" text check ("vote" in ('UP', 'DOWN')) not null, "comment" text null, "ministry_code" varchar(10) null, constraint "answer_feedback_pkey" primary key ("id"));`);
    this.addSql(`alter table "answer_feedback" add constraint "answer_feedback_turn_id_unique" unique ("turn_id");`);
    this.addSql(`create index "answer_feedback_item_id_vote_index" on "answer_feedback" ("item_id", "vote");`);

    this.addSql(`create table "ticket_request" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "conversation_id" uuid not null, "requester_id" uuid not null, "structure_id" uuid not null, "status" text check ("status" in ('PENDING', 'CONVERTED', 'DISMISSED')) not null default 'PENDING', "pasted_message" text null, "variable_parts" jsonb not null, "domain_label" varchar(100) null, "path" jsonb not null, "item_id" uuid null, "note" text null, "dismiss_reason" varchar(1000) null, "decided_by_id" uuid null, "decided_at" timestamptz null, "ticket_id" uuid null, constraint "ticket_request_pkey" primary key ("id"));`);
    this.addSql(`alter table "ticket_request" add constraint "ticket_request_conversation_id_unique" unique ("conversation_id");`);
    this.addSql(`create index "ticket_request_requester_id_created_at_index" on "ticket_request" ("requester_id", "created_at");`);
    this.addSql(`create index "ticket_request_structure_id_status_created_at_index" on "ticket_request" ("structure_id", "status", "created_at");`);

    this.addSql(`alter table "bot_domain" add constraint "bot_domain_bot_id_foreign" foreign key ("bot_id") references "bot" ("id") on update cascade;`);

    this.addSql(`alter table "knowledge_item" add constraint "knowledge_item_bot_id_foreign" foreign key ("bot_id") references "bot" ("id") on update cascade;`);
    this.addSql(`alter table "knowledge_item" add constraint "knowledge_item_domain_id_foreign" foreign key ("domain_id") references "bot_domain" ("id") on update cascade;`);

    this.addSql(`alter table "knowledge_phrase" add constraint "knowledge_phrase_item_id_foreign" foreign key ("item_id") references "knowledge_item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "knowledge_phrase" add constraint "knowledge_phrase_bot_id_foreign" foreign key ("bot_id") references "bot" ("id") on update cascade;`);

    this.addSql(`alter table "review_cluster" add constraint "review_cluster_bot_id_foreign" foreign key ("bot_id") references "bot" ("id") on update cascade;`);
    this.addSql(`alter table "review_cluster" add constraint "review_cluster_item_id_foreign" foreign key ("item_id") references "knowledge_item" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "review_cluster" add constraint "review_cluster_resolved_item_id_foreign" foreign key ("resolved_item_id") references "knowledge_item" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "review_cluster" add constraint "review_cluster_resolved_by_id_foreign" foreign key ("resolved_by_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "review_entry" add constraint "review_entry_cluster_id_foreign" foreign key ("cluster_id") references "review_cluster" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "knowledge_publication" add constraint "knowledge_publication_item_id_foreign" foreign key ("item_id") references "knowledge_item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "knowledge_publication" add constraint "knowledge_publication_by_id_foreign" foreign key ("by_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "conversation" add constraint "conversation_bot_id_foreign" foreign key ("bot_id") references "bot" ("id") on update cascade;`);
    this.addSql(`alter table "conversation" add constraint "conversation_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "conversation" add constraint "conversation_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "conversation" add constraint "conversation_domain_id_foreign" foreign key ("domain_id") references "bot_domain" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "conversation" add constraint "conversation_item_id_foreign" foreign key ("item_id") references "knowledge_item" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "conversation_turn" add constraint "conversation_turn_conversation_id_foreign" foreign key ("conversation_id") references "conversation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "conversation_turn" add constraint "conversation_turn_item_id_foreign" foreign key ("item_id") references "knowledge_item" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "answer_feedback" add constraint "answer_feedback_turn_id_foreign" foreign key ("turn_id") references "conversation_turn" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "answer_feedback" add constraint "answer_feedback_conversation_id_foreign" foreign key ("conversation_id") references "conversation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "answer_feedback" add constraint "answer_feedback_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "answer_feedback" add constraint "answer_feedback_item_id_foreign" foreign key ("item_id") references "knowledge_item" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ticket_request" add constraint "ticket_request_conversation_id_foreign" foreign key ("conversation_id") references "conversation" ("id") on update cascade;`);
    this.addSql(`alter table "ticket_request" add constraint "ticket_request_requester_id_foreign" foreign key ("requester_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "ticket_request" add constraint "ticket_request_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "ticket_request" add constraint "ticket_request_item_id_foreign" foreign key ("item_id") references "knowledge_item" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket_request" add constraint "ticket_request_decided_by_id_foreign" foreign key ("decided_by_id") references "person" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "bot_domain" drop constraint "bot_domain_bot_id_foreign";`);

    this.addSql(`alter table "knowledge_item" drop constraint "knowledge_item_bot_id_foreign";`);

    this.addSql(`alter table "knowledge_phrase" drop constraint "knowledge_phrase_bot_id_foreign";`);

    this.addSql(`alter table "review_cluster" drop constraint "review_cluster_bot_id_foreign";`);

    this.addSql(`alter table "conversation" drop constraint "conversation_bot_id_foreign";`);

    this.addSql(`alter table "knowledge_item" drop constraint "knowledge_item_domain_id_foreign";`);

    this.addSql(`alter table "conversation" drop constraint "conversation_domain_id_foreign";`);

    this.addSql(`alter table "knowledge_phrase" drop constraint "knowledge_phrase_item_id_foreign";`);

    this.addSql(`alter table "review_cluster" drop constraint "review_cluster_item_id_foreign";`);

    this.addSql(`alter table "review_cluster" drop constraint "review_cluster_resolved_item_id_foreign";`);

    this.addSql(`alter table "knowledge_publication" drop constraint "knowledge_publication_item_id_foreign";`);

    this.addSql(`alter table "conversation" drop constraint "conversation_item_id_foreign";`);

    this.addSql(`alter table "conversation_turn" drop constraint "conversation_turn_item_id_foreign";`);

    this.addSql(`alter table "answer_feedback" drop constraint "answer_feedback_item_id_foreign";`);

    this.addSql(`alter table "ticket_request" drop constraint "ticket_request_item_id_foreign";`);

    this.addSql(`alter table "review_entry" drop constraint "review_entry_cluster_id_foreign";`);

    this.addSql(`alter table "conversation_turn" drop constraint "conversation_turn_conversation_id_foreign";`);

    this.addSql(`alter table "answer_feedback" drop constraint "answer_feedback_conversation_id_foreign";`);

    this.addSql(`alter table "ticket_request" drop constraint "ticket_request_conversation_id_foreign";`);

    this.addSql(`alter table "answer_feedback" drop constraint "answer_feedback_turn_id_foreign";`);

    this.addSql(`drop table if exists "bot" cascade;`);

    this.addSql(`drop table if exists "bot_domain" cascade;`);

    this.addSql(`drop table if exists "knowledge_item" cascade;`);

    this.addSql(`drop table if exists "knowledge_phrase" cascade;`);

    this.addSql(`drop table if exists "review_cluster" cascade;`);

    this.addSql(`drop table if exists "review_entry" cascade;`);

    this.addSql(`drop table if exists "knowledge_publication" cascade;`);

    this.addSql(`drop table if exists "conversation" cascade;`);

    this.addSql(`drop table if exists "conversation_turn" cascade;`);

    this.addSql(`drop table if exists "answer_feedback" cascade;`);

    this.addSql(`drop table if exists "ticket_request" cascade;`);
  }

}
