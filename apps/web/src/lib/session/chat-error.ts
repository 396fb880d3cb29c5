import { isEdgechatError } from '@edgechat/core';
import type { ChatError } from '../storage/index.js';

/**
 * Anything a chat request can throw → what the turn shows. `response` is the request's answer
 * when there was one: the core's http_error has the status and the body's message, not the
 * headers, and a 429's `retry-after` says how long to wait.
 */
export function toChatError(error: unknown, at: number, response?: Response): ChatError {
  if (isEdgechatError(error)) {
    const detail = error.message;
    switch (error.code) {
      case 'http_error': {
        const retryAfter = parseRetryAfter(response?.headers.get('retry-after') ?? null, at);
        const status = error.status ?? 0;
        // The deployment's daily budget: no countdown (the wait is hours), and the summary
        // says all the server's message does, in the reader's language.
        if (status === 429 && errorCodeOf(error.cause) === 'budget_spent') {
          return { kind: 'budget-spent', status, at };
        }
        // The Turnstile check wants a (new) solved widget: the widget shows itself again, and
        // the turn says what to do, in the reader's language.
        const code = errorCodeOf(error.cause);
        if (status === 403 && (code === 'bot_check_required' || code === 'bot_check_failed')) {
          return { kind: 'bot-check', status, at };
        }
        return httpError(status, withoutStatus(detail, status), retryAfter, at);
      }
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

/** The worker's JSON error body (`{ "error": { "code" } }`), as the core keeps it in `cause`. */
function errorCodeOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The core writes an http_error's message as `<status> <the body's message or status text>`;
 * the status is shown apart, so the detail is the words after it.
 */
function withoutStatus(message: string, status: number): string {
  const prefix = `${status} `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** `retry-after`: seconds, or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // An HTTP date names its day and month ("Sun, 06 Nov 1994 08:49:37 GMT"). Date.parse would
  // also read "-3" or "1.5" as years: neither form, so no wait is known.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** An `error` chunk: the server's words for what failed mid-answer (safe to show as text). */
export function toStreamError(errorText: string, at: number): ChatError {
  return { kind: 'stream', detail: errorText, at };
}
