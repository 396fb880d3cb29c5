import { describe, expect, it } from 'vitest';
import { addText, choiceResult } from './choice-state.js';
import type { ChoiceState } from './choice-state.js';
import { createToolCallMerger } from './tool-calls.js';
import type { ChatStreamEvent } from './types.js';

function state(overrides: Partial<ChoiceState> = {}): ChoiceState {
  return {
    index: 0,
    content: [],
    sawContent: false,
    refusal: [],
    reasoning: [],
    thinkTags: undefined,
    toolCalls: undefined,
    finishReason: null,
    ...overrides,
  };
}

describe('choiceResult: content as the non-streaming response would give it', () => {
  it('joins the pieces and keeps reasoning apart', () => {
    const events: ChatStreamEvent[] = [];
    const s = state({ sawContent: true, reasoning: ['think', 'ing'], finishReason: 'stop' });
    addText(s, 'Hel', events);
    addText(s, 'lo', events);
    expect(events).toEqual([
      { type: 'text-delta', choice: 0, delta: 'Hel' },
      { type: 'text-delta', choice: 0, delta: 'lo' },
    ]);
    expect(choiceResult(s)).toEqual({
      index: 0,
      message: { role: 'assistant', content: 'Hello', reasoning_content: 'thinking' },
      finishReason: 'stop',
    });
  });

  it("is '' for a text turn that said nothing, null when no content came", () => {
    expect(choiceResult(state({ sawContent: true })).message).toEqual({
      role: 'assistant',
      content: '',
    });
    expect(choiceResult(state()).message).toEqual({ role: 'assistant', content: null });
  });

  it("is null for a turn of tool calls or a refusal, even after content: ''", () => {
    const toolCalls = createToolCallMerger(0, false);
    toolCalls.merge({ index: 0, id: 'call_1', function: { name: 'f', arguments: '' } }, undefined);
    expect(choiceResult(state({ sawContent: true, toolCalls })).message).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }],
    });
    expect(choiceResult(state({ sawContent: true, refusal: ['no'] })).message).toEqual({
      role: 'assistant',
      content: null,
      refusal: 'no',
    });
  });
});
