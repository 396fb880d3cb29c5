import { EdgechatError } from '../base/errors.js';
import { openBody } from '../base/body.js';
import { DEFAULT_MAX_EVENT_BYTES, limitOption, tooLargeError } from '../base/limits.js';
import { createEventStreamText } from '../sse/event-stream-text.js';
import { createJsonEventParser } from '../sse/json-event-parser.js';
import { completionAsChunk } from './completion-as-chunk.js';
import { chunkOf, upstreamErrorFromEvent } from './parse-chunk.js';
import type { ChatCompletionChunk, ChatCompletionSource } from './types.js';

const JSON_CONTENT_TYPE = /^\s*application\/(?:[^;]*\+)?json\s*(?:;|$)/i;

/**
 * The engine under `readChatCompletionChunks`, `streamChatCompletion` and
 * `collectChatCompletion`: reads the body and yields the chunks of each network read as one
 * array — one generator step per read, not per chunk, which keeps the per-chunk cost at
 * decode + SSE parse + JSON.parse. Returns whether the stream ended with `data: [DONE]`.
 *
 * - Stops at `data: [DONE]` and cancels the rest of the body.
 * - Only events named `message` (the default, all OpenAI sends) carry chunks; an
 *   `event: error` is an upstream error (some compatible servers report failures that way);
 *   events with other names are ignored, like comments and keep-alives.
 * - Chunks that arrived before an error in the same read are yielded first, so the consumer
 *   sees the same sequence however the bytes were cut.
 * - A body that is JSON (content-type `application/json`, or first non-blank character `{`)
 *   is read whole as a non-streaming `chat.completion` and yielded as one chunk.
 * - A body that fails mid-read, or ends inside a data line that is not JSON (the connection
 *   dropped mid-frame), throws `stream_truncated`, with the failure as `cause`.
 * - An event longer than `maxEventBytes` (a JSON body counts as one event) throws
 *   `stream_too_large`, after the chunks before it, and cancels the body: nothing more is read.
 * - Leaving early (break, throw, abort) cancels the body; abort throws the signal's reason.
 */
export async function* readChunkBatches(
  source: ChatCompletionSource,
  signal: AbortSignal | undefined,
  maxEventBytes?: number,
): AsyncGenerator<ChatCompletionChunk[], boolean, undefined> {
  const body = await openBody(source, signal);
  try {
    // Inside the try: a bad option (a RangeError) still cancels the body.
    const maxEvent = limitOption('maxEventBytes', maxEventBytes, DEFAULT_MAX_EVENT_BYTES);
    const decoder = createEventStreamText();
    let chunks: ChatCompletionChunk[] = [];
    // The first error stops the read; the chunks before it in the same read still go out.
    let failure: Error | undefined;
    // Set before end(): an event it dispatches had no blank line, so the body was cut in it.
    let atEnd = false;
    const parser = createJsonEventParser(
      {
        onEvent(value, { event, data }) {
          if (failure !== undefined) return;
          if (event === 'error') failure = upstreamErrorFromEvent(value, data);
          else if (event === 'message') {
            try {
              chunks.push(chunkOf(value, data));
            } catch (error) {
              failure = error as Error;
            }
          }
        },
        onError(error, { event, data }) {
          if (failure !== undefined) return;
          if (event === 'error') failure = upstreamErrorFromEvent(data, data);
          else if (event !== 'message') return;
          else if (!atEnd) failure = error;
          else {
            failure = new EdgechatError(
              'stream_truncated',
              'the stream ended in the middle of a data line',
              { cause: error },
            );
          }
        },
      },
      { maxEventBytes: maxEvent },
    );
    let format: 'unknown' | 'sse' | 'json' = JSON_CONTENT_TYPE.test(body.contentType)
      ? 'json'
      : 'unknown';
    const jsonText: string[] = [];
    let jsonLength = 0;

    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await body.reader.read();
      } catch (error) {
        body.throwIfAborted();
        throw new EdgechatError(
          'stream_truncated',
          `the response body failed: ${describe(error)}`,
          {
            cause: error,
          },
        );
      }
      body.throwIfAborted();
      if (result.done) body.markEnded();
      const text = result.done ? decoder.flush() : decoder.decode(result.value);
      if (format === 'unknown') format = sniffFormat(text);

      if (format === 'json') {
        jsonText.push(text);
        jsonLength += text.length;
        if (jsonLength > maxEvent) throw tooLargeError('the JSON body', 'maxEventBytes', maxEvent);
        if (!result.done) continue;
        const json = jsonText.join('');
        // The decoder keeps a leading BOM (the SSE parser strips it); JSON.parse would not.
        yield [completionAsChunk(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json)];
        return true;
      }

      try {
        if (text !== '') parser.feed(text);
        if (result.done) {
          atEnd = true;
          parser.end();
        }
      } catch (error) {
        // Only the size cap throws here (the handlers catch their own errors).
        failure ??= error as Error;
      }
      if (chunks.length > 0) {
        const batch = chunks;
        chunks = [];
        yield batch;
      }
      if (failure !== undefined) throw failure;
      if (parser.done) return true;
      if (result.done) return false;
    }
  } finally {
    body.close();
  }
}

/** An event stream starts with a field name, a ':' comment or a blank line; JSON with '{'. */
function sniffFormat(text: string): 'unknown' | 'sse' | 'json' {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) continue;
    if (code === 0xfeff && i === 0) continue; // the decoder keeps a BOM for the SSE parser
    return code === 0x7b ? 'json' : 'sse';
  }
  return 'unknown';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
