import { Migration } from '@mikro-orm/migrations';

/** The registrations list's default order (requested_at, id): a page read sorted every registration first. */
export class Migration20261205120000_RegistrationOrderIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "training_registration_requested_at_id_index" on "training_registration" ("requested_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "training_registration_requested_at_id_index";`);
  }
}
