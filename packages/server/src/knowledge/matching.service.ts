import type { EntityManager } from '@mikro-orm/postgresql';
import { MatchOutcome } from './knowledge.enums';
import { extractVariableParts, meaningfulWords, segmentsOf, toTemplate, type VariablePart } from './normalise';

/** Tunable per bot (Bot.confidentThreshold …); these are the defaults the quality gate was tuned with. */
export interface MatchThresholds {
  confident: number;
  ambiguous: number;
  margin: number;
}
export const DEFAULT_THRESHOLDS: MatchThresholds = { confident: 0.72, ambiguous: 0.45, margin: 0.06 };

export interface MatchCandidate {
  itemId: string;
  title: string;
  domainId: string;
  /** 0–1; 1 for an exact template match. */
  score: number;
  exact: boolean;
  /** The stored wording that matched best. */
  phrase: string;
}

export interface MatchResult {
  outcome: MatchOutcome;
  /** Best first, one per item. */
  candidates: MatchCandidate[];
  variableParts: VariablePart[];
  /** Comparable form of the whole message. */
  template: string;
  /** False when the message has no word to match on (punctuation, emoji, numbers only). */
  meaningful: boolean;
}

/** How many candidates an ambiguous answer offers as buttons. */
export const MAX_OFFERED = 4;

interface Row {
  item_id: string;
  title: string;
  domain_id: string;
  text: string;
  template: string;
  seg: string;
  sim: number;
  ws_in: number;
  ws_out: number;
}

/**
 * Scores one (segment, stored phrase) pair from trigram measures:
 * - `sim`: plain similarity (typos, missing accents);
 * - `ws_in`: the segment found inside the phrase (a message cut short), discounted by how
 *   much of the phrase the segment covers, so "erreur" alone never scores high;
 * - `ws_out`: the phrase found inside a longer segment (words around the message on the
 *   same line), discounted by how much longer the segment is.
 * Short segments are capped below the confident threshold: two words are a topic, not a message.
 */
export function pairScore(r: Pick<Row, 'sim' | 'ws_in' | 'ws_out' | 'seg' | 'template'>): number {
  const ratio = r.seg.length / Math.max(r.template.length, 1);
  const cut = r.ws_in * Math.min(1, ratio / 0.6) * 0.97;
  const extra = r.ws_out * Math.min(1, 0.35 + 1 / Math.max(ratio, 1)) * 0.97;
  let score = Math.max(r.sim, cut, extra);
  const words = meaningfulWords(r.seg).length;
  if (words < 3) score = Math.min(score, 0.6);
  return Math.round(score * 1000) / 1000;
}

/** Decides confident / ambiguous / none from ranked candidates. */
export function decideOutcome(candidates: MatchCandidate[], t: MatchThresholds): MatchOutcome {
  const [top, second] = candidates;
  if (!top) return MatchOutcome.NONE;
  if (top.exact) return second?.exact ? MatchOutcome.AMBIGUOUS : MatchOutcome.CONFIDENT;
  if (top.score >= t.confident && (!second || top.score - second.score >= t.margin)) return MatchOutcome.CONFIDENT;
  if (top.score >= t.ambiguous) return MatchOutcome.AMBIGUOUS;
  return MatchOutcome.NONE;
}

/**
 * Matches a pasted message against the published phrases of a bot: exact template match
 * first (a btree lookup), then pg_trgm similarity on each meaningful segment of the paste
 * (GIN index), ranked per item. `domainId` restricts to one domain.
 */
export async function matchMessage(
  em: EntityManager,
  botId: string,
  text: string,
  thresholds: MatchThresholds = DEFAULT_THRESHOLDS,
  opts: { domainId?: string; limit?: number } = {},
): Promise<MatchResult> {
  const limit = opts.limit ?? 5;
  const { parts } = extractVariableParts(text.slice(0, 2000));
  const template = toTemplate(text);
  const segments = segmentsOf(text);
  const base = { variableParts: parts, template, meaningful: segments.length > 0 };
  if (!segments.length) return { ...base, outcome: MatchOutcome.NONE, candidates: [] };
  const conn = em.getConnection();
  const domainFilter = opts.domainId ? 'and i.domain_id = ?' : '';
  const domainParam = opts.domainId ? [opts.domainId] : [];

  const exact: Row[] = await conn.execute(
    `select p.item_id, i.title, i.domain_id, p.text, p.template
       from knowledge_phrase p join knowledge_item i on i.id = p.item_id
      where p.bot_id = ? and p.active and p.template in (select jsonb_array_elements_text(?::jsonb)) ${domainFilter}
      limit 20`,
    [botId, JSON.stringify(segments), ...domainParam],
  );
  if (exact.length) {
    const candidates = rank(exact.map((r) => ({ itemId: r.item_id, title: r.title, domainId: r.domain_id, score: 1, exact: true, phrase: r.text })), limit);
    return { ...base, outcome: decideOutcome(candidates, thresholds), candidates };
  }

  const rows: Row[] = await conn.execute(
    `select p.item_id, i.title, i.domain_id, p.text, p.template, q.seg, p.sim, p.ws_in, p.ws_out
       from jsonb_array_elements_text(?::jsonb) as q(seg)
       cross join lateral (
         select p.item_id, p.text, p.template,
                similarity(p.template, q.seg) as sim,
                word_similarity(q.seg, p.template) as ws_in,
                word_similarity(p.template, q.seg) as ws_out
           from knowledge_phrase p
          where p.bot_id = ? and p.active and (p.template % q.seg or q.seg <% p.template)
          order by greatest(similarity(p.template, q.seg), word_similarity(q.seg, p.template)) desc
          limit 30
       ) p
       join knowledge_item i on i.id = p.item_id
      where true ${domainFilter}`,
    [JSON.stringify(segments), botId, ...domainParam],
  );
  const candidates = rank(
    rows.map((r) => ({ itemId: r.item_id, title: r.title, domainId: r.domain_id, score: pairScore(r), exact: false, phrase: r.text })),
    limit,
  );
  return { ...base, outcome: decideOutcome(candidates, thresholds), candidates };
}

/** Best score per item, best first (ties: shorter title first, then id, for a stable order). */
function rank(all: MatchCandidate[], limit: number): MatchCandidate[] {
  const best = new Map<string, MatchCandidate>();
  for (const c of all) {
    const b = best.get(c.itemId);
    if (!b || c.score > b.score) best.set(c.itemId, c);
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || a.title.length - b.title.length || a.itemId.localeCompare(b.itemId))
    .slice(0, limit);
}
