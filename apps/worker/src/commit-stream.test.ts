import type { UIMessageChunk } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { commitWhenUpstreamAnswers } from './commit-stream.js';
import type { FirstCallOutcome } from './first-call.js';

const START: UIMessageChunk = { type: 'start', messageId: 'm' };
const STEP: UIMessageChunk = { type: 'start-step' };
const DELTA: UIMessageChunk = { type: 'text-delta', id: 't', delta: 'hi' };

/** A push source: chunks are enqueued by the test; `cancelled` records a cancel. */
function source() {
  let controller!: ReadableStreamDefaultController<UIMessageChunk>;
  const state = { cancelled: false };
  const stream = new ReadableStream<UIMessageChunk>({
    start: (c) => void (controller = c),
    cancel: () => void (state.cancelled = true),
  });
  return { stream, controller, state };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A watch whose outcome becomes known when `promise` settles. */
function watching(promise: Promise<FirstCallOutcome>) {
  let known: FirstCallOutcome | undefined;
  const firstCall = promise.then((outcome) => (known = outcome));
  return { firstCall, outcome: () => known };
}

async function all(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('commitWhenUpstreamAnswers', () => {
  it('an ok first call commits; chunks read while waiting are replayed first, in order', async () => {
    const { stream, controller } = source();
    const first = deferred<FirstCallOutcome>();
    controller.enqueue(START);
    controller.enqueue(STEP);
    const commit = commitWhenUpstreamAnswers(stream, watching(first.promise), 5000);
    await new Promise((resolve) => setTimeout(resolve, 10));
    first.resolve({ kind: 'ok' });
    const result = await commit;
    controller.enqueue(DELTA);
    controller.close();
    expect(result.kind).toBe('stream');
    expect(result.kind === 'stream' ? await all(result.chunks) : []).toEqual([START, STEP, DELTA]);
  });

  it('an HTTP error within the wait is reported, and the run is cancelled', async () => {
    const { stream, controller, state } = source();
    controller.enqueue(START);
    const outcome: FirstCallOutcome = { kind: 'http-error', status: 401, retryAfter: null };
    const result = await commitWhenUpstreamAnswers(
      stream,
      watching(Promise.resolve(outcome)),
      5000,
    );
    expect([result, state.cancelled]).toEqual([{ kind: 'failed', outcome }, true]);
  });

  it('a rejection within the wait is reported; an abort is not (the client is gone anyway)', async () => {
    const rejected: FirstCallOutcome = { kind: 'rejected', error: new TypeError('fetch failed') };
    expect(
      await commitWhenUpstreamAnswers(source().stream, watching(Promise.resolve(rejected)), 5000),
    ).toEqual({
      kind: 'failed',
      outcome: rejected,
    });
    const aborted: FirstCallOutcome = {
      kind: 'rejected',
      error: new DOMException('gone', 'AbortError'),
    };
    const result = await commitWhenUpstreamAnswers(
      source().stream,
      watching(Promise.resolve(aborted)),
      5000,
    );
    expect(result.kind).toBe('stream');
  });

  it('past the wait it commits without an outcome, and `start` is readable at once', async () => {
    const { stream, controller } = source();
    controller.enqueue(START);
    const started = Date.now();
    const result = await commitWhenUpstreamAnswers(stream, watching(new Promise(() => {})), 50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(result.kind).toBe('stream');
    if (result.kind !== 'stream') return;
    const reader = result.chunks.getReader();
    expect(await reader.read()).toEqual({ done: false, value: START });
    controller.enqueue(DELTA);
    expect(await reader.read()).toEqual({ done: false, value: DELTA });
  });

  it('a read that was pending when the wait ended is not lost', async () => {
    const { stream, controller } = source();
    const result = await commitWhenUpstreamAnswers(stream, watching(new Promise(() => {})), 20);
    controller.enqueue(START);
    controller.close();
    expect(result.kind === 'stream' ? await all(result.chunks) : 'failed').toEqual([START]);
  });

  it('a run that ends while waiting (no model call at all) commits what it produced', async () => {
    const { stream, controller } = source();
    controller.enqueue(START);
    controller.close();
    const result = await commitWhenUpstreamAnswers(stream, watching(new Promise(() => {})), 5000);
    expect(result.kind === 'stream' ? await all(result.chunks) : 'failed').toEqual([START]);
  });

  it('a source that errors while waiting is committed, and errors where the encoder handles it', async () => {
    const { stream, controller } = source();
    controller.enqueue(START);
    const failure = new Error('bug');
    const commit = commitWhenUpstreamAnswers(stream, watching(new Promise(() => {})), 5000);
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.error(failure);
    const result = await commit;
    if (result.kind !== 'stream') throw new Error('failed');
    const reader = result.chunks.getReader();
    expect(await reader.read()).toEqual({ done: false, value: START });
    await expect(reader.read()).rejects.toBe(failure);
  });

  it('cancelling the committed stream cancels the run', async () => {
    const { stream, state } = source();
    const result = await commitWhenUpstreamAnswers(
      stream,
      watching(Promise.resolve({ kind: 'ok' })),
      5000,
    );
    if (result.kind !== 'stream') throw new Error('failed');
    await result.chunks.cancel('client left');
    expect(state.cancelled).toBe(true);
  });
});
