// Resumable answers end to end: `wrangler dev` runs the chat's Durable Object locally (SQLite
// storage, no account), the mock OpenAI server streams over real sockets, and the client is
// plain fetch — or the AI SDK's own transport, whose `reconnectToStream` is this route.
import { createSSEParser, type UIMessageChunk } from '@edgechat/core';
import * as aiV6 from 'ai-v6';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ENDLESS,
  startMockOpenAI,
  textAnswer,
  type MockOpenAI,
  type MockRequest,
} from '@edgechat/test-support/mock-openai';
import { startWranglerDev, type WranglerDev } from '@edgechat/test-support/wrangler-dev';

const KEY = 'sk-e2e-answers-key-7c1e-DO-NOT-LEAK';
const WORDS = Array.from({ length: 12 }, (_, i) => `word${i + 1} `);

let mock: MockOpenAI;
let dev: WranglerDev;
let ip = 0;
let chats = 0;

beforeAll(async () => {
  mock = await startMockOpenAI({
    scenarios: {
      // 12 words 40 ms apart: long enough to drop in the middle of.
      paced: [{ actions: textAnswer('chatcmpl-paced', WORDS, { between: () => [{ sleep: 40 }] }) }],
      endless: [ENDLESS],
    },
  });
  dev = await startWranglerDev({
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: mock.url,
    DISCONNECT_GRACE_MS: '1000',
    STATUS_WAIT_MS: '400',
  });
});

afterAll(async () => {
  await dev?.stop();
  await mock?.stop();
});

const chatId = () => `e2e-answers-${++chats}-${crypto.randomUUID().slice(0, 12)}`;
const clientIp = () => `203.0.113.${++ip % 250}`;

function start(id: string, scenario: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${dev.url}/api/chat`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-edgechat-chunk-set': '6',
      'cf-connecting-ip': clientIp(),
    },
    body: JSON.stringify({ id, messages: [{ role: 'user', content: `scenario: ${scenario}` }] }),
    ...(signal ? { signal } : {}),
  });
}

function resume(id: string, lastEventId?: number): Promise<Response> {
  return fetch(`${dev.url}/api/chat/${id}/stream`, {
    headers: {
      'cf-connecting-ip': clientIp(),
      ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }),
    },
  });
}

interface Event {
  id: number;
  chunk?: UIMessageChunk;
}

/** Reads events until `stopAfter` of them came (then drops the connection) or the end. */
async function readEvents(
  response: Response,
  options: { stopAfter?: number; controller?: AbortController } = {},
): Promise<Event[]> {
  const events: Event[] = [];
  const parser = createSSEParser({
    onEvent: ({ id, data }) =>
      void events.push(
        data === '[DONE]'
          ? { id: Number(id) }
          : { id: Number(id), chunk: JSON.parse(data) as UIMessageChunk },
      ),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    if (options.stopAfter !== undefined && events.length >= options.stopAfter) {
      options.controller?.abort();
      await reader.cancel().catch(() => {});
      return events.slice(0, options.stopAfter);
    }
    const { done, value } = await reader.read();
    if (done) return events;
    parser.feed(decoder.decode(value, { stream: true }));
  }
}

const textOf = (events: Event[]) =>
  events.map((e) => (e.chunk?.type === 'text-delta' ? e.chunk.delta : '')).join('');
const typesOf = (events: Event[]) => events.flatMap((e) => (e.chunk ? [e.chunk.type] : []));

async function nextRequest(scenario: string): Promise<MockRequest> {
  for (;;) {
    const request = await mock.nextRequest();
    if (request.scenario === scenario) return request;
  }
}

describe('an answer that survives a dropped connection', () => {
  it('dropped mid-answer, resumed with Last-Event-ID: the same text, each event once, and the upstream ran on', async () => {
    const whole = await readEvents(await start(chatId(), 'paced'));
    expect(textOf(whole)).toBe(WORDS.join(''));
    expect(whole.map((e) => e.id)).toEqual(whole.map((_, i) => i + 1));

    const id = chatId();
    const controller = new AbortController();
    const upstream = nextRequest('paced');
    const before = await readEvents(await start(id, 'paced', controller.signal), {
      stopAfter: 6,
      controller,
    });
    const resumedAt = performance.now();
    const response = await resume(id, 6);
    const firstByte = performance.now() - resumedAt;
    expect(response.status).toBe(200);
    const after = await readEvents(response);
    expect([...before, ...after].map((e) => e.id)).toEqual(whole.map((e) => e.id));
    expect(textOf([...before, ...after])).toBe(WORDS.join(''));
    // The drop did not stop the model: its request ran to the end.
    const request = await upstream;
    await request.closed;
    expect(request.finished).toBe(true);
    expect(firstByte).toBeLessThan(2000);
  });

  it('GET …/stream without Last-Event-ID replays the whole answer after it finished; 204 for a chat with none; 400 for a bad id', async () => {
    const id = chatId();
    const first = await readEvents(await start(id, 'paced'));
    const replay = await readEvents(await resume(id));
    expect(replay).toEqual(first);
    const none = await resume(chatId());
    expect(none.status).toBe(204);
    const bad = await resume('not-long');
    expect([bad.status, await bad.json()]).toEqual([
      400,
      {
        error: {
          code: 'invalid_chat_id',
          message: 'path: a chat id is 16–128 characters of A–Z, a–z, 0–9, "_" and "-".',
        },
      },
    ]);
  });

  it('the AI SDK’s own reconnectToStream resumes it unchanged', async () => {
    const id = chatId();
    await readEvents(await start(id, 'paced'));
    const transport = new aiV6.DefaultChatTransport<aiV6.UIMessage>({
      api: `${dev.url}/api/chat`,
      headers: { 'cf-connecting-ip': clientIp() },
    });
    const stream = await transport.reconnectToStream({ chatId: id });
    let last: aiV6.UIMessage | undefined;
    for await (const message of aiV6.readUIMessageStream({ stream: stream! })) last = message;
    expect(last?.parts.at(-1)).toEqual({ type: 'text', text: WORDS.join(''), state: 'done' });
    expect(await transport.reconnectToStream({ chatId: chatId() })).toBeNull();
  });
});

describe('a Stop that really stops', () => {
  it('POST …/stop closes the upstream request within 100 ms; abort, then finish; the partial answer replays', async () => {
    const id = chatId();
    const upstream = nextRequest('endless');
    const response = await start(id, 'endless');
    const reader = readEvents(response);
    const request = await upstream;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stopAt = performance.now();
    const stop = await fetch(`${dev.url}/api/chat/${id}/stop`, {
      method: 'POST',
      headers: { 'cf-connecting-ip': clientIp() },
    });
    expect(await stop.json()).toEqual({ stopped: true });
    await request.closed;
    expect(request.closedAt! - stopAt).toBeLessThan(100);
    const events = await reader;
    expect(typesOf(events).slice(-3)).toEqual(['text-end', 'abort', 'finish']);
    expect(textOf(events)).toMatch(/^tick( tick)+$/);
    const replay = await readEvents(await resume(id));
    expect(replay).toEqual(events);
  });

  it('a client that goes away and does not come back: the upstream stops after the grace period', async () => {
    const id = chatId();
    const upstream = nextRequest('endless');
    const controller = new AbortController();
    const seen = await readEvents(await start(id, 'endless', controller.signal), {
      stopAfter: 5,
      controller,
    });
    const leftAt = performance.now();
    const request = await upstream;
    await request.closed;
    const after = request.closedAt! - leftAt;
    expect(after).toBeGreaterThan(900);
    expect(after).toBeLessThan(2500);
    const replay = await readEvents(await resume(id));
    expect(replay.slice(0, 5)).toEqual(seen);
    expect(typesOf(replay).slice(-2)).toEqual(['abort', 'finish']);
  });
});
