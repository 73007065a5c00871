import { Collection, Entity, ManyToMany, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { Ministry } from '../directory/ministry.entity';
import { Structure } from '../directory/structure.entity';

@Entity({ tableName: 'application_client' })
@ObjectType({ implements: Node, description: 'A ministerial business application (SAXO, GAIA, ANAGRAM, AGLAE…) calling the API with its own keys.' })
export class ApplicationClient extends BaseEntity<'active' | 'structures'> {
  @Property({ type: 'string', length: 100 })
  @Unique()
  @Field({ description: 'Application name, e.g. SAXO.' })
  name!: string;

  @ManyToOne(() => Ministry, { ref: true })
  ministry!: Ref<Ministry>;

  /** Structures the application may file incidents for. */
  @ManyToMany(() => Structure, undefined, { pivotTable: 'application_client_structure' })
  structures = new Collection<Structure>(this);

  @Property({ type: 'string', length: 254 })
  @Field({ description: 'Contact email of the team running the application.' })
  contactEmail!: string;

  @Property({ type: 'boolean', default: true })
  @Field({ description: 'False when the application is suspended: its keys stop working.' })
  active: boolean = true;
}
