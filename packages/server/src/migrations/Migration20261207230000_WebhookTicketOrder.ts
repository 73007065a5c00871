import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook deliveries keep their ticket and a queue order: an application receives one ticket's
 * events in the order they were queued (a RESOLVED never overtakes an IN_PROGRESS being retried).
 */
export class Migration20261207230000_WebhookTicketOrder extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "webhook_delivery" add column "ticket_id" uuid null, add column "queue_order" bigserial;`);
    this.addSql(`create index "webhook_delivery_ticket_order_index" on "webhook_delivery" ("application_id", "ticket_id", "queue_order");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "webhook_delivery_ticket_order_index";`);
    this.addSql(`alter table "webhook_delivery" drop column "queue_order", drop column "ticket_id";`);
  }
}
