import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { Person } from '../directory/person.entity';
import { SupportTeam } from '../directory/support-team.entity';
import { SavedViewVisibility } from './desk-tools.enums';

/** A ticket filter and order as a view stores them: the `TicketFilter` input's fields, ids global, dates ISO. */
export interface StoredTicketFilter {
  search?: string;
  status?: string[];
  level?: string[];
  nature?: string;
  domain?: string[];
  application?: string[];
  structureId?: string;
  assigneeId?: string;
  unassigned?: boolean;
  requesterId?: string;
  openedFrom?: string;
  openedTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
}

export interface StoredTicketOrder {
  field: string;
  direction: string;
}

/**
 * A person's named ticket list (their queue): exactly what `tickets(filter:, orderBy:)` takes,
 * kept private or shared with their support team. Its tickets are always listed under the
 * reader's own perimeter.
 */
@Entity({ tableName: 'saved_view' })
@Index({ name: 'saved_view_owner_index', properties: ['owner', 'name', 'id'] })
@Index({ name: 'saved_view_team_index', properties: ['team', 'visibility'] })
@ObjectType({ implements: Node, description: 'A saved ticket view: a named filter and order over the tickets (a queue), private or shared with its owner’s support team.' })
export class SavedView extends BaseEntity<'visibility' | 'team' | 'orderBy'> {
  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<Person>;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Its name, as the sidebar shows it.' })
  name!: string;

  @Enum({ items: () => SavedViewVisibility, default: SavedViewVisibility.PRIVATE })
  @Field(() => SavedViewVisibility, { description: 'PRIVATE (its owner) or TEAM (its owner’s support team too).' })
  visibility: SavedViewVisibility = SavedViewVisibility.PRIVATE;

  /** The team a TEAM view is shared with (the owner's when shared); null for a private one. */
  @ManyToOne(() => SupportTeam, { ref: true, nullable: true, deleteRule: 'set null' })
  team: Ref<SupportTeam> | null = null;

  @Property({ type: 'json' })
  filter!: StoredTicketFilter;

  @Property({ type: 'json', nullable: true })
  orderBy: StoredTicketOrder | null = null;
}
