// POST /api/chat end to end inside workerd, with the core's scripted model injected through
// createApp: whole chunk sequences, what the model is sent, upstream faults after the stream
// started, the status wait, aborts, and the demo provider.
import {
  createToolRegistry,
  readUIMessageStream,
  SAFE_ERROR_MESSAGES,
  UI_MESSAGE_STREAM_HEADERS,
  type ChatModel,
  type UIMessageChunk,
} from '@edgechat/core';
import { createScriptedModel } from '@edgechat/core/testing';
import {
  NEW_YORK_CALL,
  SEOUL_CALL,
  TWO_CITY_FOLLOW_UP,
  TWO_CITY_NOW,
  TWO_CITY_QUESTION,
  TWO_CITY_SCRIPT,
  TWO_CITY_USAGE,
} from '@edgechat/test-support/fixtures';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';
import { DEFAULT_SYSTEM_PROMPT } from '../src/config.js';
import { SECURITY_HEADERS } from '../src/security-headers.js';
import { createTools } from '../src/tools.js';
import {
  chatInit,
  normalize,
  openaiEnv,
  parseWire,
  postChat,
  testEnv,
  userSays,
} from './helpers.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const USAGE = { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 };
const GET_CURRENT_TIME = createTools().definitions();

afterEach(() => vi.restoreAllMocks());

async function wire(response: Response): Promise<UIMessageChunk[]> {
  return parseWire(await response.text());
}

describe('POST /api/chat streams the turn', () => {
  it('a text answer: the whole sequence, headers included', async () => {
    const model = createScriptedModel([{ text: ['Hel', 'lo!'], usage: USAGE }]);
    const app = createApp({ model, rateLimiter: null });
    const response = await postChat(app, userSays('hi'), openaiEnv());
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toEqual({
      ...UI_MESSAGE_STREAM_HEADERS,
      ...SECURITY_HEADERS,
      'server-timing': expect.stringMatching(/^upstream;dur=\d+\.\d, worker;dur=\d+\.\d$/),
    });
    expect(normalize(await wire(response))).toEqual([
      { type: 'start', messageId: '<id>', messageMetadata: { model: 'gpt-4o' } },
      { type: 'start-step' },
      { type: 'text-start', id: '<text>' },
      { type: 'text-delta', id: '<text>', delta: 'Hel' },
      { type: 'text-delta', id: '<text>', delta: 'lo!' },
      { type: 'text-end', id: '<text>' },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'stop', messageMetadata: { usage: USAGE } },
    ]);
    expect(model.requests).toEqual([
      {
        messages: [
          { role: 'system', content: DEFAULT_SYSTEM_PROMPT },
          { role: 'user', content: 'hi' },
        ],
        tools: GET_CURRENT_TIME,
      },
    ]);
  });

  it('two parallel get_current_time calls, then the answer (DESIGN.md §3)', async () => {
    const model = createScriptedModel(TWO_CITY_SCRIPT);
    const app = createApp({ model, rateLimiter: null, now: () => new Date(TWO_CITY_NOW) });
    const response = await postChat(app, userSays(TWO_CITY_QUESTION), openaiEnv());
    const chunks = await wire(response);
    // Tool results arrive in completion order, which two instant tools do not fix: compare as a set.
    const outputs = chunks.filter((chunk) => chunk.type === 'tool-output-available');
    expect(outputs).toEqual(
      expect.arrayContaining([
        {
          type: 'tool-output-available',
          toolCallId: 'call_a',
          output: SEOUL_CALL.output,
          dynamic: true,
        },
        {
          type: 'tool-output-available',
          toolCallId: 'call_b',
          output: NEW_YORK_CALL.output,
          dynamic: true,
        },
      ]),
    );
    expect(normalize(chunks.filter((chunk) => chunk.type !== 'tool-output-available'))).toEqual([
      { type: 'start', messageId: '<id>', messageMetadata: { model: 'gpt-4o' } },
      { type: 'start-step' },
      {
        type: 'tool-input-start',
        toolCallId: 'call_a',
        toolName: 'get_current_time',
        dynamic: true,
      },
      { type: 'tool-input-delta', toolCallId: 'call_a', inputTextDelta: '{"timezone":"Asia/' },
      { type: 'tool-input-delta', toolCallId: 'call_a', inputTextDelta: 'Seoul"}' },
      {
        type: 'tool-input-start',
        toolCallId: 'call_b',
        toolName: 'get_current_time',
        dynamic: true,
      },
      {
        type: 'tool-input-delta',
        toolCallId: 'call_b',
        inputTextDelta: '{"timezone":"America/New_York"}',
      },
      {
        type: 'tool-input-available',
        toolCallId: 'call_a',
        toolName: 'get_current_time',
        input: { timezone: 'Asia/Seoul' },
        dynamic: true,
      },
      {
        type: 'tool-input-available',
        toolCallId: 'call_b',
        toolName: 'get_current_time',
        input: { timezone: 'America/New_York' },
        dynamic: true,
      },
      { type: 'finish-step' },
      { type: 'start-step' },
      { type: 'text-start', id: '<text>' },
      { type: 'text-delta', id: '<text>', delta: '서울은 ' },
      { type: 'text-delta', id: '<text>', delta: '오후 9시, ' },
      { type: 'text-delta', id: '<text>', delta: '뉴욕은 오전 8시입니다.' },
      { type: 'text-end', id: '<text>' },
      { type: 'finish-step' },
      {
        type: 'finish',
        finishReason: 'stop',
        messageMetadata: { usage: TWO_CITY_USAGE.total },
      },
    ]);
    expect(model.requests[1]?.messages.slice(1)).toEqual([
      { role: 'user', content: TWO_CITY_QUESTION },
      ...TWO_CITY_FOLLOW_UP,
    ]);
  });

  it('sends the model the configured system prompt and the history (UI messages with tool parts)', async () => {
    const model = createScriptedModel([{ text: 'ok' }]);
    const app = createApp({ model, rateLimiter: null });
    const body = {
      messages: [
        { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'time in Seoul?' }] },
        {
          id: 'a1',
          role: 'assistant',
          parts: [
            { type: 'step-start' },
            {
              type: 'dynamic-tool',
              toolName: 'get_current_time',
              toolCallId: 'c1',
              state: 'output-available',
              input: { timezone: 'Asia/Seoul' },
              output: { iso: 'x' },
            },
            { type: 'step-start' },
            { type: 'text', text: 'It is x.' },
          ],
        },
        { id: 'u2', role: 'user', parts: [{ type: 'text', text: 'thanks' }] },
      ],
    };
    await (await postChat(app, body, openaiEnv({ SYSTEM_PROMPT: 'Answer in one line.' }))).text();
    expect(model.requests[0]?.messages).toEqual([
      { role: 'system', content: 'Answer in one line.' },
      { role: 'user', content: 'time in Seoul?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'c1',
            type: 'function',
            function: { name: 'get_current_time', arguments: '{"timezone":"Asia/Seoul"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'c1', content: '{"iso":"x"}' },
      { role: 'assistant', content: 'It is x.' },
      { role: 'user', content: 'thanks' },
    ]);
  });

  it('uses the model the client picked from ALLOWED_MODELS', async () => {
    const app = createApp({ model: createScriptedModel([{ text: 'ok' }]), rateLimiter: null });
    const response = await postChat(app, { ...userSays('hi'), model: 'gpt-4o-mini' }, openaiEnv());
    expect((await wire(response))[0]).toMatchObject({
      type: 'start',
      messageMetadata: { model: 'gpt-4o-mini' },
    });
  });

  it('stops calling tools after MAX_STEPS: the last step is sent without tools', async () => {
    const call = { name: 'get_current_time', arguments: { timezone: 'UTC' } };
    const model = createScriptedModel([{ toolCalls: [call] }, { text: 'done' }]);
    const app = createApp({ model, rateLimiter: null, now: () => NOW });
    await (await postChat(app, userSays('time'), openaiEnv({ MAX_STEPS: '2' }))).text();
    expect(model.requests.map((request) => 'tools' in request)).toEqual([true, false]);
  });
});

describe('upstream faults after the stream started end in a clean error chunk', () => {
  const cases: {
    name: string;
    step: Parameters<typeof createScriptedModel>[0][number];
    errorText: string;
  }[] = [
    {
      name: 'an error frame',
      step: { text: ['The answer ', 'starts'], errorFrame: { message: 'overloaded' } },
      errorText: SAFE_ERROR_MESSAGES.upstream,
    },
    {
      name: 'a truncated stream',
      step: { text: ['The answer ', 'starts'], truncate: true },
      errorText: SAFE_ERROR_MESSAGES.truncated,
    },
  ];
  it.each(cases)('$name keeps the partial answer', async ({ step, errorText }) => {
    const app = createApp({ model: createScriptedModel([step]), rateLimiter: null });
    const response = await postChat(app, userSays('hi'), openaiEnv());
    expect(response.status).toBe(200);
    expect(normalize(await wire(response))).toEqual([
      { type: 'start', messageId: '<id>', messageMetadata: { model: 'gpt-4o' } },
      { type: 'start-step' },
      { type: 'text-start', id: '<text>' },
      { type: 'text-delta', id: '<text>', delta: 'The answer ' },
      { type: 'text-delta', id: '<text>', delta: 'starts' },
      { type: 'text-end', id: '<text>' },
      { type: 'error', errorText },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'error' },
    ]);
  });

  it('an HTTP error on a later step (after a tool round) is an error chunk, not a status', async () => {
    const model = createScriptedModel([
      { toolCalls: [{ id: 'c1', name: 'get_current_time', arguments: { timezone: 'UTC' } }] },
      { error: { status: 429 } },
    ]);
    const app = createApp({ model, rateLimiter: null, now: () => NOW });
    const response = await postChat(app, userSays('time'), openaiEnv());
    expect(response.status).toBe(200);
    expect(normalize(await wire(response))).toEqual([
      { type: 'start', messageId: '<id>', messageMetadata: { model: 'gpt-4o' } },
      { type: 'start-step' },
      { type: 'tool-input-start', toolCallId: 'c1', toolName: 'get_current_time', dynamic: true },
      { type: 'tool-input-delta', toolCallId: 'c1', inputTextDelta: '{"timezone":"UTC"}' },
      {
        type: 'tool-input-available',
        toolCallId: 'c1',
        toolName: 'get_current_time',
        input: { timezone: 'UTC' },
        dynamic: true,
      },
      {
        type: 'tool-output-available',
        toolCallId: 'c1',
        output: { timezone: 'UTC', iso: '<iso>', local: '<local>', utcOffset: '<offset>' },
        dynamic: true,
      },
      { type: 'finish-step' },
      { type: 'error', errorText: SAFE_ERROR_MESSAGES.rateLimited },
      { type: 'finish', finishReason: 'error' },
    ]);
  });
});

describe('STATUS_WAIT_MS: the response waits for the first status, but not longer', () => {
  /** A model whose first call answers only when `release` is called. */
  function heldModel(answer: () => Response) {
    let release = (): void => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const model: ChatModel = async ({ signal }) => {
      calls++;
      await Promise.race([
        released,
        new Promise((_resolve, reject) =>
          signal?.addEventListener('abort', () => reject(signal.reason)),
        ),
      ]);
      return answer();
    };
    return { model, release, calls: () => calls };
  }

  it('past the wait, `start` goes out while the upstream is still silent; a late 429 becomes an error chunk', async () => {
    const held = heldModel(
      () => new Response(null, { status: 429, headers: { 'retry-after': '5' } }),
    );
    const app = createApp({ model: held.model, rateLimiter: null });
    const response = await postChat(app, userSays('hi'), openaiEnv({ STATUS_WAIT_MS: '50' }));
    expect(response.status).toBe(200);
    const chunks = readUIMessageStream(response);
    const first = await chunks.next();
    expect([first.value?.type, held.calls()]).toEqual(['start', 1]);
    held.release();
    const rest: UIMessageChunk[] = [];
    for await (const chunk of chunks) rest.push(chunk);
    expect(rest).toEqual([
      { type: 'error', errorText: SAFE_ERROR_MESSAGES.rateLimited },
      { type: 'finish', finishReason: 'error' },
    ]);
  });

  it('within the wait, the same 429 is an HTTP 429', async () => {
    const held = heldModel(
      () => new Response(null, { status: 429, headers: { 'retry-after': '5' } }),
    );
    const app = createApp({ model: held.model, rateLimiter: null });
    const pending = postChat(app, userSays('hi'), openaiEnv({ STATUS_WAIT_MS: '5000' }));
    await new Promise((resolve) => setTimeout(resolve, 30));
    held.release();
    const response = await pending;
    expect([response.status, response.headers.get('retry-after')]).toEqual([429, '5']);
  });

  it('STATUS_WAIT_MS=0 commits at once', async () => {
    const held = heldModel(() => new Response(null, { status: 500 }));
    const app = createApp({ model: held.model, rateLimiter: null });
    const response = await postChat(app, userSays('hi'), openaiEnv({ STATUS_WAIT_MS: '0' }));
    expect(response.status).toBe(200);
    held.release();
    expect(normalize(await wire(response))).toEqual([
      { type: 'start', messageId: '<id>', messageMetadata: { model: 'gpt-4o' } },
      { type: 'error', errorText: SAFE_ERROR_MESSAGES.unavailable },
      { type: 'finish', finishReason: 'error' },
    ]);
  });
});

describe('stop means stop', () => {
  it('a client abort reaches the model call and its body; the stream ends with `abort`, nothing is logged', async () => {
    const error = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    const model = createScriptedModel([{ text: ['one', ' two'], hang: true }]);
    const app = createApp({ model, rateLimiter: null });
    const client = new AbortController();
    const response = await app.request(
      '/api/chat',
      { ...chatInit(userSays('hi')), signal: client.signal },
      openaiEnv(),
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes('" two"')) text += new TextDecoder().decode((await reader.read()).value);
    client.abort();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(parseWire(text).slice(-2)).toEqual([
      { type: 'text-end', id: expect.any(String) },
      { type: 'abort' },
    ]);
    expect(model.signals[0]?.aborted).toBe(true);
    expect(model.cancelled).toBe(1);
    expect([error.mock.calls, warn.mock.calls]).toEqual([[], []]);
  });

  it('a client that leaves while the response waits for the upstream status aborts the call at once', async () => {
    const error = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    let signal: AbortSignal | undefined;
    const model: ChatModel = (request) => {
      signal = request.signal;
      return new Promise((_resolve, reject) =>
        request.signal?.addEventListener('abort', () => reject(request.signal?.reason)),
      );
    };
    const app = createApp({ model, rateLimiter: null });
    const client = new AbortController();
    const pending = app.request(
      '/api/chat',
      { ...chatInit(userSays('hi')), signal: client.signal },
      openaiEnv({ STATUS_WAIT_MS: '30000', FIRST_BYTE_TIMEOUT_MS: '60000' }),
    );
    await vi.waitFor(() => expect(signal).toBeDefined());
    const abortedAt = Date.now();
    client.abort();
    const response = await pending;
    expect(Date.now() - abortedAt).toBeLessThan(500);
    expect(signal?.aborted).toBe(true);
    expect(normalize(await wire(response)).slice(-1)).toEqual([{ type: 'abort' }]);
    expect([error.mock.calls, warn.mock.calls]).toEqual([[], []]);
  });

  it('a client that stops reading (cancels the body) aborts the model too', async () => {
    const model = createScriptedModel([{ text: ['one'], hang: true }]);
    const app = createApp({ model, rateLimiter: null });
    const response = await postChat(app, userSays('hi'), openaiEnv());
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.cancel();
    await vi.waitFor(() => expect(model.signals[0]?.aborted).toBe(true));
  });
});

describe('without OPENAI_API_KEY: the demo model', () => {
  it('answers a time question with a tool round, offline', async () => {
    const app = createApp({ rateLimiter: null, now: () => NOW });
    const response = await postChat(app, userSays('What time is it in Seoul?'), testEnv());
    const chunks = await wire(response);
    expect(chunks[0]).toMatchObject({ type: 'start', messageMetadata: { model: 'edgechat-demo' } });
    expect(chunks.filter((chunk) => chunk.type === 'tool-output-available')).toEqual([
      {
        type: 'tool-output-available',
        toolCallId: expect.any(String),
        output: {
          timezone: 'Asia/Seoul',
          iso: '2026-03-01T21:00:00+09:00',
          local: '2026-03-01 21:00:00',
          utcOffset: '+09:00',
        },
        dynamic: true,
      },
    ]);
    expect(chunks.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
  });

  it('accepts no model but its own', async () => {
    const app = createApp({ rateLimiter: null, tools: createToolRegistry([]) });
    const response = await postChat(app, { ...userSays('hi'), model: 'gpt-4o' }, testEnv());
    expect([response.status, await response.json()]).toEqual([
      422,
      {
        error: {
          code: 'invalid_request',
          message: 'model: "gpt-4o" is not available (available: edgechat-demo)',
        },
      },
    ]);
  });
});
