import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Person } from '../../directory';

/** A one-click link that was used: its nonce, consumed in the transaction of its action (a second use finds it). */
@Entity({ tableName: 'mail_action_use' })
export class MailActionUse {
  @PrimaryKey({ type: 'string', length: 32 })
  nonce!: string;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @Property({ type: 'string', length: 40 })
  action!: string;

  @Property({ type: 'uuid' })
  objectId!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  usedAt: Date = new Date();
}

/** What a reply address's code stands for: a ticket and the person the mail was written for. */
@Entity({ tableName: 'notification_reply_address' })
export class NotificationReplyAddress {
  @PrimaryKey({ type: 'string', length: 20 })
  code!: string;

  @Property({ type: 'uuid' })
  ticketId!: string;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

export const mailActionEntities = [MailActionUse, NotificationReplyAddress];
