import type {
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChatCompletionChunkDelta,
  CompletionUsage,
} from './wire-types.js';

/** Everything a `chat.completion.chunk` carries besides `object`. */
export interface ChatCompletionChunkFields {
  id: string;
  created: number;
  model: string;
  /** Written only when given (OpenAI sends it; a non-streaming body may not have it). */
  serviceTier?: string | null;
  /** Written only when given. */
  systemFingerprint?: string | null;
  choices: ChatCompletionChunkChoice[];
  /** Written only when given: OpenAI sends `null` on every chunk but the usage one. */
  usage?: CompletionUsage | null;
}

/**
 * The one constructor of `chat.completion.chunk` objects in the core (the demo model, the
 * non-streaming body read as a chunk, the test encoder), so they all have OpenAI's own field
 * order and read like a recording: `{"id","object","created","model","service_tier",
 * "system_fingerprint","choices","usage"}`.
 */
export function createChatCompletionChunk(fields: ChatCompletionChunkFields): ChatCompletionChunk {
  const chunk: ChatCompletionChunk = {
    id: fields.id,
    object: 'chat.completion.chunk',
    created: fields.created,
    model: fields.model,
  } as ChatCompletionChunk;
  if (fields.serviceTier !== undefined) chunk.service_tier = fields.serviceTier;
  if (fields.systemFingerprint !== undefined) chunk.system_fingerprint = fields.systemFingerprint;
  chunk.choices = fields.choices;
  if (fields.usage !== undefined) chunk.usage = fields.usage;
  return chunk;
}

export interface ChatCompletionChunkOptions {
  /** The choice's `finish_reason`. Default `null`. */
  finishReason?: string | null;
  /** The choice's `index`. Default 0. */
  choice?: number;
  /** Adds `usage` after `choices`, as OpenAI's last chunk has it with `include_usage`. */
  usage?: CompletionUsage | null;
  id?: string;
  model?: string;
  created?: number;
}

/**
 * Builds a chunk in OpenAI's own field order, so its JSON reads like a recording:
 * `{"id","object","created","model","service_tier","system_fingerprint","choices":[{"index",
 * "delta","logprobs","finish_reason"}],"usage"?}`. `delta: null` gives the `choices: []` chunk
 * that carries only `usage`.
 *
 * @example
 * encodeChatCompletionStream([
 *   chatCompletionChunk({ role: 'assistant', content: '' }),
 *   chatCompletionChunk({ content: 'Hello' }),
 *   chatCompletionChunk({}, { finishReason: 'stop' }),
 * ])
 */
export function chatCompletionChunk(
  delta: ChatCompletionChunkDelta | null,
  options: ChatCompletionChunkOptions = {},
): ChatCompletionChunk {
  return createChatCompletionChunk({
    id: options.id ?? 'chatcmpl-test',
    created: options.created ?? 1_750_000_000,
    model: options.model ?? 'gpt-4o-2024-08-06',
    serviceTier: 'default',
    systemFingerprint: 'fp_test',
    choices:
      delta === null
        ? []
        : [
            {
              index: options.choice ?? 0,
              delta,
              logprobs: null,
              finish_reason: options.finishReason ?? null,
            },
          ],
    ...(options.usage === undefined ? {} : { usage: options.usage }),
  });
}
