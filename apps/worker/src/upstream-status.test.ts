import type { ChatModel } from '@edgechat/core';
import { EdgechatError } from '@edgechat/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from './errors.js';
import {
  answerOf,
  statusFor,
  UpstreamStatusError,
  watchUpstreamStatus,
} from './upstream-status.js';

afterEach(() => vi.restoreAllMocks());

const request = { messages: [] };
const never = new Promise<never>(() => {});

/** An ApiError's observable parts: status, code, message, headers. */
function shape(error: ApiError | undefined) {
  return error === undefined ? undefined : [error.status, error.code, error.message, error.headers];
}

const statusShape = (status: number, retryAfter: string | null = null) =>
  shape(statusFor({ kind: 'status', status, retryAfter }));

describe('answerOf', () => {
  it('a 2xx response or a byte stream is ok; a non-2xx response is its status and retry-after', () => {
    expect([
      answerOf({ ok: true, source: new Response('a') }),
      answerOf({ ok: true, source: new ReadableStream<Uint8Array>() }),
      answerOf({
        ok: true,
        source: new Response(null, { status: 429, headers: { 'retry-after': '9' } }),
      }),
      answerOf({ ok: true, source: new Response(null, { status: 401 }) }),
    ]).toEqual([
      { kind: 'ok' },
      { kind: 'ok' },
      { kind: 'status', status: 429, retryAfter: '9' },
      { kind: 'status', status: 401, retryAfter: null },
    ]);
  });

  it('a rejection with an UpstreamStatusError is its status; aborts are aborts; anything else failed', () => {
    const failure = new TypeError('fetch failed');
    const plainHttp = new EdgechatError('http_error', 'x', { status: 500 });
    expect([
      answerOf({ ok: false, error: new UpstreamStatusError(403, '7') }),
      answerOf({ ok: false, error: new DOMException('gone', 'AbortError') }),
      answerOf({ ok: false, error: Object.assign(new Error('x'), { name: 'APIUserAbortError' }) }),
      answerOf({ ok: false, error: failure }),
      answerOf({ ok: false, error: plainHttp }),
      answerOf({ ok: false, error: 'a string' }),
    ]).toEqual([
      { kind: 'status', status: 403, retryAfter: '7' },
      { kind: 'aborted' },
      { kind: 'aborted' },
      { kind: 'failed', error: failure },
      { kind: 'failed', error: plainHttp },
      { kind: 'failed', error: 'a string' },
    ]);
  });
});

describe('statusFor', () => {
  it('streams an ok answer and an abort', () => {
    expect([statusFor({ kind: 'ok' }), statusFor({ kind: 'aborted' })]).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('maps statuses (the upstream body is never read)', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const unavailable = [
      502,
      'upstream_unavailable',
      'The model provider is not available: the server is misconfigured.',
      {},
    ];
    expect([statusShape(401), statusShape(403), statusShape(404)]).toEqual([
      unavailable,
      unavailable,
      unavailable,
    ]);
    expect(statusShape(429, ' 12 ')).toEqual([
      429,
      'upstream_rate_limited',
      'The model provider is busy (rate limited): try again shortly.',
      { 'retry-after': '12' },
    ]);
    expect(statusShape(429)?.[3]).toEqual({ 'retry-after': '30' });
    expect(statusShape(429, '-1')?.[3]).toEqual({ 'retry-after': '30' });
    expect(statusShape(429, 'Wed, 21 Oct 2026 07:28:00 GMT')?.[3]).toEqual({
      'retry-after': '30',
    });
    expect(statusShape(400)).toEqual([
      502,
      'upstream_error',
      'The model provider failed (HTTP 400).',
      {},
    ]);
    expect(statusShape(503)).toEqual([
      502,
      'upstream_error',
      'The model provider failed (HTTP 503).',
      {},
    ]);
  });

  it('maps failures: a timeout is 504, anything else 502, each logged once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const timeout = statusFor({
      kind: 'failed',
      error: new DOMException('slow', 'TimeoutError'),
    });
    const other = statusFor({ kind: 'failed', error: new TypeError('fetch failed') });
    expect([shape(timeout)?.slice(0, 2), shape(other)?.slice(0, 2)]).toEqual([
      [504, 'upstream_timeout'],
      [502, 'upstream_unavailable'],
    ]);
    expect(warn.mock.calls).toEqual([
      ['model call failed before streaming: TimeoutError: slow'],
      ['model call failed before streaming: TypeError: fetch failed'],
    ]);
  });
});

describe('watchUpstreamStatus', () => {
  it('passes every answer through unchanged; only the first call decides', async () => {
    const answers = [new Response('a'), new Response('b', { status: 500 })];
    let call = 0;
    const upstream = watchUpstreamStatus(async () => answers[call++] as Response);
    expect(await upstream.model(request)).toBe(answers[0]);
    expect(await upstream.model(request)).toBe(answers[1]);
    expect(await upstream.decide(5000, never)).toBeUndefined();
  });

  it('an HTTP error within the wait decides the status', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const upstream = watchUpstreamStatus(
      async () => new Response(null, { status: 429, headers: { 'retry-after': '9' } }),
    );
    const decided = upstream.decide(5000, never);
    await upstream.model(request);
    expect(shape(await decided)).toEqual([
      429,
      'upstream_rate_limited',
      'The model provider is busy (rate limited): try again shortly.',
      { 'retry-after': '9' },
    ]);
    expect(upstream.answeredAt()).toEqual(expect.any(Number));
  });

  it('a rejection, which the caller still sees, decides a 502; an abort streams', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failure = new TypeError('fetch failed');
    const rejecting = watchUpstreamStatus(async () => Promise.reject(failure));
    await expect(rejecting.model(request)).rejects.toBe(failure);
    expect(shape(await rejecting.decide(5000, never))?.slice(0, 2)).toEqual([
      502,
      'upstream_unavailable',
    ]);

    const abort = new DOMException('gone', 'AbortError');
    const aborted = watchUpstreamStatus(async () => Promise.reject(abort));
    await expect(aborted.model(request)).rejects.toBe(abort);
    expect(await aborted.decide(5000, never)).toBeUndefined();
  });

  it('turns a synchronous throw into a rejection', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failure = new Error('sync');
    const throwing = (() => {
      throw failure;
    }) as unknown as ChatModel;
    const upstream = watchUpstreamStatus(throwing);
    await expect(upstream.model(request)).rejects.toBe(failure);
    expect(shape(await upstream.decide(5000, never))?.[1]).toBe('upstream_unavailable');
  });

  it('past the wait it streams without an answer', async () => {
    const upstream = watchUpstreamStatus(() => never);
    void upstream.model(request);
    const started = Date.now();
    expect(await upstream.decide(50, never)).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(upstream.answeredAt()).toBeUndefined();
  });

  it('a run that ends before any answer (no model call at all) streams at once', async () => {
    const upstream = watchUpstreamStatus(() => never);
    const started = Date.now();
    expect(await upstream.decide(5000, Promise.resolve())).toBeUndefined();
    expect(await upstream.decide(5000, Promise.reject(new Error('bug')))).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a wait of 0 streams at once, even when the answer is an error', async () => {
    const upstream = watchUpstreamStatus(async () => new Response(null, { status: 500 }));
    const decided = upstream.decide(0, never);
    void upstream.model(request);
    expect(await decided).toBeUndefined();
  });
});
