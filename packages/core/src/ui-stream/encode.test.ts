import { describe, expect, it } from 'vitest';
import { encodeUIMessageStream } from './encode.js';
import type { UIMessageChunk } from './types.js';

function streamOf(chunks: readonly UIMessageChunk[]): ReadableStream<UIMessageChunk> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function pieces(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const reader = stream.getReader();
  const out: Uint8Array[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(r.value);
  return out;
}

/** Each emitted Uint8Array, decoded: one entry per enqueue. */
async function frames(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const decoder = new TextDecoder();
  return (await pieces(stream)).map((bytes) => decoder.decode(bytes));
}

describe('encodeUIMessageStream', () => {
  it('writes one data frame per chunk, then [DONE]', async () => {
    const chunks: UIMessageChunk[] = [
      { type: 'start', messageId: 'm1' },
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: '줄\n"바꿈"\u2028' },
      { type: 'text-end', id: 't1' },
      { type: 'finish', finishReason: 'stop' },
    ];
    expect(await frames(encodeUIMessageStream(streamOf(chunks)))).toEqual([
      'data: {"type":"start","messageId":"m1"}\n\n',
      'data: {"type":"text-start","id":"t1"}\n\n',
      'data: {"type":"text-delta","id":"t1","delta":"줄\\n\\"바꿈\\"\u2028"}\n\n',
      'data: {"type":"text-end","id":"t1"}\n\n',
      'data: {"type":"finish","finishReason":"stop"}\n\n',
      'data: [DONE]\n\n',
    ]);
  });

  it('emits exactly these UTF-8 bytes', async () => {
    const stream = encodeUIMessageStream(streamOf([{ type: 'text-delta', id: 'a', delta: 'é' }]));
    const bytes = (await pieces(stream)).flatMap((piece) => [...piece]);
    expect(bytes).toEqual([
      ...new TextEncoder().encode('data: {"type":"text-delta","id":"a","delta":"'),
      0xc3,
      0xa9,
      ...new TextEncoder().encode('"}\n\ndata: [DONE]\n\n'),
    ]);
  });

  it('writes only [DONE] for an empty stream', async () => {
    expect(await frames(encodeUIMessageStream(streamOf([])))).toEqual(['data: [DONE]\n\n']);
  });

  it('ends a failing source with a generic error chunk and [DONE], hiding the cause', async () => {
    let sent = false;
    const source = new ReadableStream<UIMessageChunk>({
      pull(controller) {
        if (sent) {
          controller.error(new Error('secret https://api.example/key=sk-123'));
          return;
        }
        sent = true;
        controller.enqueue({ type: 'start-step' });
      },
    });
    expect(await frames(encodeUIMessageStream(source))).toEqual([
      'data: {"type":"start-step"}\n\n',
      'data: {"type":"error","errorText":"An error occurred."}\n\ndata: [DONE]\n\n',
    ]);
  });

  it('ends with an error chunk when a chunk cannot be serialised, and cancels the source', async () => {
    const cancelled: unknown[] = [];
    const source = new ReadableStream<UIMessageChunk>({
      start(controller) {
        controller.enqueue({ type: 'start-step' });
        controller.enqueue({ type: 'data-x', data: 1n });
        controller.enqueue({ type: 'finish-step' });
      },
      cancel(reason) {
        cancelled.push(reason);
      },
    });
    expect(await frames(encodeUIMessageStream(source))).toEqual([
      'data: {"type":"start-step"}\n\n',
      'data: {"type":"error","errorText":"An error occurred."}\n\ndata: [DONE]\n\n',
    ]);
    expect(cancelled).toEqual([undefined]);
  });

  it('propagates cancel to the source with its reason', async () => {
    const cancelled: unknown[] = [];
    const source = new ReadableStream<UIMessageChunk>({
      pull(controller) {
        controller.enqueue({ type: 'start-step' });
      },
      cancel(reason) {
        cancelled.push(reason);
      },
    });
    const reader = encodeUIMessageStream(source).getReader();
    await reader.read();
    await reader.cancel('client went away');
    expect(cancelled).toEqual(['client went away']);
  });

  it('propagates a cancel that comes while a read of the source is pending', async () => {
    const cancelled: unknown[] = [];
    const source = new ReadableStream<UIMessageChunk>({
      cancel(reason) {
        cancelled.push(reason);
      },
    });
    const reader = encodeUIMessageStream(source).getReader();
    const pending = reader.read();
    await reader.cancel('stop');
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(cancelled).toEqual(['stop']);
  });

  it('reads the source only when the consumer asks for bytes', async () => {
    const log: string[] = [];
    const source = new ReadableStream<UIMessageChunk>(
      {
        pull(controller) {
          log.push('source pulled');
          controller.enqueue({ type: 'start-step' });
        },
      },
      { highWaterMark: 0 },
    );
    const reader = encodeUIMessageStream(source).getReader();
    await new Promise((resolve) => setTimeout(resolve, 5));
    log.push('read');
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 5));
    log.push('read');
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(log).toEqual(['read', 'source pulled', 'read', 'source pulled']);
    await reader.cancel();
  });

  it('coalesce: the chunks already waiting go out as one piece, later ones as the next', async () => {
    let later: (() => void) | undefined;
    const source = new ReadableStream<UIMessageChunk>({
      start(controller) {
        controller.enqueue({ type: 'start', messageId: 'm1' });
        controller.enqueue({ type: 'start-step' });
        later = () => {
          controller.enqueue({ type: 'finish-step' });
          controller.close();
        };
      },
    });
    const reader = encodeUIMessageStream(source, { coalesce: true }).getReader();
    const decoder = new TextDecoder();
    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe(
      'data: {"type":"start","messageId":"m1"}\n\ndata: {"type":"start-step"}\n\n',
    );
    later?.();
    const rest: string[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      rest.push(decoder.decode(r.value));
    }
    expect(rest).toEqual(['data: {"type":"finish-step"}\n\ndata: [DONE]\n\n']);
  });

  it('coalesce: a source failing after some chunks still ends with what it sent, the error and [DONE]', async () => {
    let pulls = 0;
    // Erroring at once would drop the queued chunk: the error comes with the pull after it.
    const source = new ReadableStream<UIMessageChunk>({
      pull(controller) {
        if (pulls++ === 0) controller.enqueue({ type: 'start-step' });
        else controller.error(new Error('secret'));
      },
    });
    expect(await frames(encodeUIMessageStream(source, { coalesce: true }))).toEqual([
      'data: {"type":"start-step"}\n\ndata: {"type":"error","errorText":"An error occurred."}\n\ndata: [DONE]\n\n',
    ]);
  });

  it('step: what it emits is written; "end" cancels the source and ends with [DONE]', async () => {
    const cancelled: unknown[] = [];
    const source = new ReadableStream<UIMessageChunk>({
      start(controller) {
        controller.enqueue({ type: 'text-start', id: 't' });
        controller.enqueue({ type: 'text-delta', id: 't', delta: 'ok' });
        controller.enqueue({ type: 'text-delta', id: 't', delta: 'STOP' });
        controller.enqueue({ type: 'text-delta', id: 't', delta: 'never' });
      },
      cancel(reason) {
        cancelled.push(reason);
      },
    });
    const stream = encodeUIMessageStream(source, {
      chunkSet: 5,
      step(chunk, emit) {
        if (chunk.type === 'text-delta' && chunk.delta === 'STOP') {
          emit({ type: 'error', errorText: 'stopped' });
          emit({ type: 'finish', finishReason: 'error' });
          return 'end';
        }
        emit(chunk);
        return undefined;
      },
    });
    expect(await frames(stream)).toEqual([
      'data: {"type":"text-start","id":"t"}\n\n',
      'data: {"type":"text-delta","id":"t","delta":"ok"}\n\n',
      // The chunk set still applies to what the step emits (5: no finish reason).
      'data: {"type":"error","errorText":"stopped"}\n\ndata: {"type":"finish"}\n\ndata: [DONE]\n\n',
    ]);
    expect(cancelled).toEqual([undefined]);
  });
});
