import { describe, expect, it } from 'vitest';
import { parseUIChunkSet, toUIChunkSet, type UIChunkSet } from './chunk-set.js';
import { encodeUIMessageStream } from './encode.js';
import type { UIMessageChunk } from './types.js';

const TURN: UIMessageChunk[] = [
  { type: 'start', messageId: 'm1', messageMetadata: { model: 'gpt-4o' } },
  { type: 'start-step' },
  { type: 'reasoning-start', id: 'r1' },
  { type: 'reasoning-delta', id: 'r1', delta: 'hmm' },
  { type: 'reasoning-end', id: 'r1' },
  { type: 'tool-input-start', toolCallId: 'a', toolName: 'get_current_time', dynamic: true },
  {
    type: 'tool-input-error',
    toolCallId: 'a',
    toolName: 'get_current_time',
    input: '{"timezone":',
    errorText: 'Invalid JSON',
    dynamic: true,
  },
  { type: 'finish-step' },
  { type: 'data-debug', data: { step: 1 } },
  { type: 'finish', finishReason: 'tool-calls', messageMetadata: { usage: { total_tokens: 9 } } },
  { type: 'finish', finishReason: 'stop' },
  { type: 'abort', reason: 'user' } as unknown as UIMessageChunk,
  { type: 'tool-approval-request', toolCallId: 'a' } as unknown as UIMessageChunk,
];

const asSet = (set: UIChunkSet) =>
  TURN.flatMap((chunk) => {
    const out: UIMessageChunk[] = [];
    toUIChunkSet(chunk, set, (next) => out.push(next));
    return out;
  });

describe('parseUIChunkSet', () => {
  it('gives 5 unless the header asks for 6 or newer', () => {
    expect(
      [null, undefined, '', '5', '4', 'v6', '6.0', ' 6 ', '7', '9999', '99999', 'x'].map(
        parseUIChunkSet,
      ),
    ).toEqual([5, 5, 5, 5, 5, 5, 5, 6, 6, 6, 5, 5]);
  });
});

describe('toUIChunkSet', () => {
  it('5: a tool input error as available + output error, no finishReason or abort reason, no newer types', () => {
    expect(asSet(5)).toEqual([
      TURN[0],
      TURN[1],
      TURN[2],
      TURN[3],
      TURN[4],
      TURN[5],
      {
        type: 'tool-input-available',
        toolCallId: 'a',
        toolName: 'get_current_time',
        input: '{"timezone":',
        dynamic: true,
      },
      { type: 'tool-output-error', toolCallId: 'a', errorText: 'Invalid JSON', dynamic: true },
      { type: 'finish-step' },
      { type: 'data-debug', data: { step: 1 } },
      { type: 'finish', messageMetadata: { usage: { total_tokens: 9 } } },
      { type: 'finish' },
      { type: 'abort' },
    ]);
  });

  it('6: tool-input-error and finishReason as they are; still no abort reason or 7.0 types', () => {
    expect(asSet(6)).toEqual([...TURN.slice(0, 11), { type: 'abort' }]);
  });

  it('passes every chunk through untouched that the set has (the same object)', () => {
    const kept = TURN.slice(0, 6);
    expect(kept.every((chunk) => asSet(5).includes(chunk))).toBe(true);
  });
});

describe('encodeUIMessageStream with a chunk set', () => {
  it('writes the set\u2019s chunks; without one, every chunk as it is', async () => {
    const encode = async (chunkSet?: UIChunkSet) =>
      new Response(
        encodeUIMessageStream(
          new ReadableStream({
            start(controller) {
              [TURN[6], TURN[10], TURN[12]].forEach((chunk) => controller.enqueue(chunk));
              controller.close();
            },
          }),
          chunkSet === undefined ? {} : { chunkSet },
        ),
      ).text();
    const frames = (chunks: unknown[]) =>
      chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('') + 'data: [DONE]\n\n';
    expect({ v5: await encode(5), v6: await encode(6), all: await encode() }).toEqual({
      v5: frames([asSet(5)[6], asSet(5)[7], { type: 'finish' }]),
      v6: frames([TURN[6], TURN[10]]),
      all: frames([TURN[6], TURN[10], TURN[12]]),
    });
  });
});
