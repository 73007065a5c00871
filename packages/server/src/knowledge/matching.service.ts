import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../core/sql';
import { MatchOutcome, PhraseKind } from './knowledge.enums';
import { loadAbbreviations } from './abbreviation.service';
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
  /**
   * How sure the match is, 0–1: the score less a share for the words of the message the
   * wording does not have (see UNMATCHED_WEIGHT). CONFIDENT needs this, not only the score,
   * to reach the confident threshold. 1 for an exact match.
   */
  confidence: number;
  /** Words of the matched part of the message that the wording lacks (greetings left out). */
  unmatchedWords: string[];
  /** Where the wording comes from: an item's own message ranks before a message it only lists. */
  kind: PhraseKind;
  /** Words of the part of the message that matched: an exact match of the whole paste beats one of a single line. */
  matchedWords: number;
  /** The comparable form of the stored wording. */
  template: string;
}

/** On equal scores: the item whose own message it is, then one listing it, then a title or a reformulation. */
const KIND_ORDER: Record<PhraseKind, number> = { [PhraseKind.KNOWN_MESSAGE]: 0, [PhraseKind.LISTED_MESSAGE]: 1, [PhraseKind.REFORMULATION]: 2, [PhraseKind.TITLE]: 3 };

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
  kind: PhraseKind;
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

/**
 * Words that say nothing about which message it is: greetings, politeness and the words
 * users put around a paste. They never count as unmatched.
 */
const FILLER_WORDS = new Set(
  ('bonjour bjr bonsoir salut merci mercii cordialement bien cordiales salutations madame monsieur mme svp stp plait '
    + 'aide aider aidez besoin urgent message messages erreur erreurs suivant suivante voici voila obtiens obtient ai j je me moi mon ma mes '
    + 'on nous vous avez avons ca cela ceci quand lorsque en encore toujours depuis ce matin aujourd hui pouvez pourriez avance '
    + 'sap chorus coeur ecran')
    .split(' '),
);
/** Share of the confidence an unmatched word costs: half of the score when half the message's words are not in the wording. */
export const UNMATCHED_WEIGHT = 0.5;

/** Whether a word of the message stands for a word of the wording: the same, a typo of it (one or two edits), or the start of it (a cut-off). */
function sameWord(typed: string, known: string, last: boolean): boolean {
  if (typed === known) return true;
  if (last && typed.length >= 3 && known.startsWith(typed)) return true;
  const allowed = typed.length >= 8 ? 2 : typed.length >= 4 ? 1 : 0;
  if (!allowed || Math.abs(typed.length - known.length) > allowed) return false;
  return editDistance(typed, known, allowed) <= allowed;
}

/** Optimal string alignment distance (an exchange of two letters is one edit), stopping past `max`. */
function editDistance(a: string, b: string, max: number): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      rowMin = Math.min(rowMin, d[i][j]);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length][b.length];
}

/** The words of a segment of the message that a stored wording does not have (fillers aside). */
export function unmatchedWords(segment: string, template: string): string[] {
  const known = template.split(' ');
  const words = meaningfulWords(segment);
  return words.filter((w, i) => !FILLER_WORDS.has(w) && !known.some((k) => sameWord(w, k, i === words.length - 1)));
}

/** The confidence of a (segment, wording) pair: its score less UNMATCHED_WEIGHT × the share of the segment's words left unmatched. */
export function confidenceOf(score: number, segment: string, unmatched: string[]): number {
  const counted = meaningfulWords(segment).filter((w) => !FILLER_WORDS.has(w)).length;
  const share = counted ? unmatched.length / counted : 0;
  return Math.round(Math.max(0, score - UNMATCHED_WEIGHT * share) * 1000) / 1000;
}

/**
 * Decides confident / ambiguous / none from ranked candidates. CONFIDENT needs the top
 * candidate's confidence (its score less the unmatched words' share) at the confident
 * threshold, and its score ahead of the second by the margin.
 */
export function decideOutcome(candidates: MatchCandidate[], t: MatchThresholds): MatchOutcome {
  const [top] = candidates;
  if (!top) return MatchOutcome.NONE;
  // The item whose own message it is is not in doubt with an item that only lists the same
  // message (a major incident listing the messages it causes): the answer of the former
  // points to the latter.
  const second = candidates.slice(1).find((c) => !(top.kind === PhraseKind.KNOWN_MESSAGE && c.kind === PhraseKind.LISTED_MESSAGE && c.template === top.template));
  // two exact matches: ambiguous, unless one covers more of the paste (the whole text, not one of its lines)
  if (top.exact) return second?.exact && second.matchedWords >= top.matchedWords ? MatchOutcome.AMBIGUOUS : MatchOutcome.CONFIDENT;
  if (top.confidence >= t.confident && (!second || top.score - second.score >= t.margin)) return MatchOutcome.CONFIDENT;
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
  const abbr = await loadAbbreviations(em);
  const template = toTemplate(text, abbr);
  const segments = segmentsOf(text, 10, abbr);
  const base = { variableParts: parts, template, meaningful: segments.length > 0 };
  if (!segments.length) return { ...base, outcome: MatchOutcome.NONE, candidates: [] };
  const domainFilter = opts.domainId ? 'and i.domain_id = ?' : '';
  const domainParam = opts.domainId ? [opts.domainId] : [];

  const exact: Row[] = await em.execute(
    `select p.item_id, p.kind, i.title, i.domain_id, p.text, p.template
       from knowledge_phrase p join knowledge_item i on i.id = p.item_id
      where p.template = any(?::text[]) and p.bot_id = ? and p.active ${domainFilter}
      limit 20`,
    [pgArray(segments), botId, ...domainParam],
  );
  if (exact.length) {
    const candidates = rank(exact.map((r) => ({ itemId: r.item_id, title: r.title, domainId: r.domain_id, score: 1, exact: true, phrase: r.text, confidence: 1, unmatchedWords: [], kind: r.kind, matchedWords: r.template.split(' ').length, template: r.template })), limit);
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
    `select p.item_id, p.kind, i.title, i.domain_id, p.text, p.template, p.seg, p.sim,
            word_similarity(p.seg, p.template) as ws_in,
            word_similarity(p.template, p.seg) as ws_out
       from jsonb_to_recordset(?::jsonb) as q(seg text, words text[])
       cross join lateral (
         select c.*, similarity(c.template, q.seg) as sim, q.seg
           from (${PHRASES_WITH_WORDS_SQL.replace('?::text[]', 'q.words')}) c
          order by similarity(c.template, q.seg) desc
          limit 25
       ) p
       join knowledge_item i on i.id = p.item_id
      where true ${domainFilter}`,
    [JSON.stringify(probes), botId, CANDIDATES_PER_SEGMENT, ...domainParam],
  );
  const candidates = rank(
    rows.map((r) => {
      const score = pairScore(r);
      const unmatched = unmatchedWords(r.seg, r.template);
      return { itemId: r.item_id, title: r.title, domainId: r.domain_id, score, exact: false, phrase: r.text, confidence: confidenceOf(score, r.seg, unmatched), unmatchedWords: unmatched, kind: r.kind, matchedWords: r.seg.split(' ').length, template: r.template };
    }),
    limit,
  );
  return { ...base, outcome: decideOutcome(candidates, thresholds), candidates };
}

/**
 * Each word of the segments as the dictionary knows it, with the number of phrases using
 * it: the word itself, or for a word the dictionary lacks (a typo, most often) its
 * closest dictionary word when similar enough (pg_trgm GIN on the short words).
 */
/** The dictionary word closest to a typed one (pg_trgm `%` through the GIN trigram index). */
export const TYPO_CORRECTION_SQL = `select word, phrase_count from knowledge_word
  where word % ? and phrase_count > 0 and similarity(word, ?) >= ?
  order by similarity(word, ?) desc, word
  limit 1`;
export const typoCorrectionParams = (typed: string) => [typed, typed, TYPO_SIMILARITY, typed];

/** A bot's active phrases holding any of some words (the GIN index on the template's words). */
export const PHRASES_WITH_WORDS_SQL = `select p.item_id, p.kind, p.text, p.template from knowledge_phrase p
  where string_to_array(p.template, ' ') && ?::text[] and p.bot_id = ? and p.active
  limit ?`;

async function resolveWords(em: EntityManager, segments: string[]): Promise<Map<string, { word: string; count: number }>> {
  const all = [...new Set(segments.flatMap((s) => s.split(' ')).filter((w) => w.length >= 2))].slice(0, 60);
  const out = new Map<string, { word: string; count: number }>();
  const known: { word: string; phrase_count: number }[] = await em.execute(
    `select d.word, d.phrase_count from unnest(?::text[]) as q(w) join knowledge_word d on d.word = q.w where d.phrase_count > 0`,
    [pgArray(all)],
  );
  for (const k of known) out.set(k.word, { word: k.word, count: k.phrase_count });
  const missing = all.filter((w) => !out.has(w) && w.length >= 4);
  // one query per word, so the planner sees the word and uses the trigram index
  for (const typed of missing.slice(0, 12)) {
    const [fix]: { word: string; phrase_count: number }[] = await em.execute(TYPO_CORRECTION_SQL, typoCorrectionParams(typed));
    if (fix) out.set(typed, { word: fix.word, count: fix.phrase_count });
  }
  return out;
}

/**
 * Best score per item, best first (ties: the longer matched part of the paste, then an item's
 * own message before a listed one, then the shorter title and the id, for a stable order);
 * an item's confidence is the best of its pairs' (a paste may hold the message on one line
 * and greetings on another).
 */
function rank(all: MatchCandidate[], limit: number): MatchCandidate[] {
  const better = (a: MatchCandidate, b: MatchCandidate) => a.score - b.score || a.matchedWords - b.matchedWords || KIND_ORDER[b.kind] - KIND_ORDER[a.kind];
  const best = new Map<string, MatchCandidate>();
  for (const c of all) {
    const b = best.get(c.itemId);
    const surest = !b || c.confidence > b.confidence ? c : b;
    const top = !b || better(c, b) > 0 ? c : b;
    best.set(c.itemId, { ...top, confidence: surest.confidence, unmatchedWords: surest.unmatchedWords });
  }
  return [...best.values()]
    .sort((a, b) => better(b, a) || a.title.length - b.title.length || a.itemId.localeCompare(b.itemId))
    .slice(0, limit);
}
