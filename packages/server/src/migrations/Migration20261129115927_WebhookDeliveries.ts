import { Migration } from '@mikro-orm/migrations';

export class Migration20261129115927_WebhookDeliveries extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "application_id" uuid not null, "event" varchar(100) not null, "payload" jsonb not null, "status" text check ("status" in ('PENDING', 'DELIVERED', 'FAILED')) not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null default now(), "last_status_code" int null, "last_error" varchar(500) null, "delivered_at" timestamptz null, constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_due_index" on "webhook_delivery" ("status", "next_attempt_at");`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_application_id_foreign" foreign key ("application_id") references "application_client" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
  }

}
