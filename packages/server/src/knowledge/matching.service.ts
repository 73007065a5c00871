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

/** A word of the message stands for a dictionary word at least this similar (typos). */
const TYPO_SIMILARITY = 0.45;
/** How many of a segment's rarest words find its candidates. */
const RARE_WORDS = 3;
/** Most phrases scored per segment. */
const CANDIDATES_PER_SEGMENT = 200;

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
 * first (a btree lookup), then candidates through the rarest words of each meaningful
 * segment of the paste (typos corrected with pg_trgm), scored with pg_trgm similarity and
 * ranked per item. `domainId` restricts to one domain.
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
  const domainFilter = opts.domainId ? 'and i.domain_id = ?' : '';
  const domainParam = opts.domainId ? [opts.domainId] : [];

  const exact: Row[] = await em.execute(
    `select p.item_id, i.title, i.domain_id, p.text, p.template
       from knowledge_phrase p join knowledge_item i on i.id = p.item_id
      where p.template = any(array(select jsonb_array_elements_text(?::jsonb))) and p.bot_id = ? and p.active ${domainFilter}
      limit 20`,
    [JSON.stringify(segments), botId, ...domainParam],
  );
  if (exact.length) {
    const candidates = rank(exact.map((r) => ({ itemId: r.item_id, title: r.title, domainId: r.domain_id, score: 1, exact: true, phrase: r.text })), limit);
    return { ...base, outcome: decideOutcome(candidates, thresholds), candidates };
  }

  // Candidates come from each segment's rarest words (after typo correction against the
  // word dictionary, with pg_trgm on short words), through the GIN index on the phrases'
  // words; trigram similarity then scores those few candidates only. Searching all
  // templates with the trigram index instead reads the posting lists of very common
  // trigrams and costs ~100 ms at 100 000 phrases.
  const words = await resolveWords(em, segments);
  const probes = segments
    .map((seg) => {
      const resolved = [...new Set(seg.split(' ').flatMap((w) => (words.has(w) ? [words.get(w)!] : [])))];
      const rarest = resolved.sort((x, y) => x.count - y.count || x.word.localeCompare(y.word)).slice(0, RARE_WORDS);
      return { seg, words: rarest.map((r) => r.word) };
    })
    .filter((p) => p.words.length > 0);
  if (!probes.length) return { ...base, outcome: MatchOutcome.NONE, candidates: [] };
  // two stages: plain similarity on the candidates, the costlier word similarities on the best 25
  const rows: Row[] = await em.execute(
    `select p.item_id, i.title, i.domain_id, p.text, p.template, p.seg, p.sim,
            word_similarity(p.seg, p.template) as ws_in,
            word_similarity(p.template, p.seg) as ws_out
       from jsonb_to_recordset(?::jsonb) as q(seg text, words text[])
       cross join lateral (
         select c.*, similarity(c.template, q.seg) as sim, q.seg
           from (select p.item_id, p.text, p.template from knowledge_phrase p
                  where string_to_array(p.template, ' ') && q.words and p.bot_id = ? and p.active
                  limit ?) c
          order by similarity(c.template, q.seg) desc
          limit 25
       ) p
       join knowledge_item i on i.id = p.item_id
      where true ${domainFilter}`,
    [JSON.stringify(probes), botId, CANDIDATES_PER_SEGMENT, ...domainParam],
  );
  const candidates = rank(
    rows.map((r) => ({ itemId: r.item_id, title: r.title, domainId: r.domain_id, score: pairScore(r), exact: false, phrase: r.text })),
    limit,
  );
  return { ...base, outcome: decideOutcome(candidates, thresholds), candidates };
}

/**
 * Each word of the segments as the dictionary knows it, with the number of phrases using
 * it: the word itself, or for a word the dictionary lacks (a typo, most often) its
 * closest dictionary word when similar enough (pg_trgm GIN on the short words).
 */
async function resolveWords(em: EntityManager, segments: string[]): Promise<Map<string, { word: string; count: number }>> {
  const all = [...new Set(segments.flatMap((s) => s.split(' ')).filter((w) => w.length >= 2))].slice(0, 60);
  const out = new Map<string, { word: string; count: number }>();
  const known: { word: string; phrase_count: number }[] = await em.execute(
    `select d.word, d.phrase_count from jsonb_array_elements_text(?::jsonb) as q(w) join knowledge_word d on d.word = q.w where d.phrase_count > 0`,
    [JSON.stringify(all)],
  );
  for (const k of known) out.set(k.word, { word: k.word, count: k.phrase_count });
  const missing = all.filter((w) => !out.has(w) && w.length >= 4);
  // one query per word, so the planner sees the word and uses the trigram index
  for (const typed of missing.slice(0, 12)) {
    const [fix]: { word: string; phrase_count: number }[] = await em.execute(
      `select word, phrase_count from knowledge_word
        where word % ? and phrase_count > 0 and similarity(word, ?) >= ?
        order by similarity(word, ?) desc, word
        limit 1`,
      [typed, typed, TYPO_SIMILARITY, typed],
    );
    if (fix) out.set(typed, { word: fix.word, count: fix.phrase_count });
  }
  return out;
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
