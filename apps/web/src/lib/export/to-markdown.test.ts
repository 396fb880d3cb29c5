import type { UIMessage } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { conversationToMarkdown, fenced } from './to-markdown.js';

const LABELS = {
  you: 'You',
  assistant: 'Assistant',
  toolArguments: 'Arguments',
  toolResult: 'Result',
  toolError: 'Error',
};

describe('conversationToMarkdown', () => {
  it('writes speakers, text, reasoning as a quote and tool calls as collapsed details', () => {
    const messages: UIMessage[] = [
      { id: 'u', role: 'user', parts: [{ type: 'text', text: 'Time in Seoul?' }] },
      {
        id: 'a',
        role: 'assistant',
        parts: [
          { type: 'reasoning', text: 'Look it up.\n\nThen answer.' },
          { type: 'step-start' },
          {
            type: 'dynamic-tool',
            toolCallId: 'c1',
            toolName: 'get_current_time',
            state: 'output-available',
            input: { timezone: 'Asia/Seoul' },
            output: { time: '09:15' },
          },
          {
            type: 'dynamic-tool',
            toolCallId: 'c2',
            toolName: '<b>x</b>',
            state: 'output-error',
            input: {},
            errorText: 'no such zone',
          },
          { type: 'text', text: 'It is **09:15**.' },
        ],
      },
    ];
    expect(conversationToMarkdown('Seoul\ntime', messages, LABELS)).toBe(
      [
        '# Seoul time',
        '',
        '## You',
        '',
        'Time in Seoul?',
        '',
        '## Assistant',
        '',
        '> Look it up.',
        '>',
        '> Then answer.',
        '',
        '<details>',
        '<summary>get_current_time (Asia/Seoul)</summary>',
        '',
        '**Arguments**',
        '',
        '```json',
        '{\n  "timezone": "Asia/Seoul"\n}',
        '```',
        '',
        '**Result**',
        '',
        '```json',
        '{\n  "time": "09:15"\n}',
        '```',
        '',
        '</details>',
        '',
        '<details>',
        '<summary>&lt;b&gt;x&lt;/b&gt;</summary>',
        '',
        '**Arguments**',
        '',
        '```json',
        '{}',
        '```',
        '',
        '**Error**',
        '',
        '```',
        'no such zone',
        '```',
        '',
        '</details>',
        '',
        'It is **09:15**.',
        '',
      ].join('\n'),
    );
  });

  it('fences code so that backticks inside cannot close it', () => {
    expect(fenced('a ```` b', 'json')).toBe('`````json\na ```` b\n`````');
  });
});
