import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { Role } from '../core/roles';
import { Structure } from './structure.entity';
import { SupportTeam } from './support-team.entity';
import { CorrespondentAssignment } from './correspondent-assignment.entity';

@Entity({ tableName: 'person' })
// lists of people go by name: a page reads the index in order instead of sorting the directory
@Index({ properties: ['lastName', 'firstName', 'id'] })
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A person of the directory (fictional in the demo data).' })
export class Person extends BaseEntity<'active' | 'fullName' | 'heldRoles' | 'assignments'> {
  @Property({ type: 'string', length: 100 })
  @Field({ description: 'Given name, accents included.' })
  firstName!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: 'Family name; lists of people sort by it, then by given name.' })
  lastName!: string;

  /** Stored lower-cased: the uniqueness check is case-insensitive. */
  @Property({ type: 'string', length: 254 })
  @Unique()
  @Field({ description: 'Professional email, unique (compared case-insensitively).' })
  email!: string;

  @ManyToOne(() => Structure, { ref: true })
  structure!: Ref<Structure>;

  /** Roles held in their own right; correspondent roles come from assignments. */
  @Enum({ items: () => Role, array: true, default: [] })
  heldRoles: Role[] = [];

  @ManyToOne(() => SupportTeam, { ref: true, nullable: true })
  team?: Ref<SupportTeam> | null;

  @Property({ type: 'boolean', default: true })
  @Field({ description: 'False once the person has left: they can no longer sign in.' })
  active: boolean = true;

  @OneToMany(() => CorrespondentAssignment, (a) => a.person)
  assignments = new Collection<CorrespondentAssignment>(this);

  @Field({ description: 'First and last name.' })
  get fullName(): string {
    return `${this.firstName} ${this.lastName}`;
  }
}
