import { Collection, Entity, ManyToMany, ManyToOne, OneToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { Ministry } from '../directory/ministry.entity';
import { Structure } from '../directory/structure.entity';
import { ApiKey } from './api-key.entity';

@Entity({ tableName: 'application_client' })
@ObjectType({ implements: Node, description: 'A ministerial business application (SAXO, GAIA, ANAGRAM, AGLAE…) calling the API with its own keys.' })
export class ApplicationClient extends BaseEntity<'active' | 'structures' | 'apiKeys' | 'costBudgetPerMinute' | 'webhookUrl' | 'webhookSecret'> {
  @Property({ type: 'string', length: 100 })
  @Unique()
  @Field({ description: 'Application name, e.g. SAXO.' })
  name!: string;

  @ManyToOne(() => Ministry, { ref: true })
  ministry!: Ref<Ministry>;

  /** Structures the application may file incidents for. */
  @ManyToMany(() => Structure, undefined, { pivotTable: 'application_client_structure' })
  structures = new Collection<Structure>(this);

  @OneToMany(() => ApiKey, (k) => k.application)
  apiKeys = new Collection<ApiKey>(this);

  @Property({ type: 'string', length: 254 })
  @Field({ description: 'Contact email of the team running the application.' })
  contactEmail!: string;

  @Property({ type: 'boolean', default: true })
  @Field({ description: 'False when the application is suspended: its keys stop working.' })
  active: boolean = true;

  @Property({ type: 'integer', default: 6000 })
  @Field(() => Int, { description: 'Query cost the application may spend per minute; past it, calls get THROTTLED until the next minute.' })
  costBudgetPerMinute: number = 6000;

  @Property({ type: 'string', length: 2000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Where status changes of its incidents are POSTed (signed), if set.' })
  webhookUrl?: string | null = null;

  /** HMAC-SHA256 key for webhook signatures; write-only through the API. */
  @Property({ type: 'string', length: 200, nullable: true, hidden: true })
  webhookSecret?: string | null = null;
}
