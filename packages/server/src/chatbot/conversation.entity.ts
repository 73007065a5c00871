import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { Person } from '../directory/person.entity';
import { Structure } from '../directory/structure.entity';
import { Bot, BotDomain } from '../knowledge/bot.entity';
import { KnowledgeItem } from '../knowledge/knowledge-item.entity';
import { MatchOutcome } from '../knowledge/knowledge.enums';
import type { VariablePart } from '../knowledge/normalise';
import { ChatButtonKind, FeedbackVote, Speaker, TicketRequestStatus } from './chatbot.enums';

/** A button as stored on a bot turn; `ref` is what it points at (a domain, an item, a dialog node). */
export interface StoredButton {
  key: string;
  label: string;
  kind: ChatButtonKind;
  ref: string | null;
  url: string | null;
}

export interface StoredCandidate {
  itemId: string;
  title: string;
  score: number;
  exact: boolean;
  phrase: string;
  /** Missing on turns stored before confidence existed: read as the score. */
  confidence?: number;
  unmatchedWords?: string[];
}

@Entity({ tableName: 'conversation' })
@Index({ properties: ['person', 'createdAt'] })
@Index({ properties: ['bot', 'createdAt'] })
@ObjectType({ implements: Node, description: 'A conversation of one person with a bot.' })
export class Conversation extends BaseEntity<'answered' | 'unanswered' | 'handedOff' | 'turnCount' | 'lastActivityAt' | 'pastedMessage' | 'variableParts' | 'path' | 'domain' | 'item'> {
  @ManyToOne(() => Bot, { ref: true })
  bot!: Ref<Bot>;

  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  @ManyToOne(() => Structure, { ref: true })
  structure!: Ref<Structure>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field({ description: 'When the last turn (the user’s or the bot’s) was added.' })
  lastActivityAt: Date = new Date();

  @Property({ type: 'integer', default: 0 })
  @Field(() => Int, { description: 'Number of turns so far.' })
  turnCount: number = 0;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The last message the user typed or pasted.' })
  pastedMessage: string | null = null;

  @Property({ type: 'json' })
  variableParts: VariablePart[] = [];

  /** Labels of the buttons chosen, in order (the path taken). */
  @Property({ type: 'json' })
  @Field(() => [String], { description: 'The buttons chosen, in order: the path taken.' })
  path: string[] = [];

  @ManyToOne(() => BotDomain, { ref: true, nullable: true })
  domain: Ref<BotDomain> | null = null;

  /** The item being followed or last answered. */
  @ManyToOne(() => KnowledgeItem, { ref: true, nullable: true })
  item: Ref<KnowledgeItem> | null = null;

  @Property({ type: 'boolean', default: false })
  answered: boolean = false;

  @Property({ type: 'boolean', default: false })
  unanswered: boolean = false;

  @Property({ type: 'boolean', default: false })
  handedOff: boolean = false;
}

@Entity({ tableName: 'conversation_turn' })
@Unique({ properties: ['conversation', 'seq'] })
@ObjectType({ implements: Node, description: 'One turn of a conversation: what the bot said (texts, list, buttons) or what the user sent or chose.' })
export class ConversationTurn extends BaseEntity<'texts' | 'listItems' | 'listPosition' | 'buttons' | 'candidates' | 'matchOutcome' | 'dialogNodeId' | 'isAnswer' | 'item' | 'userText'> {
  @ManyToOne(() => Conversation, { ref: true, deleteRule: 'cascade' })
  conversation!: Ref<Conversation>;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Position in the conversation, from 1.' })
  seq!: number;

  @Enum({ items: () => Speaker })
  @Field(() => Speaker, { description: 'Bot or user.' })
  speaker!: Speaker;

  @Property({ type: 'json' })
  @Field(() => [String], { description: 'Bot: one bubble per text. User: the message or the label of the button chosen.' })
  texts: string[] = [];

  @Property({ type: 'json' })
  @Field(() => [String], { description: 'A bulleted list (known messages, anomalies), shown where `blocks` puts it.' })
  listItems: string[] = [];

  /** Where the list sits among the texts (see DialogNodeData.listPosition); null: after every text. */
  @Property({ type: 'integer', nullable: true })
  listPosition: number | null = null;

  @Property({ type: 'json' })
  buttons: StoredButton[] = [];

  @Property({ type: 'json' })
  candidates: StoredCandidate[] = [];

  @Enum({ items: () => MatchOutcome, nullable: true })
  @Field(() => MatchOutcome, { nullable: true, description: 'User messages: how the matcher judged it.' })
  matchOutcome: MatchOutcome | null = null;

  @ManyToOne(() => KnowledgeItem, { ref: true, nullable: true })
  item: Ref<KnowledgeItem> | null = null;

  /** The dialog node shown (bot turns inside an item's dialog). */
  @Property({ type: 'string', length: 40, nullable: true })
  dialogNodeId: string | null = null;

  @Property({ type: 'boolean', default: false })
  @Field({ description: 'True on bot turns that answer: they take a thumbs up or down.' })
  isAnswer: boolean = false;

  @Property({ type: 'text', nullable: true })
  userText: string | null = null;
}

@Entity({ tableName: 'answer_feedback' })
@Index({ properties: ['item', 'vote'] })
@ObjectType({ implements: Node, description: 'A thumbs up or down on one answer.' })
export class AnswerFeedback extends BaseEntity<'comment' | 'ministryCode' | 'item'> {
  @ManyToOne(() => ConversationTurn, { ref: true, unique: true, deleteRule: 'cascade' })
  turn!: Ref<ConversationTurn>;

  @ManyToOne(() => Conversation, { ref: true, deleteRule: 'cascade' })
  conversation!: Ref<Conversation>;

  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  @ManyToOne(() => KnowledgeItem, { ref: true, nullable: true })
  item: Ref<KnowledgeItem> | null = null;

  @Enum({ items: () => FeedbackVote })
  @Field(() => FeedbackVote, { description: 'Up or down.' })
  vote!: FeedbackVote;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What did not suit (thumbs down).' })
  comment: string | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  @Field(() => String, { nullable: true, description: 'Ministry code of the user, so support can reach them (thumbs down).' })
  ministryCode: string | null = null;
}

@Entity({ tableName: 'ticket_request' })
@Index({ properties: ['structure', 'status', 'createdAt'] })
@Index({ properties: ['requester', 'createdAt'] })
@ObjectType({ implements: Node, description: 'A handoff: a user asks their CCA for a service-desk ticket, pre-filled from the conversation.' })
export class TicketRequest extends BaseEntity<'status' | 'note' | 'dismissReason' | 'decidedAt' | 'ticketId' | 'item' | 'domainLabel' | 'decidedBy'> {
  @ManyToOne(() => Conversation, { ref: true, unique: true })
  conversation!: Ref<Conversation>;

  @ManyToOne(() => Person, { ref: true })
  requester!: Ref<Person>;

  /** The requester's structure: its CCAs take the request. */
  @ManyToOne(() => Structure, { ref: true })
  structure!: Ref<Structure>;

  @Enum({ items: () => TicketRequestStatus, default: TicketRequestStatus.PENDING })
  @Field(() => TicketRequestStatus, { description: 'Pending, converted into an FSD, or dismissed.' })
  status: TicketRequestStatus = TicketRequestStatus.PENDING;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The message the user pasted.' })
  pastedMessage!: string | null;

  @Property({ type: 'json' })
  variableParts!: VariablePart[];

  @Property({ type: 'string', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: 'The domain of the conversation (e.g. "EJ").' })
  domainLabel: string | null = null;

  @Property({ type: 'json' })
  @Field(() => [String], { description: 'The buttons the user chose, in order.' })
  path!: string[];

  @ManyToOne(() => KnowledgeItem, { ref: true, nullable: true })
  item: Ref<KnowledgeItem> | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the user added for their CCA.' })
  note: string | null = null;

  @Property({ type: 'string', length: 1000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the CCA dismissed it.' })
  dismissReason: string | null = null;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  decidedBy: Ref<Person> | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the CCA converted or dismissed it.' })
  decidedAt: Date | null = null;

  /** Raw id of the FSD it became (set by the service-desk conversion). */
  @Property({ type: 'uuid', nullable: true })
  ticketId: string | null = null;
}
