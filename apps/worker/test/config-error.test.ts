// Timeouts that contradict each other: every chat request answers 500 config_error, which
// names both vars; the other routes keep working; the problem is logged once, not per request.
import { createScriptedModel } from '@edgechat/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';
import { json, openaiEnv, postChat, userSays } from './helpers.js';

afterEach(() => vi.restoreAllMocks());

describe('a status wait not shorter than the first-byte timeout', () => {
  it('answers every POST /api/chat with 500 config_error, logged once', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const model = createScriptedModel([{ text: ['never sent'] }]);
    const app = createApp({ model, rateLimiter: null });
    const env = openaiEnv({ STATUS_WAIT_MS: '3000', FIRST_BYTE_TIMEOUT_MS: '2500' });
    const message =
      'STATUS_WAIT_MS (3000) must be less than FIRST_BYTE_TIMEOUT_MS (2500): the response ' +
      'waits for the upstream status at most that long, and the first-byte timeout must be ' +
      'able to end a stream that has started.';
    const answers = [];
    for (let i = 0; i < 2; i++) {
      const response = await postChat(app, userSays('hi'), env);
      answers.push([response.status, response.headers.get('content-type'), await json(response)]);
    }
    const expected = [500, 'application/json', { error: { code: 'config_error', message } }];
    expect(answers).toEqual([expected, expected]);
    expect(model.requests).toEqual([]);
    expect(error.mock.calls).toEqual([[`config: ${message}`]]);

    const health = await app.request('/api/health', {}, env);
    expect([health.status, await json(health)]).toEqual([200, { ok: true }]);
  });
});
