import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { Person } from '../directory/person.entity';
import { Bot } from './bot.entity';
import { KnowledgeItem } from './knowledge-item.entity';
import { ReviewReason, ReviewStatus } from './knowledge.enums';

/**
 * Similar unanswered messages (or thumbs down on one item) grouped into one entry of the
 * review queue, so forty users pasting the same new error make one line with a count.
 */
@Entity({ tableName: 'review_cluster' })
@Index({ properties: ['bot', 'status', 'count'] })
@Index({ properties: ['bot', 'status', 'lastSeenAt'] })
@Index({
  name: 'review_cluster_template_trgm',
  expression: 'create index "review_cluster_template_trgm" on "review_cluster" using gin ("template" gin_trgm_ops)',
})
@ObjectType({ implements: Node, description: 'An entry of the review queue: similar unanswered messages or thumbs down, with a count.' })
export class ReviewCluster extends BaseEntity<'count' | 'status' | 'resolutionNote' | 'resolvedAt'> {
  @ManyToOne(() => Bot, { ref: true })
  bot!: Ref<Bot>;

  @Enum({ items: () => ReviewReason })
  @Field(() => ReviewReason, { description: 'Unanswered messages or negative feedback.' })
  reason!: ReviewReason;

  /** For negative feedback: the item that was judged. */
  @ManyToOne(() => KnowledgeItem, { ref: true, nullable: true })
  item!: Ref<KnowledgeItem> | null;

  @Property({ type: 'text' })
  @Field({ description: 'The first message of the cluster, as the user wrote it.' })
  sampleText!: string;

  @Property({ type: 'string', length: 500 })
  @Field({ description: 'Comparable form of the sample (what similar messages are grouped on).' })
  template!: string;

  @Property({ type: 'integer', default: 1 })
  @Field(() => Int, { description: 'How many messages or thumbs down it groups.' })
  count: number = 1;

  @Property({ type: 'datetime' })
  @Field({ description: 'When the latest one arrived.' })
  lastSeenAt!: Date;

  @Enum({ items: () => ReviewStatus, default: ReviewStatus.OPEN })
  @Field(() => ReviewStatus, { description: 'Open, or what support did with it.' })
  status: ReviewStatus = ReviewStatus.OPEN;

  @ManyToOne(() => KnowledgeItem, { ref: true, nullable: true })
  resolvedItem!: Ref<KnowledgeItem> | null;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  resolvedBy!: Ref<Person> | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When support acted on it.' })
  resolvedAt: Date | null = null;

  @Property({ type: 'string', length: 1000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was ignored, or a note on the action.' })
  resolutionNote: string | null = null;
}

/** One message or one thumbs down inside a cluster. */
@Entity({ tableName: 'review_entry' })
@Index({ properties: ['cluster', 'createdAt'] })
@ObjectType({ implements: Node, description: 'One occurrence inside a review-queue cluster.' })
export class ReviewEntry extends BaseEntity<'comment' | 'ministryCode' | 'conversationId'> {
  @ManyToOne(() => ReviewCluster, { ref: true, deleteRule: 'cascade' })
  cluster!: Ref<ReviewCluster>;

  @Property({ type: 'text' })
  @Field({ description: 'The user’s message (for a thumbs down: the message that led to the answer).' })
  text!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The comment left with a thumbs down.' })
  comment: string | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  @Field(() => String, { nullable: true, description: 'Ministry code the user gave (e.g. MIN06), so support can reach them.' })
  ministryCode: string | null = null;

  /** Raw id of the conversation it came from (the chatbot module owns conversations). */
  @Property({ type: 'uuid', nullable: true })
  conversationId: string | null = null;
}
