/**
 * Turning a pasted Chorus message into a comparable template: pure functions, no database.
 *
 * Both sides go through the same steps, so a stored message written with `XXX` and a
 * pasted one carrying `1508892764/00003` end up as the same string:
 *   "erreur dans le système de gestion : Poste de pièce 1508892764/00003 n'a pas encore été reporté…"
 *   → "poste piece encore reporte dans exercice cours"
 * Variable parts become a placeholder, then drop out of the template with the function words.
 */

/** The token variable parts become before they drop out of a template. */
export const PLACEHOLDER = 'xxx';

/** Kinds of variable parts pulled out of a pasted message (the ticket request carries them). */
export type VariablePartKind = 'DOCUMENT_NUMBER' | 'AMOUNT' | 'DATE' | 'FINANCIAL_CODE' | 'NUMBER';

export interface VariablePart {
  kind: VariablePartKind;
  value: string;
}

/** Longest text the matcher looks at; the rest of a huge paste is noise. */
export const MAX_MATCHED_CHARS = 2000;

/**
 * Chorus (SAP) wraps most back-end messages in "Erreur dans le système de gestion :" (or
 * "."); users add their own "Message d'erreur :". Matched on the normalised text, typos
 * in "système" included, anywhere in the paste.
 */
const PREFIXES = [/\berreur dans le s[a-z]{3,7} de gestion\b/g, /\bmessage (d )?(erreur|sap)\b/g];

// Order matters: the most specific shapes first, each replaced before the next runs.
const VARIABLE_PATTERNS: { kind: VariablePartKind; re: RegExp }[] = [
  // dates: 05.09.2015, 05/09/2015, 2021-07-01
  { kind: 'DATE', re: /\b(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})\b/g },
  // amounts: 1 234,56 €, 1234.56 EUR, 12 000 euros
  { kind: 'AMOUNT', re: /\b\d{1,3}(?:[ \u00a0.]\d{3})*(?:,\d{1,2})?\s?(?:€|eur\b|euros?\b)|\b\d+(?:[.,]\d{1,2})?\s?(?:€|eur\b|euros?\b)/gi },
  // document numbers with a post: 1508892764/00003, 220514223000005 / 10
  { kind: 'DOCUMENT_NUMBER', re: /\b\d{4,}\s?\/\s?\d{1,6}\b/g },
  // financial-centre and budget codes: 0141-CDBU-DR69, 0010220-C074-C000010020-000, 0230-ACLY-SG
  { kind: 'FINANCIAL_CODE', re: /\b(?=[A-Z0-9-]*\d)[A-Z0-9]{2,12}(?:-[A-Z0-9]{1,12}){1,4}\b/gi },
  // long numbers: document numbers, EJ numbers, years
  { kind: 'DOCUMENT_NUMBER', re: /\b\d{4,}\b/g },
  // short alphanumeric codes: BG00, 9G, C074, ME21N (letters and digits mixed)
  { kind: 'FINANCIAL_CODE', re: /\b(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{2,10}\b/gi },
];

/**
 * French function words. They carry little meaning in an error message, and their
 * trigrams (" de", "le ", …) sit in almost every row of the trigram index, which makes
 * similarity search slow; both sides drop them.
 */
const STOP_WORDS = new Set(
  'a au aux avec ce ces cet cette d de des du en et il ils l la le les n ne pas par pour qu que qui s sa se ses sur un une y est sont ete etre a ont'.split(' '),
);

// stored messages write variable parts as XXX, XX, XXXX-XXXX-XXXX, XXXXXX/XXXXX
const STORED_PLACEHOLDER = /\bX{2,}(?:[-/]X{2,})*\b/g;

/** Strips HTML tags and entities a user may paste from a web page. */
function stripMarkup(text: string): string {
  return text
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|#39|apos);/gi, ' ');
}

/**
 * Lower-cases, removes accents, the `erreur dans le système de gestion :` prefix,
 * punctuation and extra whitespace. Variable parts must already be replaced.
 */
export function normaliseText(text: string): string {
  let t = stripMarkup(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    // anything that is not a letter or a digit separates words
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  for (const p of PREFIXES) t = t.replace(p, ' ');
  t = t.replace(/ {2,}/g, ' ').trim();
  // Variable parts carry no meaning for matching, and editors do not always mark them
  // (the source stores "Poste de pièce n'a pas encore été reporté…" without XXX).
  return t
    .split(' ')
    // lone short numbers ("version 0", "étape 3") and a lone X placeholder carry no meaning either
    .filter((w) => w && w !== PLACEHOLDER && w !== 'x' && !/^\d{1,3}$/.test(w) && !STOP_WORDS.has(w))
    .join(' ');
}

/** Replaces variable parts with placeholders, returning the parts found (in order, deduplicated). */
export function extractVariableParts(text: string): { text: string; parts: VariablePart[] } {
  const parts: VariablePart[] = [];
  const seen = new Set<string>();
  let t = text.replace(STORED_PLACEHOLDER, ` ${PLACEHOLDER.toUpperCase()} `);
  for (const { kind, re } of VARIABLE_PATTERNS) {
    t = t.replace(re, (m) => {
      const value = m.trim();
      if (/^x+$/i.test(value)) return m;
      if (!seen.has(value)) {
        seen.add(value);
        parts.push({ kind, value });
      }
      return ` ${PLACEHOLDER.toUpperCase()} `;
    });
  }
  return { text: t, parts };
}

/**
 * SAP's abbreviations ("autoris." autorisation, "ds" dans, "Ctre" centre …), as the
 * knowledge editors keep them (table knowledge_abbreviation): keyed by the folded short
 * form (lower case, no accent, no dot). `dotted` ones are read only when a dot follows
 * ("fin." is financier, "fin" stays fin).
 */
export interface Abbreviations {
  plain: ReadonlyMap<string, string>;
  dotted: ReadonlyMap<string, string>;
}
export const NO_ABBREVIATIONS: Abbreviations = { plain: new Map(), dotted: new Map() };

/** Lower case, no accent, no trailing dot: how a short form is looked up. */
export function foldShortForm(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim().replace(/\.$/, '');
}

export function compileAbbreviations(rows: readonly { shortForm: string; expansion: string; onlyWithDot: boolean }[]): Abbreviations {
  const plain = new Map<string, string>();
  const dotted = new Map<string, string>();
  for (const r of rows) (r.onlyWithDot ? dotted : plain).set(foldShortForm(r.shortForm), r.expansion);
  return { plain, dotted };
}

/** Writes each abbreviation of the text out in full ("Aucune autoris. pr périm." → "Aucune autorisation pour périmètre"). */
export function expandAbbreviations(text: string, abbr: Abbreviations): string {
  if (!abbr.plain.size && !abbr.dotted.size) return text;
  return text.replace(/[\p{L}\p{N}]+(\.)?/gu, (token, dot: string | undefined) => {
    const word = dot ? token.slice(0, -1) : token;
    const key = foldShortForm(word);
    if (dot && abbr.dotted.has(key)) return `${abbr.dotted.get(key)} `;
    const full = abbr.plain.get(key);
    // the dot of an abbreviation is not the end of a sentence
    return full ? (dot ? `${full} ` : full) : token;
  });
}

/** The comparable form of one message: abbreviations written out, placeholders in, accents, case, prefix and punctuation out. */
export function toTemplate(text: string, abbr: Abbreviations = NO_ABBREVIATIONS): string {
  return normaliseText(extractVariableParts(expandAbbreviations(text.slice(0, MAX_MATCHED_CHARS), abbr)).text);
}

/** Words of at least two letters: a template with none is only noise (punctuation, emoji, numbers). */
export function meaningfulWords(template: string): string[] {
  return template.split(' ').filter((w) => /[a-z]{2,}/.test(w));
}

/**
 * The pieces of a paste worth matching on their own: the whole text, each line, and
 * each sentence of a line, so a message pasted between "Bonjour" and "Merci" is found.
 * Returns distinct templates with at least two meaningful words, longest first.
 */
export function segmentsOf(text: string, max = 10, abbr: Abbreviations = NO_ABBREVIATIONS): string[] {
  const cut = expandAbbreviations(text.slice(0, MAX_MATCHED_CHARS), abbr);
  const pieces = new Set<string>();
  const add = (s: string) => {
    const t = toTemplate(s);
    if (meaningfulWords(t).length >= 2 && t.length <= 400) pieces.add(t);
  };
  add(cut);
  const lines = cut.split(/\r?\n|\u2028/).map((l) => l.trim()).filter(Boolean);
  if (lines.length > 1) for (const l of lines) add(l);
  for (const l of lines) {
    // "Message : …" or "…. Autre phrase": the error may be one sentence of the line
    const sentences = l.split(/(?<=[a-zà-ÿ)]{2})[.!?;]\s+|\s:\s/i).map((s) => s.trim()).filter(Boolean);
    if (sentences.length > 1) for (const s of sentences) add(s);
  }
  return [...pieces].sort((a, b) => b.length - a.length).slice(0, max);
}
