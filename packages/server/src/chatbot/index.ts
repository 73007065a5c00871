import { nodeIdResolver } from '../core/base.entity';
import { registerNodeType } from '../core/node-registry';
import {
  AnswerFeedbackFieldsResolver,
  ChatbotMetricsFieldsResolver,
  chatbotNodeFetcher,
  ChatbotResolver,
  ConversationFieldsResolver,
  ConversationTurnFieldsResolver,
  ItemFeedbackCountFieldsResolver,
  TicketChatbotFieldsResolver,
  TicketRequestFieldsResolver,
} from './chatbot.resolver';
import { AnswerFeedback, Conversation, ConversationTurn, TicketRequest } from './conversation.entity';
import './chatbot.errors';

export const chatbotEntities = [Conversation, ConversationTurn, AnswerFeedback, TicketRequest];
export const chatbotResolvers = [
  ChatbotResolver,
  ConversationFieldsResolver,
  ConversationTurnFieldsResolver,
  AnswerFeedbackFieldsResolver,
  TicketRequestFieldsResolver,
  TicketChatbotFieldsResolver,
  ChatbotMetricsFieldsResolver,
  ItemFeedbackCountFieldsResolver,
  ...chatbotEntities.map(nodeIdResolver),
] as const;

for (const kind of ['Conversation', 'ConversationTurn', 'AnswerFeedback', 'TicketRequest'] as const) registerNodeType(kind, chatbotNodeFetcher(kind));
