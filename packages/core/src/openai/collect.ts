import { createChunkMerger } from './accumulator.js';
import { forEachChunkBatch } from './for-each-chunk-batch.js';
import { assertComplete } from './stream-end.js';
import type {
  ChatCompletionResult,
  ChatCompletionSource,
  MessageLimits,
  StreamOptions,
} from './types.js';

/**
 * Reads a whole OpenAI Chat Completions response — a stream, or a non-streaming
 * `chat.completion` JSON body (content-type `application/json`, or a body starting with `{`)
 * — into one `ChatCompletionResult`, whose `message` can be sent back as it is.
 *
 * Errors as `streamChatCompletion`: a stream that ends with neither `[DONE]` nor any
 * finish_reason → EdgechatError `stream_truncated` with `partial`; over a cap (`maxEventBytes`,
 * `maxMessageBytes`, `maxToolCalls`) → `stream_too_large`, the body cancelled.
 *
 * @example
 * const { message, finishReason, usage } = await collectChatCompletion(await fetch(url, init));
 * messages.push(message);
 */
export interface CollectChatCompletionOptions extends StreamOptions, MessageLimits {
  /** See `createChatCompletionAccumulator`. Default `false`. */
  thinkTags?: boolean;
}

export async function collectChatCompletion(
  source: ChatCompletionSource,
  options: CollectChatCompletionOptions = {},
): Promise<ChatCompletionResult> {
  // Nobody sees events here: none are built, and arguments are not parsed as they stream.
  const merger = createChunkMerger({
    partialInput: false,
    thinkTags: options.thinkTags ?? false,
    limits: options,
  });
  const end = await forEachChunkBatch(
    source,
    options.signal,
    (chunks) => {
      for (const chunk of chunks) merger.merge(chunk, undefined);
    },
    options.maxEventBytes,
  );
  assertComplete(end, merger);
  return merger.finish();
}
