// At most MAX_CONCURRENT_STREAMS answers per client at once, counted across isolates by the
// client's ClientStreams Durable Object; a slot is freed when the answer's body ends, fails or
// is cancelled.
import { createScriptedModel } from '@edgechat/core/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { chatInit, json, testEnv, userSays } from './helpers.js';

describe('concurrent answers per client', () => {
  it('the fourth at once gets a 429 with retry-after; finishing or cancelling one frees its slot', async () => {
    const model = createScriptedModel(
      Array.from({ length: 10 }, () => ({ text: ['x'], hang: true })),
    );
    const app = createApp({ model, rateLimiter: null });
    const env = testEnv({ MAX_CONCURRENT_STREAMS: '3' });
    const ip = { 'cf-connecting-ip': '198.51.100.77' };
    const open = [];
    for (let i = 0; i < 3; i++) {
      const response = await app.request('/api/chat', chatInit(userSays('hi'), ip), env);
      expect(response.status).toBe(200);
      open.push(response);
    }
    const fourth = await app.request('/api/chat', chatInit(userSays('hi'), ip), env);
    expect([fourth.status, fourth.headers.get('retry-after'), await json(fourth)]).toEqual([
      429,
      '5',
      {
        error: {
          code: 'too_many_streams',
          message: 'At most 3 answers at once: wait for one to finish, or stop it.',
        },
      },
    ]);
    // Another client is not affected.
    const other = await app.request(
      '/api/chat',
      chatInit(userSays('hi'), { 'cf-connecting-ip': '198.51.100.78' }),
      env,
    );
    expect(other.status).toBe(200);
    await other.body?.cancel();
    await open[0]!.body!.cancel();
    const again = await app.request('/api/chat', chatInit(userSays('hi'), ip), env);
    expect(again.status).toBe(200);
    for (const response of [...open.slice(1), again]) await response.body?.cancel();
  });

  it('an answer read to its end frees its slot: many in a row, never more than 1 at once', async () => {
    const model = createScriptedModel(Array.from({ length: 5 }, () => ({ text: 'ok' })));
    const app = createApp({ model, rateLimiter: null });
    const env = testEnv({ MAX_CONCURRENT_STREAMS: '1' });
    const ip = { 'cf-connecting-ip': '198.51.100.80' };
    for (let i = 0; i < 5; i++) {
      const response = await app.request('/api/chat', chatInit(userSays(`q${i}`), ip), env);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('"type":"finish"');
    }
  });

  it('a refused request (4xx before the stream) holds no slot', async () => {
    const model = createScriptedModel([
      { error: { status: 429 } },
      { error: { status: 429 } },
      { text: 'ok' },
    ]);
    const app = createApp({ model, rateLimiter: null });
    const env = testEnv({ MAX_CONCURRENT_STREAMS: '1' });
    const ip = { 'cf-connecting-ip': '198.51.100.79' };
    expect((await app.request('/api/chat', chatInit(userSays('a'), ip), env)).status).toBe(429);
    expect((await app.request('/api/chat', chatInit(userSays('b'), ip), env)).status).toBe(429);
    const ok = await app.request('/api/chat', chatInit(userSays('c'), ip), env);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('"type":"finish"');
  });
});
