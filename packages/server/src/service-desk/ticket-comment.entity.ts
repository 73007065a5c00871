import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { Person } from '../directory/person.entity';
import { ApplicationClient } from '../access/application-client.entity';
import { Ticket } from './ticket.entity';

@Entity({ tableName: 'ticket_comment' })
@Index({ name: 'ticket_comment_ticket_created_index', properties: ['ticket', 'createdAt'] })
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A comment on a ticket: public (the CCA sees it) or internal (support levels only).' })
export class TicketComment extends BaseEntity {
  @ManyToOne(() => Ticket, { ref: true, deleteRule: 'cascade' })
  ticket!: Ref<Ticket>;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  author?: Ref<Person> | null;

  @ManyToOne(() => ApplicationClient, { ref: true, nullable: true })
  authorApplication?: Ref<ApplicationClient> | null;

  @Property({ type: 'text' })
  @Field({ description: 'The comment as written, trimmed (1 to 20000 characters), plain text.' })
  body!: string;

  @Property({ type: 'boolean', default: false })
  @Field({ description: 'True for an internal comment, visible to the support levels only.' })
  internal: boolean = false;
}
