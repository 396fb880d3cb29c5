import { createChunkMerger } from './accumulator.js';
import { readChunkBatches } from './read-chunk-batches.js';
import { assertComplete, endByFailure } from './stream-end.js';
import type { StreamEnd } from './stream-end.js';
import type {
  ChatCompletionChunk,
  ChatCompletionResult,
  ChatCompletionSource,
  StreamOptions,
} from './types.js';

/**
 * Reads a whole OpenAI Chat Completions response — a stream, or a non-streaming
 * `chat.completion` JSON body (content-type `application/json`, or a body starting with `{`)
 * — into one `ChatCompletionResult`, whose `message` can be sent back as it is.
 *
 * Errors as `streamChatCompletion`: a stream that ends with neither `[DONE]` nor any
 * finish_reason → EdgechatError `stream_truncated` with `partial`.
 *
 * @example
 * const { message, finishReason, usage } = await collectChatCompletion(await fetch(url, init));
 * messages.push(message);
 */
export async function collectChatCompletion(
  source: ChatCompletionSource,
  options: StreamOptions = {},
): Promise<ChatCompletionResult> {
  // Nobody sees events here: none are built, and arguments are not parsed as they stream.
  const merger = createChunkMerger(false);
  const batches = readChunkBatches(source, options.signal);
  let end: StreamEnd;
  let reading = true;
  try {
    for (;;) {
      let step: IteratorResult<ChatCompletionChunk[], boolean>;
      try {
        step = await batches.next();
      } catch (error) {
        reading = false;
        end = endByFailure(error);
        break;
      }
      if (step.done === true) {
        reading = false;
        end = { sawDone: step.value };
        break;
      }
      for (const chunk of step.value) merger.merge(chunk, undefined);
    }
  } finally {
    // Left early: the reader's finally cancels the body.
    if (reading) await batches.return(false);
  }
  assertComplete(end, merger);
  return merger.finish();
}
