import { isEdgechatError } from '@edgechat/core';
import type { Messages } from './i18n/index.js';
import type { ChatError } from './storage/index.js';

/**
 * Anything a chat request can throw → what the turn shows. `retryAfter` is the `retry-after`
 * header of the failed response, read by the caller (the core's http_error has the status and
 * the body's message, not the headers).
 */
export function toChatError(error: unknown, retryAfter: number | undefined, at: number): ChatError {
  if (isEdgechatError(error)) {
    const detail = error.message;
    switch (error.code) {
      case 'http_error':
        return httpError(error.status ?? 0, detail, retryAfter, at);
      case 'stream_truncated':
        return { kind: 'truncated', at };
      case 'invalid_chunk':
      case 'invalid_response':
        return { kind: 'invalid-response', detail, at };
      default:
        return { kind: 'unknown', detail, at };
    }
  }
  // fetch rejects with a TypeError when the network fails (offline, DNS, reset connection);
  // a body read that fails mid-stream does the same.
  if (error instanceof TypeError) return { kind: 'network', at };
  return { kind: 'unknown', detail: error instanceof Error ? error.message : String(error), at };
}

function httpError(
  status: number,
  detail: string,
  retryAfter: number | undefined,
  at: number,
): ChatError {
  const base = { status, detail, at };
  if (status === 429) {
    return retryAfter === undefined
      ? { kind: 'rate-limited', ...base }
      : { kind: 'rate-limited', ...base, retryAfter };
  }
  if (status === 413) return { kind: 'too-large', ...base };
  if (status === 400 || status === 415 || status === 422) return { kind: 'rejected', ...base };
  if (status === 502 || status === 503 || status === 504) return { kind: 'upstream', ...base };
  return { kind: 'server', ...base };
}

/** `retry-after`: seconds, or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The sentence a person reads for an error. */
export function describeChatError(error: ChatError, t: Messages): string {
  switch (error.kind) {
    case 'network':
      return t.errorNetwork;
    case 'rate-limited':
      return t.errorRateLimited(error.retryAfter);
    case 'too-large':
      return t.errorTooLarge;
    case 'rejected':
      return t.errorRejected;
    case 'upstream':
      return t.errorUpstream;
    case 'server':
      return t.errorServer(error.status ?? 0);
    case 'truncated':
      return t.errorTruncated;
    case 'stream':
      return t.errorStream;
    case 'invalid-response':
      return t.errorInvalidResponse;
    default:
      return t.errorUnknown;
  }
}
