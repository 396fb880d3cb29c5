import { isEdgechatError } from '../base/errors.js';

/**
 * What a user may be shown when the model fails. Fixed sentences only: an upstream error's own
 * text can carry a key prefix, an account or organisation id, a URL or a stack, so it is never
 * passed through — the code and the HTTP status choose the sentence.
 */
export const SAFE_ERROR_MESSAGES = {
  badRequest: 'The model service could not process this conversation.',
  credentials: 'The model service rejected our credentials.',
  notFound: 'The model is not available.',
  timeout: 'The model service took too long to answer. Please try again.',
  tooLarge: 'The conversation is too long for the model.',
  rateLimited: 'The model service is busy (rate limited). Please wait a moment and try again.',
  unavailable: 'The model service is unavailable right now. Please try again later.',
  upstream: 'The model service failed while answering. Please try again.',
  truncated: 'The answer was cut off before it finished. Please try again.',
  unreadable: 'The model service sent a response that could not be read.',
  answerTooLarge: "The model's answer was too large.",
  aborted: 'The answer was stopped.',
  unreachable: 'Could not reach the model service. Please try again.',
  unexpected: 'Something went wrong while answering. Please try again.',
} as const;

/**
 * A message for `error`, safe to show a user: chosen by EdgechatError code (and HTTP status
 * for `http_error`); abort and timeout `DOMException`s have their own; anything else gets
 * `fallback`.
 */
export function safeErrorMessage(
  error: unknown,
  fallback: string = SAFE_ERROR_MESSAGES.unexpected,
): string {
  if (isEdgechatError(error)) {
    switch (error.code) {
      case 'http_error':
        return httpErrorMessage(error.status);
      case 'upstream_error':
        return SAFE_ERROR_MESSAGES.upstream;
      case 'stream_truncated':
        // A body that stalled until a timeout aborted it: the reader reports the failed read
        // as truncation, its cause says why.
        return isNamedError(error.cause, 'TimeoutError')
          ? SAFE_ERROR_MESSAGES.timeout
          : SAFE_ERROR_MESSAGES.truncated;
      case 'invalid_chunk':
      case 'invalid_response':
        return SAFE_ERROR_MESSAGES.unreadable;
      case 'stream_too_large':
        return SAFE_ERROR_MESSAGES.answerTooLarge;
      default:
        return fallback;
    }
  }
  if (isNamedError(error, 'TimeoutError')) return SAFE_ERROR_MESSAGES.timeout;
  if (isNamedError(error, 'AbortError')) return SAFE_ERROR_MESSAGES.aborted;
  return fallback;
}

function httpErrorMessage(status: number | undefined): string {
  if (status === 401 || status === 403) return SAFE_ERROR_MESSAGES.credentials;
  if (status === 400 || status === 422) return SAFE_ERROR_MESSAGES.badRequest;
  if (status === 404) return SAFE_ERROR_MESSAGES.notFound;
  if (status === 408 || status === 504) return SAFE_ERROR_MESSAGES.timeout;
  if (status === 413) return SAFE_ERROR_MESSAGES.tooLarge;
  if (status === 429) return SAFE_ERROR_MESSAGES.rateLimited;
  if (status !== undefined && Number.isInteger(status) && status >= 500 && status <= 599) {
    return SAFE_ERROR_MESSAGES.unavailable;
  }
  // The status number is ours to show (it is not upstream text); anything odd is not.
  if (status !== undefined && Number.isInteger(status) && status >= 100 && status <= 599) {
    return `The model service returned an error (HTTP ${status}).`;
  }
  return SAFE_ERROR_MESSAGES.upstream;
}

function isNamedError(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}
