import { describe, expect, it } from 'vitest';
import { formatMessages } from './format-messages.js';

describe('formatMessages', () => {
  it('shows every message, system and tool included, and the tools offered', () => {
    expect(
      formatMessages(
        [
          { role: 'system', content: 'You are helpful.' },
          { role: 'user', content: 'Time in\nSeoul?' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: 'call_1',
                type: 'function',
                function: { name: 'get_current_time', arguments: '{"timezone":"Asia/Seoul"}' },
              },
            ],
          },
          { role: 'tool', tool_call_id: 'call_1', content: '{"local":"14:05"}' },
          { role: 'assistant', content: "It's 14:05.\n\n- ok" },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'a' },
              { type: 'text', text: 'b' },
            ],
          },
        ],
        [{ type: 'function', function: { name: 'get_current_time' } }],
      ),
    ).toBe(
      [
        '┌─ 6 messages → model',
        '│ system: You are helpful.',
        '│ user: Time in',
        '│   Seoul?',
        '│ assistant: → get_current_time({"timezone":"Asia/Seoul"}) call_1',
        '│ tool call_1: {"local":"14:05"}',
        "│ assistant: It's 14:05.",
        '│',
        '│   - ok',
        '│ user: a',
        '│   b',
        '└─ tools: get_current_time',
      ].join('\n'),
    );
  });

  it('says when no tools are offered', () => {
    expect(formatMessages([{ role: 'user', content: 'hi' }])).toBe(
      ['┌─ 1 message → model', '│ user: hi', '└─ tools: none'].join('\n'),
    );
  });
});
