/** The query string every report takes: a period and a perimeter, validated like the statistics API's filters. */
import { z } from 'zod';
import { CORE_MESSAGES, CoreErrorCode, DomainError } from '../core/errors';
import { R } from './reports.messages';
import { day } from './format';

export interface ReportQuery {
  from: Date | null;
  to: Date | null;
  ministryId: string | null;
  structureId: string | null;
  botId: string | null;
  /** The raw query string ("?…" or ""), for links to the CSV. */
  search: string;
}

const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/, 'a date (YYYY-MM-DD) or an ISO instant')
  .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s))
  .refine((d) => Number.isFinite(d.getTime()), 'not a real date');

const schema = z.object({
  from: instant.optional(),
  to: instant.optional(),
  ministryId: z.string().max(200).optional(),
  structureId: z.string().max(200).optional(),
  botId: z.string().max(200).optional(),
  table: z.string().max(100).optional(),
});

export function parseReportQuery(query: unknown, rawUrl: string): ReportQuery & { table?: string } {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    const field = i.path.map(String);
    if (i.code === 'too_big') throw new DomainError(CoreErrorCode.TOO_LONG, CORE_MESSAGES.TOO_LONG({ max: Number(i.maximum), length: String(pathValue(query, field) ?? '').length }), field, { max: Number(i.maximum) });
    throw new DomainError(CoreErrorCode.INVALID_FORMAT, field[0] === 'from' || field[0] === 'to' ? R['INVALID_FORMAT.reportDate']() : CORE_MESSAGES.INVALID_FORMAT(), field);
  }
  const q = parsed.data;
  if (q.from && q.to && q.to <= q.from) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, R['VALIDATION_FAILED.statisticsPeriodOrder'](), ['to']);
  const at = rawUrl.indexOf('?');
  return { from: q.from ?? null, to: q.to ?? null, ministryId: q.ministryId ?? null, structureId: q.structureId ?? null, botId: q.botId ?? null, table: q.table, search: at >= 0 ? rawUrl.slice(at) : '' };
}

/** "du 01/01/2021 au 30/06/2021" (the `to` bound is exclusive: the day before is shown). */
export function periodText(q: Pick<ReportQuery, 'from' | 'to'>): string {
  const last = q.to ? new Date(q.to.getTime() - 1) : null;
  if (q.from && last) return R['REPORT.period.between']({ from: day(q.from), to: day(last) }).render();
  if (q.from) return R['REPORT.period.since']({ from: day(q.from) }).render();
  if (last) return R['REPORT.period.until']({ to: day(last) }).render();
  return R['REPORT.period.all']().render();
}

/** The raw value at `path` of the query string (for the length a TOO_LONG reports). */
function pathValue(query: unknown, path: string[]): unknown {
  let v = query;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}
