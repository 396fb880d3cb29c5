/**
 * Why a stream or call failed. Stable strings: callers switch on them.
 * - `http_error`: the upstream answered with a non-2xx status (`status` is set).
 * - `invalid_chunk`: a `data:` line that is not JSON, or JSON that is not a chunk.
 * - `upstream_error`: the upstream sent an `{"error": …}` frame mid-stream.
 * - `stream_truncated`: the stream ended with neither `[DONE]` nor a `finish_reason`
 *   (`partial` holds what arrived).
 * - `invalid_response`: a body that is neither an SSE stream nor a `chat.completion`.
 * - `stream_too_large`: the upstream sent more than a cap allows (`maxEventBytes`,
 *   `maxMessageBytes`, `maxToolCalls`); reading stopped and the body was cancelled.
 */
export type EdgechatErrorCode =
  | 'http_error'
  | 'invalid_chunk'
  | 'upstream_error'
  | 'stream_truncated'
  | 'invalid_response'
  | 'stream_too_large'
  | (string & {});

export interface EdgechatErrorOptions {
  status?: number;
  /** See `EdgechatError.partial`. */
  partial?: EdgechatErrorPartial;
  cause?: unknown;
}

/**
 * What `EdgechatError.partial` holds. The base layer cannot name the Chat Completions result
 * (that would point upward), so the `openai/` layer fills this in by declaration merging.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by openai/types.ts
export interface EdgechatErrorPartialMap {}
export type EdgechatErrorPartial = EdgechatErrorPartialMap extends { result: infer R }
  ? R
  : unknown;

/** The one error type the core throws (aborts aside, which reject with the signal's reason). */
export class EdgechatError extends Error {
  override readonly name = 'EdgechatError';
  readonly code: EdgechatErrorCode;
  readonly status?: number;
  /** `stream_truncated`: what arrived before the stream ended. */
  readonly partial?: EdgechatErrorPartial;

  constructor(code: EdgechatErrorCode, message: string, options: EdgechatErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.partial !== undefined) this.partial = options.partial;
  }
}

export function isEdgechatError(error: unknown): error is EdgechatError {
  return error instanceof EdgechatError;
}
