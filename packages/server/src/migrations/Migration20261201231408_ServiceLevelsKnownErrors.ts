import { Migration } from '@mikro-orm/migrations';

export class Migration20261201231408_ServiceLevelsKnownErrors extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "business_calendar" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(40) not null, "name" varchar(200) not null, "time_zone" varchar(64) not null default 'Europe/Paris', "windows" jsonb not null, "french_holidays" boolean not null default true, "alsace_moselle" boolean not null default false, "closed_days" jsonb not null, constraint "business_calendar_pkey" primary key ("id"));`);
    this.addSql(`alter table "business_calendar" add constraint "business_calendar_code_unique" unique ("code");`);

    this.addSql(`create table "service_level_target" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "priority" smallint not null, "metric" text check ("metric" in ('FIRST_RESPONSE', 'LEVEL_HOLD', 'RESOLUTION')) not null, "level" text check ("level" in ('SN1', 'SN2', 'TECHNICAL')) null, "target_seconds" int not null, "at_risk_share" double precision not null default 0.8, "calendar_id" uuid not null, constraint "service_level_target_pkey" primary key ("id"));`);
    this.addSql(`create unique index "service_level_target_key_unique" on "service_level_target" ("priority", "metric", coalesce("level", ''));`);

    this.addSql(`create table "structure_time_zone" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "structure_id" uuid not null, "time_zone" varchar(64) not null, constraint "structure_time_zone_pkey" primary key ("id"));`);
    this.addSql(`alter table "structure_time_zone" add constraint "structure_time_zone_structure_id_unique" unique ("structure_id");`);

    this.addSql(`create table "ticket_service_level" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "ticket_id" uuid not null, "target_id" uuid not null, "clock" text check ("clock" in ('RUNNING', 'PAUSED', 'STOPPED')) not null, "state" text check ("state" in ('ON_TRACK', 'AT_RISK', 'BREACHED')) not null, "elapsed_seconds" int not null, "at_risk_at" timestamptz null, "due_at" timestamptz null, "computed_at" timestamptz not null, constraint "ticket_service_level_pkey" primary key ("id"));`);
    this.addSql(`create index "ticket_service_level_queue_index" on "ticket_service_level" ("clock", "due_at", "id");`);
    this.addSql(`alter table "ticket_service_level" add constraint "ticket_service_level_unique" unique ("ticket_id", "target_id");`);

    this.addSql(`create table "service_level_crossing" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "ticket_id" uuid not null, "target_id" uuid not null, "state" text check ("state" in ('ON_TRACK', 'AT_RISK', 'BREACHED')) not null, "crossed_at" timestamptz not null, "announced" boolean not null, constraint "service_level_crossing_pkey" primary key ("id"));`);
    this.addSql(`alter table "service_level_crossing" add constraint "service_level_crossing_unique" unique ("ticket_id", "target_id", "state");`);

    this.addSql(`create table "known_error_link" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "ticket_id" uuid not null, "item_id" uuid not null, "automatic" boolean not null default false, "linked_by_id" uuid null, constraint "known_error_link_pkey" primary key ("id"));`);
    this.addSql(`alter table "known_error_link" add constraint "known_error_link_ticket_unique" unique ("ticket_id");`);
    this.addSql(`create index "known_error_link_item_index" on "known_error_link" ("item_id", "created_at");`);

    this.addSql(`create table "ticket_service_level_watermark" ("ticket_id" uuid not null, "computed_at" timestamptz not null, constraint "ticket_service_level_watermark_pkey" primary key ("ticket_id"));`);

    this.addSql(`alter table "service_level_target" add constraint "service_level_target_calendar_id_foreign" foreign key ("calendar_id") references "business_calendar" ("id") on update cascade;`);

    this.addSql(`alter table "structure_time_zone" add constraint "structure_time_zone_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "ticket_service_level" add constraint "ticket_service_level_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ticket_service_level" add constraint "ticket_service_level_target_id_foreign" foreign key ("target_id") references "service_level_target" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "service_level_crossing" add constraint "service_level_crossing_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "service_level_crossing" add constraint "service_level_crossing_target_id_foreign" foreign key ("target_id") references "service_level_target" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "known_error_link" add constraint "known_error_link_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "known_error_link" add constraint "known_error_link_item_id_foreign" foreign key ("item_id") references "knowledge_item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "known_error_link" add constraint "known_error_link_linked_by_id_foreign" foreign key ("linked_by_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ticket_service_level_watermark" add constraint "ticket_service_level_watermark_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "ticket_event" drop constraint if exists "ticket_event_kind_check";`);

    this.addSql(`alter table "knowledge_item" drop column "linked_ticket_refs";`);

    this.addSql(`alter table "ticket_event" add constraint "ticket_event_kind_check" check("kind" in ('OPENED', 'TRANSITION', 'FIELD_CHANGED', 'ASSIGNED', 'RATED', 'SERVICE_LEVEL_AT_RISK', 'SERVICE_LEVEL_BREACHED', 'KNOWN_ERROR_UPDATED'));`);

    // starting values an administrator edits through the API: office hours in Paris, targets per priority
    this.addSql(`insert into "business_calendar" ("id", "code", "name", "time_zone", "windows", "french_holidays", "alsace_moselle", "closed_days")
      values (gen_random_uuid(), 'PARIS_OFFICE_HOURS', 'Heures ouvrées du support (lundi–vendredi 8 h 30–18 h)', 'Europe/Paris',
              (select jsonb_agg(jsonb_build_object('weekday', d, 'start', '08:30', 'end', '18:00') order by d) from generate_series(1, 5) d), true, false, '[]');`);
    // business hours of PARIS_OFFICE_HOURS: 9.5 h a day
    this.addSql(`insert into "service_level_target" ("id", "priority", "metric", "level", "target_seconds", "at_risk_share", "calendar_id")
      select gen_random_uuid(), p.priority, m.metric, m.level, (m.factor * p.hours * 3600)::int, 0.8, (select id from business_calendar where code = 'PARIS_OFFICE_HOURS')
        from (values (1, 4), (2, 9.5), (3, 19), (4, 47.5)) as p(priority, hours),
             (values ('FIRST_RESPONSE', null, 0.25), ('RESOLUTION', null, 1.0), ('LEVEL_HOLD', 'SN1', 0.5), ('LEVEL_HOLD', 'SN2', 1.0), ('LEVEL_HOLD', 'TECHNICAL', 1.0)) as m(metric, level, factor);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "service_level_target" drop constraint "service_level_target_calendar_id_foreign";`);

    this.addSql(`alter table "ticket_service_level" drop constraint "ticket_service_level_target_id_foreign";`);

    this.addSql(`alter table "service_level_crossing" drop constraint "service_level_crossing_target_id_foreign";`);

    this.addSql(`drop table if exists "business_calendar" cascade;`);

    this.addSql(`drop table if exists "service_level_target" cascade;`);

    this.addSql(`drop table if exists "structure_time_zone" cascade;`);

    this.addSql(`drop table if exists "ticket_service_level" cascade;`);

    this.addSql(`drop table if exists "service_level_crossing" cascade;`);

    this.addSql(`drop table if exists "known_error_link" cascade;`);

    this.addSql(`drop table if exists "ticket_service_level_watermark" cascade;`);

    this.addSql(`alter table "ticket_event" drop constraint if exists "ticket_event_kind_check";`);

    this.addSql(`alter table "knowledge_item" add column "linked_ticket_refs" jsonb not null;`);

    this.addSql(`alter table "ticket_event" add constraint "ticket_event_kind_check" check("kind" in ('OPENED', 'TRANSITION', 'FIELD_CHANGED', 'ASSIGNED', 'RATED'));`);
  }

}
