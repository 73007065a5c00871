import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';

/**
 * Applications and domains are reference data: rows loaded by the migration and managed
 * as data, so adding "Chorus DT – frais de mission" needs no release.
 */
@Entity({ tableName: 'ticket_application' })
@ObjectType({ implements: Node, simpleResolvers: true, description: 'An application a ticket may concern (Chorus Cœur, Chorus Formulaires, Chorus DT, Chorus Pro).' })
export class TicketApplication extends BaseEntity<'active' | 'position'> {
  @Property({ type: 'string', length: 40 })
  @Unique()
  @Field({ description: 'Stable code clients pass when opening a ticket, e.g. `CHORUS_COEUR`.' })
  code!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Display name, e.g. "Chorus Cœur".' })
  name!: string;

  @Property({ type: 'smallint', default: 0 })
  @Field(() => Int, { description: 'Display order.' })
  position: number = 0;

  @Property({ type: 'boolean', default: true })
  @Field({ description: 'False once retired: new tickets can no longer name it.' })
  active: boolean = true;
}

@Entity({ tableName: 'ticket_domain' })
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A domain of difficulty (EJ, habilitation, connexion, workflow, RNF, service fait, other).' })
export class TicketDomain extends BaseEntity<'active' | 'position'> {
  @Property({ type: 'string', length: 40 })
  @Unique()
  @Field({ description: 'Stable code clients pass when opening a ticket, e.g. `EJ`.' })
  code!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Display name, e.g. "Engagement juridique (EJ)".' })
  name!: string;

  @Property({ type: 'smallint', default: 0 })
  @Field(() => Int, { description: 'Display order.' })
  position: number = 0;

  @Property({ type: 'boolean', default: true })
  @Field({ description: 'False once retired: new tickets can no longer name it.' })
  active: boolean = true;
}
