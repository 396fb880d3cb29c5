import { afterEach, describe, expect, it } from 'vitest';
import { openAIChunk } from '../fixtures/openai-chunks.js';
import { sseFrame } from './play.js';
import { startMockOpenAI } from './server.js';
import type { MockOpenAI, MockStep } from './types.js';

let mock: MockOpenAI | undefined;
afterEach(async () => {
  await mock?.stop();
  mock = undefined;
});

async function answering(step: MockStep): Promise<MockOpenAI> {
  mock = await startMockOpenAI({ replies: [step] });
  return mock;
}

function post(server: MockOpenAI, signal?: AbortSignal): Promise<Response> {
  return fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
    ...(signal ? { signal } : {}),
  });
}

const decoder = new TextDecoder();
const read = async (reader: ReadableStreamDefaultReader<Uint8Array>) =>
  decoder.decode((await reader.read()).value);
const delta = (content: string) => openAIChunk('c', { content });

/** Resolves with 'pending' if `promise` has not settled within `ms`. */
const within = <T>(promise: Promise<T>, ms = 100) =>
  Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(resolve, ms, 'pending'))]);

describe('fault injection', () => {
  it('waitFor: headers and each frame wait for release(); a release before the wait does not block', async () => {
    const server = await answering({
      headersWaitFor: 'headers',
      actions: [
        { frame: delta('one') },
        { waitFor: 'two' },
        { frame: delta('two') },
        { waitFor: 'early' },
        { frame: '[DONE]' },
      ],
    });
    server.release('early');
    const arrived = server.nextRequest();
    const responding = post(server);
    const request = await arrived;
    expect(await within(responding)).toBe('pending');
    server.release('headers');
    const reader = ((await responding).body as ReadableStream<Uint8Array>).getReader();
    expect(await read(reader)).toBe(sseFrame(delta('one')));
    const next = read(reader);
    expect(await within(next)).toBe('pending');
    server.release('two');
    expect((await next) + (await read(reader))).toBe(sseFrame(delta('two')) + sseFrame('[DONE]'));
    expect((await reader.read()).done).toBe(true);
    await request.closed;
    expect(request.finished).toBe(true);
  });

  it('hang: the response stays open until the client aborts; the record shows it closed unfinished', async () => {
    const server = await answering({ actions: [{ frame: delta('Thinking') }, { hang: true }] });
    const client = new AbortController();
    const arrived = server.nextRequest();
    const reader = (
      (await post(server, client.signal)).body as ReadableStream<Uint8Array>
    ).getReader();
    expect(await read(reader)).toBe(sseFrame(delta('Thinking')));
    const request = await arrived;
    expect(await within(request.closed)).toBe('pending');
    const abortedAt = performance.now();
    client.abort();
    await request.closed;
    expect([request.finished, (request.closedAt ?? 0) >= abortedAt]).toEqual([false, true]);
  });

  it('hangBeforeHeaders: no status ever; the client gives up', async () => {
    const server = await answering({ hangBeforeHeaders: true });
    const error = await post(server, AbortSignal.timeout(200)).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
    expect(server.requests[0]?.finished).toBe(false);
  });

  it('raw bytes, then destroy: the body ends in an error after what was sent', async () => {
    const server = await answering({
      // The pause lets the bytes arrive first: a reset socket may drop bytes still unread.
      actions: [
        { frame: delta('part') },
        { raw: 'data: {"id":"c","obj' },
        { sleep: 100 },
        { destroy: true },
      ],
    });
    const response = await post(server);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    const error = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        text += decoder.decode(value);
      }
    })().catch((e: unknown) => e);
    expect(text).toBe(`${sseFrame(delta('part'))}data: {"id":"c","obj`);
    expect(error).toBeInstanceOf(Error);
  });

  it('raw Uint8Array and sleep: sent as they are, the pause in between', async () => {
    const server = await answering({
      actions: [
        { raw: new TextEncoder().encode(': keep-alive\n\n') },
        { sleep: 120 },
        { raw: 'x' },
      ],
    });
    const started = performance.now();
    expect(await (await post(server)).text()).toBe(': keep-alive\n\nx');
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('nextRequest resolves with the next one to arrive; stop() ends open connections', async () => {
    const server = await answering({ actions: [{ hang: true }] });
    const arrived = server.nextRequest();
    const responding = post(server);
    const request = await arrived;
    expect(request.index).toBe(1);
    const reader = ((await responding).body as ReadableStream<Uint8Array>).getReader();
    await server.stop();
    mock = undefined;
    await request.closed;
    expect(request.finished).toBe(false);
    await expect(reader.read()).rejects.toThrow();
  });
});
