import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk, ChatCompletionChunkDelta } from '../openai/types.js';
import { buildChunks } from './build-chunks.js';
import { deterministicId } from './deterministic-id.js';

const context = { seed: 'seed', model: 'edgechat-demo', created: 1_735_689_600, promptTokens: 7 };
const id = deterministicId('chatcmpl-', 'seed', 29);
const chunk = (
  delta: ChatCompletionChunkDelta,
  finishReason: string | null = null,
): ChatCompletionChunk => ({
  id,
  object: 'chat.completion.chunk',
  created: 1_735_689_600,
  model: 'edgechat-demo',
  service_tier: 'default',
  system_fingerprint: 'fp_edgechat_demo',
  choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  usage: null,
});
const usageChunk = (completion: number, reasoning = 0): ChatCompletionChunk => ({
  ...chunk({}),
  choices: [],
  usage: {
    prompt_tokens: 7,
    completion_tokens: completion,
    total_tokens: 7 + completion,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: reasoning,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  },
});

describe('buildChunks', () => {
  it('streams text as OpenAI does: role, tokens, finish, usage', () => {
    expect(buildChunks({ type: 'text', text: 'Hello there' }, context)).toEqual([
      chunk({ role: 'assistant', content: '', refusal: null }),
      chunk({ content: 'Hello ' }),
      chunk({ content: 'there' }),
      chunk({}, 'stop'),
      usageChunk(2),
    ]);
  });

  it('streams the reasoning first, in reasoning_content, counted as reasoning tokens', () => {
    expect(buildChunks({ type: 'text', text: 'Four', reasoning: 'Two plus two' }, context)).toEqual(
      [
        chunk({ role: 'assistant', content: null, reasoning_content: '' }),
        chunk({ reasoning_content: 'Two ' }),
        chunk({ reasoning_content: 'plus ' }),
        chunk({ reasoning_content: 'two' }),
        chunk({ role: 'assistant', content: '', refusal: null }),
        chunk({ content: 'Four' }),
        chunk({}, 'stop'),
        usageChunk(4, 3),
      ],
    );
  });

  it('streams parallel calls one after the other, arguments in fragments', () => {
    const first = deterministicId('call_', 'seed#0', 24);
    const second = deterministicId('call_', 'seed#1', 24);
    expect(
      buildChunks(
        {
          type: 'tool-calls',
          calls: [
            { name: 'get_current_time', arguments: '{"timezone":"UTC"}' },
            { name: 'noop', arguments: '{}' },
          ],
        },
        context,
      ),
    ).toEqual([
      chunk({
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            index: 0,
            id: first,
            type: 'function',
            function: { name: 'get_current_time', arguments: '' },
          },
        ],
        refusal: null,
      }),
      ...['{"', 'time', 'zone', '":"', 'UTC', '"}'].map((arguments_) =>
        chunk({ tool_calls: [{ index: 0, function: { arguments: arguments_ } }] }),
      ),
      chunk({
        tool_calls: [
          { index: 1, id: second, type: 'function', function: { name: 'noop', arguments: '' } },
        ],
      }),
      chunk({ tool_calls: [{ index: 1, function: { arguments: '{}' } }] }),
      chunk({}, 'tool_calls'),
      usageChunk(6 + 4 + 1 + 4),
    ]);
  });

  it('streams empty text as role, finish and usage only', () => {
    expect(buildChunks({ type: 'text', text: '' }, context)).toEqual([
      chunk({ role: 'assistant', content: '', refusal: null }),
      chunk({}, 'stop'),
      usageChunk(0),
    ]);
  });
});
