// Another site's page may not make the worker answer (and pay): Origin / Sec-Fetch-Site checks
// before anything else, for every API route; servers and scripts send neither and pass.
import { createScriptedModel } from '@edgechat/core/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { chatInit, json, testEnv, userSays } from './helpers.js';

const model = createScriptedModel(Array.from({ length: 20 }, () => ({ text: 'ok' })));
const app = createApp({ model, rateLimiter: null });
const OWN = 'http://localhost';

function chat(headers: Record<string, string>, vars: Record<string, string> = {}) {
  return app.request('/api/chat', chatInit(userSays('hi'), headers), testEnv(vars));
}
const forbidden = (message: string) => [403, { error: { code: 'forbidden_origin', message } }];
const HINT = ' To call this worker from another site, add its origin to ALLOWED_ORIGINS.';

describe('requests from another site', () => {
  it('a cross-site page gets a JSON 403, before the model is called', async () => {
    const calls = model.requests.length;
    const response = await chat({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect([response.status, await json(response)]).toEqual(
      forbidden(`Requests from https://evil.example are not allowed here.${HINT}`),
    );
    expect(model.requests.length).toBe(calls);
  });

  it('Origin: null, a sibling subdomain, and Sec-Fetch-Site alone are other sites too', async () => {
    const cases: Record<string, string>[] = [
      { origin: 'null' },
      { origin: 'https://chat.localhost', 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of cases) {
      expect((await chat(headers)).status).toBe(403);
    }
    const noOrigin = await chat({ 'sec-fetch-site': 'cross-site' });
    expect([noOrigin.status, await json(noOrigin)]).toEqual(
      forbidden(`Requests from another site are not allowed here.${HINT}`),
    );
  });

  it('every API route is covered, the resume and stop routes included', async () => {
    const headers = { origin: 'https://evil.example' };
    for (const [path, init] of [
      ['/api/config', { headers }],
      ['/api/chat/abcdefghijklmnop/stream', { headers }],
      ['/api/chat/abcdefghijklmnop/stop', { method: 'POST', headers }],
    ] as const) {
      expect((await app.request(path, init, testEnv())).status).toBe(403);
    }
  });

  it('the app’s own pages, listed origins, `*`, and clients with no Origin are answered', async () => {
    expect((await chat({ origin: OWN, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await chat({ 'sec-fetch-site': 'none' })).status).toBe(200);
    expect((await chat({})).status).toBe(200);
    const listed = { ALLOWED_ORIGINS: 'https://app.example' };
    expect(
      (await chat({ origin: 'https://app.example', 'sec-fetch-site': 'cross-site' }, listed))
        .status,
    ).toBe(200);
    expect((await chat({ origin: 'https://other.example' }, listed)).status).toBe(403);
    expect((await chat({ origin: 'https://any.example' }, { ALLOWED_ORIGINS: '*' })).status).toBe(
      200,
    );
  });

  it('a preflight from an origin that is not allowed gets no CORS grant', async () => {
    const preflight = {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    };
    const response = await app.request(
      '/api/chat',
      preflight,
      testEnv({ ALLOWED_ORIGINS: 'https://app.example' }),
    );
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
