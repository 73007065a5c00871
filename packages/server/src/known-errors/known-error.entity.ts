import { Entity, Index, ManyToOne, OneToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../core/base.entity';
import { Person } from '../directory/person.entity';
import { KnowledgeItem } from '../knowledge/knowledge-item.entity';
import { Ticket } from '../service-desk/ticket.entity';

/**
 * A ticket gathered under a known anomaly (a major-incident knowledge item): at most one
 * per ticket. The ticket's history records every link and unlink; this row is the link now.
 */
@Entity({ tableName: 'known_error_link' })
@Index({ name: 'known_error_link_item_index', properties: ['item', 'createdAt'] })
export class KnownErrorLink extends BaseEntity<'automatic' | 'linkedBy'> {
  @OneToOne(() => Ticket, { ref: true, owner: true, unique: 'known_error_link_ticket_unique', deleteRule: 'cascade' })
  ticket!: Ref<Ticket>;

  @ManyToOne(() => KnowledgeItem, { ref: true, deleteRule: 'cascade' })
  item!: Ref<KnowledgeItem>;

  /** True when linked at opening because the pasted error message matched. */
  @Property({ type: 'boolean', default: false })
  automatic: boolean = false;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  linkedBy: Ref<Person> | null = null;
}

export const knownErrorEntities = [KnownErrorLink];
