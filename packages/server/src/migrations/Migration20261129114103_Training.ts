import { Migration } from '@mikro-orm/migrations';

export class Migration20261129114103_Training extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "training_domain" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(20) not null, "label" varchar(200) not null, "position" int not null default 0, constraint "training_domain_pkey" primary key ("id"));`);
    this.addSql(`alter table "training_domain" add constraint "training_domain_code_unique" unique ("code");`);

    this.addSql(`create table "training_course" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "domain_id" uuid not null, "title" varchar(300) not null, "mode" text check ("mode" in ('WEBINAR', 'IN_PERSON')) not null, "part_count" int not null, "part_minutes" int not null, constraint "training_course_pkey" primary key ("id"), constraint training_course_parts_check check ((part_count >= 1) AND (part_count <= 5)));`);

    this.addSql(`create table "training_policy" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "key" varchar(20) not null default 'default', "unjustified_absence_months" int not null default 12, "partial_attendance_counts" boolean not null default false, constraint "training_policy_pkey" primary key ("id"));`);
    this.addSql(`alter table "training_policy" add constraint "training_policy_key_unique" unique ("key");`);

    this.addSql(`create table "training_price" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "course_id" uuid not null, "from_year" int not null, "cents_per_part" int not null, constraint "training_price_pkey" primary key ("id"));`);
    this.addSql(`alter table "training_price" add constraint "training_price_course_id_from_year_unique" unique ("course_id", "from_year");`);

    this.addSql(`create table "training_session" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "course_id" uuid not null, "label" varchar(200) not null, "kind" text check ("kind" in ('STANDARD', 'THEMED', 'MINISTRY_ORDER')) not null default 'STANDARD', "ordered_by_id" uuid null, "status" text check ("status" in ('PLANNED', 'OPEN', 'FULL', 'HELD', 'CANCELLED')) not null default 'PLANNED', "capacity" int not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, constraint "training_session_pkey" primary key ("id"));`);
    this.addSql(`create index "training_session_starts_at_index" on "training_session" ("starts_at");`);

    this.addSql(`create table "training_seat_quota" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "session_id" uuid not null, "ministry_id" uuid not null, "seats" int not null, constraint "training_seat_quota_pkey" primary key ("id"));`);
    this.addSql(`alter table "training_seat_quota" add constraint "training_seat_quota_session_id_ministry_id_unique" unique ("session_id", "ministry_id");`);

    this.addSql(`create table "training_registration" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "session_id" uuid not null, "trainee_id" uuid not null, "structure_id" uuid not null, "ministry_id" uuid not null, "status" text check ("status" in ('REQUESTED', 'VALIDATED', 'REFUSED', 'REGISTERED', 'WAITLISTED', 'CONFIRMED', 'CANCELLED')) not null default 'REQUESTED', "requested_at" timestamptz not null, "refusal_reason" varchar(1000) null, "waitlist_priority" int not null default 0, "waitlist_seq" int null, "compatibility_tested_at" timestamptz null, "compatibility_passed" boolean null, "confirmed_at" timestamptz null, "cancelled_at" timestamptz null, "absence_justification" varchar(2000) null, "absence_justified_at" timestamptz null, "parts_connected" int not null default 0, "minutes_connected" int not null default 0, "min_part_minutes" int null, "max_part_minutes" int null, constraint "training_registration_pkey" primary key ("id"));`);
    this.addSql(`create index "training_registration_structure_id_index" on "training_registration" ("structure_id");`);
    this.addSql(`create index "training_registration_trainee_id_index" on "training_registration" ("trainee_id");`);
    this.addSql(`create index "training_registration_session_id_status_index" on "training_registration" ("session_id", "status");`);
    this.addSql(`create unique index "training_registration_live_unique" on "training_registration" ("session_id", "trainee_id") where "status" in ('REQUESTED', 'VALIDATED', 'REGISTERED', 'WAITLISTED', 'CONFIRMED');`);

    this.addSql(`create table "training_registration_event" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "registration_id" uuid not null, "at" timestamptz not null, "actor_id" uuid null, "action" text check ("action" in ('REQUEST', 'VALIDATE', 'REFUSE', 'REGISTER', 'WAITLIST', 'PROMOTE', 'COMPATIBILITY_TEST', 'CONFIRM', 'CANCEL', 'JUSTIFY_ABSENCE')) not null, "from_status" text check ("from_status" in ('REQUESTED', 'VALIDATED', 'REFUSED', 'REGISTERED', 'WAITLISTED', 'CONFIRMED', 'CANCELLED')) null, "to_status" text check ("to_status" in ('REQUESTED', 'VALIDATED', 'REFUSED', 'REGISTERED', 'WAITLISTED', 'CONFIRMED', 'CANCELLED')) not null, "note" varchar(2000) null, constraint "training_registration_event_pkey" primary key ("id"));`);
    this.addSql(`create index "training_registration_event_registration_id_at_index" on "training_registration_event" ("registration_id", "at");`);

    this.addSql(`create table "training_session_part" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "session_id" uuid not null, "number" int not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, constraint "training_session_part_pkey" primary key ("id"));`);
    this.addSql(`alter table "training_session_part" add constraint "training_session_part_session_id_number_unique" unique ("session_id", "number");`);

    this.addSql(`create table "training_attendance" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "registration_id" uuid not null, "part_id" uuid not null, "connected" boolean not null, "minutes" int not null, "first_join_at" timestamptz null, "last_leave_at" timestamptz null, "intervals" jsonb not null default '[]', "source" text check ("source" in ('MANUAL', 'IMPORT', 'DATASET')) not null, constraint "training_attendance_pkey" primary key ("id"));`);
    this.addSql(`create index "training_attendance_connected_index" on "training_attendance" ("registration_id") include ("minutes") where "connected";`);
    this.addSql(`alter table "training_attendance" add constraint "training_attendance_registration_id_part_id_unique" unique ("registration_id", "part_id");`);

    this.addSql(`alter table "training_course" add constraint "training_course_domain_id_foreign" foreign key ("domain_id") references "training_domain" ("id") on update cascade;`);

    this.addSql(`alter table "training_price" add constraint "training_price_course_id_foreign" foreign key ("course_id") references "training_course" ("id") on update cascade;`);

    this.addSql(`alter table "training_session" add constraint "training_session_course_id_foreign" foreign key ("course_id") references "training_course" ("id") on update cascade;`);
    this.addSql(`alter table "training_session" add constraint "training_session_ordered_by_id_foreign" foreign key ("ordered_by_id") references "ministry" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "training_seat_quota" add constraint "training_seat_quota_session_id_foreign" foreign key ("session_id") references "training_session" ("id") on update cascade;`);
    this.addSql(`alter table "training_seat_quota" add constraint "training_seat_quota_ministry_id_foreign" foreign key ("ministry_id") references "ministry" ("id") on update cascade;`);

    this.addSql(`alter table "training_registration" add constraint "training_registration_session_id_foreign" foreign key ("session_id") references "training_session" ("id") on update cascade;`);
    this.addSql(`alter table "training_registration" add constraint "training_registration_trainee_id_foreign" foreign key ("trainee_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "training_registration" add constraint "training_registration_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "training_registration" add constraint "training_registration_ministry_id_foreign" foreign key ("ministry_id") references "ministry" ("id") on update cascade;`);

    this.addSql(`alter table "training_registration_event" add constraint "training_registration_event_registration_id_foreign" foreign key ("registration_id") references "training_registration" ("id") on update cascade;`);
    this.addSql(`alter table "training_registration_event" add constraint "training_registration_event_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "training_session_part" add constraint "training_session_part_session_id_foreign" foreign key ("session_id") references "training_session" ("id") on update cascade;`);

    this.addSql(`alter table "training_attendance" add constraint "training_attendance_registration_id_foreign" foreign key ("registration_id") references "training_registration" ("id") on update cascade;`);
    this.addSql(`alter table "training_attendance" add constraint "training_attendance_part_id_foreign" foreign key ("part_id") references "training_session_part" ("id") on update cascade;`);

    // hand-added: order of arrival on waiting lists, taken under the session lock
    this.addSql(`create sequence if not exists "training_waitlist_seq";`);
    // hand-added: a registration's history is append-only, whatever the client
    this.addSql(`create or replace function training_history_append_only() returns trigger language plpgsql as $$
      begin raise exception 'training_registration_event is append-only'; end $$;`);
    // hand-added: roll the attendance rows up onto their registration, whatever writes them,
    // so that the statistics read one row per registration (see TrainingRegistration.partsConnected)
    this.addSql(`create or replace function training_attendance_rollup(ids uuid[]) returns void language sql as $$
      update training_registration r
         set parts_connected = coalesce(a.parts, 0), minutes_connected = coalesce(a.minutes, 0), min_part_minutes = a.mn, max_part_minutes = a.mx
        from (select x.id, agg.parts, agg.minutes, agg.mn, agg.mx from unnest(ids) x(id)
                left join lateral (select count(*)::int parts, sum(minutes)::int minutes, min(minutes) mn, max(minutes) mx
                                     from training_attendance t where t.registration_id = x.id and t.connected) agg on true) a
       where r.id = a.id $$;`);
    this.addSql(`create or replace function training_attendance_inserted() returns trigger language plpgsql as $$
      begin perform training_attendance_rollup(array(select distinct registration_id from new_rows)); return null; end $$;`);
    this.addSql(`create or replace function training_attendance_updated() returns trigger language plpgsql as $$
      begin perform training_attendance_rollup(array(select registration_id from new_rows union select registration_id from old_rows)); return null; end $$;`);
    this.addSql(`create or replace function training_attendance_deleted() returns trigger language plpgsql as $$
      begin perform training_attendance_rollup(array(select distinct registration_id from old_rows)); return null; end $$;`);
    this.addSql(`create trigger "training_attendance_rollup_insert" after insert on "training_attendance" referencing new table as new_rows for each statement execute function training_attendance_inserted();`);
    this.addSql(`create trigger "training_attendance_rollup_update" after update on "training_attendance" referencing old table as old_rows new table as new_rows for each statement execute function training_attendance_updated();`);
    this.addSql(`create trigger "training_attendance_rollup_delete" after delete on "training_attendance" referencing old table as old_rows for each statement execute function training_attendance_deleted();`);
    this.addSql(`create trigger "training_registration_event_append_only" before update or delete on "training_registration_event" for each row execute function training_history_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "training_registration_event_append_only" on "training_registration_event";`);
    this.addSql(`drop function if exists training_attendance_inserted, training_attendance_updated, training_attendance_deleted, training_attendance_rollup cascade;`);
    this.addSql(`drop function if exists training_history_append_only();`);
    this.addSql(`drop sequence if exists "training_waitlist_seq";`);
    this.addSql(`alter table "training_course" drop constraint "training_course_domain_id_foreign";`);

    this.addSql(`alter table "training_price" drop constraint "training_price_course_id_foreign";`);

    this.addSql(`alter table "training_session" drop constraint "training_session_course_id_foreign";`);

    this.addSql(`alter table "training_seat_quota" drop constraint "training_seat_quota_session_id_foreign";`);

    this.addSql(`alter table "training_registration" drop constraint "training_registration_session_id_foreign";`);

    this.addSql(`alter table "training_session_part" drop constraint "training_session_part_session_id_foreign";`);

    this.addSql(`alter table "training_registration_event" drop constraint "training_registration_event_registration_id_foreign";`);

    this.addSql(`alter table "training_attendance" drop constraint "training_attendance_registration_id_foreign";`);

    this.addSql(`alter table "training_attendance" drop constraint "training_attendance_part_id_foreign";`);

    this.addSql(`drop table if exists "training_domain" cascade;`);

    this.addSql(`drop table if exists "training_course" cascade;`);

    this.addSql(`drop table if exists "training_policy" cascade;`);

    this.addSql(`drop table if exists "training_price" cascade;`);

    this.addSql(`drop table if exists "training_session" cascade;`);

    this.addSql(`drop table if exists "training_seat_quota" cascade;`);

    this.addSql(`drop table if exists "training_registration" cascade;`);

    this.addSql(`drop table if exists "training_registration_event" cascade;`);

    this.addSql(`drop table if exists "training_session_part" cascade;`);

    this.addSql(`drop table if exists "training_attendance" cascade;`);
  }

}
