/** Small text helpers shared by searches, seeds, reports and mails. */

/** "Inès Lefèvre" → "Ines Lefevre": for accent-insensitive comparisons. */
export function withoutAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** A LIKE/ILIKE pattern matching `s` anywhere, with its own `%`, `_` and `\` taken literally. */
export function likeContains(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Text (or anything printable) made safe inside HTML, text and attribute values alike. */
export const escapeHtml = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
