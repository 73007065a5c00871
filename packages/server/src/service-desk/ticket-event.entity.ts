import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { SupportLevel } from '../directory/directory.enums';
import { Person } from '../directory/person.entity';
import { ApplicationClient } from '../access/application-client.entity';
import { Ticket } from './ticket.entity';
import { TicketEventKind, TicketStatus, TicketTransition } from './ticket.enums';

/**
 * One entry of a ticket's append-only history (the migration adds a trigger refusing
 * UPDATE and DELETE). `seq` numbers a ticket's events 1, 2, 3…; the unique index is the
 * last guard against two writers appending the same step.
 */
@Entity({ tableName: 'ticket_event' })
@Unique({ name: 'ticket_event_ticket_seq_unique', properties: ['ticket', 'seq'] })
@Index({ name: 'ticket_event_created_at_index', properties: ['createdAt'] })
@ObjectType({ implements: Node, simpleResolvers: true, description: 'One step of a ticket’s history: a transition, a field change, an assignment or a rating. Never changes once written.' })
export class TicketEvent extends BaseEntity {
  @ManyToOne(() => Ticket, { ref: true, deleteRule: 'cascade' })
  ticket!: Ref<Ticket>;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Position in the ticket’s history, from 1.' })
  seq!: number;

  @Enum({ items: () => TicketEventKind })
  @Field(() => TicketEventKind, { description: 'What the event records.' })
  kind!: TicketEventKind;

  @Enum({ items: () => TicketTransition, nullable: true })
  @Field(() => TicketTransition, { nullable: true, description: 'Which step of the life cycle was taken (SUBMIT, ESCALATE, …); null for every other kind of event.' })
  transition?: TicketTransition | null;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  actor?: Ref<Person> | null;

  @ManyToOne(() => ApplicationClient, { ref: true, nullable: true })
  actorApplication?: Ref<ApplicationClient> | null;

  @Enum({ items: () => TicketStatus, nullable: true })
  @Field(() => TicketStatus, { nullable: true, description: 'Status before the event (null when opened).' })
  fromStatus?: TicketStatus | null;

  @Enum({ items: () => TicketStatus })
  @Field(() => TicketStatus, { description: 'Status after the event.' })
  toStatus!: TicketStatus;

  @Enum({ items: () => SupportLevel, nullable: true })
  @Field(() => SupportLevel, { nullable: true, description: 'Level before the event (null when opened).' })
  fromLevel?: SupportLevel | null;

  @Enum({ items: () => SupportLevel })
  @Field(() => SupportLevel, { description: 'Level after the event.' })
  toLevel!: SupportLevel;

  @Property({ type: 'string', length: 60, nullable: true })
  @Field(() => String, { nullable: true, description: 'The field that changed, for FIELD_CHANGED and ASSIGNED events.' })
  field?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Value before, as text in the same form as `newValue`: a person by email, reference data by code, a known anomaly by title.' })
  oldValue?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Value after, as text in the same form as `oldValue`: a person by email, reference data by code, a known anomaly by title.' })
  newValue?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why: the question, answer, resolution or escalation reason given.' })
  reason?: string | null;
}
