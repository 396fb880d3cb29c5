import { DurableObject } from 'cloudflare:workers';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Tokens the whole deployment spent per UTC day (`YYYY-MM-DD`), one row a day, in one object
 * for the deployment. Only today and yesterday are kept — yesterday so that an isolate whose
 * clock is a moment behind at midnight cannot wipe today's count — so storage never grows.
 */
export class DailyBudget extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(
      'CREATE TABLE IF NOT EXISTS days (day TEXT PRIMARY KEY, tokens INTEGER NOT NULL)',
    );
  }

  /** Tokens spent on `day` so far (0 for a day with no row, or a malformed day). */
  used(day: string): number {
    if (!DAY.test(day)) return 0;
    const rows = this.sql
      .exec<{ tokens: number }>('SELECT tokens FROM days WHERE day = ?', day)
      .toArray();
    return rows[0]?.tokens ?? 0;
  }

  /** Adds `tokens` (rounded up; nothing for a non-positive or non-number) to `day`; returns its total. */
  add(day: string, tokens: number): number {
    if (!DAY.test(day)) return 0;
    const amount = Number.isFinite(tokens) && tokens > 0 ? Math.ceil(tokens) : 0;
    this.sql.exec('DELETE FROM days WHERE day < ?', dayBefore(day));
    if (amount > 0) {
      this.sql.exec(
        'INSERT INTO days (day, tokens) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET tokens = tokens + excluded.tokens',
        day,
        amount,
      );
    }
    return this.used(day);
  }
}

function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
