import type { EntityManager } from '@mikro-orm/postgresql';
import { KeyedBatcher } from '../core/keyed-queue';

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
  // now and then, unawaited: on the pool, outside any transaction of the caller's entity manager
  if (Math.random() < 0.01) void em.getConnection().execute(`delete from application_cost_window where window_start < now() - interval '1 hour'`).catch(() => undefined);
  if (row.spent === null) return { allowed: false, budgetPerMinute: row.budget, remaining: Math.max(0, row.budget - (row.before ?? 0)), resetAt };
  return { allowed: true, budgetPerMinute: row.budget, remaining: row.budget - row.spent, resetAt };
}

interface ChargeItem {
  em: EntityManager;
  cost: number;
}

/**
 * Concurrent charges of one application on this instance go to PostgreSQL together: a
 * burst of a hundred calls (a retry storm) is one statement on the budget's row, not a
 * hundred queued for the pool and for that row's lock. When the whole batch fits, it is
 * charged at once and each call learns what remained after it; otherwise each is charged
 * in turn, so calls are refused exactly as one by one.
 */
const charges = new KeyedBatcher<ChargeItem, Charge>(async (key, items) => {
  const [applicationId, window] = key.split('|');
  const windowSeconds = Number(window);
  const em = items[0].em;
  const total = items.reduce((n, i) => n + i.cost, 0);
  if (items.length > 1) {
    const all = await chargeApplicationCost(em, applicationId, total, windowSeconds);
    if (all.allowed) {
      let after = all.budgetPerMinute - all.remaining - total;
      return items.map((i) => {
        after += i.cost;
        return { ...all, remaining: all.budgetPerMinute - after };
      });
    }
  }
  const out: Charge[] = [];
  for (const i of items) out.push(await chargeApplicationCost(em, applicationId, i.cost, windowSeconds));
  return out;
});

/** Charges one call's cost, batched with the same application's concurrent calls. */
export function chargeApplicationCostBatched(em: EntityManager, applicationId: string, cost: number, windowSeconds = 60): Promise<Charge> {
  return charges.run(`${applicationId}|${windowSeconds}`, { em, cost });
}
