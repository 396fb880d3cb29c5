import { readChunkBatches } from './read-chunk-batches.js';
import type { ChatCompletionChunk, ChatCompletionSource, StreamOptions } from './types.js';

/**
 * Yields each `chat.completion.chunk` of an OpenAI Chat Completions streaming response, in
 * order, including the final usage chunk (`choices: []`).
 *
 * - Stops at `data: [DONE]` and cancels the rest of the body. A body that simply ends is not
 *   an error here (`streamChatCompletion` / `collectChatCompletion` judge truncation, since
 *   they see the finish reasons).
 * - Throws EdgechatError: `http_error` (non-2xx Response: `<status> <API message or status
 *   text>`, `status` set), `invalid_chunk` (a data line that is not a JSON object; quoted up
 *   to 200 chars), `upstream_error` (an `{"error": …}` frame or an `event: error`),
 *   `stream_truncated` (the body failed mid-read; `cause` is the failure), `invalid_response`
 *   (a JSON body that is not a `chat.completion`), `stream_too_large` (an event over
 *   `maxEventBytes`; the body is cancelled).
 * - Events with a name other than `message` / `error` are ignored; OpenAI sends none.
 * - A non-streaming `chat.completion` JSON body is yielded as one equivalent chunk.
 * - `signal` aborts: the body is cancelled (the source's `cancel()` runs) and the signal's
 *   reason is thrown (a DOMException 'AbortError' unless you gave another). Leaving the loop
 *   early cancels the body too.
 *
 * @example
 * for await (const chunk of readChatCompletionChunks(await fetch(url, init))) {
 *   process.stdout.write(chunk.choices[0]?.delta.content ?? '');
 * }
 */
export async function* readChatCompletionChunks(
  source: ChatCompletionSource,
  options: StreamOptions = {},
): AsyncGenerator<ChatCompletionChunk, void, undefined> {
  for await (const chunks of readChunkBatches(source, options.signal, options.maxEventBytes)) {
    for (const chunk of chunks) yield chunk;
  }
}
