import { GraphQLError } from 'graphql';
import type { Context } from '../core/context';
import type { CostBudget } from '../core/pipeline';
import { chargeApplicationCostBatched } from './rate-limit';
import { CORE_SITUATIONS as T } from '../core/core.messages';

/**
 * Applications spend a per-minute cost budget; people are not throttled here. Out of
 * budget → THROTTLED (HTTP 429, Retry-After) with the seconds to wait.
 */
export const applicationCostBudget: CostBudget = async (ctx: Context, cost: number) => {
  const viewer = ctx.viewer;
  if (viewer?.kind !== 'APPLICATION') return null;
  const charge = await chargeApplicationCostBatched(ctx.em, viewer.id, cost, ctx.config.rateLimitWindowSeconds);
  const info = { budget: charge.budgetPerMinute, windowSeconds: ctx.config.rateLimitWindowSeconds, remaining: charge.remaining, resetAt: charge.resetAt.toISOString() };
  if (!charge.allowed && cost > charge.budgetPerMinute) {
    // waiting would never help: this one query is bigger than a whole window's budget
    throw new GraphQLError(T['QUERY_TOO_COMPLEX.budget']({ cost, budget: charge.budgetPerMinute, seconds: ctx.config.rateLimitWindowSeconds }).render(), {
      extensions: { code: 'QUERY_TOO_COMPLEX', cost, rateLimit: info, http: { status: 400 } },
    });
  }
  if (!charge.allowed) {
    const retryAfterSeconds = Math.max(1, Math.ceil((charge.resetAt.getTime() - Date.now()) / 1000));
    throw new GraphQLError(T['THROTTLED.budget']({ budget: charge.budgetPerMinute, seconds: ctx.config.rateLimitWindowSeconds, retry: retryAfterSeconds }).render(), {
      extensions: { code: 'THROTTLED', retryAfterSeconds, rateLimit: info, http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } },
    });
  }
  return info;
};
