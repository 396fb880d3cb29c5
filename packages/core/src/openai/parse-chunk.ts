import { EdgechatError } from '../base/errors.js';
import { errorMessageOf } from '../base/body.js';
import type { ChatCompletionChunk } from './types.js';

/** How much of an offending data line an error message quotes. */
const QUOTE_LIMIT = 200;

/**
 * Reads the data of one SSE event as a chunk.
 * - Not JSON, or JSON that is not an object → `invalid_chunk`, quoting the text (≤ 200 chars).
 * - An object with a non-null `error` → `upstream_error` with its message. OpenAI sends
 *   `{"error":{"message":…,"type":"server_error",…}}` mid-stream; OpenRouter adds `error` to an
 *   otherwise normal chunk whose finish_reason is "error".
 * - `choices` absent is read as `[]` (some servers send keep-alive chunks without it); present
 *   and not an array → `invalid_chunk`.
 */
export function parseChunk(data: string): ChatCompletionChunk {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    throw new EdgechatError('invalid_chunk', `data line is not JSON: ${quote(data)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EdgechatError('invalid_chunk', `data line is not a chunk object: ${quote(data)}`);
  }
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

/** The data of an `event: error` event as an upstream error. */
export function upstreamErrorFromEventData(data: string): EdgechatError {
  let value: unknown = data;
  try {
    value = JSON.parse(data);
  } catch {
    // Plain text: the text is the message.
  }
  const message = errorMessageOf(value) ?? quote(data);
  return new EdgechatError('upstream_error', message, { cause: value });
}

/** `text` cut to QUOTE_LIMIT characters (never inside a surrogate pair), marked with '…'. */
export function quote(text: string): string {
  if (text.length <= QUOTE_LIMIT) return text;
  let end = QUOTE_LIMIT;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
