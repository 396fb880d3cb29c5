import type { OpenAIMessage } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { upstreamProblem } from './upstream-shape.js';

const call = (id: string) => ({
  id,
  type: 'function' as const,
  function: { name: 'get_current_time', arguments: '{}' },
});

describe('upstreamProblem', () => {
  it('takes a history with its calls answered', () => {
    const messages: OpenAIMessage[] = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'time?' },
      { role: 'assistant', content: null, tool_calls: [call('a'), call('b')] },
      { role: 'tool', tool_call_id: 'b', content: '{}' },
      { role: 'tool', tool_call_id: 'a', content: '{}' },
      { role: 'assistant', content: 'Noon.' },
      { role: 'user', content: 'thanks' },
    ];
    expect(upstreamProblem(messages)).toBeUndefined();
  });

  it('names the first rule OpenAI would refuse', () => {
    const user: OpenAIMessage = { role: 'user', content: 'hi' };
    expect(
      [
        [],
        [user, { role: 'system', content: 'x' }],
        [user, { role: 'assistant', content: null }],
        [user, { role: 'assistant', content: null, tool_calls: [call('a')] }, user],
        [user, { role: 'tool', tool_call_id: 'a', content: '{}' }],
        [user, { role: 'assistant', content: null, tool_calls: [call('a')] }],
      ].map((messages) => upstreamProblem(messages as OpenAIMessage[])),
    ).toEqual([
      'no messages',
      'messages[1]: a system message after the first',
      'messages[1]: neither content nor tool_calls',
      'messages[2]: tool calls a have no result before it',
      'messages[1]: a result for "a", which no call waits for',
      'tool calls a have no result',
    ]);
  });
});
