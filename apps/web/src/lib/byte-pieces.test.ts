import { describe, expect, it } from 'vitest';
import { byteStreamInPieces } from './byte-pieces.js';

async function collect(stream: ReadableStream<Uint8Array>): Promise<number[][]> {
  const pieces: number[][] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    pieces.push([...read.value]);
  }
  return pieces;
}

describe('byteStreamInPieces', () => {
  it('cuts big chunks and passes small ones on as they are', async () => {
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([1, 2, 3, 4, 5, 6, 7]));
        controller.enqueue(new Uint8Array([8]));
        controller.enqueue(new Uint8Array([]));
        controller.close();
      },
    });
    expect(await collect(byteStreamInPieces(source, 3))).toEqual([[1, 2, 3], [4, 5, 6], [7], [8]]);
  });
});

describe('byteStreamInPieces: errors and cancel', () => {
  it('passes a source error on, and a cancel back to the source', async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.error(new Error('connection reset')),
    });
    await expect(collect(byteStreamInPieces(failing, 4))).rejects.toThrow('connection reset');

    let cancelled: unknown;
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(10)),
      cancel: (reason) => void (cancelled = reason),
    });
    const reader = byteStreamInPieces(endless, 4).getReader();
    await reader.read();
    await reader.cancel('stop');
    expect(cancelled).toBe('stop');
  });
});
