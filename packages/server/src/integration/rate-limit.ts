import type { EntityManager } from '@mikro-orm/postgresql';

export interface Charge {
  allowed: boolean;
  budgetPerMinute: number;
  remaining: number;
  resetAt: Date;
}

/**
 * Charges `cost` to the application's budget of the current minute, in one statement so
 * that every server instance shares the count. A refused call spends nothing.
 */
export async function chargeApplicationCost(em: EntityManager, applicationId: string, cost: number, windowSeconds = 60): Promise<Charge> {
  const rows = await em.execute<{ spent: number | null; budget: number; window_start: Date }[]>(
    `with b as (select least(ceil(cost_budget_per_minute::numeric * ? / 60.0), 2147483647)::int as budget from application_client where id = ?),
          w as (select to_timestamp(floor(extract(epoch from now()) / ?) * ?) as window_start),
          up as (
            insert into application_cost_window (application_id, window_start, spent)
            select ?, w.window_start, ? from b, w where ? <= b.budget
            on conflict (application_id, window_start)
              do update set spent = application_cost_window.spent + excluded.spent
              where application_cost_window.spent + excluded.spent <= (select budget from b)
            returning spent)
     select (select spent from up) as spent,
            (select budget from b) as budget,
            (select window_start from w) as window_start,
            (select spent from application_cost_window c, w where c.application_id = ? and c.window_start = w.window_start) as before`,
    [windowSeconds, applicationId, windowSeconds, windowSeconds, applicationId, cost, cost, applicationId],
  );
  const row = rows[0] as unknown as { spent: number | null; budget: number; window_start: Date; before: number | null };
  const resetAt = new Date(new Date(row.window_start).getTime() + windowSeconds * 1000);
  if (Math.random() < 0.01) void em.getConnection().execute(`delete from application_cost_window where window_start < now() - interval '1 hour'`).catch(() => undefined);
  if (row.spent === null) return { allowed: false, budgetPerMinute: row.budget, remaining: Math.max(0, row.budget - (row.before ?? 0)), resetAt };
  return { allowed: true, budgetPerMinute: row.budget, remaining: row.budget - row.spent, resetAt };
}
