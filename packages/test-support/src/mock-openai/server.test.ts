import { afterEach, describe, expect, it } from 'vitest';
import { openAIChunk, textAnswerChunks } from '../fixtures/openai-chunks.js';
import { TWO_CITY_ANSWER_ROUND, TWO_CITY_TOOL_ROUND } from '../fixtures/two-city-turn.js';
import { sseFrame } from './play.js';
import { startMockOpenAI } from './server.js';
import type { MockOpenAI, MockOpenAIOptions } from './types.js';

let mock: MockOpenAI | undefined;
afterEach(async () => {
  await mock?.stop();
  mock = undefined;
});

async function start(options?: MockOpenAIOptions): Promise<MockOpenAI> {
  mock = await startMockOpenAI(options);
  return mock;
}

type Message = { role: string; content: string | null };

function post(
  server: MockOpenAI,
  messages: Message[],
  init: { signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: JSON.stringify({ model: 'gpt-4o', stream: true, messages }),
    ...(init.signal ? { signal: init.signal } : {}),
  });
}

const user = (content: string): Message => ({ role: 'user', content });
const sse = (frames: unknown[]) => [...frames, '[DONE]'].map(sseFrame).join('');

describe('startMockOpenAI', () => {
  it('listens on 127.0.0.1 at a free port, base URL ending in /v1', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it('echo by default: the recorded-style SSE body, byte for byte, and the request recorded', async () => {
    const server = await start();
    const response = await post(server, [user('hi')], { headers: { authorization: 'Bearer k' } });
    expect([response.status, response.headers.get('content-type')]).toEqual([
      200,
      'text/event-stream; charset=utf-8',
    ]);
    expect(await response.text()).toBe(
      sse(textAnswerChunks('chatcmpl-echo', ['Echo', ': ', 'hi'])),
    );
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      index: 1,
      method: 'POST',
      path: '/v1/chat/completions',
      scenario: undefined,
      step: 0,
      headers: { authorization: 'Bearer k' },
      body: { model: 'gpt-4o', stream: true, messages: [user('hi')] },
      finished: true,
    });
  });

  it('a scenario named by the last user message; the step counts assistant turns after it', async () => {
    const server = await start();
    const first = await post(server, [user('scenario: two-tools')]);
    expect(await first.text()).toBe(sse([...TWO_CITY_TOOL_ROUND]));
    const second = await post(server, [
      user('scenario: two-tools'),
      { role: 'assistant', content: null },
      { role: 'tool', content: '{}' },
    ]);
    expect(await second.text()).toBe(sse([...TWO_CITY_ANSWER_ROUND]));
    expect(server.requests.map(({ scenario, step }) => [scenario, step])).toEqual([
      ['two-tools', 0],
      ['two-tools', 1],
    ]);
  });

  it('tests add scenarios, as steps or as a function of the request', async () => {
    const server = await start({
      scenarios: {
        mine: [{ status: 200, body: { ok: true } }],
        echo: (request) => ({ status: 418, body: { asked: request.body.messages.length } }),
      },
    });
    const mine = await post(server, [user('scenario: mine')]);
    expect([mine.status, mine.headers.get('content-type'), await mine.json()]).toEqual([
      200,
      'application/json',
      { ok: true },
    ]);
    const echo = await post(server, [user('a'), { role: 'assistant', content: 'b' }, user('c')]);
    expect([echo.status, await echo.json()]).toEqual([418, { asked: 3 }]);
  });

  it('a script without an answer is a 400 that says why', async () => {
    const server = await start();
    const unknown = await post(server, [user('scenario: nope')]);
    const beyond = await post(server, [
      user('scenario: http-500'),
      { role: 'assistant', content: 'x' },
    ]);
    expect([unknown.status, await unknown.json(), beyond.status, await beyond.json()]).toEqual([
      400,
      { error: { message: 'mock: unknown scenario nope', type: 'invalid_request_error' } },
      400,
      { error: { message: 'mock: http-500 has no step 1', type: 'invalid_request_error' } },
    ]);
  });

  it('replies: one per request in arrival order, whatever it asks; then a 400', async () => {
    const server = await start({
      replies: [
        { actions: [{ frame: openAIChunk('c1', { content: 'one' }) }, { frame: '[DONE]' }] },
        { status: 401, body: '{"error":{"message":"bad key"}}' },
      ],
    });
    expect(await (await post(server, [user('scenario: echo')])).text()).toBe(
      sse([openAIChunk('c1', { content: 'one' })]),
    );
    const second = await post(server, [user('x')]);
    expect([second.status, await second.text()]).toEqual([401, '{"error":{"message":"bad key"}}']);
    const third = await post(server, [user('x')]);
    expect([third.status, await third.json()]).toEqual([
      400,
      {
        error: {
          message: 'mock: request 3, but only 2 replies are scripted',
          type: 'invalid_request_error',
        },
      },
    ]);
  });

  it('HTTP errors carry their headers; a status without a body gets an OpenAI error', async () => {
    const server = await start({ scenarios: { bare: [{ status: 503 }] } });
    const limited = await post(server, [user('scenario: http-429')]);
    expect([limited.status, limited.headers.get('retry-after'), await limited.json()]).toEqual([
      429,
      '7',
      {
        error: {
          message: 'Rate limit reached for gpt-4o',
          type: 'requests',
          code: 'rate_limit_exceeded',
        },
      },
    ]);
    const bare = await post(server, [user('scenario: bare')]);
    expect([bare.status, await bare.json()]).toEqual([
      503,
      { error: { message: 'mock HTTP 503', type: 'server_error' } },
    ]);
  });

  it('other routes are a 404 and a body that is no chat request a 400; neither is recorded', async () => {
    const server = await start();
    const models = await fetch(`${server.url}/models`);
    const bad = await fetch(`${server.url}/chat/completions`, { method: 'POST', body: 'nope' });
    expect([models.status, await models.json(), bad.status, await bad.json()]).toEqual([
      404,
      { error: { message: 'mock: no route GET /v1/models', type: 'invalid_request_error' } },
      400,
      {
        error: {
          message: 'mock: the body is not a chat request: nope',
          type: 'invalid_request_error',
        },
      },
    ]);
    expect(server.requests).toEqual([]);
  });
});
