import { afterEach, describe, expect, it, vi } from 'vitest';
import { pacedStream } from './paced-stream.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (piece: Uint8Array | undefined): string => new TextDecoder().decode(piece);

function sourceOf(pieces: string[]): { stream: ReadableStream<Uint8Array>; cancelled: unknown[] } {
  const cancelled: unknown[] = [];
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[next++];
      if (piece === undefined) controller.close();
      else controller.enqueue(bytes(piece));
    },
    cancel(reason) {
      cancelled.push(reason);
    },
  });
  return { stream, cancelled };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const pieces: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let step = await reader.read(); !step.done; step = await reader.read()) {
    pieces.push(step.value);
  }
  return pieces;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('pacedStream', () => {
  it('passes the pieces through unchanged, in order', async () => {
    const paced = pacedStream(sourceOf(['a', 'b', 'c']).stream, { delayMs: 0 });
    expect((await readAll(paced)).map(text)).toEqual(['a', 'b', 'c']);
  });

  it('releases the first piece at once and each next one delayMs later', async () => {
    vi.useFakeTimers();
    const reader = pacedStream(sourceOf(['a', 'b']).stream, { delayMs: 30 }).getReader();
    expect(text((await reader.read()).value)).toBe('a');
    const second = reader.read();
    let arrived = false;
    void second.then(() => (arrived = true));
    await vi.advanceTimersByTimeAsync(29);
    expect(arrived).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(arrived).toBe(true);
    expect(text((await second).value)).toBe('b');
    const end = reader.read();
    await vi.advanceTimersByTimeAsync(30);
    expect(await end).toEqual({ done: true, value: undefined });
  });

  it('errors with the signal reason when aborted mid-wait, and cancels the source', async () => {
    vi.useFakeTimers();
    const source = sourceOf(['a', 'b']);
    const controller = new AbortController();
    const reader = pacedStream(source.stream, {
      delayMs: 1000,
      signal: controller.signal,
    }).getReader();
    expect(text((await reader.read()).value)).toBe('a');
    const pending = reader.read();
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(source.cancelled).toEqual([reason]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is errored from the start when the signal already fired', async () => {
    const source = sourceOf(['a']);
    const reader = pacedStream(source.stream, {
      delayMs: 0,
      signal: AbortSignal.abort(),
    }).getReader();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
    expect(source.cancelled).toHaveLength(1);
  });

  it('cancels the source and its timer when the reader cancels', async () => {
    vi.useFakeTimers();
    const source = sourceOf(['a', 'b']);
    const reader = pacedStream(source.stream, { delayMs: 1000 }).getReader();
    await reader.read();
    void reader.read().catch(() => {});
    await reader.cancel('enough');
    expect(source.cancelled).toEqual(['enough']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
