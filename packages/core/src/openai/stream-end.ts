import { EdgechatError, isEdgechatError } from '../base/errors.js';
import type { ChatCompletionResult } from './types.js';

/** How the body ended: at `[DONE]`, by simply ending, or by failing mid-read. */
export interface StreamEnd {
  sawDone: boolean;
  failure?: EdgechatError;
}

/**
 * A body that fails mid-read (`stream_truncated` from the reader) ends the stream like a body
 * that simply stops; whether that lost anything is for `assertComplete` to judge. Every other
 * error (abort, http_error, invalid_chunk, upstream_error …) is rethrown as it is.
 */
export function endByFailure(error: unknown): StreamEnd {
  if (isEdgechatError(error) && error.code === 'stream_truncated') {
    return { sawDone: false, failure: error };
  }
  throw error;
}

/**
 * "A stream that ends with neither `[DONE]` nor a `finish_reason` → `stream_truncated`,
 * carrying the partial result so callers can keep what arrived." Calls still open are not
 * ended (no tool-call-end): arguments cut off mid-way must not look final.
 */
export function assertComplete(
  end: StreamEnd,
  accumulator: { readonly sawFinishReason: boolean; finish(): ChatCompletionResult },
): void {
  if (end.sawDone || accumulator.sawFinishReason) return;
  const message =
    end.failure?.message ?? 'the stream ended before [DONE] and before any finish_reason';
  throw new EdgechatError('stream_truncated', message, {
    partial: accumulator.finish(),
    ...(end.failure?.cause === undefined ? {} : { cause: end.failure.cause }),
  });
}
