import { Entity, Enum, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { StructureKind } from './directory.enums';
import { Ministry } from './ministry.entity';

@Entity({ tableName: 'structure' })
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A local or central structure: rectorat, académie, shared-service centre (Chorus platform), central administration or support centre.' })
export class Structure extends BaseEntity {
  @Property({ type: 'string', length: 40 })
  @Unique()
  @Field({ description: 'Short unique code, e.g. `RECT-LYON`.' })
  code!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Full name.' })
  name!: string;

  @Enum({ items: () => StructureKind, nativeEnumName: undefined })
  @Field(() => StructureKind, { description: 'Rectorat, académie, shared-service centre (CSP), central administration or support centre.' })
  kind!: StructureKind;

  @ManyToOne(() => Ministry, { ref: true })
  ministry!: Ref<Ministry>;

  @ManyToOne(() => Structure, { ref: true, nullable: true })
  parent?: Ref<Structure> | null;
}
