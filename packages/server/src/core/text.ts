/** Small text helpers shared by searches and seeds. */

/** "Inès Lefèvre" → "Ines Lefevre": for accent-insensitive comparisons. */
export function withoutAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** A LIKE/ILIKE pattern matching `s` anywhere, with its own `%`, `_` and `\` taken literally. */
export function likeContains(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
