import { describe, expect, it } from 'vitest';
import { EdgechatError } from '../base/errors.js';
import { readUIMessageStream } from './read.js';
import type { UIMessageChunk } from './types.js';

interface Source {
  stream: ReadableStream<Uint8Array>;
  /** Reasons the stream was cancelled with. */
  cancelled: unknown[];
}

/** A byte stream that sends `pieces` one per pull, then stays open (or closes if `close`). */
function source(pieces: readonly (string | Uint8Array)[], close = true): Source {
  const cancelled: unknown[] = [];
  let next = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const piece = pieces[next++];
        if (piece === undefined) {
          if (close) controller.close();
          return;
        }
        controller.enqueue(typeof piece === 'string' ? new TextEncoder().encode(piece) : piece);
      },
      cancel(reason) {
        cancelled.push(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, cancelled };
}

async function collect(
  iterable: AsyncIterable<UIMessageChunk>,
): Promise<{ chunks: UIMessageChunk[]; error?: unknown }> {
  const chunks: UIMessageChunk[] = [];
  try {
    for await (const chunk of iterable) chunks.push(chunk);
  } catch (error) {
    return { chunks, error };
  }
  return { chunks };
}

function errorInfo(error: unknown): unknown {
  return error instanceof EdgechatError
    ? { name: error.name, code: error.code, message: error.message, status: error.status }
    : error;
}

describe('readUIMessageStream', () => {
  it('decodes the chunks of a stream up to [DONE]', async () => {
    const { stream, cancelled } = source([
      '\uFEFFdata: {"type":"start","messageId":"m1"}\r\n\r\n: keep-alive\r\n\r\n',
      'data: {"type":"text-st',
      'art","id":"t1"}\n\nevent: message\ndata:{"type":"text-delta","id":"t1","delta":"서',
      new Uint8Array([0xec, 0x9a]), // 울 (0xEC 0x9A 0xB8) cut inside the character
      new Uint8Array([0xb8, 0x22, 0x7d, 0x0a, 0x0a]),
      'data: {"type":"future-chunk","x":1}\n\n',
      'data: [DONE]\n\n',
    ]);
    expect(await collect(readUIMessageStream(stream))).toEqual({
      chunks: [
        { type: 'start', messageId: 'm1' },
        { type: 'text-start', id: 't1' },
        { type: 'text-delta', id: 't1', delta: '서울' },
        { type: 'future-chunk', x: 1 },
      ],
    });
    // The body had not reported its end yet when [DONE] arrived.
    expect(cancelled).toEqual([undefined]);
  });

  it('stops at [DONE] and cancels the rest of the body', async () => {
    const { stream, cancelled } = source(
      ['data: {"type":"start"}\n\ndata: [DONE]\n\ndata: {"type":"start-step"}\n\n'],
      false,
    );
    expect(await collect(readUIMessageStream(stream))).toEqual({ chunks: [{ type: 'start' }] });
    expect(cancelled).toEqual([undefined]);
  });

  it('takes a [DONE] at end of stream without its blank line', async () => {
    const { stream } = source(['data: {"type":"abort"}\n\ndata: [DONE]']);
    expect(await collect(readUIMessageStream(stream))).toEqual({ chunks: [{ type: 'abort' }] });
  });

  it('throws stream_truncated after the chunks that arrived when [DONE] never comes', async () => {
    const { stream } = source(['data: {"type":"start"}\n\ndata: {"type":"start-step"}']);
    const { chunks, error } = await collect(readUIMessageStream(stream));
    expect(chunks).toEqual([{ type: 'start' }, { type: 'start-step' }]);
    expect(errorInfo(error)).toEqual({
      name: 'EdgechatError',
      code: 'stream_truncated',
      message: 'The UI message stream ended without [DONE].',
      status: undefined,
    });
  });

  it('throws invalid_chunk for data that is not JSON, quoting at most 200 characters', async () => {
    const long = `{"type":"text-delta","delta":"${'x'.repeat(300)}`;
    const { stream, cancelled } = source(
      [`data: {"type":"start"}\n\ndata: ${long}\n\ndata: {"type":"finish"}\n\n`],
      false,
    );
    const { chunks, error } = await collect(readUIMessageStream(stream));
    expect(chunks).toEqual([{ type: 'start' }]);
    expect(errorInfo(error)).toEqual({
      name: 'EdgechatError',
      code: 'invalid_chunk',
      message: `data line is not JSON: ${long.slice(0, 200)}…`,
      status: undefined,
    });
    expect(cancelled).toEqual([undefined]);
  });

  it.each([['[1]'], ['null'], ['"text"'], ['42'], ['{"kind":"start"}'], ['{"type":7}']])(
    'throws invalid_chunk for %s (not an object with a string type)',
    async (data) => {
      const { stream } = source([`data: ${data}\n\n`]);
      const { chunks, error } = await collect(readUIMessageStream(stream));
      expect(chunks).toEqual([]);
      expect(errorInfo(error)).toEqual({
        name: 'EdgechatError',
        code: 'invalid_chunk',
        message: `UI message chunk is not an object with a string "type": ${data}`,
        status: undefined,
      });
    },
  );

  it('reads the body of an ok Response', async () => {
    const response = new Response('data: {"type":"start"}\n\ndata: [DONE]\n\n', {
      headers: { 'content-type': 'text/event-stream' },
    });
    expect(await collect(readUIMessageStream(response))).toEqual({ chunks: [{ type: 'start' }] });
  });

  it('throws http_error with the message of a JSON error body', async () => {
    const response = Response.json(
      { error: { code: 'rate_limited', message: 'Too many requests, retry in 3 s.' } },
      { status: 429 },
    );
    const { chunks, error } = await collect(readUIMessageStream(response));
    expect(chunks).toEqual([]);
    expect(errorInfo(error)).toEqual({
      name: 'EdgechatError',
      code: 'http_error',
      message: '429 Too many requests, retry in 3 s.',
      status: 429,
    });
  });

  it.each([
    ['<html>bad gateway</html>', 'Bad Gateway', '502 Bad Gateway'],
    ['{"error":"flat"}', '', '502 flat'],
    ['', '', '502'],
  ])(
    'throws http_error with the status and status text for the body %j',
    async (body, statusText, message) => {
      const response = new Response(body, { status: 502, statusText });
      const { error } = await collect(readUIMessageStream(response));
      expect(errorInfo(error)).toEqual({
        name: 'EdgechatError',
        code: 'http_error',
        message,
        status: 502,
      });
    },
  );

  it('reads at most 64 KiB of an error body, then cancels the rest', async () => {
    const piece = new TextEncoder().encode('x'.repeat(16 * 1024));
    let pulled = 0;
    const cancelled: unknown[] = [];
    const endless = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled++;
          controller.enqueue(piece);
        },
        cancel(reason) {
          cancelled.push(reason);
        },
      },
      { highWaterMark: 0 },
    );
    const response = new Response(endless, { status: 500, statusText: 'Internal Server Error' });
    const { error } = await collect(readUIMessageStream(response));
    expect([errorInfo(error), pulled, cancelled.length]).toEqual([
      {
        name: 'EdgechatError',
        code: 'http_error',
        message: '500 Internal Server Error',
        status: 500,
      },
      4,
      1,
    ]);
  });

  it('throws invalid_response for an ok Response without a body', async () => {
    const { error } = await collect(readUIMessageStream(new Response(null, { status: 204 })));
    expect(errorInfo(error)).toEqual({
      name: 'EdgechatError',
      code: 'invalid_response',
      message: 'The response has no body.',
      status: undefined,
    });
  });

  it('cancels the body when the consumer stops early', async () => {
    const { stream, cancelled } = source(
      ['data: {"type":"start"}\n\n', 'data: {"type":"start-step"}\n\n'],
      false,
    );
    const seen: UIMessageChunk[] = [];
    for await (const chunk of readUIMessageStream(stream)) {
      seen.push(chunk);
      break;
    }
    expect(seen).toEqual([{ type: 'start' }]);
    expect(cancelled).toEqual([undefined]);
  });

  it('rejects a pending read with the signal reason and cancels the body with it', async () => {
    const { stream, cancelled } = source(['data: {"type":"start"}\n\n'], false);
    const controller = new AbortController();
    const iterator = readUIMessageStream(stream, { signal: controller.signal });
    expect(await iterator.next()).toEqual({ done: false, value: { type: 'start' } });
    const pending = iterator.next();
    const reason = new Error('user pressed stop');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(cancelled).toEqual([reason]);
  });

  it('stops yielding already-decoded chunks once aborted', async () => {
    const { stream, cancelled } = source(
      ['data: {"type":"start"}\n\ndata: {"type":"start-step"}\n\n'],
      false,
    );
    const controller = new AbortController();
    const iterator = readUIMessageStream(stream, { signal: controller.signal });
    expect(await iterator.next()).toEqual({ done: false, value: { type: 'start' } });
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(iterator.next()).rejects.toBe(reason);
    expect(cancelled).toEqual([reason]);
  });

  it('rejects with an AbortError DOMException when aborted without a reason', async () => {
    const { stream, cancelled } = source([], false);
    const controller = new AbortController();
    const pending = readUIMessageStream(stream, { signal: controller.signal }).next();
    controller.abort();
    const error: unknown = await pending.catch((e: unknown) => e);
    expect(error instanceof DOMException && error.name).toBe('AbortError');
    expect(cancelled).toEqual([error]);
  });

  it('rejects at once, reading nothing and cancelling the body, when the signal is already aborted', async () => {
    let pulled = false;
    const cancelled: unknown[] = [];
    const stream = new ReadableStream<Uint8Array>(
      {
        pull() {
          pulled = true;
        },
        cancel(reason) {
          cancelled.push(reason);
        },
      },
      { highWaterMark: 0 },
    );
    const reason = new Error('too late');
    await expect(
      readUIMessageStream(stream, { signal: AbortSignal.abort(reason) }).next(),
    ).rejects.toBe(reason);
    expect([pulled, cancelled]).toEqual([false, [reason]]);
  });

  it('passes on an error of the body itself', async () => {
    const failure = new TypeError('network error');
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulls++ === 0)
            controller.enqueue(new TextEncoder().encode('data: {"type":"start"}\n\n'));
          else controller.error(failure);
        },
      },
      { highWaterMark: 0 },
    );
    expect(await collect(readUIMessageStream(stream))).toEqual({
      chunks: [{ type: 'start' }],
      error: failure,
    });
  });
});
