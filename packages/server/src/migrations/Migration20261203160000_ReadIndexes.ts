import { Migration } from '@mikro-orm/migrations';

/** Indexes for the reads of the directory: people by name, a person's assignments. */
export class Migration20261203160000_ReadIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "person_last_name_first_name_id_index" on "person" ("last_name", "first_name", "id");`);
    this.addSql(`create index "correspondent_assignment_person_id_since_index" on "correspondent_assignment" ("person_id", "since");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "person_last_name_first_name_id_index";`);
    this.addSql(`drop index "correspondent_assignment_person_id_since_index";`);
  }
}
