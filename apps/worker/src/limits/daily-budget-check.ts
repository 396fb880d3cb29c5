import type { WorkerConfig } from '../config.js';
import { ApiError } from '../errors.js';
import { logger } from '../log.js';
import type { Provider } from '../provider.js';
import type { DailyBudget } from './daily-budget.js';

// The deployment's daily token budget, as the worker uses it: checked before a turn starts,
// added to once the turn ended. The check and the add are apart on purpose: a turn's cost is
// known only at its end, and reserving a turn's worst case up front would refuse honest
// visitors long before the budget is really spent. So turns that start together all pass the
// check and the budget can be overshot by at most (turns in progress at once × one turn's
// maximum: MAX_TURN_PROMPT_BYTES / 4 + MAX_STEPS × MAX_TOKENS). The per-client rate and
// concurrency limits bound the first factor, the turn caps the second: a bounded, one-off
// overshoot, after which every new turn is refused until 00:00 UTC.

type Namespace = Env['DAILY_BUDGET'];

/** The one object that holds the deployment's counts. */
export const BUDGET_OBJECT_NAME = 'deployment';

/** `YYYY-MM-DD` of `now`, in UTC. */
export function utcDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Whole seconds from `now` to the next 00:00 UTC, at least 1. */
export function secondsUntilUtcMidnight(now: number): number {
  const date = new Date(now);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - now) / 1000));
}

function stubOf(namespace: Namespace): DurableObjectStub<DailyBudget> {
  return namespace.get(namespace.idFromName(BUDGET_OBJECT_NAME));
}

/**
 * Refuses a turn once today's budget is spent: a 429 `budget_spent` with `retry-after` until
 * 00:00 UTC. `dailyTokens` 0 (off) or no binding: nothing is checked. An object that fails
 * fails closed, like the rate limiter: a 503, since a budget that cannot be read protects
 * nothing.
 */
export async function assertBudgetLeft(
  namespace: Namespace | undefined,
  dailyTokens: number,
  now: number = Date.now(),
): Promise<void> {
  if (namespace === undefined || dailyTokens === 0) return;
  let used: number;
  try {
    used = await stubOf(namespace).used(utcDay(now));
  } catch (error) {
    logger.warn('daily budget failed, request refused', error);
    throw new ApiError(
      503,
      'budget_unavailable',
      "The service cannot check today's budget right now. Please try again shortly.",
      { 'retry-after': '10' },
    );
  }
  if (used >= dailyTokens) {
    throw new ApiError(
      429,
      'budget_spent',
      "Today's budget for this demo is spent. It resets at 00:00 UTC.",
      { 'retry-after': String(secondsUntilUtcMidnight(now)) },
    );
  }
}

/** Adds a finished turn's tokens to today's count. Never rejects: a lost add is logged. */
export async function recordTokens(
  namespace: Namespace | undefined,
  dailyTokens: number,
  tokens: number,
  now: number = Date.now(),
): Promise<void> {
  if (namespace === undefined || dailyTokens === 0 || !(tokens > 0)) return;
  try {
    await stubOf(namespace).add(utcDay(now), tokens);
  } catch (error) {
    logger.warn('daily budget: tokens not recorded', error);
  }
}

/** The binding, absent in a deployment whose config lost it (then there is no budget). */
export function budgetNamespace(env: Env): Namespace | undefined {
  return (env as Partial<Pick<Env, 'DAILY_BUDGET'>>).DAILY_BUDGET;
}

/** The budget in force: none for the offline demo model, which costs nothing. */
export function budgetOf(config: WorkerConfig, provider: Provider): number {
  return provider.name === 'demo' ? 0 : config.dailyTokenBudget;
}
