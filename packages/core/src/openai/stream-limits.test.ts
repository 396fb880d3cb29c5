import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { collectChatCompletion } from './collect.js';
import { createChatCompletionAccumulator } from './accumulator.js';
import {
  chatCompletionChunk as chunk,
  encodeChatCompletionStream,
} from './encode-chat-completion-stream.js';
import { MAX_CHOICES } from './message-budget.js';
import { bytesStream, recordingSource, runStream, summarizeError } from './openai.test-utils.js';
import { readChatCompletionChunks } from './read-chunks.js';
import type { ChatCompletionChunk, ChatCompletionSource, StreamOptions } from './types.js';

const frame = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;
const hello = chunk({ content: 'Hello' });
const stop = chunk({}, { finishReason: 'stop' });

async function read(source: ChatCompletionSource, options?: StreamOptions) {
  const chunks: ChatCompletionChunk[] = [];
  try {
    for await (const c of readChatCompletionChunks(source, options)) chunks.push(c);
    return { chunks };
  } catch (error) {
    return { chunks, error: summarizeError(error) };
  }
}

/** A body that never ends: `first`, then `piece` on every pull, until it is cancelled. */
function endlessSource(first: string, piece: string) {
  const encoder = new TextEncoder();
  const log = { pulls: 0, cancels: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        controller.enqueue(encoder.encode(log.pulls++ === 0 ? first : piece));
      },
      cancel() {
        log.cancels++;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, log };
}

const tooLarge = (what: string, option: string, limit: number) => ({
  code: 'stream_too_large',
  message: `${what} is over ${option} (${limit})`,
});

describe('maxEventBytes', () => {
  test('an event that never ends is refused once past the cap, and the body is cancelled', async () => {
    const { stream, log } = endlessSource(frame(hello) + 'data: {"choices":[', 'x'.repeat(1000));
    const outcome = await read(stream, { maxEventBytes: 10_000 });
    expect(outcome).toEqual({
      chunks: [hello],
      error: tooLarge('a server-sent event', 'maxEventBytes', 10_000),
    });
    // "data: {"choices":[" is 18 characters: 10 more pieces of 1,000 go over 10,000.
    expect(log).toEqual({ pulls: 11, cancels: 1 });
  });

  test('the default is 1 MiB: a 1 MiB event that never ends stops the read there', async () => {
    const { stream, log } = endlessSource('data: ', 'y'.repeat(64 * 1024));
    const outcome = await read(stream);
    expect(outcome.error).toEqual(tooLarge('a server-sent event', 'maxEventBytes', 1024 * 1024));
    expect(log).toEqual({ pulls: 17, cancels: 1 });
  });

  test('the same outcome however the bytes are cut: under, at and over the cap', async () => {
    const big = chunk({ content: 'é'.repeat(300) });
    const line = frame(big).trimEnd(); // the event's one line, without its blank line
    const bytes = new TextEncoder().encode(frame(hello) + frame(big) + frame(stop));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -1, max: 1 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        async (delta, offsets) => {
          const limit = line.length + delta;
          const outcome = await read(bytesStream(bytes, offsets), { maxEventBytes: limit });
          expect(outcome).toEqual(
            delta < 0
              ? {
                  chunks: [hello],
                  error: tooLarge('a server-sent event', 'maxEventBytes', limit),
                }
              : { chunks: [hello, big, stop] },
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  test('a JSON body counts as one event', async () => {
    const json = JSON.stringify({
      id: 'c',
      object: 'chat.completion',
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }],
    });
    const { stream, log } = recordingSource([json.slice(0, 50), json.slice(50)], {
      then: 'hang',
    });
    expect(await read(stream, { maxEventBytes: 60 })).toEqual({
      chunks: [],
      error: tooLarge('the JSON body', 'maxEventBytes', 60),
    });
    expect(log.cancels).toEqual([undefined]);
    expect((await read(new Response(json), { maxEventBytes: json.length })).error).toBeUndefined();
  });

  test.each([0, -5, Number.NaN])(
    'maxEventBytes %s is a RangeError, and the body is cancelled',
    async (value) => {
      const { stream, log } = recordingSource([frame(hello)], { then: 'hang' });
      const outcome = await read(stream, { maxEventBytes: value });
      expect(outcome.error).toBeInstanceOf(RangeError);
      expect(log.cancels).toEqual([undefined]);
    },
  );
});

describe('maxMessageBytes', () => {
  test('arguments that grow without end: refused at the cap, the body cancelled', async () => {
    const start = chunk({
      tool_calls: [
        { index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } },
      ],
    });
    const more = chunk({ tool_calls: [{ index: 0, function: { arguments: '"aaaaaaaaaa' } }] });
    const { stream, log } = endlessSource(frame(start), frame(more));
    const outcome = await runStream(stream, { maxMessageBytes: 100 });
    // id (6) + name (1) + 9 pieces of 11 = 106 > 100: the 9th piece is refused, 8 got through.
    expect(outcome.events.map((event) => event.type)).toEqual([
      'tool-call-start',
      ...Array<string>(8).fill('tool-call-delta'),
    ]);
    expect(outcome.error).toEqual(tooLarge('the answer', 'maxMessageBytes', 100));
    expect(log.cancels).toBe(1);
  });

  test('text, reasoning and refusal count together: at the cap is fine, one over fails', async () => {
    const chunks = [
      chunk({ reasoning_content: 'think' }),
      chunk({ content: 'Hello' }),
      chunk({ refusal: 'no' }),
      stop,
    ];
    const at = await runStream(encodeChatCompletionStream(chunks), { maxMessageBytes: 12 });
    expect(at.error).toBeUndefined();
    expect(at.result?.message).toEqual({
      role: 'assistant',
      content: 'Hello',
      refusal: 'no',
      reasoning_content: 'think',
    });
    const over = await runStream(encodeChatCompletionStream(chunks), { maxMessageBytes: 11 });
    expect(over).toEqual({
      events: [
        { type: 'reasoning-delta', choice: 0, delta: 'think' },
        { type: 'text-delta', choice: 0, delta: 'Hello' },
      ],
      error: tooLarge('the answer', 'maxMessageBytes', 11),
    });
  });

  test('content that never ends, read by collectChatCompletion', async () => {
    const { stream, log } = endlessSource('', frame(chunk({ content: 'x'.repeat(1000) })));
    await expect(collectChatCompletion(stream, { maxMessageBytes: 50_000 })).rejects.toEqual(
      expect.objectContaining(tooLarge('the answer', 'maxMessageBytes', 50_000)),
    );
    // An empty first read, then the 51st piece of 1,000 goes over: nothing is read after it.
    expect(log).toEqual({ pulls: 52, cancels: 1 });
  });

  test('the accumulator refuses the delta that goes over, and keeps what came before', () => {
    const accumulator = createChatCompletionAccumulator({ maxMessageBytes: 5 });
    accumulator.push(chunk({ content: 'abc' }));
    expect(() => accumulator.push(chunk({ content: 'def' }))).toThrow(
      'the answer is over maxMessageBytes (5)',
    );
    expect(accumulator.finish().message).toEqual({ role: 'assistant', content: 'abc' });
  });

  test.each([0, -1, Number.NaN])('maxMessageBytes %s is a RangeError', (value) => {
    expect(() => createChatCompletionAccumulator({ maxMessageBytes: value })).toThrow(RangeError);
    expect(() => createChatCompletionAccumulator({ maxToolCalls: value })).toThrow(RangeError);
  });
});

describe('maxToolCalls', () => {
  const calls = (count: number, choice = 0) =>
    chunk(
      {
        tool_calls: Array.from({ length: count }, (_, index) => ({
          index,
          id: `call_${choice}_${index}`,
          type: 'function' as const,
          function: { name: 'f', arguments: '{}' },
        })),
      },
      { choice },
    );

  test('at the cap is fine; one more call is refused', async () => {
    const at = await runStream(encodeChatCompletionStream([calls(3), stop]), { maxToolCalls: 3 });
    expect(at.result?.message.tool_calls).toHaveLength(3);
    const over = await runStream(encodeChatCompletionStream([calls(4), stop]), {
      maxToolCalls: 3,
    });
    expect(over.error).toEqual(tooLarge('the number of tool calls', 'maxToolCalls', 3));
  });

  test('counts the calls of every choice, and indexes that keep growing', async () => {
    const over = await runStream(encodeChatCompletionStream([calls(2, 0), calls(2, 1)]), {
      maxToolCalls: 3,
    });
    expect(over.error).toEqual(tooLarge('the number of tool calls', 'maxToolCalls', 3));
    let index = 0;
    const next = () =>
      frame(chunk({ tool_calls: [{ index: index++, id: `c${index}`, function: { name: 'f' } }] }));
    const pieces = Array.from({ length: 200 }, next);
    const { stream, log } = recordingSource(pieces, { then: 'hang' });
    const outcome = await runStream(stream);
    expect(outcome.error).toEqual(tooLarge('the number of tool calls', 'maxToolCalls', 128));
    expect(log).toEqual({ pulls: 129, cancels: [undefined] });
  });

  test(`at most ${MAX_CHOICES} choices are kept`, async () => {
    const pieces = Array.from({ length: MAX_CHOICES + 1 }, (_, index) =>
      frame(chunk({ content: 'x' }, { choice: index })),
    );
    const within = await runStream(encodeChatCompletionStream([...pieces.slice(0, -1), stop]));
    expect(within.result?.choices).toHaveLength(MAX_CHOICES);
    const { stream } = recordingSource(pieces, { then: 'hang' });
    expect((await runStream(stream)).error).toEqual(
      tooLarge('the number of choices', 'its limit', MAX_CHOICES),
    );
  });
});
