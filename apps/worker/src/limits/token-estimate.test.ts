import type { RunChatResult } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { estimateTokens, outputCharsOf, reportedTokens, turnTokens } from './token-estimate.js';

const usage = { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 };
const answered = (extra: Partial<RunChatResult> = {}): RunChatResult => ({
  messages: [{ role: 'assistant', content: 'x'.repeat(40) }],
  finishReason: 'stop',
  steps: 1,
  aborted: false,
  ...extra,
});

describe('estimateTokens', () => {
  it('is a quarter of the prompt bytes plus a quarter of the output characters, each rounded up', () => {
    expect(estimateTokens(4000, 400)).toBe(1100);
    expect(estimateTokens(1, 1)).toBe(2);
    expect(estimateTokens(0, 0)).toBe(0);
  });

  it('counts negative and non-finite amounts as nothing', () => {
    expect(estimateTokens(-8, NaN)).toBe(0);
    expect(estimateTokens(Infinity, 8)).toBe(2);
  });
});

describe('outputCharsOf', () => {
  it("counts the assistant's text, reasoning, refusal and tool calls, not the tool results", () => {
    expect(
      outputCharsOf([
        { role: 'assistant', content: 'abcd', reasoning_content: 'ef', refusal: 'g' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'c1', type: 'function', function: { name: 'now', arguments: '{"a":1}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'c1', content: 'a long tool result' },
      ]),
    ).toBe(4 + 2 + 1 + 3 + 7);
  });
});

describe('reportedTokens', () => {
  it('takes total_tokens, else prompt + completion, else nothing', () => {
    expect(reportedTokens(usage)).toBe(150);
    expect(reportedTokens({ prompt_tokens: 5, completion_tokens: 7 } as never)).toBe(12);
    expect(reportedTokens({ total_tokens: 'many' } as never)).toBeUndefined();
    expect(reportedTokens(undefined)).toBeUndefined();
  });
});

describe('turnTokens', () => {
  it('a completed turn with usage: exactly the usage', () => {
    expect(turnTokens(answered({ usage }), 1_000_000)).toBe(150);
  });

  it('no usage: the estimate from the prompt bytes and the output', () => {
    expect(turnTokens(answered(), 400)).toBe(100 + 10);
  });

  it('a failed or aborted turn: the larger of the usage and the estimate', () => {
    expect(turnTokens(answered({ usage, finishReason: 'error' }), 4000)).toBe(1010);
    expect(turnTokens(answered({ usage, aborted: true, finishReason: 'other' }), 40)).toBe(150);
  });
});
