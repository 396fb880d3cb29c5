import { encodeUIMessageStream, type UIMessage, type UIMessageChunk } from '@edgechat/core';
import { describe, expect, it, vi } from 'vitest';
import { Chat, type ChatOptions } from './chat.svelte.js';

const TOOL_TURN: UIMessageChunk[] = [
  { type: 'start', messageId: 'm1', messageMetadata: { model: 'gpt-4o' } },
  { type: 'start-step' },
  { type: 'tool-input-start', toolCallId: 'call_a', toolName: 'get_current_time', dynamic: true },
  { type: 'tool-input-delta', toolCallId: 'call_a', inputTextDelta: '{"timezone":"Asia/' },
  { type: 'tool-input-delta', toolCallId: 'call_a', inputTextDelta: 'Seoul"}' },
  {
    type: 'tool-input-available',
    toolCallId: 'call_a',
    toolName: 'get_current_time',
    input: { timezone: 'Asia/Seoul' },
    dynamic: true,
  },
  {
    type: 'tool-output-available',
    toolCallId: 'call_a',
    output: { local: '09:00' },
    dynamic: true,
  },
  { type: 'finish-step' },
  { type: 'start-step' },
  { type: 'text-start', id: 't1' },
  { type: 'text-delta', id: 't1', delta: '서울은 ' },
  { type: 'text-delta', id: 't1', delta: '9시입니다.' },
  { type: 'text-end', id: 't1' },
  { type: 'finish-step' },
  { type: 'finish', finishReason: 'stop', messageMetadata: { usage: { total_tokens: 30 } } },
];

const TOOL_TURN_MESSAGE: UIMessage = {
  id: 'm1',
  role: 'assistant',
  metadata: { model: 'gpt-4o', usage: { total_tokens: 30 } },
  parts: [
    { type: 'step-start' },
    {
      type: 'dynamic-tool',
      toolCallId: 'call_a',
      toolName: 'get_current_time',
      state: 'output-available',
      input: { timezone: 'Asia/Seoul' },
      output: { local: '09:00' },
    },
    { type: 'step-start' },
    { type: 'text', text: '서울은 9시입니다.', state: 'done' },
  ],
};

/** A UI message stream response whose chunks the test writes when it wants. */
function controlledResponse() {
  let controller!: ReadableStreamDefaultController<UIMessageChunk>;
  const chunks = new ReadableStream<UIMessageChunk>({ start: (c) => void (controller = c) });
  const response = new Response(encodeUIMessageStream(chunks), {
    headers: { 'content-type': 'text/event-stream' },
  });
  return {
    response,
    write: (chunk: UIMessageChunk) => controller.enqueue(chunk),
    end: () => controller.close(),
  };
}

function streamResponse(chunks: UIMessageChunk[]): Response {
  const { response, write, end } = controlledResponse();
  chunks.forEach(write);
  end();
  return response;
}

function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A chat whose frames run when the test says (`frame()`), with a fixed clock. */
function setup(
  responses: (Response | Error | ((init: RequestInit) => Promise<Response>))[],
  options: Partial<ChatOptions> = {},
) {
  const frames: (() => void)[] = [];
  const requests: { body: unknown; signal: AbortSignal }[] = [];
  const fetch = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ body: JSON.parse(String(init?.body)), signal: init?.signal as AbortSignal });
    const next = responses.shift();
    if (next instanceof Error) return Promise.reject(next);
    if (typeof next === 'function') return next(init ?? {});
    return Promise.resolve(next as Response);
  });
  let clock = 1000;
  const onChange = vi.fn();
  const chat = new Chat({
    id: 'conv-1',
    fetch: fetch as unknown as typeof globalThis.fetch,
    schedule: (callback) => void frames.push(callback),
    yieldToPaint: () => new Promise((resolve) => setTimeout(resolve, 0)),
    now: () => (clock += 10),
    onChange,
    ...options,
  });
  const frame = () => frames.splice(0).forEach((callback) => callback());
  return { chat, fetch, requests, frame, onChange };
}

const userText = (message: UIMessage | undefined) =>
  message?.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');

describe('Chat', () => {
  it('sends the history and builds the answer with the core builder', async () => {
    const { chat, requests, onChange } = setup([streamResponse(TOOL_TURN)], {
      model: () => 'gpt-4o',
    });
    await chat.send('서울 몇 시야?');
    expect(chat.messages).toEqual([
      { id: expect.any(String), role: 'user', parts: [{ type: 'text', text: '서울 몇 시야?' }] },
      TOOL_TURN_MESSAGE,
    ]);
    expect(requests[0]?.body).toEqual({
      id: 'conv-1',
      model: 'gpt-4o',
      messages: [
        {
          id: chat.messages[0]?.id,
          role: 'user',
          parts: [{ type: 'text', text: '서울 몇 시야?' }],
        },
      ],
    });
    expect({
      status: chat.status,
      error: chat.error,
      stopped: chat.stopped,
      chunks: chat.chunks,
      toolTimes: chat.toolTimes,
    }).toEqual({
      status: 'ready',
      error: undefined,
      stopped: false,
      chunks: { head: TOOL_TURN, omitted: 0, tail: [] },
      // One clock tick per reading: start at the first input chunk, end at the output.
      toolTimes: { call_a: { start: 1010, end: 1020 } },
    });
    expect(onChange).toHaveBeenCalledTimes(2); // the question, then the answer
  });

  it('publishes the streaming answer once per animation frame, not per chunk', async () => {
    const stream = controlledResponse();
    const { chat, frame } = setup([stream.response]);
    const done = chat.send('hi');
    expect(chat.status).toBe('submitted');
    stream.write({ type: 'start', messageId: 'm1' });
    stream.write({ type: 'text-start', id: 't' });
    stream.write({ type: 'text-delta', id: 't', delta: 'Hel' });
    stream.write({ type: 'text-delta', id: 't', delta: 'lo' });
    await vi.waitFor(() => expect(chat.status).toBe('streaming'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(chat.messages.length).toBe(1); // nothing published before the frame
    frame();
    expect(chat.messages[1]?.parts).toEqual([{ type: 'text', text: 'Hello', state: 'streaming' }]);
    const published = chat.messages[1];
    stream.write({ type: 'text-delta', id: 't', delta: ', world' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(chat.messages[1]).toBe(published);
    frame();
    expect(userText(chat.messages[1])).toBe('Hello, world');
    stream.write({ type: 'text-end', id: 't' });
    stream.write({ type: 'finish' });
    stream.end();
    await done;
    // The end does not wait for a frame.
    expect(chat.messages[1]?.parts).toEqual([
      { type: 'text', text: 'Hello, world', state: 'done' },
    ]);
  });

  it('shows a 429 readably, with retry-after, and adds no answer', async () => {
    const { chat } = setup([
      jsonResponse(
        429,
        {
          error: {
            code: 'rate_limited',
            message: 'Too many requests: wait a minute and try again.',
          },
        },
        { 'retry-after': '7' },
      ),
    ]);
    await chat.send('hi');
    expect({
      messages: chat.messages.map((m) => m.role),
      error: chat.error,
      status: chat.status,
    }).toEqual({
      messages: ['user'],
      error: {
        kind: 'rate-limited',
        status: 429,
        retryAfter: 7,
        detail: 'Too many requests: wait a minute and try again.',
        at: expect.any(Number),
      },
      status: 'ready',
    });
  });

  it.each([
    [413, 'too-large'],
    [422, 'rejected'],
    [400, 'rejected'],
    [415, 'rejected'],
    [502, 'upstream'],
    [500, 'server'],
  ] as const)('HTTP %i → %s', async (status, kind) => {
    const { chat } = setup([
      jsonResponse(status, { error: { code: 'x', message: `says ${status}` } }),
    ]);
    await chat.send('hi');
    expect(chat.error).toEqual({ kind, status, detail: `says ${status}`, at: expect.any(Number) });
  });

  it('network loss: fetch fails → a network error', async () => {
    const { chat } = setup([new TypeError('Failed to fetch')]);
    await chat.send('hi');
    expect(chat.error).toEqual({ kind: 'network', at: expect.any(Number) });
  });

  it('a stream cut off before [DONE] keeps the partial answer and says so', async () => {
    const { response, write, end } = controlledResponse();
    write({ type: 'start', messageId: 'm1' });
    write({ type: 'text-start', id: 't' });
    write({ type: 'text-delta', id: 't', delta: 'Partial' });
    const body = response.body as ReadableStream<Uint8Array>;
    // Drop the final "data: [DONE]" by cutting the byte stream short.
    const reader = body.getReader();
    const cut = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value, done } = await reader.read();
        if (done || new TextDecoder().decode(value).includes('[DONE]')) controller.close();
        else controller.enqueue(value);
      },
    });
    end();
    const { chat } = setup([
      new Response(cut, { headers: { 'content-type': 'text/event-stream' } }),
    ]);
    await chat.send('hi');
    expect({ text: userText(chat.messages[1]), error: chat.error }).toEqual({
      text: 'Partial',
      error: { kind: 'truncated', at: expect.any(Number) },
    });
  });

  it('an error chunk mid-answer keeps the partial answer and shows the error text', async () => {
    const { chat } = setup([
      streamResponse([
        { type: 'start', messageId: 'm1' },
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: 'The answer ' },
        { type: 'error', errorText: 'The model service failed.' },
      ]),
    ]);
    await chat.send('hi');
    expect({ text: userText(chat.messages[1]), error: chat.error }).toEqual({
      text: 'The answer ',
      error: { kind: 'stream', detail: 'The model service failed.', at: expect.any(Number) },
    });
  });

  it('stop aborts the request, keeps the partial answer, and marks it stopped', async () => {
    const stream = controlledResponse();
    const { chat, requests } = setup([stream.response]);
    const done = chat.send('hi');
    stream.write({ type: 'start', messageId: 'm1' });
    stream.write({ type: 'tool-input-start', toolCallId: 'c1', toolName: 'get_current_time' });
    stream.write({ type: 'text-start', id: 't' });
    stream.write({ type: 'text-delta', id: 't', delta: 'So far' });
    await vi.waitFor(() => expect(chat.status).toBe('streaming'));
    chat.stop();
    await done;
    expect({
      aborted: requests[0]?.signal.aborted,
      stopped: chat.stopped,
      error: chat.error,
      text: userText(chat.messages[1]),
      status: chat.status,
      // A call cut off by the stop ends with it.
      times: chat.toolTimes,
    }).toEqual({
      aborted: true,
      stopped: true,
      error: undefined,
      text: 'So far',
      status: 'ready',
      times: { c1: { start: expect.any(Number), end: expect.any(Number) } },
    });
  });

  it('retry keeps the failed partial answer visible until the new one starts', async () => {
    const second = controlledResponse();
    const { chat, requests } = setup([
      streamResponse([
        { type: 'start', messageId: 'm1' },
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: 'Half' },
        { type: 'error', errorText: 'boom' },
      ]),
      second.response,
    ]);
    await chat.send('question');
    const partial = chat.messages[1];
    const done = chat.retry();
    expect({ messages: chat.messages, replacing: chat.replacing, error: chat.error }).toEqual({
      messages: [chat.messages[0], partial],
      replacing: 'm1',
      error: undefined,
    });
    // The partial answer is not sent back: the request ends with the question.
    expect((requests[1]?.body as { messages: UIMessage[] }).messages.map((m) => m.role)).toEqual([
      'user',
    ]);
    second.write({ type: 'start', messageId: 'm2' });
    second.write({ type: 'start-step' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(chat.messages[1]).toBe(partial); // still there: nothing visible has arrived
    second.write({ type: 'text-start', id: 't' });
    second.write({ type: 'text-delta', id: 't', delta: 'Whole answer' });
    second.write({ type: 'finish' });
    second.end();
    await done;
    expect({
      ids: chat.messages.map((m) => m.id),
      text: userText(chat.messages[1]),
      replacing: chat.replacing,
    }).toEqual({
      ids: [chat.messages[0]?.id, 'm2'],
      text: 'Whole answer',
      replacing: undefined,
    });
  });

  it('a retry that fails again still shows the old partial answer', async () => {
    const { chat } = setup([
      streamResponse([
        { type: 'start', messageId: 'm1' },
        { type: 'text-delta', id: 't', delta: 'Half' },
        { type: 'error', errorText: 'boom' },
      ]),
      new TypeError('offline'),
    ]);
    await chat.send('q');
    await chat.retry();
    expect({ text: userText(chat.messages[1]), error: chat.error?.kind }).toEqual({
      text: 'Half',
      error: 'network',
    });
  });

  it('regenerate replaces the last answer; edit replaces the last question', async () => {
    const answer = (id: string, text: string) =>
      streamResponse([
        { type: 'start', messageId: id },
        { type: 'text-delta', id: 't', delta: text },
      ]);
    const { chat, requests } = setup([
      answer('a1', 'one'),
      answer('a2', 'two'),
      answer('a3', 'three'),
    ]);
    await chat.send('first question');
    await chat.regenerate();
    expect(chat.messages.map(userText)).toEqual(['first question', 'two']);
    await chat.editLastUserMessage('better question');
    expect(chat.messages.map(userText)).toEqual(['better question', 'three']);
    expect((requests[2]?.body as { messages: UIMessage[] }).messages.map(userText)).toEqual([
      'better question',
    ]);
  });

  it('ignores sends while busy and empty ones', async () => {
    const stream = controlledResponse();
    const { chat, fetch } = setup([stream.response]);
    void chat.send('   ');
    const done = chat.send('hi');
    void chat.send('again');
    void chat.retry();
    expect(fetch).toHaveBeenCalledTimes(1);
    stream.end();
    await done;
  });

  it('announces finished blocks of the answer and its end', async () => {
    const announce = vi.fn();
    const { chat } = setup(
      [
        streamResponse([
          { type: 'start', messageId: 'm1' },
          { type: 'text-delta', id: 't', delta: 'First **part**.\n\nSecond' },
          { type: 'text-delta', id: 't', delta: ' part.' },
        ]),
      ],
      { announce },
    );
    await chat.send('hi');
    expect(announce.mock.calls).toEqual([
      ['First part.', 'text'],
      ['Second part.', 'text'],
      ['', 'done'],
    ]);
  });
});
