import { EdgechatError } from '../base/errors.js';
import { errorMessageOf } from '../base/body.js';
import { isRecord } from '../base/json.js';
import { quote } from '../base/quote.js';
import type { ChatCompletionChunk } from './types.js';

/**
 * Reads the data of one SSE event, already parsed as JSON (see `createJsonEventParser`, which
 * reports data that is not JSON as `invalid_chunk`), as a chunk.
 * - JSON that is not an object → `invalid_chunk`, quoting the text (≤ 200 chars).
 * - An object with a non-null `error` → `upstream_error` with its message. OpenAI sends
 *   `{"error":{"message":…,"type":"server_error",…}}` mid-stream; OpenRouter adds `error` to an
 *   otherwise normal chunk whose finish_reason is "error"; vLLM (before 0.9) sends its error
 *   response itself, `{"object":"error","message":…,"type":…,"code":400}`, then `[DONE]`.
 * - `choices` absent is read as `[]` (some servers send keep-alive chunks without it); present
 *   and not an array → `invalid_chunk`.
 */
export function chunkOf(value: unknown, data: string): ChatCompletionChunk {
  if (!isRecord(value)) {
    throw new EdgechatError('invalid_chunk', `data line is not a chunk object: ${quote(data)}`);
  }
  if (value.object === 'error') throw upstreamErrorFromEvent(value, data);
  const chunk = value as Partial<ChatCompletionChunk> & { error?: unknown };
  if (chunk.error !== undefined && chunk.error !== null) throw upstreamError(chunk.error, data);
  if (chunk.choices === undefined) chunk.choices = [];
  else if (!Array.isArray(chunk.choices)) {
    throw new EdgechatError('invalid_chunk', `chunk "choices" is not an array: ${quote(data)}`);
  }
  return chunk as ChatCompletionChunk;
}

/**
 * An error reported inside the stream: an `{"error": …}` frame, or the data of an
 * `event: error` event (JSON or plain text).
 */
export function upstreamError(error: unknown, data: string): EdgechatError {
  const message = errorMessageOf({ error }) ?? quote(data);
  return new EdgechatError('upstream_error', message, { cause: error });
}

/**
 * The data of an `event: error` event as an upstream error: `value` is its JSON, or the data
 * itself when it is plain text (then the text is the message).
 */
export function upstreamErrorFromEvent(value: unknown, data: string): EdgechatError {
  const message = errorMessageOf(value) ?? quote(data);
  return new EdgechatError('upstream_error', message, { cause: value });
}
