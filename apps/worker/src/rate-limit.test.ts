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
  it('keys by the client (an IPv6 /64) and lets a request under the limit through', async () => {
    const { rateLimiter, keys } = limiter(true);
    await enforceRateLimit(rateLimiter, request({ 'cf-connecting-ip': '2001:db8::1' }), 60);
    await enforceRateLimit(rateLimiter, request({ 'cf-connecting-ip': '2001:db8::2:1' }), 60);
    expect(keys).toEqual(['ip6:2001:db8:0:0::/64', 'ip6:2001:db8:0:0::/64']);
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

  it("requests without an IP get a bucket of their own (never the case on Cloudflare's edge)", async () => {
    const { rateLimiter, keys } = limiter(true);
    await enforceRateLimit(rateLimiter, request(), 60);
    expect(keys).toEqual(['no-ip']);
  });

  it('lets requests through without a binding', async () => {
    await expect(enforceRateLimit(undefined, request(), 60)).resolves.toBeUndefined();
  });

  it('fails closed, with a warning and a 503 with retry-after, when the limiter itself fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { rateLimiter } = limiter(new Error('binding unavailable'));
    const error = (await enforceRateLimit(rateLimiter, request(), 60).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect([error.status, error.code, error.headers]).toEqual([
      503,
      'rate_limiter_unavailable',
      { 'retry-after': '10' },
    ]);
    expect(warn.mock.calls).toEqual([
      ['rate limiter failed, request refused: Error: binding unavailable'],
    ]);
  });
});
