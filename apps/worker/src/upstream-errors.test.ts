import { afterEach, describe, expect, it, vi } from 'vitest';
import { upstreamFailure } from './upstream-errors.js';

afterEach(() => vi.restoreAllMocks());

const shape = (status: number, retryAfter: string | null = null) => {
  const error = upstreamFailure({ kind: 'http-error', status, retryAfter });
  return [error.status, error.code, error.message, error.headers];
};

describe('upstreamFailure', () => {
  it('maps statuses (the upstream body is never read)', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const unavailable = [
      502,
      'upstream_unavailable',
      'The model provider is not available: the server is misconfigured.',
      {},
    ];
    expect([shape(401), shape(403), shape(404)]).toEqual([unavailable, unavailable, unavailable]);
    expect(shape(429, ' 12 ')).toEqual([
      429,
      'upstream_rate_limited',
      'The model provider is busy (rate limited): try again shortly.',
      { 'retry-after': '12' },
    ]);
    expect(shape(429)[3]).toEqual({ 'retry-after': '30' });
    expect(shape(429, '-1')[3]).toEqual({ 'retry-after': '30' });
    expect(shape(400)).toEqual([
      502,
      'upstream_error',
      'The model provider failed (HTTP 400).',
      {},
    ]);
    expect(shape(503)).toEqual([
      502,
      'upstream_error',
      'The model provider failed (HTTP 503).',
      {},
    ]);
  });

  it('maps rejections: a timeout is 504, anything else 502', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const timeout = upstreamFailure({
      kind: 'rejected',
      error: new DOMException('slow', 'TimeoutError'),
    });
    const other = upstreamFailure({ kind: 'rejected', error: new TypeError('fetch failed') });
    expect([timeout.status, timeout.code, other.status, other.code]).toEqual([
      504,
      'upstream_timeout',
      502,
      'upstream_unavailable',
    ]);
    expect(warn.mock.calls).toEqual([
      ['model call failed before streaming: TimeoutError: slow'],
      ['model call failed before streaming: TypeError: fetch failed'],
    ]);
  });
});
