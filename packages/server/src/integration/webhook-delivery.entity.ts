import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { BaseEntity, Node } from '../core/base.entity';
import { ApplicationClient } from '../access/application-client.entity';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a webhook call stands.',
  valuesConfig: {
    PENDING: { description: 'Not delivered yet; retried with backoff.' },
    DELIVERED: { description: 'The receiver answered 2xx.' },
    FAILED: { description: 'Gave up after the last attempt.' },
  },
});

/** One event to POST to an application's webhook, with its attempts. */
@Entity({ tableName: 'webhook_delivery' })
@Index({ name: 'webhook_delivery_due_index', properties: ['status', 'nextAttemptAt'] })
@Index({ name: 'webhook_delivery_ticket_order_index', properties: ['application', 'ticketId', 'queueOrder'] })
@ObjectType({ implements: Node, description: 'A signed webhook call to an application, with its attempts.' })
export class WebhookDelivery extends BaseEntity<'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'lastStatusCode' | 'deliveredAt' | 'ticketId' | 'queueOrder'> {
  @ManyToOne(() => ApplicationClient, { ref: true })
  application!: Ref<ApplicationClient>;

  /** The ticket the event is about: an application receives one ticket's events in the order they were queued. */
  @Property({ type: 'uuid', nullable: true })
  ticketId?: string | null = null;

  /** Queue order, from a database sequence: two deliveries queued in the same millisecond still have an order. */
  @Property({ type: 'bigint', autoincrement: true })
  queueOrder?: string;

  @Property({ type: 'string', length: 100 })
  @Field({
    description:
      'Event type: `ticket.status_changed`, `ticket.comment_added` (a public comment on the ticket, not written by the application itself), `ticket.service_level_at_risk`, `ticket.service_level_breached`, `ticket.known_error_linked`, `ticket.known_error_updated`, `ticket.merged_from` (a duplicate was merged into the ticket; the duplicate itself gets `ticket.status_changed` with the transition MERGE). The events of one ticket are delivered in order: one waits while an earlier one is still being retried.',
  })
  event!: string;

  @Property({ type: 'json' })
  @Field(() => GraphQLJSONObject, { description: 'The JSON body sent (without the signature, which is in the headers).' })
  payload!: Record<string, unknown>;

  @Enum({ items: () => WebhookDeliveryStatus, default: WebhookDeliveryStatus.PENDING })
  @Field(() => WebhookDeliveryStatus, { description: 'Where it stands.' })
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;

  @Property({ type: 'integer', default: 0 })
  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts: number = 0;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field({ description: 'When the next attempt is due (PENDING only).' })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt, if the receiver answered.' })
  lastStatusCode?: number | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError?: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was delivered.' })
  deliveredAt?: Date | null = null;
}
