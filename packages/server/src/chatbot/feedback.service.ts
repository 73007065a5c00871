import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { M } from './chatbot.messages';
import { Ministry } from '../directory/ministry.entity';
import { Person } from '../directory/person.entity';
import { ReviewReason } from '../knowledge/knowledge.enums';
import { fileForReview } from '../knowledge/review.service';
import { ChatbotErrorCode } from './chatbot.errors';
import { FeedbackVote, Speaker } from './chatbot.enums';
import { AnswerFeedback, ConversationTurn } from './conversation.entity';
import { assertHasChorusAccount } from './conversation.service';

const alreadyGiven = () => new DomainError(ChatbotErrorCode.FEEDBACK_ALREADY_GIVEN, M.FEEDBACK_ALREADY_GIVEN(), ['turnId']);

/**
 * Thumbs up or down, once per answer, by the person of the conversation. A thumbs down
 * carries a comment and the ministry code (the viewer's own by default) and lands in the
 * review queue, grouped with other thumbs down on the same item.
 */
export async function giveFeedback(
  em: EntityManager,
  viewer: Viewer,
  input: { turnId: string; vote: FeedbackVote; comment?: string | null; ministryCode?: string | null },
): Promise<AnswerFeedback> {
  assertHasChorusAccount(viewer);
  const turn = await em.findOne(ConversationTurn, { id: input.turnId }, { populate: ['conversation'] });
  const conversation = turn?.conversation.getEntity();
  if (!turn || !conversation || conversation.person.id !== viewer.id) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.answer'](), ['turnId']);
  if (turn.speaker !== Speaker.BOT || !turn.isAnswer) throw new DomainError(ChatbotErrorCode.NOT_AN_ANSWER, M.NOT_AN_ANSWER(), ['turnId']);
  if (await em.count(AnswerFeedback, { turn })) throw alreadyGiven();
  const comment = input.comment?.trim() || null;
  let ministryCode: string | null = null;
  if (input.vote === FeedbackVote.DOWN) {
    if (!comment) throw new DomainError(ChatbotErrorCode.COMMENT_REQUIRED, M.COMMENT_REQUIRED(), ['comment']);
    ministryCode = input.ministryCode?.trim().toUpperCase() || (viewer.ministryId ? (await em.findOne(Ministry, { id: viewer.ministryId }))?.code ?? null : null);
    if (ministryCode && !/^MIN\d{2}$/.test(ministryCode)) throw new DomainError(CoreErrorCode.INVALID_FORMAT, M['INVALID_FORMAT.feedbackMinistryCode'](), ['ministryCode']);
  }
  const feedback = em.create(AnswerFeedback, {
    turn,
    conversation,
    person: em.getReference(Person, viewer.id, { wrapped: true }),
    item: turn.item,
    vote: input.vote,
    comment,
    ministryCode,
  });
  try {
    await em.flush();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) throw alreadyGiven();
    throw e;
  }
  if (input.vote === FeedbackVote.DOWN) {
    const title = turn.item ? (await turn.item.load())?.title : null;
    await fileForReview(em, {
      botId: conversation.bot.id,
      reason: ReviewReason.NEGATIVE_FEEDBACK,
      itemId: turn.item?.id ?? null,
      text: conversation.pastedMessage ?? title ?? turn.texts.join(' '),
      comment,
      ministryCode,
      conversationId: conversation.id,
    });
  }
  return feedback;
}
