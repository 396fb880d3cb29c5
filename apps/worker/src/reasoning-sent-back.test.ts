import type { OpenAIMessage } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { PRESETS } from './presets.js';
import { withReasoningForUpstream } from './reasoning-sent-back.js';

const call = { id: 'call_1', type: 'function' as const, function: { name: 'f', arguments: '{}' } };
const history: OpenAIMessage[] = [
  { role: 'user', content: 'Hi' },
  { role: 'assistant', content: 'Hello', reasoning_content: 'Greet back.' },
  { role: 'user', content: 'Time?' },
  { role: 'assistant', content: null, reasoning_content: 'Need a tool.', tool_calls: [call] },
  { role: 'tool', tool_call_id: 'call_1', content: '"noon"' },
];

describe('withReasoningForUpstream', () => {
  it('DeepSeek gets the reasoning back on the tool-call turn only', () => {
    expect(withReasoningForUpstream(history, PRESETS.deepseek)).toEqual([
      history[0],
      { role: 'assistant', content: 'Hello' },
      history[2],
      history[3],
      history[4],
    ]);
  });

  it.each(['openai', 'openrouter', 'groq', 'azure', 'vllm'] as const)(
    '%s gets no reasoning field at all',
    (name) => {
      const sent = withReasoningForUpstream(history, PRESETS[name]);
      expect(sent.filter((message) => 'reasoning_content' in message)).toEqual([]);
      expect(sent[3]).toEqual({ role: 'assistant', content: null, tool_calls: [call] });
    },
  );

  it('a history without reasoning is passed on as it is (no copy), and nothing is mutated', () => {
    const plain = history.filter((message) => message.role !== 'assistant');
    expect(withReasoningForUpstream(plain, PRESETS.openai)).toBe(plain);
    const before = structuredClone(history);
    withReasoningForUpstream(history, PRESETS.openai);
    expect(history).toEqual(before);
  });
});
