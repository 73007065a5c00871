import { Migration } from '@mikro-orm/migrations';

const KINDS = `'OPENED', 'TRANSITION', 'FIELD_CHANGED', 'ASSIGNED', 'RATED', 'SERVICE_LEVEL_AT_RISK', 'SERVICE_LEVEL_BREACHED', 'KNOWN_ERROR_UPDATED', 'ATTACHMENT_ADDED', 'ATTACHMENT_REMOVED'`;
const TRANSITIONS = `'SUBMIT', 'TAKE', 'REQUEST_INFO', 'PROVIDE_INFO', 'ESCALATE', 'RETURN_TO_SN1', 'TRANSFER_TO_TECHNICAL', 'TRANSFER_TO_FUNCTIONAL', 'RESOLVE', 'CLOSE', 'REOPEN', 'CANCEL'`;

/**
 * Links between tickets (RELATED, DUPLICATE_OF, CAUSED_BY), a ticket's parent (one incident
 * hitting many structures), the merge of a duplicate into its original (`merged_into_id`, the
 * MERGE transition and its MERGED_INTO / MERGED_FROM events) and the watchers a merge carries
 * over (the duplicate's requester and opening application, who then see the original).
 */
export class Migration20261208010000_TicketLinks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "ticket_link" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "from_id" uuid not null, "to_id" uuid not null, "kind" text check ("kind" in ('RELATED', 'DUPLICATE_OF', 'CAUSED_BY')) not null, "created_by_id" uuid null, constraint "ticket_link_pkey" primary key ("id"));`);
    this.addSql(`create index "ticket_link_to_index" on "ticket_link" ("to_id");`);
    this.addSql(`alter table "ticket_link" add constraint "ticket_link_from_to_kind_unique" unique ("from_id", "to_id", "kind");`);
    this.addSql(`alter table "ticket_link" add constraint "ticket_link_from_id_foreign" foreign key ("from_id") references "ticket" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ticket_link" add constraint "ticket_link_to_id_foreign" foreign key ("to_id") references "ticket" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ticket_link" add constraint "ticket_link_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ticket" add column "parent_id" uuid null, add column "merged_into_id" uuid null, add column "watcher_ids" text[] not null default '{}';`);
    this.addSql(`alter table "ticket" add constraint "ticket_parent_id_foreign" foreign key ("parent_id") references "ticket" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket" add constraint "ticket_merged_into_id_foreign" foreign key ("merged_into_id") references "ticket" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "ticket_parent_index" on "ticket" ("parent_id");`);
    this.addSql(`create index "ticket_watcher_ids_index" on "ticket" using gin ("watcher_ids");`);

    this.addSql(`alter table "ticket_event" drop constraint if exists "ticket_event_kind_check";`);
    this.addSql(`alter table "ticket_event" add constraint "ticket_event_kind_check" check("kind" in (${KINDS}, 'MERGED_INTO', 'MERGED_FROM'));`);
    this.addSql(`alter table "ticket_event" drop constraint if exists "ticket_event_transition_check";`);
    this.addSql(`alter table "ticket_event" add constraint "ticket_event_transition_check" check("transition" in (${TRANSITIONS}, 'MERGE'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ticket_event" drop constraint if exists "ticket_event_transition_check";`);
    this.addSql(`alter table "ticket_event" add constraint "ticket_event_transition_check" check("transition" in (${TRANSITIONS}));`);
    this.addSql(`alter table "ticket_event" drop constraint if exists "ticket_event_kind_check";`);
    this.addSql(`alter table "ticket_event" add constraint "ticket_event_kind_check" check("kind" in (${KINDS}));`);
    this.addSql(`drop index if exists "ticket_watcher_ids_index";`);
    this.addSql(`drop index if exists "ticket_parent_index";`);
    this.addSql(`alter table "ticket" drop constraint if exists "ticket_merged_into_id_foreign", drop constraint if exists "ticket_parent_id_foreign";`);
    this.addSql(`alter table "ticket" drop column "watcher_ids", drop column "merged_into_id", drop column "parent_id";`);
    this.addSql(`drop table if exists "ticket_link" cascade;`);
  }
}
