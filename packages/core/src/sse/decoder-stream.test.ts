import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SSEDecoderStream, type SSEDecoderStreamOptions } from './decoder-stream.js';
import {
  cut,
  expectedLog,
  offsetsArbitrary,
  serializeStream,
  streamModelArbitrary,
} from './sse.test-utils.js';
import type { ServerSentEvent } from './types.js';

const encoder = new TextEncoder();
const bytes = (text: string): Uint8Array => encoder.encode(text);

async function decode(
  chunks: readonly (Uint8Array | string)[],
  options?: SSEDecoderStreamOptions,
): Promise<ServerSentEvent[]> {
  const source = new ReadableStream<Uint8Array | string>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return collect(source.pipeThrough(new SSEDecoderStream(options)));
}

async function collect<T>(stream: ReadableStream<T>): Promise<T[]> {
  const items: T[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) items.push(r.value);
  return items;
}

function byteSplits(data: Uint8Array): Uint8Array[][] {
  const splits: Uint8Array[][] = [];
  for (let i = 0; i <= data.length; i++) splits.push([data.slice(0, i), data.slice(i)]);
  splits.push(Array.from(data, (byte) => Uint8Array.of(byte)));
  return splits;
}

describe('SSEDecoderStream', () => {
  it('decodes a Response body into events', async () => {
    const body = new Response('event: a\ndata: 1\n\ndata: 2\n\n').body;
    if (body === null) throw new Error('no body');
    expect(await collect(body.pipeThrough(new SSEDecoderStream()))).toStrictEqual([
      { event: 'a', data: '1' },
      { event: 'message', data: '2' },
    ]);
  });

  it('decodes Korean and emoji cut at every byte offset, and in 1-byte pieces', async () => {
    const data = bytes('data: 안녕하세요 😀👍🏽\r\ndata: é\r\n\r\n');
    const expected = [{ event: 'message', data: '안녕하세요 😀👍🏽\né' }];
    for (const chunks of byteSplits(data)) expect(await decode(chunks)).toStrictEqual(expected);
  });

  it('strips a BOM arriving alone, or cut between chunks, once', async () => {
    const expected = [{ event: 'message', data: 'a' }];
    const data = bytes('\uFEFFdata: a\n\n');
    for (const chunks of byteSplits(data)) expect(await decode(chunks)).toStrictEqual(expected);
  });

  it('strips exactly one BOM: a second one makes the first line an unknown field', async () => {
    expect(await decode([bytes('\uFEFF\uFEFFdata: a\n\ndata: b\n\n')])).toStrictEqual([
      { event: 'message', data: 'b' },
    ]);
  });

  it('replaces invalid UTF-8 with U+FFFD', async () => {
    const data = Uint8Array.of(...bytes('data: a'), 0xff, 0xc3, ...bytes('b\n\n'));
    expect(await decode([data])).toStrictEqual([{ event: 'message', data: 'a\uFFFD\uFFFDb' }]);
  });

  it('dispatches a final event without a trailing blank line at the end of the stream', async () => {
    expect(await decode([bytes('data: a\n\ndata: b')])).toStrictEqual([
      { event: 'message', data: 'a' },
      { event: 'message', data: 'b' },
    ]);
  });

  it('ends with U+FFFD for a character cut short by the end of the stream', async () => {
    const data = bytes('data: 한');
    expect(await decode([data.slice(0, -1)])).toStrictEqual([{ event: 'message', data: '\uFFFD' }]);
  });

  it('accepts string chunks, mixed with bytes in order', async () => {
    expect(await decode(['data: a', bytes('\ndata: 한'), '\n', '\n'])).toStrictEqual([
      { event: 'message', data: 'a\n한' },
    ]);
  });

  it('flushes an incomplete byte sequence as U+FFFD before a string chunk', async () => {
    const korean = bytes('한');
    expect(await decode([bytes('data: '), korean.slice(0, 2), '\n\n'])).toStrictEqual([
      { event: 'message', data: '\uFFFD' },
    ]);
  });

  it('reports comments and retry through the options, events through the stream', async () => {
    const comments: string[] = [];
    const retries: number[] = [];
    const events = await decode([bytes(': hi\nretry: 250\ndata: x\n\n:bye\n')], {
      onComment: (text) => comments.push(text),
      onRetry: (ms) => retries.push(ms),
    });
    expect({ events, comments, retries }).toStrictEqual({
      events: [{ event: 'message', data: 'x' }],
      comments: ['hi', 'bye'],
      retries: [250],
    });
  });

  it('yields nothing for an empty stream', async () => {
    expect(await decode([])).toStrictEqual([]);
  });

  it('property: generated streams cut at random byte offsets give the model events', async () => {
    await fc.assert(
      fc.asyncProperty(streamModelArbitrary, offsetsArbitrary, async (model, offsets) => {
        const expected = expectedLog(model).flatMap(([kind, value]) =>
          kind === 'event' ? [value] : [],
        );
        expect(await decode(cut(bytes(serializeStream(model)), offsets))).toStrictEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
