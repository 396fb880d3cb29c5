// End to end: a real `wrangler dev` (workerd, the wrangler.jsonc bindings, the assets) talking
// to the mock OpenAI server over real sockets: the stream, incremental delivery, stop, upstream
// faults, and the rest of the product on the same port, one describe each.
import { readUIMessageStream as readCoreStream, type UIMessageChunk } from '@edgechat/core';
import { joinDeltas } from '@edgechat/core/testing';
import * as aiLatest from 'ai-latest';
import * as aiV5 from 'ai-v5';
import * as aiV6 from 'ai-v6';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TWO_CITY_ANSWER_TEXT, TWO_CITY_USAGE } from '@edgechat/test-support/fixtures';
import {
  startMockOpenAI,
  type MockOpenAI,
  type MockRequest,
} from '@edgechat/test-support/mock-openai';
import { startWranglerDev, type WranglerDev } from '@edgechat/test-support/wrangler-dev';

const KEY = 'sk-e2e-planted-key-4f1d2c3b-DO-NOT-LEAK';
const SECURITY_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
  'strict-transport-security',
  'cross-origin-opener-policy',
  'permissions-policy',
];

let mock: MockOpenAI;
let dev: WranglerDev;
let ip = 0;

beforeAll(async () => {
  mock = await startMockOpenAI();
  dev = await startWranglerDev({
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: mock.url,
    FIRST_BYTE_TIMEOUT_MS: '1500',
    IDLE_TIMEOUT_MS: '1500',
    STATUS_WAIT_MS: '400',
  });
});

afterAll(async () => {
  await dev?.stop();
  await mock?.stop();
});

/** Locally wrangler passes CF-Connecting-IP through: a fresh one per chat keeps the rate limiter out of the way. */
function chat(text: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${dev.url}/api/chat`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // As the web app asks: AI SDK 6's chunk set (finishReason, tool-input-error).
      'x-edgechat-chunk-set': '6',
      'cf-connecting-ip': `198.51.100.${++ip % 250}`,
      ...init.headers,
    },
    body: JSON.stringify({ messages: [{ role: 'user', content: text }] }),
    ...(init.signal ? { signal: init.signal } : {}),
  });
}

async function chunksOf(response: Response): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of readCoreStream(response)) chunks.push(chunk);
  return chunks;
}

const textOf = (chunks: UIMessageChunk[]) =>
  chunks.flatMap((chunk) => (chunk.type === 'text-delta' ? [chunk.delta] : [])).join('');

/** Ids and clock readings out; deltas joined (the worker sends what one upstream read brought as one). */
function normalize(chunks: UIMessageChunk[]): unknown[] {
  return joinDeltas(chunks).map((chunk) => {
    if (chunk.type === 'start') return { ...chunk, messageId: '<id>' };
    if ('id' in chunk && chunk.type.startsWith('text-')) return { ...chunk, id: '<text>' };
    if (chunk.type === 'tool-output-available') {
      const output = chunk.output as { timezone: string; iso: string };
      expect(output.iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      return { ...chunk, output: { timezone: output.timezone } };
    }
    return chunk;
  });
}

async function nextRequest(scenario: string): Promise<MockRequest> {
  for (;;) {
    const request = await mock.nextRequest();
    if (request.scenario === scenario) return request;
  }
}

describe('the streamed chunks', () => {
  it('two parallel get_current_time calls, then the answer; the upstream request as OpenAI wants it', async () => {
    const before = mock.requests.length;
    const response = await chat('scenario: two-tools');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    const chunks = await chunksOf(response);
    const outputs = chunks.filter((chunk) => chunk.type === 'tool-output-available');
    expect(normalize(outputs)).toEqual(
      expect.arrayContaining([
        {
          type: 'tool-output-available',
          toolCallId: 'call_a',
          output: { timezone: 'Asia/Seoul' },
          dynamic: true,
        },
        {
          type: 'tool-output-available',
          toolCallId: 'call_b',
          output: { timezone: 'America/New_York' },
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
      { type: 'tool-input-delta', toolCallId: 'call_a', inputTextDelta: 'Seoul"}' },
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
      { type: 'text-delta', id: '<text>', delta: TWO_CITY_ANSWER_TEXT },
      { type: 'text-end', id: '<text>' },
      { type: 'finish-step' },
      {
        type: 'finish',
        finishReason: 'stop',
        messageMetadata: {
          usage: expect.objectContaining(TWO_CITY_USAGE.total),
        },
      },
    ]);

    const [first, second] = mock.requests.slice(before);
    expect(first?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect({ ...first?.body, messages: first?.body.messages.slice(1) }).toEqual({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'scenario: two-tools' }],
      tools: [
        expect.objectContaining({
          type: 'function',
          function: expect.objectContaining({ name: 'get_current_time' }),
        }),
      ],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.1,
      max_tokens: 2048,
    });
    expect(
      second?.body.messages.slice(2).map((message) => [message.role, message.tool_call_id ?? null]),
    ).toEqual([
      ['assistant', null],
      ['tool', 'call_a'],
      ['tool', 'call_b'],
    ]);
  });

  // Each AI SDK major's own client, as a stranger's app would use it, with no edgechat header:
  // the default stream must pass their chunk schemas (strict before 7.0) and build the message.
  const clients = [
    ['5.0.0', aiV5],
    ['6.0.0', aiV6],
    ['latest (7.x)', aiLatest],
  ] as const;
  /** One question through an AI SDK major's own DefaultChatTransport; its last message. */
  async function answerThrough(
    ai: (typeof clients)[number][1],
    text: string,
    { chatId, ip }: { chatId: string; ip: string },
  ): Promise<aiV6.UIMessage | undefined> {
    const sdk = ai as unknown as typeof aiV6;
    const transport = new sdk.DefaultChatTransport<aiV6.UIMessage>({
      api: `${dev.url}/api/chat`,
      headers: { 'cf-connecting-ip': ip },
    });
    const stream = await transport.sendMessages({
      chatId,
      messageId: undefined,
      trigger: 'submit-message',
      abortSignal: undefined,
      messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }],
    });
    let last: aiV6.UIMessage | undefined;
    for await (const message of sdk.readUIMessageStream({ stream, terminateOnError: true }))
      last = message;
    return last;
  }

  it.each(clients)(
    'AI SDK %s: its transport + readUIMessageStream build the whole message',
    async (_version, ai) => {
      const last = await answerThrough(ai, 'scenario: two-tools', {
        chatId: 'chat-e2e-aisdk-transport-01',
        ip: '192.0.2.200',
      });
      expect(last?.role).toBe('assistant');
      expect(last?.metadata).toEqual({
        model: 'gpt-4o',
        usage: expect.objectContaining(TWO_CITY_USAGE.total),
      });
      expect(
        last?.parts.map((part) =>
          part.type === 'dynamic-tool'
            ? { type: part.type, toolCallId: part.toolCallId, state: part.state, input: part.input }
            : part,
        ),
      ).toEqual([
        { type: 'step-start' },
        {
          type: 'dynamic-tool',
          toolCallId: 'call_a',
          state: 'output-available',
          input: { timezone: 'Asia/Seoul' },
        },
        {
          type: 'dynamic-tool',
          toolCallId: 'call_b',
          state: 'output-available',
          input: { timezone: 'America/New_York' },
        },
        { type: 'step-start' },
        { type: 'text', text: TWO_CITY_ANSWER_TEXT, state: 'done' },
      ]);
    },
  );

  it.each(clients)(
    'AI SDK %s reads a thinking model’s answer: a reasoning part, then the text',
    async (_version, ai) => {
      const last = await answerThrough(ai, 'scenario: reasoning', {
        chatId: 'chat-e2e-aisdk-reasoning-01',
        ip: '192.0.2.201',
      });
      // 7.x also keeps the reasoning id and an undefined providerMetadata on the parts.
      expect(last?.parts).toMatchObject([
        { type: 'step-start' },
        { type: 'reasoning', text: 'Two plus two is four.', state: 'done' },
        { type: 'text', text: 'It is 4.', state: 'done' },
      ]);
    },
  );
});

describe('incremental delivery', () => {
  it('`start` before the upstream answers; each delta reaches the client before the next is sent', async () => {
    const arrived = nextRequest('step-by-step');
    const response = await chat('scenario: step-by-step');
    const reader = readCoreStream(response)[Symbol.asyncIterator]();
    const next = async () => (await reader.next()).value as UIMessageChunk;

    // The upstream has not sent even its headers: `start` comes from the worker alone.
    expect((await next()).type).toBe('start');
    const upstream = await arrived;
    mock.release('headers');
    expect([(await next()).type, (await next()).type]).toEqual(['start-step', 'text-start']);
    expect(await next()).toMatchObject({ type: 'text-delta', delta: 'one' });
    // The mock now waits for `delta-1`: had the worker buffered, the test would hang here.
    mock.release('delta-1');
    expect(await next()).toMatchObject({ type: 'text-delta', delta: ' two' });
    mock.release('delta-2');
    expect(await next()).toMatchObject({ type: 'text-delta', delta: ' three' });
    const rest: string[] = [];
    for (let result = await reader.next(); !result.done; result = await reader.next())
      rest.push(result.value.type);
    expect(rest).toEqual(['text-end', 'finish-step', 'finish']);
    await upstream.closed;
    expect(upstream.finished).toBe(true);
  });
});

describe('stop means stop', () => {
  it('a client abort mid-stream closes the upstream request within 1 s', async () => {
    const arrived = nextRequest('endless');
    const client = new AbortController();
    const response = await chat('scenario: endless', { signal: client.signal });
    const upstream = await arrived;
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes('" tick"')) text += new TextDecoder().decode((await reader.read()).value);
    const abortedAt = performance.now();
    client.abort();
    await Promise.race([upstream.closed, new Promise((resolve) => setTimeout(resolve, 3000))]);
    expect(upstream.closedAt).toBeDefined();
    expect(upstream.finished).toBe(false);
    expect((upstream.closedAt as number) - abortedAt).toBeLessThan(1000);
  });
  // An abort before the response exists is covered in workerd (test/chat-stream.test.ts): under
  // `wrangler dev` the request passes through wrangler's ProxyWorker, whose inner fetch does not
  // follow the client's disconnect until the worker responds (see README).
});

describe('upstream faults after the stream started: a clean `error` chunk, the partial answer kept', () => {
  it.each([
    ['cut-mid-stream', 'The answer was cut off before it finished. Please try again.'],
    ['error-frame', 'The model service failed while answering. Please try again.'],
    ['truncated', 'The answer was cut off before it finished. Please try again.'],
    ['hang-mid-stream', 'The model service took too long to answer. Please try again.'],
  ])('%s', async (scenario, errorText) => {
    const response = await chat(`scenario: ${scenario}`);
    expect(response.status).toBe(200);
    const chunks = await chunksOf(response);
    expect(textOf(chunks)).toBe('The answer starts');
    expect(
      chunks.slice(-4).map((chunk) => ({ ...chunk, ...('id' in chunk ? { id: '<text>' } : {}) })),
    ).toEqual([
      { type: 'text-end', id: '<text>' },
      { type: 'error', errorText },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'error' },
    ]);
  });

  it('the upstream says nothing at all: `start` after STATUS_WAIT_MS, then the first-byte timeout', async () => {
    const started = performance.now();
    const response = await chat('scenario: hang-headers');
    expect(response.status).toBe(200);
    const chunks = await chunksOf(response);
    expect(performance.now() - started).toBeGreaterThan(1400);
    expect(normalize(chunks)).toEqual([
      { type: 'start', messageId: '<id>', messageMetadata: { model: 'gpt-4o' } },
      { type: 'error', errorText: 'The model service took too long to answer. Please try again.' },
      { type: 'finish', finishReason: 'error' },
    ]);
  });

  it('headers but no first byte: the first-byte timeout', async () => {
    const chunks = await chunksOf(await chat('scenario: hang-first-byte'));
    expect(normalize(chunks)).toEqual([
      { type: 'start', messageId: '<id>', messageMetadata: { model: 'gpt-4o' } },
      { type: 'start-step' },
      { type: 'error', errorText: 'The model service took too long to answer. Please try again.' },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'error' },
    ]);
  });
});

describe('upstream faults before the stream: HTTP errors', () => {
  it.each([
    ['http-429', 429, 'upstream_rate_limited', '7'],
    ['http-500', 502, 'upstream_error', null],
    ['http-401', 502, 'upstream_unavailable', null],
  ])('%s → %s %s', async (scenario, status, code, retryAfter) => {
    const response = await chat(`scenario: ${scenario}`);
    const body = (await response.json()) as { error: { code: string } };
    expect([response.status, body.error.code, response.headers.get('retry-after')]).toEqual([
      status,
      code,
      retryAfter,
    ]);
  });
});

describe('the rest of the product on the same port', () => {
  it('serves the SPA with the security headers (from _headers), falling back to index.html', async () => {
    const index = await fetch(`${dev.url}/`);
    const deep = await fetch(`${dev.url}/some/client/route`);
    expect([index.status, deep.status]).toEqual([200, 200]);
    expect(await deep.text()).toBe(await index.text());
    for (const name of SECURITY_HEADERS)
      expect([name, index.headers.get(name)]).toEqual([name, expect.any(String)]);
  });

  it('rate limits per client: 429 with retry-after; requests refused for free do not count', async () => {
    const ip = { 'cf-connecting-ip': '192.0.2.77' };
    // A hostile page's text/plain posts: 415 each, and none spends the visitor's bucket.
    for (let i = 0; i < 25; i++) {
      const response = await fetch(`${dev.url}/api/chat`, {
        method: 'POST',
        headers: { ...ip, 'content-type': 'text/plain' },
        body: 'hi',
      });
      expect(response.status).toBe(415);
      await response.body?.cancel();
    }
    const statuses: number[] = [];
    let limited: Response | undefined;
    // The local limiter counts in fixed one-minute windows: 41 requests see a 429 even if a
    // window ends mid-burst.
    for (let i = 0; i < 41 && limited === undefined; i++) {
      const response = await fetch(`${dev.url}/api/chat`, {
        method: 'POST',
        headers: { ...ip, 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content: `n ${i}` }] }),
      });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
      else await response.text();
    }
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(20);
    expect([limited?.headers.get('retry-after'), await limited?.json()]).toEqual([
      '60',
      {
        error: { code: 'rate_limited', message: 'Too many requests: wait a minute and try again.' },
      },
    ]);
  });

  it('the key never appeared in wrangler’s output or the worker’s logs', () => {
    expect(mock.requests.some((request) => request.headers.authorization === `Bearer ${KEY}`)).toBe(
      true,
    );
    expect(dev.output()).not.toContain(KEY);
    // Nothing of ours went wrong: no unhandled rejection in the worker, no 500 logged.
    expect(dev.output()).not.toMatch(/Uncaught \(in promise\)|unhandled error|model call failed/);
  });
});
