import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { SupportLevel } from './directory.enums';

@Entity({ tableName: 'support_team' })
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A support team of the pyramid: SN1, SN2 (AIFE) or the technical team (CES-CHOREGIE).' })
export class SupportTeam extends BaseEntity {
  @Enum({ items: () => SupportLevel })
  @Unique()
  @Field(() => SupportLevel, { description: 'The level this team holds.' })
  level!: SupportLevel;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Team name, e.g. "SN1 – Mission ministérielle Chorus".' })
  name!: string;

  @Property({ type: 'string', length: 2000 })
  @Field({ description: 'What the team does and when to reach it.' })
  description!: string;
}
