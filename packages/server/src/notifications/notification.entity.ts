import { mailActionEntities } from './mail-actions/mail-action.entity';
import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { Person } from '../directory';
import { NotificationDelivery, NotificationKind, NotificationStatus } from './notification.enums';

/**
 * One mail of the outbox: one per (source row, recipient, kind), written by the DECIDE step
 * with its subject and bodies already rendered, then sent by the DELIVER step (or gathered
 * into a daily digest). The unique key is what makes deciding twice, or on two instances,
 * harmless.
 */
@Entity({ tableName: 'notification' })
@Unique({ name: 'notification_source_recipient_kind_unique', properties: ['sourceTable', 'sourceId', 'recipient', 'kind'] })
@Index({ name: 'notification_created_at_index', properties: ['createdAt', 'id'] })
@Index({ name: 'notification_digest_index', properties: ['delivery', 'status', 'recipient'] })
@ObjectType({ implements: Node, description: 'A mail of the outbox: who it is for, what it says, and where its delivery stands (administrators).' })
export class Notification extends BaseEntity<'status' | 'attempts' | 'lastError' | 'sentAt' | 'messageId' | 'ticketId'> {
  /** The table of the committed row that caused it (ticket_event, ticket_comment, training_registration_event…). */
  @Property({ type: 'string', length: 60 })
  sourceTable!: string;

  @Property({ type: 'uuid' })
  sourceId!: string;

  // text, not a checked list: a new kind needs no migration
  @Property({ type: 'string', length: 60 })
  @Field(() => NotificationKind, { description: 'What it is about.' })
  kind!: NotificationKind;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  recipient!: Ref<Person>;

  @Property({ type: 'string', length: 320 })
  @Field({ description: 'The address it was written for (the person’s email when it was decided).' })
  recipientEmail!: string;

  /** The ticket it is about, when it is about one (for the reader's convenience, not a rule). */
  @Property({ type: 'uuid', nullable: true })
  ticketId?: string | null = null;

  @Enum({ items: () => NotificationDelivery })
  @Field(() => NotificationDelivery, { description: 'IMMEDIATE, or DAILY_DIGEST when the recipient chose to gather this kind.' })
  delivery!: NotificationDelivery;

  @Enum({ items: () => NotificationStatus, default: NotificationStatus.PENDING })
  @Field(() => NotificationStatus, { description: 'Where its delivery stands.' })
  status: NotificationStatus = NotificationStatus.PENDING;

  @Property({ type: 'string', length: 300 })
  @Field({ description: 'The mail’s subject, in French.' })
  subject!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The plain-text part.' })
  textBody!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The HTML part.' })
  htmlBody!: string;

  @Property({ type: 'integer', default: 0 })
  @Field(() => Int, { description: 'Attempts to send it made so far.' })
  attempts: number = 0;

  @Property({ type: 'string', length: 1000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError?: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the relay accepted it.' })
  sentAt?: Date | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'The Message-ID of the mail that carried it (a digest’s for a gathered one).' })
  messageId?: string | null = null;
}

/** A person's choice for one kind; without a row, the kind's default (IMMEDIATE). */
@Entity({ tableName: 'notification_preference' })
export class NotificationPreference {
  @ManyToOne(() => Person, { ref: true, primary: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @Property({ type: 'string', length: 60, primary: true })
  kind!: NotificationKind;

  @Enum({ items: () => NotificationDelivery })
  delivery!: NotificationDelivery;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

export const notificationEntities = [Notification, NotificationPreference, ...mailActionEntities];
