// The rate limiter runs after the checks that cost nothing, so requests those refuse (a hostile
// page's text/plain posts, another site's requests, bodies declared too large) never spend a
// visitor's bucket.
import { createScriptedModel } from '@edgechat/core/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { RateLimiter } from '../src/rate-limit.js';
import { chatInit, testEnv, userSays } from './helpers.js';

function counting(): RateLimiter & { keys: string[] } {
  const keys: string[] = [];
  return { keys, limit: async ({ key }) => (keys.push(key), { success: keys.length <= 20 }) };
}

describe('what the rate limiter sees', () => {
  it('refused by method, origin, content type or declared size: the limiter is not asked', async () => {
    const limiter = counting();
    const app = createApp({ model: createScriptedModel([{ text: 'ok' }]), rateLimiter: limiter });
    const ip = { 'cf-connecting-ip': '198.51.100.20' };
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const plain = await app.request(
        '/api/chat',
        { method: 'POST', headers: { ...ip, 'content-type': 'text/plain' }, body: 'hi' },
        testEnv(),
      );
      statuses.push(plain.status);
    }
    const evil = await app.request(
      '/api/chat',
      chatInit(userSays('hi'), { ...ip, origin: 'https://evil.example' }),
      testEnv(),
    );
    const huge = await app.request(
      '/api/chat',
      chatInit(userSays('hi'), { ...ip, 'content-length': String(10 * 1024 * 1024) }),
      testEnv(),
    );
    const put = await app.request('/api/chat', { method: 'PUT', headers: ip }, testEnv());
    expect([...new Set(statuses), evil.status, huge.status, put.status]).toEqual([
      415, 403, 413, 405,
    ]);
    expect(limiter.keys).toEqual([]);
    const real = await app.request('/api/chat', chatInit(userSays('hi'), ip), testEnv());
    expect(real.status).toBe(200);
    expect(limiter.keys).toEqual(['ip4:198.51.100.20']);
  });

  it('resume and stop are limited too, per client', async () => {
    const limiter = counting();
    const app = createApp({ rateLimiter: limiter });
    const ip = { 'cf-connecting-ip': '2001:db8:7:7::5' };
    await app.request('/api/chat/abcdefghijklmnopq/stream', { headers: ip }, testEnv());
    await app.request(
      '/api/chat/abcdefghijklmnopq/stop',
      { method: 'POST', headers: ip },
      testEnv(),
    );
    expect(limiter.keys).toEqual(['ip6:2001:db8:7:7::/64', 'ip6:2001:db8:7:7::/64']);
  });
});
