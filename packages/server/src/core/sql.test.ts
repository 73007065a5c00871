import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The server's own source (migrations are history: they keep the SQL they ran). */
const SRC = fileURLToPath(new URL('..', import.meta.url));
const sources = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('migrations'))
  .map((f) => ({ file: relative(SRC, join(SRC, f)), text: readFileSync(join(SRC, f), 'utf8') }));
const offenders = (test: (text: string, file: string) => boolean) => sources.filter((s) => test(s.text, s.file)).map((s) => s.file);

describe('raw SQL conventions (core/sql.ts)', () => {
  it('reads the whole source', () => {
    expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining([join('training', 'training.resolver.ts'), join('service-desk', 'ticket.service.ts')]));
  });

  it('a list is bound with pgArray: no hand-joined {a,b} literal, no JSON detour', () => {
    expect(offenders((t) => /`\{\$\{[^`]*\.join\(/.test(t) && !t.includes('export function pgArray'))).toEqual([]);
    expect(offenders((t) => t.includes('jsonb_array_elements_text'))).toEqual([]);
  });

  it('SQL in a transaction runs through em.execute, which finds the transaction itself (or the read path\'s send, the one place that binds values)', () => {
    expect(offenders((t) => t.includes('getTransactionContext()'))).toEqual([join('core', 'read.ts')]);
  });

  it('resolvers run no SQL of their own', () => {
    expect(offenders((t, f) => f.endsWith('.resolver.ts') && /\.execute\(/.test(t))).toEqual([]);
  });

  it('ticket and training statuses are written from their constants, never spelled in a string', () => {
    const statuses = /'(REQUESTED|VALIDATED|REFUSED|REGISTERED|WAITLISTED|CONFIRMED|HELD|SUBMITTED|IN_PROGRESS|WAITING_FOR_INFO|ESCALATED|RESOLVED|CLOSED|REOPENED|CANCELLED)'/;
    expect(offenders((t, f) => !f.endsWith('.enums.ts') && !f.startsWith('chatbot') && statuses.test(t))).toEqual([]);
  });
});
