import { describe, expect, it, vi } from 'vitest';
import { readAnswerEvents, type AnswerEvent } from './answer-events.js';

const sse = (text: string, status = 200) =>
  new Response(text, { status, headers: { 'content-type': 'text/event-stream' } });

async function read(response: Response, onBytes?: () => void): Promise<AnswerEvent[]> {
  const events: AnswerEvent[] = [];
  for await (const event of readAnswerEvents(response, new AbortController().signal, onBytes)) {
    events.push(event);
  }
  return events;
}

describe('readAnswerEvents', () => {
  it('passes each chunk on with its event id; heartbeats are bytes, not events', async () => {
    const onBytes = vi.fn();
    const events = await read(
      sse(
        ': heartbeat\n\nid: 1\ndata: {"type":"start"}\n\n' +
          'data: {"type":"text-start","id":"t"}\n\n' +
          'id: x7\ndata: {"type":"finish"}\n\nid: 4\ndata: [DONE]\n\ndata: {"type":"late"}\n\n',
      ),
      onBytes,
    );
    // An event without its own id line keeps the stream's last id (WHATWG); a non-numeric one
    // is no id at all.
    expect(events).toEqual([
      { chunk: { type: 'start' }, id: 1 },
      { chunk: { type: 'text-start', id: 't' }, id: 1 },
      { chunk: { type: 'finish' }, id: undefined },
    ]);
    expect(onBytes).toHaveBeenCalled();
  });

  it('a body that ends without [DONE] was cut off', async () => {
    await expect(read(sse('id: 1\ndata: {"type":"start"}\n\n'))).rejects.toMatchObject({
      code: 'stream_truncated',
    });
  });

  it.each([
    ['not JSON', 'data: {"type":\n\n'],
    ['not a chunk', 'data: [1,2]\n\n'],
  ])('a data line that is %s: invalid_chunk', async (_name, text) => {
    await expect(read(sse(text))).rejects.toMatchObject({ code: 'invalid_chunk' });
  });

  it("a non-2xx response: the core's http_error with the body's message", async () => {
    const response = new Response(JSON.stringify({ error: { code: 'x', message: 'bad id' } }), {
      status: 400,
      headers: { 'content-type': 'application/json' },
    });
    await expect(read(response)).rejects.toMatchObject({ code: 'http_error', status: 400 });
  });

  it('an abort rejects a pending read at once with its reason', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('id: 1\ndata: {"type":"start"}\n\n'));
      },
    });
    const abort = new AbortController();
    const events = readAnswerEvents(new Response(body), abort.signal);
    expect((await events.next()).value).toEqual({ chunk: { type: 'start' }, id: 1 });
    const next = events.next();
    const reason = new Error('stopped');
    abort.abort(reason);
    await expect(next).rejects.toBe(reason);
  });
});
