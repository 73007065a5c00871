import { Field, Float, ObjectType } from 'type-graphql';
import { Connection } from '../core/connection';
import { MutationPayload } from '../core/mutation';
import { Bot } from './bot.entity';
import { KnowledgeItem, KnowledgePhrase } from './knowledge-item.entity';
import { MatchOutcome } from './knowledge.enums';
import { ReviewCluster } from './review.entity';

export const KnowledgeItemConnection = Connection(KnowledgeItem);
export const ReviewClusterConnection = Connection(ReviewCluster);

@ObjectType({ description: 'A variable part found in a pasted message (a document number, an amount, a date, a code).' })
export class VariablePartView {
  @Field({ description: 'DOCUMENT_NUMBER, AMOUNT, DATE, FINANCIAL_CODE or NUMBER.' })
  kind!: string;

  @Field({ description: 'The value as the user pasted it.' })
  value!: string;
}

@ObjectType({ description: 'A knowledge item the matcher ranked for a message.' })
export class MatchCandidateView {
  /** Raw id; the field resolver loads the item. */
  itemId!: string;

  @Field({ description: 'Title of the item.' })
  title!: string;

  @Field(() => Float, { description: 'Similarity, 0–1 (1 = the message equals a known wording once normalised).' })
  score!: number;

  @Field({ description: 'True when the message equals one of the item’s wordings once normalised.' })
  exact!: boolean;

  @Field({ description: 'The stored wording that matched best.' })
  phrase!: string;

  @Field(() => Float, { description: 'How sure the match is, 0–1: the score less half the share of the message’s words the wording lacks (greetings aside). The outcome is CONFIDENT only when this reaches the bot’s confident threshold. 1 for an exact match.' })
  confidence!: number;

  @Field(() => [String], { description: 'Words of the message (normalised: lower case, no accent) that the wording does not have, e.g. ["document", "dupontj"]; empty for an exact match.' })
  unmatchedWords!: string[];
}

@ObjectType({ description: 'What the matcher makes of a message.' })
export class MatchResultView {
  @Field(() => MatchOutcome, { description: 'Confident, ambiguous or none, with the bot’s thresholds.' })
  outcome!: MatchOutcome;

  @Field(() => [MatchCandidateView], { description: 'Ranked candidates, best first, one per item.' })
  candidates!: MatchCandidateView[];

  @Field(() => [VariablePartView], { description: 'Variable parts found in the message.' })
  variableParts!: VariablePartView[];

  @Field({ description: 'The comparable form of the message.' })
  template!: string;
}

@ObjectType({ description: 'Result of a bot mutation.' })
export class BotPayload extends MutationPayload {
  @Field(() => Bot, { nullable: true, description: 'The bot as saved; null on failure.' })
  bot!: Bot | null;
}

@ObjectType({ description: 'Result of a knowledge-item mutation.' })
export class KnowledgeItemPayload extends MutationPayload {
  @Field(() => KnowledgeItem, { nullable: true, description: 'The item as saved; null on failure.' })
  item!: KnowledgeItem | null;
}

@ObjectType({ description: 'Result of adding a wording.' })
export class KnowledgePhrasePayload extends MutationPayload {
  @Field(() => KnowledgePhrase, { nullable: true, description: 'The phrase; null on failure.' })
  phrase!: KnowledgePhrase | null;

  @Field(() => KnowledgeItem, { nullable: true, description: 'The item after the change: its `phrases` now include the new wording, or no longer the removed one. Null on failure.' })
  item!: KnowledgeItem | null;
}

@ObjectType({ description: 'Result of a review-queue action.' })
export class ReviewClusterPayload extends MutationPayload {
  @Field(() => ReviewCluster, { nullable: true, description: 'The review entry, closed; null on failure.' })
  cluster!: ReviewCluster | null;

  @Field(() => KnowledgeItem, { nullable: true, description: 'The item the entry now leads to (reformulation) or the new draft.' })
  item!: KnowledgeItem | null;
}
