import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors.js';
import { enforceRateLimit, type RateLimiter } from './rate-limit.js';

afterEach(() => vi.restoreAllMocks());

function limiter(success: boolean | Error) {
  const keys: string[] = [];
  const rateLimiter: RateLimiter = {
    async limit({ key }) {
      keys.push(key);
      if (success instanceof Error) throw success;
      return { success };
    },
  };
  return { rateLimiter, keys };
}

const request = (headers: Record<string, string> = {}) =>
  new Request('https://w.example/api/chat', { headers });

describe('enforceRateLimit', () => {
  it('keys by CF-Connecting-IP and lets a request under the limit through', async () => {
    const { rateLimiter, keys } = limiter(true);
    await enforceRateLimit(rateLimiter, request({ 'cf-connecting-ip': '2001:db8::1' }), 60);
    expect(keys).toEqual(['2001:db8::1']);
  });

  it('answers 429 with retry-after over the limit', async () => {
    const { rateLimiter } = limiter(false);
    const error = await enforceRateLimit(
      rateLimiter,
      request({ 'cf-connecting-ip': '203.0.113.1' }),
      10,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect([
      (error as ApiError).status,
      (error as ApiError).code,
      (error as ApiError).headers,
    ]).toEqual([429, 'rate_limited', { 'retry-after': '10' }]);
  });

  it("uses one shared key when the header is missing (never the case on Cloudflare's edge)", async () => {
    const { rateLimiter, keys } = limiter(true);
    await enforceRateLimit(rateLimiter, request(), 60);
    expect(keys).toEqual(['unknown']);
  });

  it('lets requests through without a binding', async () => {
    await expect(enforceRateLimit(undefined, request(), 60)).resolves.toBeUndefined();
  });

  it('lets requests through, with a warning, when the limiter itself fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { rateLimiter } = limiter(new Error('binding unavailable'));
    await expect(enforceRateLimit(rateLimiter, request(), 60)).resolves.toBeUndefined();
    expect(warn.mock.calls).toEqual([
      ['rate limiter failed, request let through: Error: binding unavailable'],
    ]);
  });
});
