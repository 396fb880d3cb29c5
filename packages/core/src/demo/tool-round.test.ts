import { describe, expect, it } from 'vitest';
import type { OpenAIMessage } from '../openai/types.js';
import { readLastToolRound } from './tool-round.js';

const call = (id: string, name: string, args: string) => ({
  id,
  type: 'function' as const,
  function: { name, arguments: args },
});

describe('readLastToolRound', () => {
  it('pairs the last calls with their results by id, in call order', () => {
    const messages: OpenAIMessage[] = [
      { role: 'system', content: 'sys' },
      { role: 'user', content: 'time?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          call('a', 'get_current_time', '{"timezone":"Asia/Seoul"}'),
          call('b', 'get_current_time', '{"timezone":'),
          call('c', 'lookup', '{}'),
        ],
      },
      { role: 'tool', tool_call_id: 'c', content: 'plain text' },
      { role: 'tool', tool_call_id: 'a', content: '{"iso":"x"}' },
    ];
    expect(readLastToolRound(messages)).toEqual([
      { name: 'get_current_time', input: { timezone: 'Asia/Seoul' }, output: { iso: 'x' } },
      { name: 'get_current_time', input: undefined, output: undefined },
      { name: 'lookup', input: {}, output: 'plain text' },
    ]);
  });

  it('is undefined unless the conversation ends with tool results', () => {
    expect(readLastToolRound([])).toBeUndefined();
    expect(readLastToolRound([{ role: 'user', content: 'hi' }])).toBeUndefined();
    expect(
      readLastToolRound([
        { role: 'assistant', content: null, tool_calls: [call('a', 'x', '{}')] },
        { role: 'tool', tool_call_id: 'a', content: '1' },
        { role: 'assistant', content: 'done' },
      ]),
    ).toBeUndefined();
  });

  it('is empty for tool results that answer no assistant call', () => {
    expect(readLastToolRound([{ role: 'tool', tool_call_id: 'a', content: '1' }])).toEqual([]);
    expect(
      readLastToolRound([
        { role: 'user', content: 'hi' },
        { role: 'tool', tool_call_id: 'a', content: '1' },
      ]),
    ).toEqual([]);
  });
});
