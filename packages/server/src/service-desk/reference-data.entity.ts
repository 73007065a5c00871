import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';

/**
 * Applications and domains are reference data: rows loaded by the migration and managed
 * as data, so adding "Chorus DT – frais de mission" needs no release. Both have the same shape.
 */
@Entity({ abstract: true })
@ObjectType({ description: 'A row of reference data: a stable code, a display name and order, and whether it is still offered.' })
abstract class ReferenceData extends BaseEntity<'active' | 'position'> {
  @Property({ type: 'string', length: 40 })
  @Unique()
  @Field({ description: 'Stable code clients pass when opening a ticket (an application such as `CHORUS_COEUR`, a domain such as `EJ`).' })
  code!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Display name, e.g. "Chorus Cœur" or "Engagement juridique (EJ)".' })
  name!: string;

  @Property({ type: 'smallint', default: 0 })
  @Field(() => Int, { description: 'Place in pick lists, smallest first (0 by default); inactive entries come after active ones.' })
  position: number = 0;

  @Property({ type: 'boolean', default: true })
  @Field({ description: 'False once retired: new tickets can no longer name it.' })
  active: boolean = true;
}

@Entity({ tableName: 'ticket_application' })
@ObjectType({ implements: Node, simpleResolvers: true, description: 'An application a ticket may concern (Chorus Cœur, Chorus Formulaires, Chorus DT, Chorus Pro).' })
export class TicketApplication extends ReferenceData {}

@Entity({ tableName: 'ticket_domain' })
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A domain of difficulty (EJ, habilitation, connexion, workflow, RNF, service fait, other).' })
export class TicketDomain extends ReferenceData {}
