import { abortReason, raceAbort } from '../base/abort.js';
import { readPrefix } from '../base/body.js';
import { quote } from '../openai/parse-chunk.js';
import { EdgechatError } from '../base/errors.js';
import { createSSEParser } from '../sse/index.js';
import type { UIMessageChunk } from './types.js';

export interface ReadUIMessageStreamOptions {
  /** Aborting rejects the pending read with the signal's reason and cancels the body. */
  signal?: AbortSignal;
}

/**
 * A UI message stream (a `Response` or its body bytes) → its chunks, in order.
 *
 * - A non-2xx `Response` throws `EdgechatError('http_error')` with `status` and the message of
 *   the body's `{ "error": { "message" } }` when it has one.
 * - Each SSE event's data is one chunk, whatever its event name (as the AI SDK reads it). It
 *   must be a JSON object with a string `type`, else `EdgechatError('invalid_chunk')` quoting
 *   the first 200 characters. Chunk types are not checked further: unknown ones are passed on
 *   (the builder ignores them).
 * - `data: [DONE]` ends the stream; the rest of the body is cancelled. A body that ends without
 *   it was cut off: `EdgechatError('stream_truncated')` after the chunks that did arrive.
 * - Stopping early (`break`, `return()`) or a throw cancels the body.
 */
export async function* readUIMessageStream(
  source: Response | ReadableStream<Uint8Array>,
  options: ReadUIMessageStreamOptions = {},
): AsyncGenerator<UIMessageChunk, void, undefined> {
  const { signal } = options;
  if (signal?.aborted) {
    // Nothing will read it: let the connection go.
    const unread = 'getReader' in source ? source : source.body;
    unread?.cancel(abortReason(signal)).catch(() => {});
    throw abortReason(signal);
  }
  const body = await openBody(source, signal);
  const reader = body.getReader();
  // ignoreBOM keeps a leading BOM in the text: the SSE parser strips exactly one.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const pending: string[] = [];
  const parser = createSSEParser({ onEvent: (event) => pending.push(event.data) });
  let bodyDone = false;

  try {
    for (;;) {
      for (let i = 0; i < pending.length; i++) {
        const data = pending[i] as string;
        if (data === '[DONE]') return;
        // An abort while the consumer was busy stops the chunks already decoded too.
        if (signal?.aborted) throw abortReason(signal);
        yield parseChunk(data);
      }
      pending.length = 0;
      if (bodyDone) {
        throw new EdgechatError('stream_truncated', 'The UI message stream ended without [DONE].');
      }
      const result = await readOrAbort(reader, signal);
      if (result.done) {
        bodyDone = true;
        parser.feed(decoder.decode());
        parser.end();
      } else {
        parser.feed(decoder.decode(result.value, { stream: true }));
      }
    }
  } finally {
    if (!bodyDone) {
      // Covers [DONE], an early return, an invalid chunk and an abort alike.
      reader.cancel(signal?.aborted ? signal.reason : undefined).catch(() => {});
    }
    reader.releaseLock();
  }
}

/** Parses one event's data; only the envelope is checked. */
function parseChunk(data: string): UIMessageChunk {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch (cause) {
    throw new EdgechatError('invalid_chunk', `Invalid JSON in UI message stream: ${quote(data)}`, {
      cause,
    });
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    typeof (value as { type?: unknown }).type !== 'string'
  ) {
    throw new EdgechatError(
      'invalid_chunk',
      `UI message chunk is not an object with a string "type": ${quote(data)}`,
    );
  }
  return value as UIMessageChunk;
}

async function openBody(
  source: Response | ReadableStream<Uint8Array>,
  signal: AbortSignal | undefined,
): Promise<ReadableStream<Uint8Array>> {
  // Duck-typed: `instanceof` fails across realms (workerd, polyfills, test runners).
  if ('getReader' in source) return source;
  if (!source.ok) {
    // Capped: an error page can be any size, and only its message is wanted.
    const text = source.body === null ? '' : await readPrefix(source.body, signal);
    throw new EdgechatError('http_error', httpErrorMessage(source, text), {
      status: source.status,
    });
  }
  if (source.body === null) {
    throw new EdgechatError('invalid_response', 'The response has no body.');
  }
  return source.body;
}

/** `{ "error": { "message" } }` (our worker's and OpenAI's error shape), else the status line. */
function httpErrorMessage(response: Response, body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    const message = (parsed as { error?: { message?: unknown } } | null)?.error?.message;
    if (typeof message === 'string' && message !== '') return message;
  } catch {
    // Not JSON: fall back to the status line.
  }
  const statusText = response.statusText === '' ? '' : ` ${response.statusText}`;
  return `HTTP ${response.status}${statusText}`;
}

function readOrAbort(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  signal: AbortSignal | undefined,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  return raceAbort(reader.read(), signal);
}
