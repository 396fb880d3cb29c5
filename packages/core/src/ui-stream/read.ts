import { openBody } from '../base/body.js';
import { EdgechatError } from '../base/errors.js';
import { isRecord } from '../base/json.js';
import { quote } from '../base/quote.js';
import { createEventStreamText } from '../sse/event-stream-text.js';
import { createJsonEventParser } from '../sse/json-event-parser.js';
import type { UIMessageChunk } from './types.js';

export interface ReadUIMessageStreamOptions {
  /** Aborting rejects the pending read with the signal's reason and cancels the body. */
  signal?: AbortSignal;
}

/**
 * A UI message stream (a `Response` or its body bytes) → its chunks, in order.
 *
 * - A non-2xx `Response` throws `EdgechatError('http_error')` with `status` and the message
 *   `<status> <the body's error message, else the status text>`, as every reader of the core.
 * - Each SSE event's data is one chunk, whatever its event name (as the AI SDK reads it). It
 *   must be a JSON object with a string `type`, else `EdgechatError('invalid_chunk')` quoting
 *   the first 200 characters. Chunk types are not checked further: unknown ones are passed on
 *   (the builder ignores them).
 * - `data: [DONE]` ends the stream; the rest of the body is cancelled. A body that ends without
 *   it was cut off: `EdgechatError('stream_truncated')` after the chunks that did arrive.
 * - An error of the body itself is passed on as it is (a fetch's `TypeError` says "network").
 * - Stopping early (`break`, `return()`) or a throw cancels the body.
 */
export async function* readUIMessageStream(
  source: Response | ReadableStream<Uint8Array>,
  options: ReadUIMessageStreamOptions = {},
): AsyncGenerator<UIMessageChunk, void, undefined> {
  const { signal } = options;
  if (!signal?.aborted && !('getReader' in source) && source.ok && source.body === null) {
    throw new EdgechatError('invalid_response', 'The response has no body.');
  }
  const body = await openBody(source, signal);
  const decoder = createEventStreamText();
  const pending: UIMessageChunk[] = [];
  let failure: Error | undefined;
  const parser = createJsonEventParser({
    onEvent(value, { data }) {
      if (failure !== undefined) return;
      if (isChunk(value)) pending.push(value);
      else {
        failure = new EdgechatError(
          'invalid_chunk',
          `UI message chunk is not an object with a string "type": ${quote(data)}`,
        );
      }
    },
    onError(error) {
      failure ??= error;
    },
  });

  try {
    for (;;) {
      const result = await body.reader.read();
      body.throwIfAborted();
      if (result.done) {
        body.markEnded();
        parser.feed(decoder.flush());
        parser.end();
      } else {
        parser.feed(decoder.decode(result.value));
      }
      for (const chunk of pending) {
        // An abort while the consumer was busy stops the chunks already decoded too.
        body.throwIfAborted();
        yield chunk;
      }
      pending.length = 0;
      if (failure !== undefined) throw failure;
      if (parser.done) return;
      if (result.done) {
        throw new EdgechatError('stream_truncated', 'The UI message stream ended without [DONE].');
      }
    }
  } finally {
    // Covers [DONE], an early return, an invalid chunk and an abort alike.
    body.close();
  }
}

/** Only the envelope is checked: an object with a string `type`. */
function isChunk(value: unknown): value is UIMessageChunk {
  return isRecord(value) && typeof value.type === 'string';
}
