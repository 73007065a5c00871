import { Migration } from '@mikro-orm/migrations';

/** History event kinds of the service levels, the known errors and the attachments, all allowed at once (each module's migration knew only its own). */
export class Migration20261202003000_TicketEventKinds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "ticket_event" drop constraint if exists "ticket_event_kind_check";`);
    this.addSql(`alter table "ticket_event" add constraint "ticket_event_kind_check" check("kind" in ('OPENED', 'TRANSITION', 'FIELD_CHANGED', 'ASSIGNED', 'RATED', 'SERVICE_LEVEL_AT_RISK', 'SERVICE_LEVEL_BREACHED', 'KNOWN_ERROR_UPDATED', 'ATTACHMENT_ADDED', 'ATTACHMENT_REMOVED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ticket_event" drop constraint if exists "ticket_event_kind_check";`);
    this.addSql(`alter table "ticket_event" add constraint "ticket_event_kind_check" check("kind" in ('OPENED', 'TRANSITION', 'FIELD_CHANGED', 'ASSIGNED', 'RATED', 'SERVICE_LEVEL_AT_RISK', 'SERVICE_LEVEL_BREACHED', 'KNOWN_ERROR_UPDATED'));`);
  }
}
