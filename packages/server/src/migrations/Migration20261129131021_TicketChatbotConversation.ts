import { Migration } from '@mikro-orm/migrations';

export class Migration20261129131021_TicketChatbotConversation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "ticket" add column "chatbot_conversation_id" uuid null;`);
    this.addSql(`alter table "ticket" add constraint "ticket_chatbot_conversation_id_foreign" foreign key ("chatbot_conversation_id") references "conversation" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ticket" drop constraint "ticket_chatbot_conversation_id_foreign";`);

    this.addSql(`alter table "ticket" drop column "chatbot_conversation_id";`);
  }

}
