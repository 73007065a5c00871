import { Migration } from '@mikro-orm/migrations';

/**
 * Events written by triggers carry when they were published (`at`, ms since the epoch),
 * like those the instances publish, so /metrics can tell the delivery lag of each.
 */
export class Migration20261202030000_EventTimestamps extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function chorus_notify(type text, detail json) returns void language sql as $$
      select pg_notify('chorus_support_events', json_build_object('type', type, 'detail', detail, 'at', floor(extract(epoch from clock_timestamp()) * 1000))::text) $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function chorus_notify(type text, detail json) returns void language sql as $$
      select pg_notify('chorus_support_events', json_build_object('type', type, 'detail', detail)::text) $$;`);
  }
}
