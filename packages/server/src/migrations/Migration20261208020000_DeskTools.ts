import { Migration } from '@mikro-orm/migrations';

export class Migration20261208020000_DeskTools extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "saved_view" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "owner_id" uuid not null, "name" varchar(200) not null, "visibility" text check ("visibility" in ('PRIVATE', 'TEAM')) not null default 'PRIVATE', "team_id" uuid null, "filter" jsonb not null, "order_by" jsonb null, constraint "saved_view_pkey" primary key ("id"));`);
    this.addSql(`create index "saved_view_team_index" on "saved_view" ("team_id", "visibility");`);
    this.addSql(`create index "saved_view_owner_index" on "saved_view" ("owner_id", "name", "id");`);

    this.addSql(`create table "macro" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(200) not null, "body" text not null, "internal" boolean not null default false, "set_status" text check ("set_status" in ('WAITING_FOR_INFO')) null, "set_priority" smallint null, "team_id" uuid null, "created_by_id" uuid null, constraint "macro_pkey" primary key ("id"));`);
    this.addSql(`create index "macro_team_name_index" on "macro" ("team_id", "name", "id");`);
    this.addSql(`create unique index "macro_name_unique" on "macro" (coalesce("team_id", '00000000-0000-0000-0000-000000000000'), lower("name"));`);

    this.addSql(`alter table "saved_view" add constraint "saved_view_owner_id_foreign" foreign key ("owner_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "saved_view" add constraint "saved_view_team_id_foreign" foreign key ("team_id") references "support_team" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "macro" add constraint "macro_team_id_foreign" foreign key ("team_id") references "support_team" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "macro" add constraint "macro_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "saved_view" cascade;`);

    this.addSql(`drop table if exists "macro" cascade;`);
  }

}
