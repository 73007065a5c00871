import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import type { Conversation } from '../chatbot/conversation.entity';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { SupportLevel } from '../directory/directory.enums';
import { Person } from '../directory/person.entity';
import { Structure } from '../directory/structure.entity';
import { ApplicationClient } from '../access/application-client.entity';
import { TicketApplication, TicketDomain } from './reference-data.entity';
import { TicketImpact, TicketNature, TicketStatus } from './ticket.enums';

/**
 * The text searched by `tickets(filter: { search })`: two French analyses, stemming then
 * accents removed, and accents removed then stemming, so that words typed with or without
 * accents both match (`chorus_fr_document`, made by the migration FrenchSearchStemFirst).
 * The query must use this very expression, against `TICKET_SEARCH_QUERY`, for the GIN index to serve it.
 */
export const TICKET_SEARCH_DOCUMENT = (alias: string) =>
  `chorus_fr_document(coalesce(${alias}.reference, '') || ' ' || coalesce(${alias}.title, '') || ' ' || coalesce(${alias}.description, '') || ' ' || coalesce(${alias}.error_message, ''))`;

/** The query side of the same analyses, each word matching if either does (web-search syntax: quotes, `-word`, `or`); one `?` parameter. */
export const TICKET_SEARCH_QUERY = `chorus_fr_query(?)`;

/** Any other French text searched like tickets (comments). */
export const FRENCH_DOCUMENT = (expression: string) => `chorus_fr_document(${expression})`;

@Entity({ tableName: 'ticket' })
@Index({ name: 'ticket_updated_at_id_index', properties: ['updatedAt', 'id'] })
@Index({ name: 'ticket_created_at_id_index', properties: ['createdAt', 'id'] })
@Index({ name: 'ticket_structure_updated_index', properties: ['structure', 'updatedAt', 'id'] })
@Index({ name: 'ticket_level_status_index', properties: ['level', 'status'] })
@Index({ name: 'ticket_requester_index', properties: ['requester'] })
@Index({ name: 'ticket_assignee_index', properties: ['assignee'] })
@Index({ name: 'ticket_opened_by_application_index', properties: ['openedByApplication'] })
@Index({ name: 'ticket_parent_index', properties: ['parent'] })
@Index({ name: 'ticket_watcher_ids_index', expression: 'create index "ticket_watcher_ids_index" on "ticket" using gin ("watcher_ids")' })
@Index({
  name: 'ticket_search_index',
  expression: `create index "ticket_search_index" on "ticket" using gin (${TICKET_SEARCH_DOCUMENT('ticket')})`,
})
@Index({ name: 'ticket_reference_trgm_index', expression: 'create index "ticket_reference_trgm_index" on "ticket" using gin ("reference" gin_trgm_ops)' })
@Index({ name: 'ticket_error_message_trgm_index', expression: 'create index "ticket_error_message_trgm_index" on "ticket" using gin ("error_message" gin_trgm_ops)' })
// an application retrying a call with the same request id never creates a second ticket
@Unique({ name: 'ticket_client_request_unique', properties: ['openedByApplication', 'clientRequestId'] })
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A service-desk ticket (FSD, fiche service desk): one difficulty, from its opening to its complete resolution.' })
export class Ticket extends BaseEntity<
  'version' | 'eventCount' | 'commentCount' | 'publicCommentCount' | 'attachmentCount' | 'publicAttachmentCount' | 'attachmentBytes' | 'escalationCount' | 'reopenCount' | 'transferCount' | 'documentNumbers' | 'relatedTicketIds' | 'watcherIds'
> {
  /** From the `ticket_reference_seq` sequence, formatted by PostgreSQL (see ticket.service nextReference). */
  @Property({ type: 'string', length: 20 })
  @Unique()
  @Field({ description: 'Readable unique reference, e.g. `FSD-2026-000123`. Gaps are possible; order is not meaningful.' })
  reference!: string;

  @ManyToOne(() => TicketApplication, { ref: true })
  application!: Ref<TicketApplication>;

  @ManyToOne(() => TicketDomain, { ref: true })
  domain!: Ref<TicketDomain>;

  @Enum({ items: () => TicketNature })
  @Field(() => TicketNature, { description: 'Functional (SN1/SN2) or technical (CES-CHOREGIE).' })
  nature!: TicketNature;

  @Property({ type: 'string', length: 300 })
  @Field({ description: 'One-line summary of the difficulty (at most 300 characters), as listed in queues.' })
  title!: string;

  @Property({ type: 'text' })
  @Field({ description: 'What happened, what was tried.' })
  description!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The raw error message Chorus gave, as pasted.' })
  errorMessage?: string | null;

  @Enum({ items: () => TicketImpact })
  @Field(() => TicketImpact, { description: 'How many people the difficulty stops.' })
  impact!: TicketImpact;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'Priority from 1 (most urgent) to 4.' })
  priority!: number;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  requester?: Ref<Person> | null;

  @ManyToOne(() => Structure, { ref: true })
  structure!: Ref<Structure>;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  openedBy?: Ref<Person> | null;

  @ManyToOne(() => ApplicationClient, { ref: true, nullable: true })
  openedByApplication?: Ref<ApplicationClient> | null;

  @Property({ type: 'string', length: 100, nullable: true })
  clientRequestId?: string | null;

  @Enum({ items: () => TicketStatus })
  @Field(() => TicketStatus, { description: 'Current status.' })
  status!: TicketStatus;

  @Enum({ items: () => SupportLevel })
  @Field(() => SupportLevel, { description: 'Support level that holds the ticket now.' })
  level!: SupportLevel;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  assignee?: Ref<Person> | null;

  /** The SN1 agent who escalated it last: SN2 hands it back to them. */
  @ManyToOne(() => Person, { ref: true, nullable: true })
  escalatedBy?: Ref<Person> | null;

  @Property({ type: 'integer', default: 1 })
  @Field(() => Int, { description: 'Optimistic version: send it back with every change; a stale one gets a CONFLICT user error.' })
  version: number = 1;

  /** Number of history events; events are numbered 1..eventCount. */
  @Property({ type: 'integer', default: 0 })
  eventCount: number = 0;

  @Property({ type: 'integer', default: 0 })
  commentCount: number = 0;

  @Property({ type: 'integer', default: 0 })
  publicCommentCount: number = 0;

  /** Kept by the service desk when attachments/ adds or removes a file (see ticket.service changeAttachments). */
  @Property({ type: 'integer', default: 0 })
  attachmentCount: number = 0;

  @Property({ type: 'integer', default: 0 })
  publicAttachmentCount: number = 0;

  /** Bytes of all attachments, public and internal: the per-ticket limit applies to it (at most 2 GB, see core/config). */
  @Property({ type: 'integer', default: 0 })
  attachmentBytes: number = 0;

  @Property({ type: 'integer', default: 0 })
  @Field(() => Int, { description: 'How many times it was escalated to SN2.' })
  escalationCount: number = 0;

  @Property({ type: 'integer', default: 0 })
  @Field(() => Int, { description: 'How many times it was reopened.' })
  reopenCount: number = 0;

  @Property({ type: 'integer', default: 0 })
  @Field(() => Int, { description: 'How many functional ⇄ technical transfers it went through.' })
  transferCount: number = 0;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was sent to the support.' })
  submittedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When an agent first took it.' })
  takenAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was last resolved.' })
  resolvedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was closed.' })
  closedAt?: Date | null;

  @Property({ type: 'string', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: 'Id of the exchange flow (SEM) concerned, for incidents on flows.' })
  flowId?: string | null;

  @Property({ type: 'text[]', default: [] })
  @Field(() => [String], { description: 'Document numbers concerned (EJ, pièces…).' })
  documentNumbers: string[] = [];

  @Property({ type: 'text[]', default: [] })
  relatedTicketIds: string[] = [];

  /** The parent ticket: one incident hitting many structures gathers its tickets as children (see ticket-links.service setParent). */
  @ManyToOne(() => Ticket, { ref: true, nullable: true, deleteRule: 'set null' })
  parent?: Ref<Ticket> | null;

  /** Set when this ticket, a duplicate, was merged into its original (closed by the MERGE transition). */
  @ManyToOne(() => Ticket, { ref: true, nullable: true, deleteRule: 'set null' })
  mergedInto?: Ref<Ticket> | null;

  /**
   * People and applications who follow the ticket besides its requester and opener: the
   * requesters and opening applications of the duplicates merged into it. The ticket policy
   * lets them see it (access/policies ticketScope).
   */
  @Property({ type: 'text[]', default: [] })
  watcherIds: string[] = [];

  /** The chatbot conversation it came from, when a CCA converted a ticket request (see chatbot/handoff.service). */
  @ManyToOne('Conversation', { ref: true, nullable: true, deleteRule: 'set null' })
  chatbotConversation?: Ref<Conversation> | null;

  @Property({ type: 'smallint', nullable: true })
  satisfactionScore?: number | null;

  @Property({ type: 'string', length: 2000, nullable: true })
  satisfactionComment?: string | null;
}
