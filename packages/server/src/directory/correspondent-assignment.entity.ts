import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { CorrespondentKind } from './directory.enums';
import { Person } from './person.entity';
import { Structure } from './structure.entity';

@Entity({ tableName: 'correspondent_assignment' })
@Index({ properties: ['structure', 'kind'] })
// a person's assignments (every authentication, every page of people) without a scan of the table
@Index({ properties: ['person', 'since'] })
// one running assignment per person, structure and role (the service checks first; this is the guard)
@Unique({
  name: 'correspondent_assignment_running_unique',
  expression: 'create unique index "correspondent_assignment_running_unique" on "correspondent_assignment" ("person_id", "structure_id", "kind") where "until" is null',
})
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A person holding a local correspondent role (CCA, CCH, …) for a structure, from `since` until `until`.' })
export class CorrespondentAssignment extends BaseEntity<'active'> {
  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  @ManyToOne(() => Structure, { ref: true })
  structure!: Ref<Structure>;

  @Enum({ items: () => CorrespondentKind })
  @Field(() => CorrespondentKind, { description: 'The correspondent role.' })
  kind!: CorrespondentKind;

  @Property({ type: 'datetime' })
  @Field({ description: 'Start of the assignment.' })
  since!: Date;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'End of the assignment; null while it runs.' })
  until?: Date | null;

  @Property({ type: 'string', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the assignment ended.' })
  endReason?: string | null;

  @Field({ description: 'True while the assignment runs (started, not ended).' })
  get active(): boolean {
    const now = Date.now();
    return this.since.getTime() <= now && (!this.until || this.until.getTime() > now);
  }
}
