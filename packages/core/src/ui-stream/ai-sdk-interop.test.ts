// Interoperability with the real Vercel AI SDK (`ai` v6, a devDependency of these tests only).
//
// Comparison rule: `toEqual`, which ignores keys whose value is `undefined`. The AI SDK writes
// such keys on its parts (`providerMetadata`, `providerExecuted`, `title`, `preliminary`, and
// `output` / `errorText` / `rawInput` reset to `undefined` on a state change) and a fresh
// message carries `metadata: undefined`; we leave those keys out. That is the only difference
// allowed: every defined value must match.
import {
  createUIMessageStream,
  createUIMessageStreamResponse,
  JsonToSseTransformStream,
  parseJsonEventStream,
  readUIMessageStream as aiReadUIMessageStream,
  uiMessageChunkSchema,
  type UIMessageChunk as AIUIMessageChunk,
} from 'ai';
import { describe, expect, it } from 'vitest';
import { createUIMessageBuilder } from './builder.js';
import { encodeUIMessageStream } from './encode.js';
import { readUIMessageStream } from './read.js';
import type { UIMessageChunk } from './types.js';

function streamOf<T>(items: readonly T[]): ReadableStream<T> {
  return new ReadableStream({
    start(controller) {
      for (const item of items) controller.enqueue(item);
      controller.close();
    },
  });
}

async function readAll<T>(stream: ReadableStream<T>): Promise<T[]> {
  const reader = stream.getReader();
  const out: T[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(r.value);
  return out;
}

async function encoded(chunks: readonly UIMessageChunk[]): Promise<Uint8Array[]> {
  return readAll(encodeUIMessageStream(streamOf(chunks)));
}

/** What an AI SDK client makes of the bytes: `DefaultChatTransport`'s parsing, then
 * `readUIMessageStream`: its last message, and the messages of what it reported to `onError`
 * (`error` chunks, and schema or processing errors, which must not happen). */
async function aiSdkRead(
  bytes: ReadableStream<Uint8Array>,
): Promise<{ message: unknown; errors: string[] }> {
  const errors: string[] = [];
  const chunks = parseJsonEventStream({ stream: bytes, schema: uiMessageChunkSchema }).pipeThrough(
    new TransformStream({
      transform(result, controller) {
        if (!result.success) throw result.error;
        controller.enqueue(result.value);
      },
    }),
  );
  let last: unknown;
  for await (const message of aiReadUIMessageStream({
    stream: chunks,
    onError: (error) => errors.push(error instanceof Error ? error.message : String(error)),
  })) {
    last = message;
  }
  return { message: last, errors };
}

/** What our side makes of the bytes: our reader, then our builder. */
async function ourBuilder(bytes: ReadableStream<Uint8Array>) {
  const builder = createUIMessageBuilder();
  for await (const chunk of readUIMessageStream(bytes)) builder.push(chunk);
  return builder;
}

const USAGE = { prompt_tokens: 120, completion_tokens: 40, total_tokens: 160 };

/** DESIGN.md section 3, plus reasoning, data parts, failures and metadata updates. */
const TURN: UIMessageChunk[] = [
  { type: 'start', messageId: 'm1', messageMetadata: { model: 'gpt-4o', usage: { steps: 0 } } },
  { type: 'start-step' },
  { type: 'reasoning-start', id: 'r1' },
  { type: 'reasoning-delta', id: 'r1', delta: 'Two cities: two calls.' },
  { type: 'reasoning-end', id: 'r1' },
  { type: 'tool-input-start', toolCallId: 'call_a', toolName: 'get_current_time', dynamic: true },
  { type: 'tool-input-delta', toolCallId: 'call_a', inputTextDelta: '{"timezone":"Asia/' },
  { type: 'tool-input-start', toolCallId: 'call_b', toolName: 'get_current_time', dynamic: true },
  { type: 'tool-input-delta', toolCallId: 'call_b', inputTextDelta: '{"timezone":' },
  { type: 'tool-input-delta', toolCallId: 'call_b', inputTextDelta: '"America/New_York"}' },
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
  {
    type: 'tool-input-error',
    toolCallId: 'call_c',
    toolName: 'get_current_time',
    input: { timezone: 'Mars/Olympus' },
    errorText: 'Unknown time zone',
    dynamic: true,
  },
  { type: 'tool-output-error', toolCallId: 'call_b', errorText: 'Tool timed out', dynamic: true },
  {
    type: 'tool-output-available',
    toolCallId: 'call_a',
    output: { local: '09:00' },
    dynamic: true,
  },
  { type: 'data-debug', data: { request: 1 } },
  { type: 'data-status', id: 'status', data: 'tools done' },
  { type: 'finish-step' },
  { type: 'message-metadata', messageMetadata: { usage: { steps: 1 } } },
  { type: 'start-step' },
  { type: 'text-start', id: 't1' },
  { type: 'text-delta', id: 't1', delta: '서울은 ' },
  { type: 'data-status', id: 'status', data: 'answering' },
  { type: 'data-toast', data: 'transient', transient: true },
  { type: 'text-delta', id: 't1', delta: '오전 9시입니다.\n\n```\ncode\n```' },
  { type: 'text-end', id: 't1' },
  { type: 'finish-step' },
  { type: 'finish', finishReason: 'stop', messageMetadata: { usage: USAGE } },
];

describe('AI SDK interop: our encoder → the AI SDK client', () => {
  it('builds the same message as our builder', async () => {
    const bytes = await encoded(TURN);
    const ours = await ourBuilder(streamOf(bytes));
    expect(await aiSdkRead(streamOf(bytes))).toEqual({ message: ours.message, errors: [] });
    // …and that message is the one we expect (guards against both sides being empty).
    expect(ours.message.parts.map((part) => part.type)).toEqual([
      'step-start',
      'reasoning',
      'dynamic-tool',
      'dynamic-tool',
      'dynamic-tool',
      'data-debug',
      'data-status',
      'step-start',
      'text',
    ]);
  });

  it('builds the same message after every prefix of the stream (partial states included)', async () => {
    // A trailing `message-metadata` makes the AI SDK emit a snapshot after the prefix (it does
    // not for every chunk type); it changes both sides alike.
    const flush: UIMessageChunk = { type: 'message-metadata', messageMetadata: { flushed: true } };
    for (let end = 1; end <= TURN.length; end++) {
      const bytes = await encoded([...TURN.slice(0, end), flush]);
      const ours = await ourBuilder(streamOf(bytes));
      expect(await aiSdkRead(streamOf(bytes)), `after ${end} chunks`).toEqual({
        message: ours.message,
        errors: [],
      });
    }
  });

  it('passes the AI SDK chunk schema with every chunk type we send', async () => {
    const schema = uiMessageChunkSchema();
    const extra: UIMessageChunk[] = [
      { type: 'error', errorText: 'The model is unavailable.' },
      { type: 'abort' },
      ...(['length', 'content-filter', 'tool-calls', 'error', 'other'] as const).map(
        (finishReason): UIMessageChunk => ({ type: 'finish', finishReason }),
      ),
    ];
    const results = await Promise.all([...TURN, ...extra].map((chunk) => schema.validate?.(chunk)));
    expect(results.map((result) => result?.success)).toEqual([...TURN, ...extra].map(() => true));
  });

  it("rejects finishReason 'unknown' (in UIFinishReason, but not in AI SDK v6's schema)", async () => {
    const result = await uiMessageChunkSchema().validate?.({
      type: 'finish',
      finishReason: 'unknown',
    });
    expect(result?.success).toBe(false);
  });
});

describe('AI SDK interop: an AI SDK server stream → our reader and builder', () => {
  function aiSdkResponse(
    execute: Parameters<typeof createUIMessageStream>[0]['execute'],
  ): Response {
    return createUIMessageStreamResponse({
      stream: createUIMessageStream({ execute, generateId: () => 'generated-id' }),
      // Sends a ': stream-open' comment first: our SSE parser must skip it.
      keepAliveMs: 60_000,
    });
  }

  it('builds the same message from createUIMessageStream + createUIMessageStreamResponse', async () => {
    const response = aiSdkResponse(({ writer }) => {
      for (const chunk of TURN.slice(0, 12)) writer.write(chunk as AIUIMessageChunk);
      // merge() interleaves a second source, as an AI SDK server does with streamText.
      writer.merge(streamOf(TURN.slice(12) as AIUIMessageChunk[]));
    });
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    const [forUs, forThem] = (response.body as ReadableStream<Uint8Array>).tee();
    const ours = await ourBuilder(forUs);
    expect(await aiSdkRead(forThem)).toEqual({ message: ours.message, errors: [] });
    expect([ours.message.id, ours.finishReason, ours.error]).toEqual(['m1', 'stop', undefined]);
  });

  it('keeps the partial message and the error when the AI SDK server fails', async () => {
    const response = aiSdkResponse(({ writer }) => {
      writer.write({ type: 'start' });
      writer.write({ type: 'text-start', id: 't' });
      writer.write({ type: 'text-delta', id: 't', delta: 'Half an ans' });
      throw new Error('upstream exploded with key sk-secret');
    });
    const [forUs, forThem] = (response.body as ReadableStream<Uint8Array>).tee();
    const ours = await ourBuilder(forUs);
    expect(await aiSdkRead(forThem)).toEqual({
      message: ours.message,
      errors: ['An error occurred.'],
    });
    expect(ours.message).toStrictEqual({
      id: 'generated-id',
      role: 'assistant',
      parts: [{ type: 'text', text: 'Half an ans', state: 'streaming' }],
    });
    expect(ours.error).toBe('An error occurred.');
  });

  it('reads bytes made by the AI SDK JsonToSseTransformStream exactly as ours', async () => {
    const theirs = await readAll(
      streamOf(TURN)
        .pipeThrough(new JsonToSseTransformStream())
        .pipeThrough(new TextEncoderStream()),
    );
    const decoder = new TextDecoder();
    const ours = await encoded(TURN);
    expect(theirs.map((bytes) => decoder.decode(bytes)).join('')).toBe(
      ours.map((bytes) => decoder.decode(bytes)).join(''),
    );
  });
});
