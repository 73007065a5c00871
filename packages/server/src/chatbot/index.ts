import { nodeIdResolver } from '../core/base.entity';
import type { FeatureModule } from '../core/module';
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
import { CHATBOT_ERROR_CODES } from './chatbot.errors';

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

export const chatbotModule: FeatureModule = {
  resolvers: chatbotResolvers,
  errorCodes: [CHATBOT_ERROR_CODES],
  nodeTypes: Object.fromEntries((['Conversation', 'ConversationTurn', 'AnswerFeedback', 'TicketRequest'] as const).map((kind) => [kind, chatbotNodeFetcher(kind)])),
};
