import { Migration } from '@mikro-orm/migrations';

/**
 * One-click links and replies (notifications/mail-actions): the used links' nonces, the
 * reply addresses' codes, and a decision asked for when a training session becomes HELD
 * (its referent gets the connection-time summary), the same way the outbox's triggers ask.
 */
export class Migration20261207220000_MailActions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "mail_action_use" ("nonce" varchar(32) not null, "person_id" uuid not null, "action" varchar(40) not null, "object_id" uuid not null, "used_at" timestamptz not null default now(), constraint "mail_action_use_pkey" primary key ("nonce"));`);
    this.addSql(`alter table "mail_action_use" add constraint "mail_action_use_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`create table "notification_reply_address" ("code" varchar(20) not null, "ticket_id" uuid not null, "person_id" uuid not null, "created_at" timestamptz not null default now(), constraint "notification_reply_address_pkey" primary key ("code"));`);
    this.addSql(`alter table "notification_reply_address" add constraint "notification_reply_address_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`create or replace function notification_decide_session_held() returns trigger language plpgsql as $$
      begin
        if new.status = 'HELD' and old.status is distinct from 'HELD' then
          perform graphile_worker.add_job('notifications:decide', json_build_object('table', tg_table_name, 'id', new.id),
                                          job_key := 'decide:' || tg_table_name || ':' || new.id, max_attempts := 10);
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger training_session_notification after update of status on training_session for each row execute function notification_decide_session_held();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists training_session_notification on training_session;`);
    this.addSql(`drop function if exists notification_decide_session_held();`);
    this.addSql(`drop table if exists "notification_reply_address" cascade;`);
    this.addSql(`drop table if exists "mail_action_use" cascade;`);
  }
}
