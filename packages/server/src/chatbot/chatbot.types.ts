import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../core/connection';
import { MutationPayload } from '../core/mutation';
import { Ticket } from '../service-desk/ticket.entity';
import { ChatButtonKind } from './chatbot.enums';
import { AnswerFeedback, Conversation, ConversationTurn, TicketRequest } from './conversation.entity';

export const ConversationConnection = Connection(Conversation);
export const TicketRequestConnection = Connection(TicketRequest);

@ObjectType({ description: 'A button of a bot turn. Pass its id to `choose`; a LINK button is opened by the client instead.' })
export class ChatButton {
  @Field(() => ID, { description: 'Opaque global id of this button of this turn of this conversation. Pass it to `choose`; valid only while this turn is the last one.' })
  id!: string;

  @Field({ description: 'What the user reads.' })
  label!: string;

  @Field(() => ChatButtonKind, { description: 'What it does.' })
  kind!: ChatButtonKind;

  @Field(() => String, { nullable: true, description: 'The page a LINK opens.' })
  url!: string | null;
}

@ObjectType({ description: 'Result of startConversation, sendMessage and choose: the bot’s next turn.' })
export class ChatTurnPayload extends MutationPayload {
  @Field(() => Conversation, { nullable: true, description: 'The conversation; null on failure.' })
  conversation!: Conversation | null;

  @Field(() => ConversationTurn, { nullable: true, description: 'The user’s turn (the message or the button), null when starting.' })
  userTurn!: ConversationTurn | null;

  @Field(() => ConversationTurn, { nullable: true, description: 'The bot’s next turn: texts, list and buttons.' })
  turn!: ConversationTurn | null;

  @Field(() => TicketRequest, { nullable: true, description: 'The ticket request created, when the user asked for a ticket.' })
  ticketRequest!: TicketRequest | null;
}

@ObjectType({ description: 'Result of giveFeedback.' })
export class FeedbackPayload extends MutationPayload {
  @Field(() => AnswerFeedback, { nullable: true, description: 'The feedback; null on failure.' })
  feedback!: AnswerFeedback | null;
}

@ObjectType({ description: 'Result of a ticket-request mutation.' })
export class TicketRequestPayload extends MutationPayload {
  @Field(() => TicketRequest, { nullable: true, description: 'The request; null on failure.' })
  ticketRequest!: TicketRequest | null;
}

@ObjectType({ description: 'Result of convertTicketRequest.' })
export class ConvertTicketRequestPayload extends MutationPayload {
  @Field(() => TicketRequest, { nullable: true, description: 'The request, now CONVERTED; null on failure.' })
  ticketRequest!: TicketRequest | null;

  @Field(() => Ticket, { nullable: true, description: 'The FSD opened from it; null on failure.' })
  ticket!: Ticket | null;
}

@ObjectType({ description: 'Thumbs up and down on one item over the period.' })
export class ItemFeedbackCount {
  itemId!: string;

  @Field(() => Int, { description: 'Thumbs up.' })
  up!: number;

  @Field(() => Int, { description: 'Thumbs down.' })
  down!: number;
}

@ObjectType({ description: 'How the bots did over a period: for analysts.' })
export class ChatbotMetrics {
  @Field({ description: 'Start of the period.' })
  from!: Date;

  @Field({ description: 'End of the period (exclusive).' })
  to!: Date;

  @Field(() => Int, { description: 'Conversations started in the period.' })
  conversations!: number;

  @Field(() => Int, { description: 'Conversations that got an answer (and no handoff).' })
  answered!: number;

  @Field(() => Int, { description: 'Conversations that ended on the fallback only.' })
  unanswered!: number;

  @Field(() => Int, { description: 'Conversations handed off to a CCA (ticket requests).' })
  handedOff!: number;

  @Field(() => Int, { description: 'Conversations left without answer, fallback or handoff for 30 minutes.' })
  abandoned!: number;

  @Field(() => Float, { description: 'answered / conversations.' })
  answeredRate!: number;

  @Field(() => Float, { description: 'unanswered / conversations.' })
  unansweredRate!: number;

  @Field(() => Float, { description: 'handedOff / conversations.' })
  handoffRate!: number;

  @Field(() => Int, { description: 'The deflection window, in days.' })
  deflectionDays!: number;

  @Field(() => Float, { description: 'Share of conversations followed, within the window, by neither a ticket request from the same person nor an FSD opened for them.' })
  deflectionRate!: number;

  @Field(() => Int, { description: 'Messages typed or pasted.' })
  messages!: number;

  @Field(() => Float, { description: 'Share of messages matched with confidence.' })
  confidentRate!: number;

  @Field(() => Float, { description: 'Share of messages answered with candidates (ambiguous).' })
  ambiguousRate!: number;

  @Field(() => Float, { description: 'Share of messages the bot did not recognise.' })
  noMatchRate!: number;

  @Field(() => [ItemFeedbackCount], { description: 'Thumbs per item, most thumbs down first (top 50).' })
  itemFeedback!: ItemFeedbackCount[];

  topUnansweredClusterIds!: string[];
  neverUsedItemIds!: string[];
}
