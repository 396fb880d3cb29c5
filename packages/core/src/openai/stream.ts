import { createChatCompletionAccumulator } from './accumulator.js';
import { readChunkBatches } from './read-chunk-batches.js';
import { nextBatch } from './for-each-chunk-batch.js';
import { assertComplete } from './stream-end.js';
import type { StreamEnd } from './stream-end.js';
import type {
  ChatCompletionResult,
  ChatCompletionSource,
  ChatStreamEvent,
  MessageLimits,
  StreamOptions,
} from './types.js';

export interface StreamChatCompletionOptions extends StreamOptions, MessageLimits {
  /** See `createChatCompletionAccumulator`: `false` skips `partialInput`. Default `true`. */
  partialInput?: boolean;
  /** See `createChatCompletionAccumulator`. Default `false`. */
  thinkTags?: boolean;
}

/**
 * Reads an OpenAI Chat Completions streaming response as typed events (see
 * `createChatCompletionAccumulator` for what each means), and returns the merged
 * `ChatCompletionResult` as the generator's return value — `for await` drops it; call
 * `next()` yourself when you want the events and the result from one pass.
 *
 * At the end of the stream, tool calls still open get their `tool-call-end`. A stream that
 * ends (or whose body fails) with neither `[DONE]` nor any finish_reason throws EdgechatError
 * `stream_truncated` after the events of what arrived, with `partial` = that result and no
 * `tool-call-end` for calls cut off. An answer over `maxMessageBytes` or `maxToolCalls`
 * throws `stream_too_large` and cancels the body. Other errors: as `readChatCompletionChunks`. A
 * non-streaming `chat.completion` JSON body is read too.
 *
 * @example
 * for await (const event of streamChatCompletion(response)) {
 *   if (event.type === 'text-delta') process.stdout.write(event.delta);
 * }
 */
export async function* streamChatCompletion(
  source: ChatCompletionSource,
  options: StreamChatCompletionOptions = {},
): AsyncGenerator<ChatStreamEvent, ChatCompletionResult, undefined> {
  const accumulator = createChatCompletionAccumulator({
    partialInput: options.partialInput,
    thinkTags: options.thinkTags,
    maxMessageBytes: options.maxMessageBytes,
    maxToolCalls: options.maxToolCalls,
  });
  const batches = readChunkBatches(source, options.signal, options.maxEventBytes);
  let end: StreamEnd;
  let reading = true;
  try {
    for (;;) {
      const step = await nextBatch(batches);
      if (step.end !== undefined) {
        reading = false;
        end = step.end;
        break;
      }
      for (const chunk of step.chunks) {
        for (const event of accumulator.push(chunk)) yield event;
      }
    }
  } finally {
    // Left early (the consumer broke out of its loop): the reader's finally cancels the body.
    if (reading) await batches.return(false);
  }
  assertComplete(end, accumulator);
  for (const event of accumulator.flush()) yield event;
  return accumulator.finish();
}
