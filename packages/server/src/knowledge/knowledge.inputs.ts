import { ArrayMaxSize, IsIn, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { SafeText, TEXT } from '../core/validation';
import { DIALOG_LIMITS } from './dialog';
import { DialogActionKind, DialogNodeKind, InvestigationStatus, KnowledgeKind, KnowledgeStatus, ReviewOrder, ReviewReason, ReviewStatus } from './knowledge.enums';

@InputType({ description: 'A button of a question node.' })
export class DialogButtonInput {
  @Field({ description: 'What the user reads.' })
  @SafeText(DIALOG_LIMITS.label, { min: 1 })
  label!: string;

  @Field({ description: 'Id of the node it leads to.' })
  @SafeText(DIALOG_LIMITS.id, { min: 1 })
  next!: string;
}

@InputType({ description: 'An action button of an answer node.' })
export class DialogActionInput {
  @Field(() => DialogActionKind, { description: 'What the button does.' })
  kind!: DialogActionKind;

  @Field({ description: 'What the user reads.' })
  @SafeText(DIALOG_LIMITS.label, { min: 1 })
  label!: string;

  @Field(() => String, { nullable: true, description: 'The page a LINK opens (http or https).' })
  @IsOptional()
  @SafeText(1000)
  url?: string | null;
}

@InputType({ description: 'One step of a dialog: a QUESTION with buttons leading to other nodes, or an ANSWER with action buttons.' })
export class DialogNodeInput {
  @Field({ description: 'Id, unique in the dialog: letters, digits, - and _.' })
  @SafeText(DIALOG_LIMITS.id, { min: 1 })
  id!: string;

  @Field(() => DialogNodeKind, { description: 'Question or answer.' })
  kind!: DialogNodeKind;

  @Field(() => [String], { description: 'What the bot says, one bubble per text.' })
  @ArrayMaxSize(DIALOG_LIMITS.texts)
  @SafeText(DIALOG_LIMITS.text, { each: true })
  texts!: string[];

  @Field(() => [String], { nullable: true, description: 'A bulleted list, shown after the texts unless `listPosition` says otherwise.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @SafeText(DIALOG_LIMITS.text, { each: true })
  listItems?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Where the list sits among the texts: before texts[listPosition] (0 = first). Null or omitted: after every text. From 0 to the number of texts.' })
  @IsOptional()
  @Min(0)
  @Max(DIALOG_LIMITS.texts)
  listPosition?: number | null;

  @Field(() => [DialogButtonInput], { nullable: true, description: 'Buttons of a question node.' })
  @IsOptional()
  @ArrayMaxSize(DIALOG_LIMITS.buttons)
  @ValidateNested({ each: true })
  buttons?: DialogButtonInput[] | null;

  @Field(() => [DialogActionInput], { nullable: true, description: 'Action buttons of an answer node.' })
  @IsOptional()
  @ArrayMaxSize(DIALOG_LIMITS.actions)
  @ValidateNested({ each: true })
  actions?: DialogActionInput[] | null;
}

@InputType({ description: 'A dialog: the first node and every node.' })
export class DialogInput {
  @Field({ description: 'Id of the first node.' })
  @SafeText(DIALOG_LIMITS.id, { min: 1 })
  start!: string;

  @Field(() => [DialogNodeInput], { description: 'Every node.' })
  @ArrayMaxSize(DIALOG_LIMITS.nodes)
  @ValidateNested({ each: true })
  nodes!: DialogNodeInput[];
}

@InputType({ description: 'Major-incident fields.' })
export class IncidentInput {
  @Field(() => InvestigationStatus, { description: 'Where SN2 stands.' })
  status!: InvestigationStatus;

  @Field(() => [String], { defaultValue: [], description: 'Error messages the anomaly causes.' })
  @ArrayMaxSize(20)
  @SafeText(1000, { each: true })
  causedMessages!: string[];

  @Field(() => String, { nullable: true, description: 'The workaround, if any.' })
  @IsOptional()
  @SafeText(TEXT.long)
  workaround?: string | null;

  @Field({ defaultValue: false, description: 'Users should open a ticket through their CCA.' })
  ticketAdvised!: boolean;

  @Field(() => [String], { defaultValue: [], deprecationReason: 'Ignored: tickets are linked with linkTicketToKnownError (and automatically from their error message).', description: 'Ignored; kept so that released clients still validate.' })
  @ArrayMaxSize(100)
  @SafeText(40, { each: true })
  linkedTicketRefs!: string[];
}

@InputType({ description: 'A new knowledge item (created as a draft).' })
export class CreateKnowledgeItemInput {
  @Field(() => ID, { description: 'The domain (of the bot) it belongs to; major incidents go under the functional domain they concern.' })
  domainId!: string;

  @Field(() => KnowledgeKind, { description: 'What it answers.' })
  kind!: KnowledgeKind;

  @Field({ description: 'Title, as listed in the domain menu.' })
  @SafeText(TEXT.title, { min: 1 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The error message as Chorus gives it, variable parts written XXX (required for error messages).' })
  @IsOptional()
  @SafeText(1000)
  message?: string | null;

  @Field(() => DialogInput, { description: 'What the bot says once the item matched: the first node and every node. Checked on publication (no dangling or unreachable node, no cycle).' })
  @ValidateNested()
  dialog!: DialogInput;

  @Field(() => Int, { nullable: true, description: 'Place in its domain’s list.' })
  @IsOptional()
  @Min(0)
  @Max(100000)
  position?: number | null;

  @Field(() => IncidentInput, { nullable: true, description: 'Major incidents only.' })
  @IsOptional()
  @ValidateNested()
  incident?: IncidentInput | null;
}

@InputType({ description: 'Changes to an item; omitted fields stay as they are. A published item stays live and its change is recorded.' })
export class UpdateKnowledgeItemInput {
  @Field(() => ID, { description: 'Global id of the KnowledgeItem to change (draft, published or archived).' })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'New domain.' })
  domainId?: string | null;

  @Field(() => KnowledgeKind, { nullable: true, description: 'New kind.' })
  kind?: KnowledgeKind | null;

  @Field(() => String, { nullable: true, description: 'New title.' })
  @IsOptional()
  @SafeText(TEXT.title, { min: 1 })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New error message.' })
  @IsOptional()
  @SafeText(1000)
  message?: string | null;

  @Field(() => DialogInput, { nullable: true, description: 'New dialog.' })
  @IsOptional()
  @ValidateNested()
  dialog?: DialogInput | null;

  @Field(() => Int, { nullable: true, description: 'New place in the list.' })
  @IsOptional()
  @Min(0)
  @Max(100000)
  position?: number | null;

  @Field(() => IncidentInput, { nullable: true, description: 'New major-incident fields.' })
  @IsOptional()
  @ValidateNested()
  incident?: IncidentInput | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the publication history).' })
  @IsOptional()
  @SafeText(1000)
  note?: string | null;
}

@InputType({ description: 'Publishes or archives an item.' })
export class KnowledgeItemActionInput {
  @Field(() => ID, { description: 'Global id of the KnowledgeItem to publish or archive.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Why (kept in the publication history).' })
  @IsOptional()
  @SafeText(1000)
  note?: string | null;
}

@InputType({ description: 'Adds a wording to an item.' })
export class AddReformulationInput {
  @Field(() => ID, { description: 'Global id of the KnowledgeItem the wording should lead to.' })
  itemId!: string;

  @Field({ description: 'The wording, as users write it.' })
  @SafeText(4000, { min: 1 })
  text!: string;
}

@InputType({ description: 'Removes a reformulation.' })
export class RemovePhraseInput {
  @Field(() => ID, { description: 'Global id of a KnowledgePhrase of kind REFORMULATION; an item’s title or message phrase is refused (change the item instead).' })
  phraseId!: string;
}

@InputType({ description: 'Changes to a bot: texts and matching thresholds.' })
export class UpdateBotInput {
  @Field(() => ID, { description: 'Global id of the Bot to change (IZIA, IANIS).' })
  botId!: string;

  @Field(() => String, { nullable: true, description: 'New welcome text.' })
  @IsOptional()
  @SafeText(2000, { min: 1 })
  welcomeText?: string | null;

  @Field(() => String, { nullable: true, description: 'New fallback text.' })
  @IsOptional()
  @SafeText(2000, { min: 1 })
  fallbackText?: string | null;

  @Field(() => Float, { nullable: true, description: 'Score from which a match is confident.' })
  @IsOptional()
  @Min(0)
  @Max(1)
  confidentThreshold?: number | null;

  @Field(() => Float, { nullable: true, description: 'Score from which candidates are offered.' })
  @IsOptional()
  @Min(0)
  @Max(1)
  ambiguousThreshold?: number | null;

  @Field(() => Float, { nullable: true, description: 'Lead the best candidate needs over the second to be confident.' })
  @IsOptional()
  @Min(0)
  @Max(1)
  marginThreshold?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Ask the domain and confirm after a confident match.' })
  confirmMatchedDomain?: boolean | null;
}

@InputType({ description: 'Narrows the knowledge base list; every given criterion must hold. Only back-office roles see drafts and archives.' })
export class KnowledgeItemFilter {
  @Field(() => ID, { nullable: true, description: 'Only items of this Bot (global id); omitted: every bot.' })
  botId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only items under this BotDomain (global id) of the bot’s menu.' })
  domainId?: string | null;

  @Field(() => KnowledgeKind, { nullable: true, description: 'Only error messages, how-tos, major incidents or upgrade notes; omitted: every kind.' })
  kind?: KnowledgeKind | null;

  @Field(() => KnowledgeStatus, { nullable: true, description: 'Items in this status (back office only; others see published items).' })
  status?: KnowledgeStatus | null;

  @Field(() => String, { nullable: true, description: 'Words in the title.' })
  @IsOptional()
  @SafeText(TEXT.search)
  search?: string | null;
}

@InputType({ description: 'Narrows `reviewQueue`: by bot, by reason, by state, and in which order; by default open entries, biggest first.' })
export class ReviewQueueFilter {
  @Field(() => ID, { nullable: true, description: 'Entries of this bot.' })
  botId?: string | null;

  @Field(() => ReviewReason, { nullable: true, description: 'Unanswered messages or negative feedback.' })
  reason?: ReviewReason | null;

  @Field(() => ReviewStatus, { defaultValue: ReviewStatus.OPEN, description: 'Open (default) or what was done.' })
  status!: ReviewStatus;

  @Field(() => ReviewOrder, { defaultValue: ReviewOrder.BIGGEST_FIRST, description: 'Biggest (default) or newest first.' })
  @IsIn(Object.values(ReviewOrder))
  order!: ReviewOrder;
}

@InputType({ description: 'Adds the message of a review entry as a reformulation of an item.' })
export class AddClusterAsReformulationInput {
  @Field(() => ID, { description: 'Global id of the ReviewCluster, an OPEN entry of the review queue (REVIEW_ALREADY_CLOSED once support acted on it).' })
  clusterId!: string;

  @Field(() => ID, { description: 'The item it should lead to.' })
  itemId!: string;

  @Field(() => String, { nullable: true, description: 'The wording to add; default: the entry’s sample message.' })
  @IsOptional()
  @SafeText(4000, { min: 1 })
  text?: string | null;
}

@InputType({ description: 'Writes a new (draft) item from a review entry.' })
export class CreateItemFromClusterInput {
  @Field(() => ID, { description: 'Global id of the ReviewCluster, an OPEN entry of the review queue (REVIEW_ALREADY_CLOSED once support acted on it).' })
  clusterId!: string;

  @Field(() => CreateKnowledgeItemInput, { description: 'The item; its message defaults to the entry’s sample message.' })
  @ValidateNested()
  item!: CreateKnowledgeItemInput;
}

@InputType({ description: 'Dismisses a review entry.' })
export class IgnoreReviewClusterInput {
  @Field(() => ID, { description: 'Global id of the ReviewCluster, an OPEN entry of the review queue (REVIEW_ALREADY_CLOSED once support acted on it).' })
  clusterId!: string;

  @Field({ description: 'Why (noise, out of scope, …).' })
  @SafeText(1000, { min: 1 })
  reason!: string;
}
