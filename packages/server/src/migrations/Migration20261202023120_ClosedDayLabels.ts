import { Migration } from '@mikro-orm/migrations';

/** Labels of the calendars' extra closed days ("Pont de l'Ascension"), filled by the closed-days import and updateBusinessCalendar. */

export class Migration20261202023120_ClosedDayLabels extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "business_calendar" add column "closed_day_labels" jsonb not null default '{}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "business_calendar" drop column "closed_day_labels";`);
  }

}
