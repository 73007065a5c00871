import { Migration } from '@mikro-orm/migrations';

export class Migration20261201234824_ConversationTurnListPosition extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "conversation_turn" add column "list_position" int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "conversation_turn" drop column "list_position";`);
  }

}
