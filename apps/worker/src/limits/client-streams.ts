import { DurableObject } from 'cloudflare:workers';

/**
 * How many answers one client (`clientKey`) has in progress, across every isolate and every
 * chat: one object per client. Each answer holds a lease until it ends; a lease also expires
 * on its own (after the turn deadline and a margin), so a worker that died before releasing
 * cannot lock its client out.
 */
export class ClientStreams extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(
      'CREATE TABLE IF NOT EXISTS leases (id TEXT PRIMARY KEY, expires INTEGER NOT NULL)',
    );
  }

  /** Takes a lease unless `limit` are already held; `false` means the client is at its limit. */
  acquire(id: string, limit: number, ttlMs: number): boolean {
    const now = Date.now();
    this.sql.exec('DELETE FROM leases WHERE expires <= ?', now);
    const held = this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM leases').one().n;
    if (held >= limit) return false;
    this.sql.exec('INSERT OR REPLACE INTO leases (id, expires) VALUES (?, ?)', id, now + ttlMs);
    return true;
  }

  release(id: string): void {
    this.sql.exec('DELETE FROM leases WHERE id = ?', id);
  }
}
