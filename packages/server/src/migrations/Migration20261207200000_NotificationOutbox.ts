import { Migration } from '@mikro-orm/migrations';

/**
 * The notifications outbox (notifications/). Its sources are committed rows that already
 * exist: an AFTER INSERT trigger on ticket_event, ticket_comment and
 * training_registration_event adds a graphile-worker job in the inserting transaction, so
 * a change that rolls back asks for nothing and a committed one always does. The job
 * (`notifications:decide`) then decides who is told what and writes `notification` rows;
 * its key makes a second insert of the same row's job a no-op. Which rows matter is the
 * kinds' business (TypeScript), so a new kind needs no new trigger.
 *
 * graphile-worker's schema is installed by core/database's `migrate` before this runs.
 */
export class Migration20261207200000_NotificationOutbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "notification_preference" ("person_id" uuid not null, "kind" varchar(60) not null, "delivery" text check ("delivery" in ('IMMEDIATE', 'DAILY_DIGEST', 'NONE')) not null, "updated_at" timestamptz not null default now(), constraint "notification_preference_pkey" primary key ("person_id", "kind"));`);
    this.addSql(`create table "notification" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "source_table" varchar(60) not null, "source_id" uuid not null, "kind" varchar(60) not null, "recipient_id" uuid not null, "recipient_email" varchar(320) not null, "ticket_id" uuid null, "delivery" text check ("delivery" in ('IMMEDIATE', 'DAILY_DIGEST', 'NONE')) not null, "status" text check ("status" in ('PENDING', 'SENT', 'FAILED', 'HELD')) not null default 'PENDING', "subject" varchar(300) not null, "text_body" text not null, "html_body" text not null, "attempts" int not null default 0, "last_error" varchar(1000) null, "sent_at" timestamptz null, "message_id" varchar(500) null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_digest_index" on "notification" ("delivery", "status", "recipient_id");`);
    this.addSql(`create index "notification_created_at_index" on "notification" ("created_at", "id");`);
    this.addSql(`alter table "notification" add constraint "notification_source_recipient_kind_unique" unique ("source_table", "source_id", "recipient_id", "kind");`);
    this.addSql(`alter table "notification_preference" add constraint "notification_preference_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notification" add constraint "notification_recipient_id_foreign" foreign key ("recipient_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`create or replace function notification_decide_later() returns trigger language plpgsql as $$
      begin
        perform graphile_worker.add_job('notifications:decide', json_build_object('table', tg_table_name, 'id', new.id),
                                        job_key := 'decide:' || tg_table_name || ':' || new.id, max_attempts := 10);
        return null;
      end $$;`);
    for (const table of ['ticket_event', 'ticket_comment', 'training_registration_event']) {
      this.addSql(`create trigger ${table}_notification after insert on ${table} for each row execute function notification_decide_later();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['ticket_event', 'ticket_comment', 'training_registration_event']) this.addSql(`drop trigger if exists ${table}_notification on ${table};`);
    this.addSql(`drop function if exists notification_decide_later();`);
    this.addSql(`drop table if exists "notification" cascade;`);
    this.addSql(`drop table if exists "notification_preference" cascade;`);
  }
}
