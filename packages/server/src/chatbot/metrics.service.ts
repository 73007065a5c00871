import type { EntityManager } from '@mikro-orm/postgresql';
import { ABANDON_AFTER_MS } from './conversation.service';

export interface MetricsFilter {
  botId?: string | null;
  domainId?: string | null;
  from: Date;
  to: Date;
  /** A conversation counts as deflected when its person asks for no ticket within this many days. */
  deflectionDays: number;
}

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 10000) / 10000 : 0);

/**
 * The bot's figures for analysts. A conversation is deflected when it is not followed by a
 * ticket: neither a ticket request (handoff) by its person nor an FSD whose requester is
 * that person (see `followedByTicketSql`).
 */
export async function chatbotMetrics(em: EntityManager, f: MetricsFilter) {
  const where = `c.created_at >= ? and c.created_at < ? ${f.botId ? 'and c.bot_id = ?' : ''} ${f.domainId ? 'and c.domain_id = ?' : ''}`;
  const params = [f.from, f.to, ...(f.botId ? [f.botId] : []), ...(f.domainId ? [f.domainId] : [])];
  const abandonedBefore = new Date(Date.now() - ABANDON_AFTER_MS);

  const [conv] = await em.execute<Record<string, number>[]>(
    `select count(*)::int as conversations,
            count(*) filter (where c.handed_off)::int as handed_off,
            count(*) filter (where c.answered and not c.handed_off)::int as answered,
            count(*) filter (where c.unanswered and not c.answered and not c.handed_off)::int as unanswered,
            count(*) filter (where not c.answered and not c.unanswered and not c.handed_off and c.last_activity_at < ?)::int as abandoned,
            count(*) filter (where not exists (${followedByTicketSql(f.deflectionDays)}))::int as deflected
       from conversation c where ${where}`,
    [abandonedBefore, ...params],
  );
  const [msg] = await em.execute<Record<string, number>[]>(
    `select count(*)::int as messages,
            count(*) filter (where t.match_outcome = 'CONFIDENT')::int as confident,
            count(*) filter (where t.match_outcome = 'AMBIGUOUS')::int as ambiguous,
            count(*) filter (where t.match_outcome = 'NONE')::int as none
       from conversation_turn t join conversation c on c.id = t.conversation_id
      where t.match_outcome is not null and ${where}`,
    params,
  );
  const feedback = await em.execute<{ item_id: string; up: number; down: number }[]>(
    `select f.item_id, count(*) filter (where f.vote = 'UP')::int as up, count(*) filter (where f.vote = 'DOWN')::int as down
       from answer_feedback f join conversation c on c.id = f.conversation_id
      where f.item_id is not null and ${where}
      group by f.item_id order by down desc, up desc, f.item_id limit 50`,
    params,
  );
  const clusters = await em.execute<{ id: string }[]>(
    `select r.id from review_cluster r
      where r.reason = 'UNANSWERED' and r.status = 'OPEN' and r.last_seen_at >= ? and r.last_seen_at < ? ${f.botId ? 'and r.bot_id = ?' : ''}
      order by r.count desc, r.last_seen_at desc, r.id limit 10`,
    [f.from, f.to, ...(f.botId ? [f.botId] : [])],
  );
  const neverUsed = await em.execute<{ id: string }[]>(
    `select i.id from knowledge_item i
      where i.status = 'PUBLISHED' ${f.botId ? 'and i.bot_id = ?' : ''} ${f.domainId ? 'and i.domain_id = ?' : ''}
        and not exists (select 1 from conversation_turn t join conversation c on c.id = t.conversation_id
                         where t.item_id = i.id and t.is_answer and c.created_at >= ? and c.created_at < ?)
      order by i.title, i.id limit 100`,
    [...(f.botId ? [f.botId] : []), ...(f.domainId ? [f.domainId] : []), f.from, f.to],
  );
  const n = conv.conversations;
  return {
    from: f.from,
    to: f.to,
    deflectionDays: f.deflectionDays,
    conversations: n,
    answered: conv.answered,
    unanswered: conv.unanswered,
    handedOff: conv.handed_off,
    abandoned: conv.abandoned,
    answeredRate: rate(conv.answered, n),
    unansweredRate: rate(conv.unanswered, n),
    handoffRate: rate(conv.handed_off, n),
    deflectionRate: rate(conv.deflected, n),
    messages: msg.messages,
    confidentRate: rate(msg.confident, msg.messages),
    ambiguousRate: rate(msg.ambiguous, msg.messages),
    noMatchRate: rate(msg.none, msg.messages),
    itemFeedback: feedback.map((r) => ({ itemId: r.item_id, up: r.up, down: r.down })),
    topUnansweredClusterIds: clusters.map((r) => r.id),
    neverUsedItemIds: neverUsed.map((r) => r.id),
  };
}

/**
 * "Followed by a ticket": within N days of the conversation, a ticket request by the same
 * person, or an FSD opened for them (they are its requester — whether a CCA converted a
 * request or opened it directly). Both probes use an index on the requester.
 */
function followedByTicketSql(days: number): string {
  const d = Math.max(0, Math.min(365, Math.floor(days)));
  const window = (alias: string) => `${alias}.requester_id = c.person_id and ${alias}.created_at >= c.created_at and ${alias}.created_at < c.created_at + interval '${d} days'`;
  return `select 1 from ticket_request tr where ${window('tr')}
          union all
          select 1 from ticket t where ${window('t')}`;
}
