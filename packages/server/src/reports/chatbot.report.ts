/**
 * The chatbot report: conversations, answered, unanswered, thumbs down, deflection (no
 * ticket followed), handoffs. Figures from chatbot/metrics.service, for its readers; and
 * what AIFE analyses to grow IZIA: the unanswered messages and the thumbs-down comments,
 * from the review queue (the same readers: its API, `reviewQueue`, serves the same roles).
 */
import type { Context } from '../core/context';
import { decodeId, decodeOptionalId } from '../core/ids';
import { KnowledgeItem } from '../knowledge/knowledge-item.entity';
import { ReviewReason } from '../knowledge/knowledge.enums';
import { ReviewEntry } from '../knowledge/review.entity';
import { chatbotMetrics } from '../chatbot/metrics.service';
import { FixedDecimal, toCsv } from '../core/csv';
import { donut } from './charts';
import { day, int, percent } from './format';
import { chart, page, table, type Table } from './page';
import { periodText, type ReportQuery } from './query';
import { t } from './labels';

const DAY = 86_400_000;
/** The newest occurrences listed per section (the review queue has them all). */
export const REVIEW_LINES = 50;
/** The deflection window the statistics API uses by default. */
export const DEFLECTION_DAYS = 7;

/** Without a period: the last 30 days. */
export function chatbotPeriod(q: ReportQuery): { from: Date; to: Date } {
  const to = q.to ?? new Date();
  return { from: q.from ?? new Date(to.getTime() - 30 * DAY), to };
}

export async function chatbotData(ctx: Context, q: ReportQuery) {
  const period = chatbotPeriod(q);
  const botId = decodeOptionalId(q.botId, 'Bot', 'botId');
  const m = await chatbotMetrics(ctx.em, { ...period, botId, domainId: null, deflectionDays: DEFLECTION_DAYS });
  const thumbsDown = m.itemFeedback.reduce((n, r) => n + r.down, 0);
  const thumbsUp = m.itemFeedback.reduce((n, r) => n + r.up, 0);
  const review = async (reason: ReviewReason, extra: Record<string, unknown> = {}) =>
    ctx.em.find(
      ReviewEntry,
      { createdAt: { $gte: period.from, $lt: period.to }, cluster: { reason, ...(botId ? { bot: botId } : {}) }, ...extra },
      { populate: ['cluster.item'], orderBy: { createdAt: 'desc', id: 'asc' }, limit: REVIEW_LINES },
    );
  const unansweredMessages = await review(ReviewReason.UNANSWERED);
  const feedbackComments = await review(ReviewReason.NEGATIVE_FEEDBACK, { comment: { $ne: null } });
  const items = new Map((await ctx.em.find(KnowledgeItem, { id: { $in: m.itemFeedback.map((r) => r.itemId) } })).map((i) => [i.id, i.title]));
  return { period, m, thumbsDown, thumbsUp, items, unansweredMessages, feedbackComments };
}

export function chatbotTables(d: Awaited<ReturnType<typeof chatbotData>>): Table[] {
  const { m } = d;
  return [
    {
      id: 't-outcomes',
      caption: t('REPORT.chatbot.conversations'),
      header: [t('REPORT.chatbot.col.indicator'), t('REPORT.chatbot.col.count'), t('REPORT.chatbot.col.share')],
      rows: [
        [t('REPORT.chatbot.conversations'), int(m.conversations), ''],
        [t('REPORT.chatbot.answered'), int(m.answered), percent(m.answeredRate)],
        [t('REPORT.chatbot.unanswered'), int(m.unanswered), percent(m.unansweredRate)],
        [t('REPORT.chatbot.handedOffLong'), int(m.handedOff), percent(m.handoffRate)],
        [t('REPORT.chatbot.abandoned'), int(m.abandoned), ''],
        [t('REPORT.chatbot.deflected', { days: m.deflectionDays }), '', percent(m.deflectionRate)],
        [t('REPORT.chatbot.thumbsDown'), int(d.thumbsDown), ''],
        [t('REPORT.chatbot.thumbsUp'), int(d.thumbsUp), ''],
      ],
    },
    {
      id: 't-items',
      caption: t('REPORT.chatbot.worstItems'),
      header: [t('REPORT.chatbot.col.answer'), t('REPORT.chatbot.col.down'), t('REPORT.chatbot.col.up')],
      rows: m.itemFeedback.filter((r) => r.down > 0).slice(0, 20).map((r) => [d.items.get(r.itemId) ?? r.itemId, int(r.down), int(r.up)]),
    },
    {
      id: 't-unanswered',
      caption: t('REPORT.chatbot.unansweredMessages', { count: REVIEW_LINES }),
      header: [t('REPORT.chatbot.col.date'), t('REPORT.chatbot.col.message'), t('REPORT.chatbot.col.similar')],
      rows: d.unansweredMessages.map((e) => [day(e.createdAt), e.text, int(e.cluster.getEntity().count)]),
    },
    {
      id: 't-feedback-comments',
      caption: t('REPORT.chatbot.feedbackComments', { count: REVIEW_LINES }),
      header: [t('REPORT.chatbot.col.date'), t('REPORT.chatbot.col.answer'), t('REPORT.chatbot.col.userMessage'), t('REPORT.chatbot.col.comment'), t('REPORT.chatbot.col.ministry')],
      rows: d.feedbackComments.map((e) => [day(e.createdAt), e.cluster.getEntity().item?.getEntity().title ?? '', e.text, e.comment ?? '', e.ministryCode ?? '']),
    },
  ];
}

export async function chatbotReport(ctx: Context, q: ReportQuery): Promise<string> {
  const d = await chatbotData(ctx, q);
  const { m } = d;
  const other = m.conversations - m.answered - m.unanswered - m.handedOff - m.abandoned;
  const slices = [
    { label: t('REPORT.chatbot.answered'), value: m.answered },
    { label: t('REPORT.chatbot.unanswered'), value: m.unanswered },
    { label: t('REPORT.chatbot.handedOff'), value: m.handedOff },
    { label: t('REPORT.chatbot.abandoned'), value: m.abandoned },
    { label: t('REPORT.chatbot.ongoing'), value: other },
  ].filter((s) => s.value > 0);
  const outcomes = await donut(t('REPORT.chatbot.chart.outcomes'), slices.map((s) => ({ ...s, text: percent(m.conversations ? s.value / m.conversations : 0) })));
  const tables = chatbotTables(d);
  return page({
    title: t('REPORT.chatbot.title'),
    subtitle: periodText(d.period),
    csv: `chatbot.csv${q.search}`,
    sections: [table(tables[0]), chart('c-outcomes', outcomes), table(tables[1]), table(tables[2]), table(tables[3])],
    notes: [
      t('REPORT.chatbot.note.deflection'),
      t('REPORT.chatbot.note.review'),
    ],
  });
}

export async function chatbotCsv(ctx: Context, q: ReportQuery): Promise<string> {
  const { m, thumbsDown, thumbsUp } = await chatbotData(ctx, q);
  const [indicator, value, ...labels] = t('REPORT.chatbot.csv').split(';');
  const values = [
    m.conversations,
    m.answered,
    m.unanswered,
    m.handedOff,
    m.abandoned,
    new FixedDecimal(m.answeredRate, 4),
    new FixedDecimal(m.unansweredRate, 4),
    new FixedDecimal(m.handoffRate, 4),
    new FixedDecimal(m.deflectionRate, 4),
    thumbsDown,
    thumbsUp,
  ];
  return toCsv([indicator, value], values.map((v, i) => [labels[i], v]));
}
