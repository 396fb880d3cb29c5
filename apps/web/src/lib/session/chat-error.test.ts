import { EdgechatError } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, toChatError, toStreamError } from './chat-error.js';

const AT = Date.parse('2026-01-01T00:00:00Z');
const http = (status: number) => new EdgechatError('http_error', `says ${status}`, { status });

describe('toChatError', () => {
  it('an HTTP 429 takes its wait from the response’s retry-after', () => {
    const response = new Response(null, { status: 429, headers: { 'retry-after': '7' } });
    expect(toChatError(http(429), AT, response)).toEqual({
      kind: 'rate-limited',
      status: 429,
      retryAfter: 7,
      detail: 'says 429',
      at: AT,
    });
    expect(toChatError(http(429), AT)).toEqual({
      kind: 'rate-limited',
      status: 429,
      detail: 'says 429',
      at: AT,
    });
  });

  it('a 429 whose body says budget_spent is the daily budget: no countdown, no detail', () => {
    const body = {
      error: { code: 'budget_spent', message: "Today's budget for this demo is spent." },
    };
    const spent = (status: number, cause: unknown) =>
      new EdgechatError('http_error', `${status} x`, { status, cause });
    const response = new Response(null, { status: 429, headers: { 'retry-after': '36000' } });
    expect(toChatError(spent(429, body), AT, response)).toEqual({
      kind: 'budget-spent',
      status: 429,
      at: AT,
    });
    // Another code, a malformed body, or another status: what it was before.
    for (const [status, cause] of [
      [429, { error: { code: 'rate_limited' } }],
      [429, { error: 'budget_spent' }],
      [429, null],
      [503, body],
    ] as const) {
      expect(toChatError(spent(status, cause), AT).kind).not.toBe('budget-spent');
    }
  });

  it('a 403 whose body says bot_check_required or bot_check_failed asks for the human check', () => {
    const refused = (status: number, code: string) =>
      new EdgechatError('http_error', `${status} x`, {
        status,
        cause: { error: { code, message: 'x' } },
      });
    expect(
      [
        refused(403, 'bot_check_required'),
        refused(403, 'bot_check_failed'),
        refused(403, 'forbidden_origin'),
        refused(503, 'bot_check_unavailable'),
      ].map((error) => toChatError(error, AT)),
    ).toEqual([
      { kind: 'bot-check', status: 403, at: AT },
      { kind: 'bot-check', status: 403, at: AT },
      { kind: 'server', status: 403, detail: 'x', at: AT },
      { kind: 'upstream', status: 503, detail: 'x', at: AT },
    ]);
  });

  it('the detail of an http_error is its message after the status the core writes first', () => {
    const error = (message: string) => new EdgechatError('http_error', message, { status: 500 });
    expect(
      ['500 Internal Server Error', '500', '5000 x', 'odd'].map(
        (message) => toChatError(error(message), AT).detail,
      ),
    ).toEqual(['Internal Server Error', '500', '5000 x', 'odd']);
  });

  it('the other failures', () => {
    expect(
      [
        new EdgechatError('stream_truncated', 'cut'),
        new EdgechatError('invalid_chunk', 'bad chunk'),
        new EdgechatError('invalid_response', 'no body'),
        new EdgechatError('upstream_error', 'odd'),
        new TypeError('Failed to fetch'),
        new Error('boom'),
        'thrown text',
      ].map((error) => toChatError(error, AT)),
    ).toEqual([
      { kind: 'truncated', at: AT },
      { kind: 'invalid-response', detail: 'bad chunk', at: AT },
      { kind: 'invalid-response', detail: 'no body', at: AT },
      { kind: 'unknown', detail: 'odd', at: AT },
      { kind: 'network', at: AT },
      { kind: 'unknown', detail: 'boom', at: AT },
      { kind: 'unknown', detail: 'thrown text', at: AT },
    ]);
    expect(toStreamError('The model service failed.', AT)).toEqual({
      kind: 'stream',
      detail: 'The model service failed.',
      at: AT,
    });
  });
});

describe('parseRetryAfter', () => {
  it('seconds or an HTTP date; anything else is no wait', () => {
    expect(
      [
        '7',
        ' 0 ',
        'Thu, 01 Jan 2026 00:00:30 GMT',
        'Wed, 31 Dec 2025 23:59:00 GMT',
        '',
        'soon',
        '-3',
        '1.5',
      ].map((value) => parseRetryAfter(value, AT)),
    ).toEqual([7, 0, 30, 0, undefined, undefined, undefined, undefined]);
    expect(parseRetryAfter(null, AT)).toBeUndefined();
  });
});
