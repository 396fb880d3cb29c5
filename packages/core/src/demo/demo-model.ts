import type { ChatModel } from '../run/types.js';
import { encodeChatCompletionStream } from '../openai/encode-chat-completion-stream.js';
import { buildChunks } from './build-chunks.js';
import { pacedStream } from './paced-stream.js';
import { planReply } from './plan-reply.js';

export interface DemoModelOptions {
  /** Wait between two streamed chunks (≈ tokens), in ms. Default 20; 0 streams at once (tests). */
  delayMs?: number;
  /** The `model` the chunks report. Default `'edgechat-demo'`. */
  model?: string;
}

export const DEMO_MODEL_ID = 'edgechat-demo';
const DEFAULT_DELAY_MS = 20;
// 2025-01-01T00:00:00Z. Fixed rather than Date.now(): one input must always give the same bytes.
const CREATED = 1_735_689_600;
// OpenAI's tokenizers average about four characters of English per token.
const CHARS_PER_TOKEN = 4;

/**
 * An offline `ChatModel` that streams real OpenAI Chat Completions SSE bytes, so the whole
 * pipeline runs without an API key. It answers in the language of the last user message
 * (Hangul → Korean): a time question calls `get_current_time` once per city, in parallel, and
 * the next step answers from the results; anything else gets a markdown note about demo mode.
 * Deterministic: the same request always streams the same bytes (ids are hashed from it).
 *
 * @example
 * const stream = runChat({ model: createDemoModel(), messages, tools: createToolRegistry([getCurrentTime]) });
 */
export function createDemoModel(options: DemoModelOptions = {}): ChatModel {
  const delayMs = options.delayMs ?? DEFAULT_DELAY_MS;
  if (!Number.isFinite(delayMs) || delayMs < 0) {
    throw new RangeError(`delayMs must be a finite number ≥ 0, got ${delayMs}`);
  }
  const model = options.model ?? DEMO_MODEL_ID;

  return async ({ messages, tools, signal }) => {
    // Like fetch: a request whose signal already fired is rejected with the signal's reason.
    if (signal?.aborted === true) throw signal.reason;
    const reply = planReply(messages, tools);
    const seed = JSON.stringify([model, messages, tools?.map((tool) => tool.function.name)]);
    const chunks = buildChunks(reply, {
      seed,
      model,
      created: CREATED,
      promptTokens: Math.ceil(seed.length / CHARS_PER_TOKEN),
    });
    const body = pacedStream(encodeChatCompletionStream(chunks), { delayMs, signal });
    return new Response(body, {
      headers: { 'content-type': 'text/event-stream; charset=utf-8' },
    });
  };
}
