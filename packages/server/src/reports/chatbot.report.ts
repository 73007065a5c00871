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
      caption: 'Conversations',
      header: ['Indicateur', 'Nombre', 'Part'],
      rows: [
        ['Conversations', int(m.conversations), ''],
        ['Répondues', int(m.answered), percent(m.answeredRate)],
        ['Sans réponse', int(m.unanswered), percent(m.unansweredRate)],
        ['Transmises au support (demande de ticket)', int(m.handedOff), percent(m.handoffRate)],
        ['Abandonnées', int(m.abandoned), ''],
        [`Sans ticket dans les ${m.deflectionDays} jours (déviation)`, '', percent(m.deflectionRate)],
        ['Votes « pouce en bas »', int(d.thumbsDown), ''],
        ['Votes « pouce en haut »', int(d.thumbsUp), ''],
      ],
    },
    {
      id: 't-items',
      caption: 'Réponses les moins bien notées',
      header: ['Réponse', 'Pouce en bas', 'Pouce en haut'],
      rows: m.itemFeedback.filter((r) => r.down > 0).slice(0, 20).map((r) => [d.items.get(r.itemId) ?? r.itemId, int(r.down), int(r.up)]),
    },
    {
      id: 't-unanswered',
      caption: `Messages sans réponse (les ${REVIEW_LINES} plus récents)`,
      header: ['Date', 'Message', 'Messages semblables (file de relecture)'],
      rows: d.unansweredMessages.map((e) => [day(e.createdAt), e.text, int(e.cluster.getEntity().count)]),
    },
    {
      id: 't-feedback-comments',
      caption: `Commentaires des votes « pouce en bas » (les ${REVIEW_LINES} plus récents)`,
      header: ['Date', 'Réponse', 'Message de l’utilisateur', 'Commentaire', 'Ministère'],
      rows: d.feedbackComments.map((e) => [day(e.createdAt), e.cluster.getEntity().item?.getEntity().title ?? '', e.text, e.comment ?? '', e.ministryCode ?? '']),
    },
  ];
}

export async function chatbotReport(ctx: Context, q: ReportQuery): Promise<string> {
  const d = await chatbotData(ctx, q);
  const { m } = d;
  const other = m.conversations - m.answered - m.unanswered - m.handedOff - m.abandoned;
  const slices = [
    { label: 'Répondues', value: m.answered },
    { label: 'Sans réponse', value: m.unanswered },
    { label: 'Transmises', value: m.handedOff },
    { label: 'Abandonnées', value: m.abandoned },
    { label: 'En cours', value: other },
  ].filter((s) => s.value > 0);
  const outcomes = await donut('Issue des conversations', slices.map((s) => ({ ...s, text: percent(m.conversations ? s.value / m.conversations : 0) })));
  const tables = chatbotTables(d);
  return page({
    title: 'Assistants virtuels (IZIA, IANIS) — rapport',
    subtitle: periodText(d.period),
    csv: `chatbot.csv${q.search}`,
    sections: [table(tables[0]), chart('c-outcomes', outcomes), table(tables[1]), table(tables[2]), table(tables[3])],
    notes: [
      'Une conversation est déviée quand ni demande de ticket ni FSD pour la même personne ne la suit dans le délai indiqué.',
      'Messages sans réponse et commentaires : ce que l’AIFE analyse pour enrichir la base de connaissances (la file de relecture les regroupe et les garde tous).',
    ],
  });
}

export async function chatbotCsv(ctx: Context, q: ReportQuery): Promise<string> {
  const { m, thumbsDown, thumbsUp } = await chatbotData(ctx, q);
  return toCsv(
    ['indicateur', 'valeur'],
    [
      ['conversations', m.conversations],
      ['répondues', m.answered],
      ['sans réponse', m.unanswered],
      ['transmises', m.handedOff],
      ['abandonnées', m.abandoned],
      ['taux de réponse', new FixedDecimal(m.answeredRate, 4)],
      ['taux sans réponse', new FixedDecimal(m.unansweredRate, 4)],
      ['taux de transmission', new FixedDecimal(m.handoffRate, 4)],
      ['taux de déviation', new FixedDecimal(m.deflectionRate, 4)],
      ['pouces en bas', thumbsDown],
      ['pouces en haut', thumbsUp],
    ],
  );
}
