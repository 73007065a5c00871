import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';

@Entity({ tableName: 'ministry' })
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A ministry using Chorus, e.g. MIN06. Several ministries share SN2, the chatbot and the training catalogue.' })
export class Ministry extends BaseEntity {
  @Property({ type: 'string', length: 10 })
  @Unique()
  @Field({ description: 'Ministry code, e.g. `MIN06`.' })
  code!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Full name.' })
  name!: string;
}
