import { createChatCompletionChunk } from '../openai/chunk.js';
import type { ChatCompletionChunk, ChatCompletionChunkDelta } from '../openai/wire-types.js';
import { deterministicId } from './deterministic-id.js';
import type { DemoReply } from './plan-reply.js';
import { tokenizeArguments, tokenizeText } from './tokenize.js';

export interface ChunkContext {
  /** Hashed into every id, so one input always streams the same bytes. */
  seed: string;
  model: string;
  created: number;
  promptTokens: number;
}

/**
 * The chunks OpenAI streams for `reply`, field for field: the first delta carries the role (and,
 * for tool calls, the first call's id/type/name with `arguments: ""`), each later one a token or
 * an arguments fragment; then an empty delta with the finish reason, then the usage chunk with
 * `choices: []` that `stream_options.include_usage` asks for (the demo always sends it).
 */
export function buildChunks(reply: DemoReply, context: ChunkContext): ChatCompletionChunk[] {
  const id = deterministicId('chatcmpl-', context.seed, 29);
  const chunk = (
    delta: ChatCompletionChunkDelta,
    finishReason: string | null = null,
  ): ChatCompletionChunk =>
    createChatCompletionChunk({
      id,
      created: context.created,
      model: context.model,
      serviceTier: 'default',
      systemFingerprint: 'fp_edgechat_demo',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      usage: null,
    });

  const chunks: ChatCompletionChunk[] = [];
  let completionTokens = 0;
  // As DeepSeek streams a thinking model: the thoughts in `reasoning_content`, before any
  // content or tool call, counted in usage's `reasoning_tokens`.
  let reasoningTokens = 0;
  if (reply.reasoning !== undefined) {
    chunks.push(chunk({ role: 'assistant', content: null, reasoning_content: '' }));
    for (const token of tokenizeText(reply.reasoning)) {
      chunks.push(chunk({ reasoning_content: token }));
      reasoningTokens++;
    }
    completionTokens += reasoningTokens;
  }
  if (reply.type === 'text') {
    chunks.push(chunk({ role: 'assistant', content: '', refusal: null }));
    for (const token of tokenizeText(reply.text)) {
      chunks.push(chunk({ content: token }));
      completionTokens++;
    }
    chunks.push(chunk({}, 'stop'));
  } else {
    reply.calls.forEach((call, index) => {
      const start = {
        index,
        id: deterministicId('call_', `${context.seed}#${index}`, 24),
        type: 'function' as const,
        function: { name: call.name, arguments: '' },
      };
      chunks.push(
        chunk(
          index === 0
            ? { role: 'assistant', content: null, tool_calls: [start], refusal: null }
            : { tool_calls: [start] },
        ),
      );
      for (const fragment of tokenizeArguments(call.arguments)) {
        chunks.push(chunk({ tool_calls: [{ index, function: { arguments: fragment } }] }));
        completionTokens++;
      }
      completionTokens += 4; // the call's name and framing, roughly what OpenAI counts
    });
    chunks.push(chunk({}, 'tool_calls'));
  }

  chunks.push({
    ...chunk({}),
    choices: [],
    usage: {
      prompt_tokens: context.promptTokens,
      completion_tokens: completionTokens,
      total_tokens: context.promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: reasoningTokens,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
  });
  return chunks;
}
