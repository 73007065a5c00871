import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SafeText } from '../core/validation';
import { TicketImpact } from '../service-desk/ticket.enums';
import { PRIORITY } from '../service-desk/ticket.inputs';
import { TEXT } from '../core/validation';
import { FeedbackVote, TicketRequestStatus } from './chatbot.enums';

/** The longest message a user may paste (a Chorus message with its context fits easily). */
export const MAX_MESSAGE = 4000;

@InputType({ description: 'Starts a conversation with a bot.' })
export class StartConversationInput {
  @Field({ description: 'The bot’s code: `IZIA` or `IANIS`.' })
  @SafeText(20, { min: 1 })
  bot!: string;
}

@InputType({ description: 'A message typed or pasted by the user.' })
export class SendMessageInput {
  @Field(() => ID, { description: 'Global id of one of the caller’s own conversations (from `startConversation`); another person’s is NOT_FOUND.' })
  conversationId!: string;

  @Field({ description: `The message (at most ${MAX_MESSAGE} characters), e.g. the error Chorus gave.` })
  @SafeText(MAX_MESSAGE, { min: 1 })
  text!: string;
}

@InputType({ description: 'A button pressed by the user.' })
export class ChooseInput {
  @Field(() => ID, { description: 'Global id of one of the caller’s own conversations, whose last bot turn shows the button.' })
  conversationId!: string;

  @Field(() => ID, { description: 'Id (`ChatButton.id`) of a button of the bot’s last turn.' })
  @SafeText(200, { min: 1 })
  buttonId!: string;
}

@InputType({ description: 'Thumbs up or down on an answer.' })
export class GiveFeedbackInput {
  @Field(() => ID, { description: 'The bot turn that answered.' })
  turnId!: string;

  @Field(() => FeedbackVote, { description: 'Up or down.' })
  vote!: FeedbackVote;

  @Field(() => String, { nullable: true, description: 'What does not suit in the answer (required with a thumbs down).' })
  @IsOptional()
  @SafeText(2000)
  comment?: string | null;

  @Field(() => String, { nullable: true, description: 'Your ministry code (e.g. MIN06) so support can reach you; defaults to your own.' })
  @IsOptional()
  @SafeText(10)
  ministryCode?: string | null;
}

@InputType({ description: 'Asks your CCA for a ticket from a conversation.' })
export class RequestTicketInput {
  @Field(() => ID, { description: 'Global id of the caller’s own conversation to hand off; its pasted message and path go into the request.' })
  conversationId!: string;

  @Field(() => String, { nullable: true, description: 'What to add for your CCA.' })
  @IsOptional()
  @SafeText(2000)
  note?: string | null;
}

@InputType({ description: 'Dismisses a ticket request (its structure’s CCA).' })
export class DismissTicketRequestInput {
  @Field(() => ID, { description: 'Global id of a PENDING TicketRequest from the caller’s structures (as their CCA).' })
  id!: string;

  @Field({ description: 'Why; the requester reads it.' })
  @SafeText(1000, { min: 1 })
  reason!: string;
}

@InputType({ description: 'Turns a ticket request into a service-desk ticket (FSD), pre-filled from the conversation (its structure’s CCA). Omitted fields keep what the request pre-fills.' })
export class ConvertTicketRequestInput {
  @Field(() => ID, { description: 'The ticket request (pending).' })
  id!: string;

  @Field(() => String, { nullable: true, description: `Title of the FSD (default: the knowledge item reached, else the first line of the pasted message; at most ${TEXT.title} characters).` })
  @IsOptional()
  @SafeText(TEXT.title, { min: 1 })
  title?: string | null;

  @Field(() => Int, { nullable: true, description: `Priority from ${PRIORITY.min} (most urgent) to ${PRIORITY.max} (default 3).` })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(PRIORITY.min, { message: `must be between ${PRIORITY.min} and ${PRIORITY.max}` })
  @Max(PRIORITY.max, { message: `must be between ${PRIORITY.min} and ${PRIORITY.max}` })
  priority?: number | null;

  @Field(() => TicketImpact, { nullable: true, description: 'How many people it stops (default: one user).' })
  @IsOptional()
  impact?: TicketImpact | null;

  @Field(() => String, { nullable: true, description: 'Application code, from `ticketApplications` (default: the bot’s application, e.g. `CHORUS_COEUR` for IZIA).' })
  @IsOptional()
  @SafeText(40, { min: 1 })
  application?: string | null;

  @Field(() => String, { nullable: true, description: 'Domain code, from `ticketDomains` (default: the conversation’s domain when the service desk knows it, else `OTHER`).' })
  @IsOptional()
  @SafeText(40, { min: 1 })
  domain?: string | null;
}

@InputType({ description: 'Narrows the list of chatbot hand-offs, within what the caller sees (a CCA: their structures’ requests; a user: their own).' })
export class TicketRequestFilter {
  @Field(() => TicketRequestStatus, { nullable: true, description: 'Only requests in this state (PENDING: still to handle); omitted: every state.' })
  status?: TicketRequestStatus | null;
}

@InputType({ description: 'Period and scope of chatbot metrics.' })
export class ChatbotMetricsFilter {
  @Field(() => ID, { nullable: true, description: 'One bot (default: all).' })
  botId?: string | null;

  @Field(() => ID, { nullable: true, description: 'One domain of the conversation.' })
  domainId?: string | null;

  @Field({ description: 'Start of the period (inclusive).' })
  from!: Date;

  @Field({ description: 'End of the period (exclusive).' })
  to!: Date;

  @Field(() => Int, { defaultValue: 7, description: 'Deflection window: a conversation is deflected when neither a ticket request by its person nor an FSD for them follows within this many days.' })
  @Min(0)
  @Max(365)
  deflectionDays!: number;
}
