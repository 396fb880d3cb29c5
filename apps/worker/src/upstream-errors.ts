import { ApiError } from './errors.js';
import type { FirstCallOutcome } from './first-call.js';
import { logger } from './log.js';

// Issue 5: "Upstream 401/403/404 → 502 upstream_unavailable without the upstream's text if it
// could reveal the key; upstream 429 → 429". The upstream's body is never read here: only its
// status (and retry-after) decide the answer, so nothing the upstream said can leak.

const DEFAULT_RETRY_AFTER = '30';

export function upstreamFailure(outcome: Exclude<FirstCallOutcome, { kind: 'ok' }>): ApiError {
  if (outcome.kind === 'rejected') {
    logger.warn('model call failed before streaming', outcome.error);
    if (outcome.error instanceof Error && outcome.error.name === 'TimeoutError') {
      return new ApiError(504, 'upstream_timeout', 'The model provider did not answer in time.');
    }
    return new ApiError(502, 'upstream_unavailable', 'The model provider could not be reached.');
  }
  const { status } = outcome;
  logger.warn(`model provider answered HTTP ${status} before streaming`);
  if (status === 401 || status === 403 || status === 404) {
    return new ApiError(
      502,
      'upstream_unavailable',
      'The model provider is not available: the server is misconfigured.',
    );
  }
  if (status === 429) {
    return new ApiError(
      429,
      'upstream_rate_limited',
      'The model provider is busy (rate limited): try again shortly.',
      { 'retry-after': retryAfter(outcome.retryAfter) },
    );
  }
  return new ApiError(502, 'upstream_error', `The model provider failed (HTTP ${status}).`);
}

/** Seconds, as the upstream said; an HTTP date or garbage becomes a fixed default. */
function retryAfter(value: string | null): string {
  return value !== null && /^\d{1,6}$/.test(value.trim()) ? value.trim() : DEFAULT_RETRY_AFTER;
}
