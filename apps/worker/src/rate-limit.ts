import { clientKey } from './client-key.js';
import { ApiError } from './errors.js';
import { logger } from './log.js';

/** The part of the Workers rate limiting binding we use (`env.RATE_LIMITER`). */
export interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/**
 * A `ratelimits` binding keyed by client (`clientKey`: the IPv4 address or the IPv6 /64)
 * answers 429 with `retry-after`. Without a limiter (a deployment without the binding) requests
 * pass. A limiter that fails *closes*: a 503 with `retry-after`, since letting everything
 * through while it is down would leave the host paying for whatever comes.
 */
export async function enforceRateLimit(
  limiter: RateLimiter | undefined,
  request: Request,
  retryAfterSeconds: number,
): Promise<void> {
  if (limiter === undefined) return;
  let success: boolean;
  try {
    ({ success } = await limiter.limit({ key: clientKey(request) }));
  } catch (error) {
    logger.warn('rate limiter failed, request refused', error);
    throw new ApiError(
      503,
      'rate_limiter_unavailable',
      'The service cannot check its request limits right now. Please try again shortly.',
      { 'retry-after': '10' },
    );
  }
  if (!success) {
    throw new ApiError(429, 'rate_limited', 'Too many requests: wait a minute and try again.', {
      'retry-after': String(retryAfterSeconds),
    });
  }
}
