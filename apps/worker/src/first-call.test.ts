import type { ChatModel } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { watchFirstCall } from './first-call.js';

const request = { messages: [] };

describe('watchFirstCall', () => {
  it('reports a 2xx first answer as ok and passes every answer through unchanged', async () => {
    const answers = [new Response('a'), new Response('b', { status: 500 })];
    let call = 0;
    const { model, firstCall } = watchFirstCall(async () => answers[call++] as Response);
    expect(await model(request)).toBe(answers[0]);
    expect(await model(request)).toBe(answers[1]);
    expect(await firstCall).toEqual({ kind: 'ok' });
  });

  it('reports the status and retry-after of a non-2xx first answer', async () => {
    const { model, firstCall } = watchFirstCall(
      async () => new Response(null, { status: 429, headers: { 'retry-after': '9' } }),
    );
    await model(request);
    expect(await firstCall).toEqual({ kind: 'http-error', status: 429, retryAfter: '9' });
  });

  it('reports a byte stream (no status) as ok', async () => {
    const { model, firstCall } = watchFirstCall(async () => new ReadableStream<Uint8Array>());
    await model(request);
    expect(await firstCall).toEqual({ kind: 'ok' });
  });

  it('reports a rejection, which the caller still sees', async () => {
    const failure = new TypeError('fetch failed');
    const { model, firstCall } = watchFirstCall(async () => Promise.reject(failure));
    await expect(model(request)).rejects.toBe(failure);
    expect(await firstCall).toEqual({ kind: 'rejected', error: failure });
  });

  it('turns a synchronous throw into a rejection', async () => {
    const failure = new Error('sync');
    const throwing = (() => {
      throw failure;
    }) as unknown as ChatModel;
    const { model, firstCall } = watchFirstCall(throwing);
    await expect(model(request)).rejects.toBe(failure);
    expect(await firstCall).toEqual({ kind: 'rejected', error: failure });
  });

  it('knows the outcome before the caller resumes', async () => {
    const watch = watchFirstCall(async () => new Response(null, { status: 401 }));
    const seen = await watch.model(request).then(() => watch.outcome());
    expect(seen).toEqual({ kind: 'http-error', status: 401, retryAfter: null });
  });

  it('has no outcome before the first call settles', () => {
    const watch = watchFirstCall(() => new Promise(() => {}));
    void watch.model(request);
    expect(watch.outcome()).toBeUndefined();
  });
});
