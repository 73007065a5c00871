import { Migration } from '@mikro-orm/migrations';

export class Migration20261208030000_AuditEntry extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "actor_kind" text check ("actor_kind" in ('PERSON', 'APPLICATION', 'SYSTEM')) not null, "actor_person_id" uuid null, "actor_application_id" uuid null, "action" text check ("action" in ('STRUCTURE_CREATED', 'STRUCTURE_UPDATED', 'STRUCTURE_TIME_ZONE_SET', 'PERSON_CREATED', 'PERSON_UPDATED', 'PERSON_ERASED', 'CORRESPONDENT_ASSIGNED', 'CORRESPONDENT_ASSIGNMENT_ENDED', 'DIRECTORY_IMPORTED', 'APPLICATION_REGISTERED', 'APPLICATION_UPDATED', 'API_KEY_ISSUED', 'API_KEY_ROTATED', 'API_KEY_REVOKED', 'ROUTING_RULE_SAVED', 'CALENDAR_CREATED', 'CALENDAR_UPDATED', 'CLOSED_DAYS_IMPORTED', 'SERVICE_LEVEL_TARGET_SET', 'SERVICE_LEVEL_TARGET_REMOVED', 'BOT_UPDATED', 'KNOWLEDGE_ITEM_CREATED', 'KNOWLEDGE_ITEM_UPDATED', 'KNOWLEDGE_ITEM_PUBLISHED', 'KNOWLEDGE_ITEM_ARCHIVED', 'KNOWLEDGE_PHRASE_ADDED', 'KNOWLEDGE_PHRASE_REMOVED', 'KNOWLEDGE_REVIEW_IGNORED', 'KNOWLEDGE_IMPORTED', 'ABBREVIATION_SET', 'ABBREVIATION_REMOVED', 'MACRO_CREATED', 'MACRO_UPDATED', 'MACRO_DELETED', 'TRAINING_DOMAIN_CREATED', 'TRAINING_COURSE_CREATED', 'TRAINING_PRICE_SET', 'TRAINING_SESSION_CREATED', 'TRAINING_SESSION_UPDATED', 'TRAINING_POLICY_SET', 'TRAINING_ATTENDANCE_IMPORTED', 'RETENTION_PURGED')) not null, "target_type" varchar(60) not null, "target_id" uuid null, "before" jsonb null, "after" jsonb null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_entry_action_created_at_index" on "audit_entry" ("action", "created_at");`);
    this.addSql(`create index "audit_entry_target_type_target_id_index" on "audit_entry" ("target_type", "target_id");`);
    this.addSql(`create index "audit_entry_created_at_id_index" on "audit_entry" ("created_at", "id");`);
    this.addSql(`create index "audit_entry_actor_person_id_created_at_index" on "audit_entry" ("actor_person_id", "created_at");`);

    this.addSql(`alter table "audit_entry" add constraint "audit_entry_actor_person_id_foreign" foreign key ("actor_person_id") references "person" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_actor_application_id_foreign" foreign key ("actor_application_id") references "application_client" ("id") on update cascade on delete set null;`);

    // append-only: no update, no delete, no truncate, whoever connects (a REVOKE would not bind the
    // owner the server connects as). One exception: the erasure of a person (RGPD), which sets
    // chorus.erasing_person to that person's id for its transaction, may rewrite the before/after
    // of the entries about that person, and nothing else of them.
    this.addSql(`create function audit_entry_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then
          if old.target_type = 'Person' and old.target_id::text = nullif(current_setting('chorus.erasing_person', true), '')
             and new.id = old.id and new.created_at = old.created_at and new.updated_at = old.updated_at
             and new.actor_kind = old.actor_kind and new.actor_person_id is not distinct from old.actor_person_id
             and new.actor_application_id is not distinct from old.actor_application_id and new.action = old.action
             and new.target_type = old.target_type and new.target_id is not distinct from old.target_id then
            return new;
          end if;
        end if;
        raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger audit_entry_append_only before update or delete on audit_entry for each row execute function audit_entry_append_only();`);
    this.addSql(`create trigger audit_entry_no_truncate before truncate on audit_entry for each statement execute function audit_entry_append_only();`);

    // the retention job (chorus.retention_purge = 'on' for its transaction) deletes the history of the
    // tickets it purges with them; the history stays append-only for everything else
    this.addSql(`create or replace function ticket_event_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and current_setting('chorus.retention_purge', true) = 'on' then return old; end if;
        raise exception 'ticket_event is append-only';
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function ticket_event_append_only() returns trigger language plpgsql as $$ begin raise exception 'ticket_event is append-only'; end $$;`);
    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop function if exists audit_entry_append_only();`);
  }

}
