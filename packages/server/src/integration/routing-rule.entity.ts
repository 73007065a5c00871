import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { TicketNature } from '../service-desk/ticket.enums';

/**
 * How an application's incident is routed: the first active rule, by position, whose
 * pattern matches the error message (and flow type, when set) decides the nature —
 * TECHNICAL goes to CES-CHOREGIE, FUNCTIONAL to SN1. Data an administrator edits.
 */
@Entity({ tableName: 'incident_routing_rule' })
@ObjectType({ implements: Node, description: 'A routing rule for incidents filed by business applications: which error messages are technical (CES-CHOREGIE) and which functional (SN1).' })
export class IncidentRoutingRule extends BaseEntity<'active' | 'flowType' | 'domain'> {
  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Evaluation order: the first matching rule wins.' })
  position!: number;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'What the rule recognises, recorded on the ticket as the reason for the routing.' })
  label!: string;

  @Property({ type: 'string', length: 500 })
  @Field({ description: 'A PostgreSQL regular expression, matched case- and accent-insensitively against the error message.' })
  pattern!: string;

  @Property({ type: 'string', length: 40, nullable: true })
  @Field(() => String, { nullable: true, description: 'Only for this flow type, if set.' })
  flowType?: string | null = null;

  @Enum({ items: () => TicketNature })
  @Field(() => TicketNature, { description: 'FUNCTIONAL → SN1; TECHNICAL → CES-CHOREGIE.' })
  nature!: TicketNature;

  @Property({ type: 'string', length: 40, default: 'OTHER' })
  @Field({ description: 'Ticket domain code given to matching incidents (e.g. EJ).' })
  domain: string = 'OTHER';

  @Property({ type: 'boolean', default: true })
  @Field({ description: 'Inactive rules are skipped.' })
  active: boolean = true;
}
