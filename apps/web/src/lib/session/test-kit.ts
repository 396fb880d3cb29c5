// Test support for the session's tests (not shipped: only tests import it).
import { encodeUIMessageStream, type UIMessage, type UIMessageChunk } from '@edgechat/core';
import { vi } from 'vitest';
import { createChatSession, type ChatSessionOptions } from './chat-session.js';
import type { Exchange } from './exchange.js';
import type { NetworkEvent, NetworkEvents } from './network.js';

/** The question TOOL_TURN answers. */
export const QUESTION: UIMessage = {
  id: 'u',
  role: 'user',
  parts: [{ type: 'text', text: '서울 몇 시야?' }],
};

/** One tool call, then the answer (DESIGN.md §3, one city). */
export const TOOL_TURN: UIMessageChunk[] = [
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

/** What TOOL_TURN builds. */
export const TOOL_TURN_MESSAGE: UIMessage = {
  id: 'm1',
  role: 'assistant',
  metadata: { model: 'gpt-4o', usage: { total_tokens: 30 }, finishReason: 'stop' },
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

/** QUESTION and TOOL_TURN_MESSAGE as the model sees them, under the system prompt 'Be brief.'. */
export const TOOL_TURN_EXCHANGE: Exchange = {
  request: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: '서울 몇 시야?' },
  ],
  systemHidden: false,
  answer: [
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'call_a',
          type: 'function',
          function: { name: 'get_current_time', arguments: '{"timezone":"Asia/Seoul"}' },
        },
      ],
    },
    { role: 'tool', tool_call_id: 'call_a', content: '{"local":"09:00"}' },
    { role: 'assistant', content: '서울은 9시입니다.' },
  ],
};

/** A UI message stream response whose chunks the test writes when it wants. */
export function controlledResponse() {
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

export function streamResponse(chunks: UIMessageChunk[]): Response {
  const { response, write, end } = controlledResponse();
  chunks.forEach(write);
  end();
  return response;
}

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The JSON body, parsed; `undefined` without one. */
  body: unknown;
  signal: AbortSignal;
}

/** A session whose frames run when the test says (`frame()`), with a fixed clock. */
export function setup(
  responses: (Response | Error | ((init: RequestInit) => Promise<Response>))[],
  options: Partial<ChatSessionOptions> = {},
) {
  const frames: (() => void)[] = [];
  const requests: SentRequest[] = [];
  const fetch = vi.fn((url: RequestInfo | URL, init?: RequestInit) => {
    requests.push({
      url: String(url),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string> | undefined) },
      body: init?.body === undefined ? undefined : JSON.parse(String(init.body)),
      signal: init?.signal as AbortSignal,
    });
    const next = responses.shift();
    if (next instanceof Error) return Promise.reject(next);
    if (typeof next === 'function') return next(init ?? {});
    return Promise.resolve(next as Response);
  });
  let clock = 1000;
  const onChange = vi.fn();
  const session = createChatSession({
    id: 'conv-1',
    fetch: fetch as unknown as typeof globalThis.fetch,
    schedule: (callback) => void frames.push(callback),
    yieldToPaint: () => new Promise((resolve) => setTimeout(resolve, 0)),
    now: () => (clock += 10),
    onChange,
    ...options,
  });
  const frame = () => frames.splice(0).forEach((callback) => callback());
  return { session, fetch, requests, frame, onChange };
}

export const userText = (message: UIMessage | undefined) =>
  message?.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');

/**
 * The worker's resumable stream: each chunk with its event id (`firstId`, then one more each),
 * then `[DONE]` with the next id. `dropAfter`: the body fails after that many of the chunks,
 * as a connection lost mid-answer does (fetch's `TypeError`).
 */
export function eventStreamResponse(
  chunks: readonly UIMessageChunk[],
  { firstId = 1, dropAfter }: { firstId?: number; dropAfter?: number } = {},
): Response {
  const encoder = new TextEncoder();
  const sent = dropAfter === undefined ? chunks : chunks.slice(0, dropAfter);
  const frames = sent.map((chunk, i) => `id: ${firstId + i}\ndata: ${JSON.stringify(chunk)}\n\n`);
  if (dropAfter === undefined) frames.push(`id: ${firstId + chunks.length}\ndata: [DONE]\n\n`);
  // One frame per read: an error raised with frames still queued would discard them.
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const frame = frames.shift();
        if (frame !== undefined) controller.enqueue(encoder.encode(frame));
        else if (dropAfter === undefined) controller.close();
        else controller.error(new TypeError('network error'));
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

/** Network events the test sends (`emit('offline')`). */
export function fakeNetwork() {
  const listeners = new Set<(event: NetworkEvent) => void>();
  return {
    network: ((listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    }) satisfies NetworkEvents,
    emit: (event: NetworkEvent) => listeners.forEach((listener) => listener(event)),
    get listening() {
      return listeners.size;
    },
  };
}
