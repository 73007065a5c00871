import { Migration } from '@mikro-orm/migrations';

export class Migration20261129115220_ApplicationClients extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "application_cost_window" ("application_id" uuid not null, "window_start" timestamptz not null, "spent" int not null default 0, constraint "application_cost_window_pkey" primary key ("application_id", "window_start"));`);

    this.addSql(`alter table "application_client" add column "cost_budget_per_minute" int not null default 6000, add column "webhook_url" varchar(2000) null, add column "webhook_secret" varchar(200) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "application_cost_window" cascade;`);

    this.addSql(`alter table "application_client" drop column "cost_budget_per_minute", drop column "webhook_url", drop column "webhook_secret";`);
  }

}
