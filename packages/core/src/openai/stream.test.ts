import { describe, expect, test } from 'vitest';
import {
  chatCompletionChunk as chunk,
  encodeChatCompletionStream,
} from './encode-chat-completion-stream.js';
import { recordingSource, runStream } from './openai.test-utils.js';
import { streamChatCompletion } from './stream.js';
import type { ChatCompletionChunkToolCallDelta, ChatCompletionResult } from './types.js';

const tools = (...fragments: ChatCompletionChunkToolCallDelta[]) =>
  chunk({ tool_calls: fragments });
const frame = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

function result(message: ChatCompletionResult['message'], finishReason: string | null) {
  return {
    id: 'chatcmpl-test',
    model: 'gpt-4o-2024-08-06',
    message,
    finishReason,
    choices: [{ index: 0, message, finishReason }],
  };
}

describe('the end of the stream', () => {
  test('the generator returns the merged result', async () => {
    const stream = encodeChatCompletionStream([
      chunk({ role: 'assistant', content: '' }),
      chunk({ content: 'Hi' }),
      chunk({}, { finishReason: 'stop' }),
    ]);
    expect(await runStream(stream)).toEqual({
      events: [
        { type: 'text-delta', choice: 0, delta: 'Hi' },
        { type: 'finish', choice: 0, finishReason: 'stop' },
      ],
      result: result({ role: 'assistant', content: 'Hi' }, 'stop'),
    });
  });

  test('[DONE] without any finish_reason → stream_truncated with the partial; no tool-call-end', async () => {
    const stream = encodeChatCompletionStream([
      chunk({ content: 'The answer is' }),
      tools({ index: 0, id: 'c', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }),
    ]);
    const call = {
      id: 'c',
      type: 'function' as const,
      function: { name: 'f', arguments: '{"a":1}' },
    };
    expect(await runStream(stream)).toEqual({
      events: [
        { type: 'text-delta', choice: 0, delta: 'The answer is' },
        { type: 'tool-call-start', choice: 0, index: 0, id: 'c', name: 'f' },
        {
          type: 'tool-call-delta',
          choice: 0,
          index: 0,
          id: 'c',
          argumentsDelta: '{"a":1}',
          partialInput: { a: 1 },
        },
      ],
      error: {
        code: 'stream_truncated',
        message: 'the stream ended with [DONE] before any finish_reason',
        partial: result({ role: 'assistant', content: 'The answer is', tool_calls: [call] }, null),
      },
    });
  });

  test('a finish_reason without [DONE] is a complete stream (proxies drop [DONE])', async () => {
    const stream = encodeChatCompletionStream(
      [chunk({ content: 'Hi' }), chunk({}, { finishReason: 'stop' })],
      { done: false },
    );
    expect((await runStream(stream)).result).toEqual(
      result({ role: 'assistant', content: 'Hi' }, 'stop'),
    );
  });

  test('neither [DONE] nor a finish_reason → stream_truncated with the partial, after the events; no tool-call-end', async () => {
    const stream = encodeChatCompletionStream(
      [
        chunk({ content: 'Let me' }),
        tools({ index: 0, id: 'c', function: { name: 'f', arguments: '{"a":1}' } }),
      ],
      { done: false },
    );
    const call = {
      id: 'c',
      type: 'function' as const,
      function: { name: 'f', arguments: '{"a":1}' },
    };
    expect(await runStream(stream)).toEqual({
      events: [
        { type: 'text-delta', choice: 0, delta: 'Let me' },
        { type: 'tool-call-start', choice: 0, index: 0, id: 'c', name: 'f' },
        {
          type: 'tool-call-delta',
          choice: 0,
          index: 0,
          id: 'c',
          argumentsDelta: '{"a":1}',
          partialInput: { a: 1 },
        },
      ],
      error: {
        code: 'stream_truncated',
        message: 'the stream ended before [DONE] and before any finish_reason',
        partial: result({ role: 'assistant', content: 'Let me', tool_calls: [call] }, null),
      },
    });
  });

  test('an empty body is truncated too', async () => {
    expect(await runStream(new Response(''))).toEqual({
      events: [],
      error: {
        code: 'stream_truncated',
        message: 'the stream ended before [DONE] and before any finish_reason',
        partial: {
          id: '',
          model: '',
          message: { role: 'assistant', content: null },
          finishReason: null,
          choices: [],
        },
      },
    });
  });

  test('a body that fails before any finish_reason → stream_truncated with partial and cause', async () => {
    const failure = new TypeError('terminated');
    const { stream } = recordingSource([frame(chunk({ content: 'Hi' }))], { then: failure });
    const generator = streamChatCompletion(stream);
    expect(await generator.next()).toEqual({
      done: false,
      value: { type: 'text-delta', choice: 0, delta: 'Hi' },
    });
    const error = await generator.next().catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'stream_truncated',
      message: 'the response body failed: terminated',
      cause: failure,
      partial: result({ role: 'assistant', content: 'Hi' }, null),
    });
  });

  test('a body that fails after the finish_reason (before usage / [DONE]) is a complete stream', async () => {
    const { stream } = recordingSource(
      [frame(chunk({ content: 'Hi' })), frame(chunk({}, { finishReason: 'stop' }))],
      { then: new TypeError('terminated') },
    );
    expect((await runStream(stream)).result).toEqual(
      result({ role: 'assistant', content: 'Hi' }, 'stop'),
    );
  });

  test('upstream errors are not turned into truncation', async () => {
    const stream = encodeChatCompletionStream(
      [chunk({ content: 'Hi' }), { error: { message: 'boom' } }],
      {
        done: false,
      },
    );
    expect(await runStream(stream)).toEqual({
      events: [{ type: 'text-delta', choice: 0, delta: 'Hi' }],
      error: { code: 'upstream_error', message: 'boom' },
    });
  });
});

describe('abort and early exit', () => {
  test('breaking out of the loop cancels the body', async () => {
    const { stream, log } = recordingSource(
      [frame(chunk({ content: 'a' })), frame(chunk({ content: 'b' }))],
      { then: 'hang' },
    );
    for await (const event of streamChatCompletion(stream)) {
      expect(event).toEqual({ type: 'text-delta', choice: 0, delta: 'a' });
      break;
    }
    expect(log).toEqual({ pulls: 1, cancels: [undefined] });
  });

  test('abort cancels the body and rejects with the reason', async () => {
    const { stream, log } = recordingSource([frame(chunk({ content: 'a' }))], { then: 'hang' });
    const controller = new AbortController();
    const generator = streamChatCompletion(stream, { signal: controller.signal });
    await generator.next();
    const next = generator.next();
    controller.abort();
    const error = await next.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(log.cancels).toEqual([error]);
  });
});
