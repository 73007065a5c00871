import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { Person } from '../directory/person.entity';
import { Bot, BotDomain } from './bot.entity';
import { Dialog, type DialogData } from './dialog';
import { InvestigationStatus, KnowledgeKind, KnowledgeStatus, PhraseKind, PublicationAction } from './knowledge.enums';

@Entity({ tableName: 'knowledge_item' })
@Index({ properties: ['bot', 'status', 'domain', 'position'] })
@ObjectType({ implements: Node, description: 'What a bot knows: an error message, a how-to, a major incident or an upgrade note, with its dialog.' })
export class KnowledgeItem extends BaseEntity<'status' | 'version' | 'position' | 'message' | 'causedMessages' | 'investigationStatus' | 'workaround' | 'ticketAdvised' | 'publishedAt'> {
  @ManyToOne(() => Bot, { ref: true })
  bot!: Ref<Bot>;

  /** Functional domain (EJ, Connexion, …); upgrade notes sit in the Upgrade SAP domain. */
  @ManyToOne(() => BotDomain, { ref: true })
  domain!: Ref<BotDomain>;

  @Enum({ items: () => KnowledgeKind })
  @Field(() => KnowledgeKind, { description: 'What the item answers.' })
  kind!: KnowledgeKind;

  @Property({ type: 'string', length: 300 })
  @Field({ description: 'Title, as listed in the domain menu.' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The error message as Chorus gives it, variable parts written XXX (error messages).' })
  message: string | null = null;

  @Property({ type: 'json' })
  dialog!: DialogData;

  @Enum({ items: () => KnowledgeStatus, default: KnowledgeStatus.DRAFT })
  @Field(() => KnowledgeStatus, { description: 'Draft, published or archived; only published items answer.' })
  status: KnowledgeStatus = KnowledgeStatus.DRAFT;

  @Property({ type: 'integer', default: 1 })
  @Field(() => Int, { description: 'Incremented on every change.' })
  version: number = 1;

  @Property({ type: 'integer', default: 100 })
  @Field(() => Int, { description: 'Place in its domain’s list (ascending).' })
  position: number = 100;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it last went live.' })
  publishedAt: Date | null = null;

  @Enum({ items: () => InvestigationStatus, nullable: true })
  @Field(() => InvestigationStatus, { nullable: true, description: 'Major incidents: where SN2 stands.' })
  investigationStatus: InvestigationStatus | null = null;

  @Property({ type: 'json' })
  @Field(() => [String], { description: 'Major incidents: the error messages the anomaly causes.' })
  causedMessages: string[] = [];

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Major incidents: the workaround, when there is one.' })
  workaround: string | null = null;

  @Property({ type: 'boolean', default: false })
  @Field({ description: 'Major incidents: users should open a ticket (through their CCA).' })
  ticketAdvised: boolean = false;
}

/** A matchable wording of an item: its known message, its title, or a reformulation. */
@Entity({ tableName: 'knowledge_phrase' })
@Unique({ properties: ['item', 'template'] })
@Index({ name: 'knowledge_phrase_exact_index', properties: ['bot', 'template'] })
// the matcher finds candidates through their rarest words: one posting list per word
@Index({
  name: 'knowledge_phrase_words_gin',
  expression: `create index "knowledge_phrase_words_gin" on "knowledge_phrase" using gin (string_to_array("template", ' '))`,
})
@ObjectType({ implements: Node, description: 'A wording the matcher compares pasted messages with.' })
export class KnowledgePhrase extends BaseEntity<'active'> {
  @ManyToOne(() => KnowledgeItem, { ref: true, deleteRule: 'cascade' })
  item!: Ref<KnowledgeItem>;

  /** Copied from the item so the matcher filters without a join. */
  @ManyToOne(() => Bot, { ref: true })
  bot!: Ref<Bot>;

  @Enum({ items: () => PhraseKind })
  @Field(() => PhraseKind, { description: 'Known message, title or reformulation.' })
  kind!: PhraseKind;

  @Property({ type: 'text' })
  @Field({ description: 'The wording as written.' })
  text!: string;

  @Property({ type: 'string', length: 500 })
  @Field({ description: 'The comparable form: lower case, no accent, no punctuation, no variable part.' })
  template!: string;

  /** True while the item is published (copied so the matcher filters without a join). */
  @Property({ type: 'boolean', default: false })
  @Field({ description: 'True while its item is published: only then does it match.' })
  active: boolean = false;
}

/**
 * Every word of every phrase with the number of phrases using it, kept by a trigger on
 * knowledge_phrase (see the KnowledgeWords migration). The matcher corrects typos against
 * it (pg_trgm on short words is cheap) and picks a message's rarest words to find candidates.
 */
@Entity({ tableName: 'knowledge_word' })
@Index({
  name: 'knowledge_word_trgm',
  expression: 'create index "knowledge_word_trgm" on "knowledge_word" using gin ("word" gin_trgm_ops)',
})
export class KnowledgeWord {
  @PrimaryKey({ type: 'text' })
  word!: string;

  @Property({ type: 'integer', default: 0 })
  phraseCount: number = 0;
}

@Entity({ tableName: 'knowledge_publication' })
@Index({ properties: ['item', 'createdAt'] })
@ObjectType({ implements: Node, description: 'One step of an item’s publication history.' })
export class KnowledgePublication extends BaseEntity<'note'> {
  @ManyToOne(() => KnowledgeItem, { ref: true, deleteRule: 'cascade' })
  item!: Ref<KnowledgeItem>;

  @Enum({ items: () => PublicationAction })
  @Field(() => PublicationAction, { description: 'What happened.' })
  action!: PublicationAction;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Version of the item at that step.' })
  version!: number;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  by!: Ref<Person> | null;

  @Property({ type: 'string', length: 1000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why, in the editor’s words.' })
  note: string | null = null;
}

export { Dialog };
