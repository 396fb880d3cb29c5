import { describe, expect, it } from 'vitest';
import { addUsage } from './add-usage.js';

describe('addUsage', () => {
  it('sums tokens, including nested details, keeping the OpenAI shape', () => {
    expect(
      addUsage(
        {
          prompt_tokens: 10,
          completion_tokens: 5,
          total_tokens: 15,
          prompt_tokens_details: { cached_tokens: 2, audio_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 1 },
        },
        {
          prompt_tokens: 30,
          completion_tokens: 7,
          total_tokens: 37,
          prompt_tokens_details: { cached_tokens: 8 },
          completion_tokens_details: null,
        },
      ),
    ).toEqual({
      prompt_tokens: 40,
      completion_tokens: 12,
      total_tokens: 52,
      prompt_tokens_details: { cached_tokens: 10, audio_tokens: 0 },
      completion_tokens_details: null,
    });
  });

  it('returns the side that exists when the other is missing', () => {
    const usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 };
    expect([
      addUsage(undefined, usage),
      addUsage(usage, undefined),
      addUsage(undefined, undefined),
    ]).toEqual([usage, usage, undefined]);
  });

  it('does not modify its arguments', () => {
    const a = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2, details: { x: 1 } };
    const b = { prompt_tokens: 2, completion_tokens: 2, total_tokens: 4, details: { x: 2 } };
    addUsage(a, b);
    expect([a, b]).toEqual([
      { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2, details: { x: 1 } },
      { prompt_tokens: 2, completion_tokens: 2, total_tokens: 4, details: { x: 2 } },
    ]);
  });
});
