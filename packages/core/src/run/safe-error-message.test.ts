import { describe, expect, it } from 'vitest';
import { EdgechatError } from '../base/errors.js';
import { SAFE_ERROR_MESSAGES, safeErrorMessage } from './safe-error-message.js';

const SECRET = 'Incorrect API key provided: sk-test-SECRET. https://api.example.com/v1';

function httpError(status: number): EdgechatError {
  return new EdgechatError('http_error', `${status} ${SECRET}`, {
    status,
    cause: { error: SECRET },
  });
}

describe('safeErrorMessage', () => {
  it('chooses the message by HTTP status, never echoing the upstream text', () => {
    const statuses = [400, 401, 403, 404, 408, 413, 418, 422, 429, 500, 502, 503, 504, 599];
    expect(statuses.map((status) => safeErrorMessage(httpError(status)))).toEqual([
      SAFE_ERROR_MESSAGES.badRequest,
      SAFE_ERROR_MESSAGES.credentials,
      SAFE_ERROR_MESSAGES.credentials,
      SAFE_ERROR_MESSAGES.notFound,
      SAFE_ERROR_MESSAGES.timeout,
      SAFE_ERROR_MESSAGES.tooLarge,
      'The model service returned an error (HTTP 418).',
      SAFE_ERROR_MESSAGES.badRequest,
      SAFE_ERROR_MESSAGES.rateLimited,
      SAFE_ERROR_MESSAGES.unavailable,
      SAFE_ERROR_MESSAGES.unavailable,
      SAFE_ERROR_MESSAGES.unavailable,
      SAFE_ERROR_MESSAGES.timeout,
      SAFE_ERROR_MESSAGES.unavailable,
    ]);
  });

  it('does not show a status that is not an HTTP status', () => {
    const odd = [undefined, 0, 99, 600, 200.5].map((status) =>
      safeErrorMessage(
        new EdgechatError('http_error', SECRET, status === undefined ? {} : { status }),
      ),
    );
    expect(odd).toEqual(Array(5).fill(SAFE_ERROR_MESSAGES.upstream));
  });

  it('chooses the message by error code', () => {
    const codes = [
      'upstream_error',
      'stream_truncated',
      'invalid_chunk',
      'invalid_response',
      'other',
    ];
    expect(codes.map((code) => safeErrorMessage(new EdgechatError(code, SECRET)))).toEqual([
      SAFE_ERROR_MESSAGES.upstream,
      SAFE_ERROR_MESSAGES.truncated,
      SAFE_ERROR_MESSAGES.unreadable,
      SAFE_ERROR_MESSAGES.unreadable,
      SAFE_ERROR_MESSAGES.unexpected,
    ]);
  });

  it('says a stream that stalled until a timeout took too long, not that it was cut off', () => {
    const stalled = new EdgechatError('stream_truncated', SECRET, {
      cause: new DOMException(SECRET, 'TimeoutError'),
    });
    const dropped = new EdgechatError('stream_truncated', SECRET, {
      cause: new TypeError('terminated'),
    });
    expect([safeErrorMessage(stalled), safeErrorMessage(dropped)]).toEqual([
      SAFE_ERROR_MESSAGES.timeout,
      SAFE_ERROR_MESSAGES.truncated,
    ]);
  });

  it('names aborts and timeouts, and gives the fallback for anything else', () => {
    expect([
      safeErrorMessage(new DOMException(SECRET, 'AbortError')),
      safeErrorMessage(new DOMException(SECRET, 'TimeoutError')),
      safeErrorMessage(new TypeError(`fetch failed: ${SECRET}`)),
      safeErrorMessage(SECRET),
      safeErrorMessage(null),
      safeErrorMessage(new Error(SECRET), 'Custom fallback.'),
    ]).toEqual([
      SAFE_ERROR_MESSAGES.aborted,
      SAFE_ERROR_MESSAGES.timeout,
      SAFE_ERROR_MESSAGES.unexpected,
      SAFE_ERROR_MESSAGES.unexpected,
      SAFE_ERROR_MESSAGES.unexpected,
      'Custom fallback.',
    ]);
  });
});
