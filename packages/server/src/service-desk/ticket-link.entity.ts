import { Entity, Enum, Index, ManyToOne, Unique, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../core/base.entity';
import { Person } from '../directory/person.entity';
import { Ticket } from './ticket.entity';
import { TicketLinkKind } from './ticket.enums';

/**
 * A link between two tickets, made by a support agent. DUPLICATE_OF and CAUSED_BY read from
 * `from` to `to` ("from is a duplicate of to"); a RELATED link is stored once per pair, its
 * smaller id in `from`, so linking A to B or B to A is the same row (the unique key makes a
 * second link a no-op). Read through `Ticket.links`, which shows only the tickets the viewer sees.
 */
@Entity({ tableName: 'ticket_link' })
@Unique({ name: 'ticket_link_from_to_kind_unique', properties: ['from', 'to', 'kind'] })
@Index({ name: 'ticket_link_to_index', properties: ['to'] })
export class TicketLink extends BaseEntity {
  @ManyToOne(() => Ticket, { ref: true, deleteRule: 'cascade' })
  from!: Ref<Ticket>;

  @ManyToOne(() => Ticket, { ref: true, deleteRule: 'cascade' })
  to!: Ref<Ticket>;

  @Enum({ items: () => TicketLinkKind })
  kind!: TicketLinkKind;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  createdBy?: Ref<Person> | null;
}
