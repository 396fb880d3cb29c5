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
 * A stream is complete when some choice gave a finish_reason: the model said it was done.
 * Otherwise `stream_truncated`, carrying the partial result so callers can keep what arrived —
 * whether the body failed, simply ended, or even ended with `[DONE]` (a server that lost the
 * model mid-answer and closed the stream politely still lost the rest of it). A body that
 * fails after the finish_reason lost only what follows it (usage), not the answer: complete.
 * Calls still open are not ended (no tool-call-end): arguments cut off mid-way must not look
 * final.
 */
export function assertComplete(
  end: StreamEnd,
  accumulator: { readonly sawFinishReason: boolean; finish(): ChatCompletionResult },
): void {
  if (accumulator.sawFinishReason) return;
  const message =
    end.failure?.message ??
    (end.sawDone
      ? 'the stream ended with [DONE] before any finish_reason'
      : 'the stream ended before [DONE] and before any finish_reason');
  throw new EdgechatError('stream_truncated', message, {
    partial: accumulator.finish(),
    ...(end.failure?.cause === undefined ? {} : { cause: end.failure.cause }),
  });
}
