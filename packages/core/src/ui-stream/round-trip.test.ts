import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeUIMessageStream } from './encode.js';
import { readUIMessageStream } from './read.js';
import type { UIFinishReason, UIMessageChunk } from './types.js';

// Strings that stress the framing: line ends, SSE field syntax, [DONE], any code point
// (lone surrogates included: JSON.stringify escapes them, so they survive too).
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '\uD83D',
    '\n',
    '\r\n',
    '\r',
    '\n\ndata: [DONE]\n\n',
    '[DONE]',
    ': x',
    '\u2028',
    '\uFEFF',
  ),
);
const id = fc.string({ unit: 'grapheme-ascii', maxLength: 4 });
// fc.jsonValue() may hold -0, which JSON itself turns into 0 (JSON.stringify(-0) === '0'):
// not something a wire protocol can keep, so the payloads are taken as JSON carries them.
const value = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);

/** Plain objects, like JSON.parse makes (fast-check defaults to null-prototype ones). */
function record<T>(
  model: { [K in keyof T]: fc.Arbitrary<T[K]> },
  options: { requiredKeys?: (keyof T)[] } = {},
): fc.Arbitrary<T> {
  return fc.record(model, { ...options, noNullPrototype: true }) as fc.Arbitrary<T>;
}

const chunk: fc.Arbitrary<UIMessageChunk> = fc.oneof(
  record(
    { type: fc.constant('start'), messageId: id, messageMetadata: value },
    {
      requiredKeys: ['type'],
    },
  ),
  fc.constant({ type: 'start-step' as const }),
  fc.constant({ type: 'finish-step' as const }),
  record({
    type: fc.constantFrom('text-start', 'text-end', 'reasoning-start', 'reasoning-end'),
    id,
  }),
  record({ type: fc.constantFrom('text-delta', 'reasoning-delta'), id, delta: text }),
  record({
    type: fc.constant('tool-input-start'),
    toolCallId: id,
    toolName: text,
    dynamic: fc.boolean(),
  }),
  record({ type: fc.constant('tool-input-delta'), toolCallId: id, inputTextDelta: text }),
  record({
    type: fc.constant('tool-input-available'),
    toolCallId: id,
    toolName: text,
    input: value,
  }),
  record({
    type: fc.constant('tool-input-error'),
    toolCallId: id,
    toolName: text,
    input: value,
    errorText: text,
  }),
  record({ type: fc.constant('tool-output-available'), toolCallId: id, output: value }),
  record({ type: fc.constant('tool-output-error'), toolCallId: id, errorText: text }),
  record(
    {
      type: fc.constant('finish'),
      finishReason: fc.constantFrom<UIFinishReason>('stop', 'length', 'tool-calls', 'error'),
      messageMetadata: value,
    },
    { requiredKeys: ['type'] },
  ),
  record({ type: fc.constant('message-metadata'), messageMetadata: value }),
  record({ type: fc.constant('error'), errorText: text }),
  fc.constant({ type: 'abort' as const }),
  record(
    {
      type: text.map((name): `data-${string}` => `data-${name}`),
      id,
      data: value,
      transient: fc.boolean(),
    },
    { requiredKeys: ['type', 'data'] },
  ),
);

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = stream.getReader();
  const pieces: Uint8Array[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) pieces.push(r.value);
  const all = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    all.set(piece, offset);
    offset += piece.length;
  }
  return all;
}

function cutAt(bytes: Uint8Array, offsets: readonly number[]): ReadableStream<Uint8Array> {
  const cuts = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  const bounds = [0, ...cuts, bytes.length];
  return new ReadableStream({
    start(controller) {
      for (let i = 1; i < bounds.length; i++) {
        controller.enqueue(bytes.slice(bounds[i - 1], bounds[i]));
      }
      controller.close();
    },
  });
}

describe('encode → random byte cuts → read', () => {
  it('gives back every chunk sequence unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(chunk, { maxLength: 25 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        async (chunks, offsets) => {
          const source = new ReadableStream<UIMessageChunk>({
            start(controller) {
              for (const c of chunks) controller.enqueue(c);
              controller.close();
            },
          });
          const bytes = await bytesOf(encodeUIMessageStream(source));
          const decoded: UIMessageChunk[] = [];
          for await (const c of readUIMessageStream(cutAt(bytes, offsets))) decoded.push(c);
          expect(decoded).toStrictEqual(chunks);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives a cut at every single byte offset', async () => {
    const chunks: UIMessageChunk[] = [
      { type: 'start', messageId: 'm', messageMetadata: { model: 'gpt-4o' } },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: '서울 🌏\r\n"quoted"' },
      { type: 'text-end', id: 't' },
      { type: 'finish', finishReason: 'stop' },
    ];
    const source = new ReadableStream<UIMessageChunk>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    });
    const bytes = await bytesOf(encodeUIMessageStream(source));
    for (let cut = 0; cut <= bytes.length; cut++) {
      const decoded: UIMessageChunk[] = [];
      for await (const c of readUIMessageStream(cutAt(bytes, [cut]))) decoded.push(c);
      expect(decoded).toStrictEqual(chunks);
    }
  });
});
