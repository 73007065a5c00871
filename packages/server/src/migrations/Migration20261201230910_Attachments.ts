import { Migration } from '@mikro-orm/migrations';

export class Migration20261201230910_Attachments extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "stored_file" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "purpose" text check ("purpose" in ('TICKET_ATTACHMENT', 'KNOWLEDGE_IMAGE')) not null, "name" varchar(200) not null, "status" text check ("status" in ('PENDING', 'STORED', 'ATTACHED', 'MERGED')) not null default 'PENDING', "store" varchar(20) not null default 'postgres', "size" int not null default 0, "sha256" varchar(64) null, "content_type" varchar(120) null, "owner_person_id" uuid null, "owner_application_id" uuid null, "expires_at" timestamptz not null, constraint "stored_file_pkey" primary key ("id"));`);
    this.addSql(`create index "stored_file_status_expires_index" on "stored_file" ("status", "expires_at");`);

    this.addSql(`create table "stored_file_chunk" ("file_id" uuid not null, "seq" int not null, "data" bytea not null, constraint "stored_file_chunk_pkey" primary key ("file_id", "seq"));`);
    // chunks are mostly compressed already (images, zip, PDF): stored out of line, not compressed again
    this.addSql(`alter table "stored_file_chunk" alter column "data" set storage external;`);

    this.addSql(`create table "knowledge_image" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "item_id" uuid not null, "file_id" uuid not null, "name" varchar(200) not null, "content_type" varchar(120) not null, "size" int not null, "sha256" varchar(64) not null, constraint "knowledge_image_pkey" primary key ("id"));`);
    this.addSql(`alter table "knowledge_image" add constraint "knowledge_image_file_id_unique" unique ("file_id");`);
    this.addSql(`alter table "knowledge_image" add constraint "knowledge_image_item_sha256_unique" unique ("item_id", "sha256");`);

    this.addSql(`create table "ticket_attachment" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "ticket_id" uuid not null, "file_id" uuid not null, "name" varchar(200) not null, "content_type" varchar(120) not null, "size" int not null, "sha256" varchar(64) not null, "internal" boolean not null default false, "added_by_id" uuid null, "added_by_application_id" uuid null, constraint "ticket_attachment_pkey" primary key ("id"));`);
    this.addSql(`alter table "ticket_attachment" add constraint "ticket_attachment_file_id_unique" unique ("file_id");`);
    this.addSql(`create index "ticket_attachment_ticket_id_created_at_index" on "ticket_attachment" ("ticket_id", "created_at");`);
    this.addSql(`alter table "ticket_attachment" add constraint "ticket_attachment_ticket_sha256_unique" unique ("ticket_id", "sha256");`);

    this.addSql(`alter table "stored_file" add constraint "stored_file_owner_person_id_foreign" foreign key ("owner_person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "stored_file" add constraint "stored_file_owner_application_id_foreign" foreign key ("owner_application_id") references "application_client" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "stored_file_chunk" add constraint "stored_file_chunk_file_id_foreign" foreign key ("file_id") references "stored_file" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "knowledge_image" add constraint "knowledge_image_item_id_foreign" foreign key ("item_id") references "knowledge_item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "knowledge_image" add constraint "knowledge_image_file_id_foreign" foreign key ("file_id") references "stored_file" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "ticket_attachment" add constraint "ticket_attachment_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ticket_attachment" add constraint "ticket_attachment_file_id_foreign" foreign key ("file_id") references "stored_file" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ticket_attachment" add constraint "ticket_attachment_added_by_id_foreign" foreign key ("added_by_id") references "person" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket_attachment" add constraint "ticket_attachment_added_by_application_id_foreign" foreign key ("added_by_application_id") references "application_client" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ticket_event" drop constraint if exists "ticket_event_kind_check";`);

    this.addSql(`alter table "ticket" add column "attachment_count" int not null default 0, add column "public_attachment_count" int not null default 0, add column "attachment_bytes" int not null default 0;`);

    this.addSql(`alter table "ticket_event" add constraint "ticket_event_kind_check" check("kind" in ('OPENED', 'TRANSITION', 'FIELD_CHANGED', 'ASSIGNED', 'RATED', 'ATTACHMENT_ADDED', 'ATTACHMENT_REMOVED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "stored_file_chunk" drop constraint "stored_file_chunk_file_id_foreign";`);

    this.addSql(`alter table "knowledge_image" drop constraint "knowledge_image_file_id_foreign";`);

    this.addSql(`alter table "ticket_attachment" drop constraint "ticket_attachment_file_id_foreign";`);

    this.addSql(`drop table if exists "stored_file" cascade;`);

    this.addSql(`drop table if exists "stored_file_chunk" cascade;`);

    this.addSql(`drop table if exists "knowledge_image" cascade;`);

    this.addSql(`drop table if exists "ticket_attachment" cascade;`);

    this.addSql(`alter table "ticket_event" drop constraint if exists "ticket_event_kind_check";`);

    this.addSql(`alter table "ticket" drop column "attachment_count", drop column "public_attachment_count", drop column "attachment_bytes";`);

    this.addSql(`alter table "ticket_event" add constraint "ticket_event_kind_check" check("kind" in ('OPENED', 'TRANSITION', 'FIELD_CHANGED', 'ASSIGNED', 'RATED'));`);
  }

}
