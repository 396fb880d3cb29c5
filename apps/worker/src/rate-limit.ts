import { ApiError } from './errors.js';
import { logger } from './log.js';

/** The part of the Workers rate limiting binding we use (`env.RATE_LIMITER`). */
export interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/**
 * A `ratelimits` binding keyed by `CF-Connecting-IP` answers 429 with `retry-after`.
 * Cloudflare sets CF-Connecting-IP on every request and a client cannot override it there.
 * Without a limiter (a deployment without the binding) requests pass. A limiter that fails is a
 * Cloudflare-side problem, not the visitor's: the request passes and a warning is logged.
 */
export async function enforceRateLimit(
  limiter: RateLimiter | undefined,
  request: Request,
  retryAfterSeconds: number,
): Promise<void> {
  if (limiter === undefined) return;
  const key = request.headers.get('cf-connecting-ip') ?? 'unknown';
  let success: boolean;
  try {
    ({ success } = await limiter.limit({ key }));
  } catch (error) {
    logger.warn('rate limiter failed, request let through', error);
    return;
  }
  if (!success) {
    throw new ApiError(429, 'rate_limited', 'Too many requests: wait a minute and try again.', {
      'retry-after': String(retryAfterSeconds),
    });
  }
}
