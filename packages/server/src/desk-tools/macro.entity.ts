import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { Person } from '../directory/person.entity';
import { SupportTeam } from '../directory/support-team.entity';
import { MacroStatus } from './desk-tools.enums';
import { MACRO_PLACEHOLDER_WORDS } from './macro.template';

/**
 * A canned answer (macro): a named reply with placeholders, owned by a support team (its
 * members use it) or shared (every support agent uses it), with optional actions run
 * through the desk's own rules when it is applied to a ticket.
 */
@Entity({ tableName: 'macro' })
@Index({ name: 'macro_team_name_index', properties: ['team', 'name', 'id'] })
// one name per team, and one among the shared ones (case does not matter): agents pick a macro by its name
@Index({ name: 'macro_name_unique', expression: `create unique index "macro_name_unique" on "macro" (coalesce("team_id", '00000000-0000-0000-0000-000000000000'), lower("name"))` })
@ObjectType({ implements: Node, description: 'A canned answer (macro) of the support: a named reply with placeholders and optional actions, applied to a ticket in one step (`applyMacro`).' })
export class Macro extends BaseEntity<'internal' | 'setStatus' | 'setPriority' | 'team' | 'createdBy'> {
  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Its name, as agents pick it from a list.' })
  name!: string;

  @Property({ type: 'text' })
  @Field({ description: `The text of the reply, stored as written (plain text). Placeholders, filled in when applied: ${MACRO_PLACEHOLDER_WORDS}` })
  body!: string;

  @Property({ type: 'boolean', default: false })
  @Field({ description: 'Posted as an internal comment (support levels only) rather than a public one.' })
  internal: boolean = false;

  @Enum({ items: () => MacroStatus, nullable: true })
  @Field(() => MacroStatus, { nullable: true, description: 'The status it sets, through the transition table (null: the status stays). With WAITING_FOR_INFO the rendered text is the question to the requester.' })
  setStatus: MacroStatus | null = null;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The priority it sets, through the rule of `updateTicket` (null: the priority stays).' })
  setPriority: number | null = null;

  /** Null: shared with every support agent. */
  @ManyToOne(() => SupportTeam, { ref: true, nullable: true, deleteRule: 'cascade' })
  team: Ref<SupportTeam> | null = null;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy: Ref<Person> | null = null;
}
