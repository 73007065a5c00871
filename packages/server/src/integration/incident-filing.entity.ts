import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { Ticket } from '../service-desk/ticket.entity';
import { ApplicationClient } from '../access/application-client.entity';
import { IncidentRoutingRule } from './routing-rule.entity';

export enum FlowDirection {
  TO_CHORUS = 'TO_CHORUS',
  FROM_CHORUS = 'FROM_CHORUS',
}
registerEnumType(FlowDirection, {
  name: 'FlowDirection',
  description: 'Which way the exchange flow went through the ministerial exchange system (SEM).',
  valuesConfig: {
    TO_CHORUS: { description: 'From the business application to Chorus.' },
    FROM_CHORUS: { description: 'From Chorus to the business application.' },
  },
});

/** One call of fileIncident: the idempotency record, and the occurrence it reports. */
@Entity({ tableName: 'incident_filing' })
@Unique({ name: 'incident_filing_idempotency_unique', properties: ['application', 'idempotencyKey'] })
@Index({ name: 'incident_filing_grouping_index', properties: ['application', 'flowId', 'errorSignature', 'createdAt'] })
@ObjectType({ implements: Node, description: 'An incident filed by a business application: one occurrence of a failed exchange flow.' })
export class IncidentFiling extends BaseEntity<'groupedWithFirst' | 'routingRule' | 'documentNumbers'> {
  @ManyToOne(() => ApplicationClient, { ref: true })
  application!: Ref<ApplicationClient>;

  @Property({ type: 'string', length: 100 })
  @Field({ description: 'The key the application sent: the same key always answers with the same ticket.' })
  idempotencyKey!: string;

  /** SHA-256 of the request body without the key: a reused key with another body is refused. */
  @Property({ type: 'string', length: 64 })
  bodyHash!: string;

  @ManyToOne(() => Ticket, { ref: true })
  ticket!: Ref<Ticket>;

  @Property({ type: 'string', length: 64 })
  @Field({ description: 'Exchange flow id.' })
  flowId!: string;

  @Property({ type: 'string', length: 40 })
  @Field({ description: 'Exchange flow type, e.g. EJ, DP, FACTURE.' })
  flowType!: string;

  @Enum({ items: () => FlowDirection })
  @Field(() => FlowDirection, { description: 'Which way the flow went.' })
  flowDirection!: FlowDirection;

  @Property({ type: 'datetime' })
  @Field({ description: 'When the flow was exchanged.' })
  exchangedAt!: Date;

  @Property({ type: 'datetime' })
  @Field({ description: 'When the failure occurred.' })
  occurredAt!: Date;

  @Property({ type: 'text' })
  @Field({ description: 'The raw error message.' })
  errorMessage!: string;

  /** The error message with its variable parts blanked, to recognise repeats of one failure. */
  @Property({ type: 'string', length: 64 })
  errorSignature!: string;

  @Property({ type: 'text[]', default: [] })
  @Field(() => [String], { description: 'Document numbers concerned.' })
  documentNumbers: string[] = [];

  @Property({ type: 'boolean', default: false })
  @Field({ description: 'True when this occurrence was attached to an earlier ticket for the same flow and error instead of opening a new one.' })
  groupedWithFirst: boolean = false;

  @ManyToOne(() => IncidentRoutingRule, { ref: true, nullable: true, deleteRule: 'set null' })
  routingRule?: Ref<IncidentRoutingRule> | null = null;

  @Property({ type: 'string', length: 300 })
  @Field({ description: 'Why the incident went where it went (the rule that matched, or the default).' })
  routingReason!: string;
}
