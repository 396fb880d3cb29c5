import { describe, expect, test } from 'vitest';
import {
  chatCompletionChunk,
  cutAt,
  encodeChatCompletionFrames,
  encodeChatCompletionStream,
} from './encode-chat-completion-stream.js';

async function pieces(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const decoder = new TextDecoder();
  const out: string[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    // Decoded one by one (a cut inside a character shows as U+FFFD) so cuts are visible.
    out.push(decoder.decode(value));
  }
}

async function bytes(stream: ReadableStream<Uint8Array>): Promise<number[][]> {
  const out: number[][] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push([...value]);
  }
}

const hi = chatCompletionChunk({ content: 'Hi' });
const hiJson =
  '{"id":"chatcmpl-test","object":"chat.completion.chunk","created":1750000000,"model":"gpt-4o-2024-08-06","service_tier":"default","system_fingerprint":"fp_test","choices":[{"index":0,"delta":{"content":"Hi"},"logprobs":null,"finish_reason":null}]}';

describe('chatCompletionChunk', () => {
  test("writes OpenAI's field order", () => {
    expect(JSON.stringify(hi)).toBe(hiJson);
  });

  test('options: finish reason, choice, envelope, usage; null delta gives choices []', () => {
    const usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 };
    expect(
      chatCompletionChunk(
        {},
        { finishReason: 'stop', choice: 1, id: 'c', model: 'm', created: 5, usage: null },
      ),
    ).toEqual({
      id: 'c',
      object: 'chat.completion.chunk',
      created: 5,
      model: 'm',
      service_tier: 'default',
      system_fingerprint: 'fp_test',
      choices: [{ index: 1, delta: {}, logprobs: null, finish_reason: 'stop' }],
      usage: null,
    });
    expect(JSON.stringify(chatCompletionChunk(null, { usage }))).toBe(
      '{"id":"chatcmpl-test","object":"chat.completion.chunk","created":1750000000,"model":"gpt-4o-2024-08-06","service_tier":"default","system_fingerprint":"fp_test","choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}',
    );
  });
});

describe('encodeChatCompletionStream', () => {
  test('one piece per frame: data lines, the error frame, verbatim strings, then [DONE]', async () => {
    const stream = encodeChatCompletionStream([
      ': keep-alive\n\n',
      hi,
      { error: { message: 'boom', type: 'server_error' } },
    ]);
    expect(await pieces(stream)).toEqual([
      ': keep-alive\n\n',
      `data: ${hiJson}\n\n`,
      'data: {"error":{"message":"boom","type":"server_error"}}\n\n',
      'data: [DONE]\n\n',
    ]);
  });

  test('lineEnding and done: false', async () => {
    const crlf = encodeChatCompletionStream([hi], { lineEnding: '\r\n' });
    expect(await pieces(crlf)).toEqual([`data: ${hiJson}\r\n\r\n`, 'data: [DONE]\r\n\r\n']);
    const cr = encodeChatCompletionStream([hi], { lineEnding: '\r', done: false });
    expect(await pieces(cr)).toEqual([`data: ${hiJson}\r\r`]);
  });

  test('split at offsets: any order, repeats, 0 and the length ignored; cuts may split a character', async () => {
    const stream = encodeChatCompletionStream(['data: 한\n\n'], {
      split: [8, 2, 2, 0, 11],
      done: false,
    });
    expect(await bytes(stream)).toEqual([
      [0x64, 0x61],
      [0x74, 0x61, 0x3a, 0x20, 0xed, 0x95],
      [0x9c, 0x0a, 0x0a],
    ]);
  });

  test('split by a function of the bytes', async () => {
    const stream = encodeChatCompletionStream(['abcdef'], {
      split: (all) => [all.length - 1],
      done: false,
    });
    expect(await pieces(stream)).toEqual(['abcde', 'f']);
  });

  test("split: 'random' gives 1–32-byte pieces, the same for the same seed, others for another", async () => {
    const frames = Array.from({ length: 20 }, (_, i) =>
      chatCompletionChunk({ content: `token ${i}` }),
    );
    const first = await bytes(encodeChatCompletionStream(frames, { split: 'random', seed: 42 }));
    const again = await bytes(encodeChatCompletionStream(frames, { split: 'random', seed: 42 }));
    const other = await bytes(encodeChatCompletionStream(frames, { split: 'random', seed: 43 }));
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(first.every((piece) => piece.length >= 1 && piece.length <= 32)).toBe(true);
    expect(first.flat()).toEqual([...encodeChatCompletionFrames(frames)]);
  });

  test('an offset outside the bytes is a mistake in the test: RangeError', () => {
    expect(() => encodeChatCompletionStream(['ab'], { split: [3], done: false })).toThrow(
      new RangeError('split offset 3 is outside 0..2'),
    );
    expect(() => cutAt(new Uint8Array(2), [-1])).toThrow(RangeError);
    expect(() => cutAt(new Uint8Array(2), [0.5])).toThrow(RangeError);
  });

  test('cancelling the stream stops it', async () => {
    const stream = encodeChatCompletionStream([hi, hi]);
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });
});
