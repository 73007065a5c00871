import { Migration } from '@mikro-orm/migrations';

/**
 * What a write of one statement (core/write.ts) ends with: when its guarded row was not
 * updated (another writer moved it since it was read), the whole statement fails, so none
 * of its inserts stay either. SQLSTATE 40001: the writer reads again and decides again.
 */
export class Migration20261206030000_WriteAtOnce extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function chorus_assert_written(written bigint) returns bigint language plpgsql as $$
      begin
        if written = 0 then raise exception 'stale write: the row changed since it was read' using errcode = '40001'; end if;
        return written;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists chorus_assert_written(bigint);`);
  }
}
