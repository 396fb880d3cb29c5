import { describe, expect, it } from 'vitest';
import { INTERRUPTED_TOOL_CALL_CONTENT, toOpenAIMessages } from './to-openai-messages.js';
import type { UIMessage } from './types.js';

const time = { type: 'dynamic-tool', toolName: 'get_current_time' } as const;

describe('toOpenAIMessages', () => {
  it('turns a multi-step tool conversation into OpenAI messages, step by step', () => {
    const messages: UIMessage[] = [
      { id: 'u1', role: 'user', parts: [{ type: 'text', text: '서울과 뉴욕은 지금 몇 시?' }] },
      {
        id: 'a1',
        role: 'assistant',
        metadata: { model: 'gpt-4o' },
        parts: [
          { type: 'step-start' },
          { type: 'text', text: 'Let me check.', state: 'done' },
          {
            ...time,
            toolCallId: 'call_a',
            state: 'output-available',
            input: { timezone: 'Asia/Seoul' },
            output: { local: '09:00' },
          },
          {
            ...time,
            toolCallId: 'call_b',
            state: 'output-error',
            input: { timezone: 'America/NYC' },
            errorText: 'Unknown time zone "America/NYC"',
          },
          { type: 'step-start' },
          {
            ...time,
            toolCallId: 'call_c',
            state: 'output-available',
            input: { timezone: 'America/New_York' },
            output: { local: '19:00' },
          },
          { type: 'step-start' },
          { type: 'reasoning', text: 'Both known now.', state: 'done' },
          { type: 'text', text: '서울은 오전 9시, ', state: 'done' },
          { type: 'data-debug', data: { step: 3 } },
          { type: 'text', text: '뉴욕은 오후 7시입니다.', state: 'done' },
        ],
      },
      { id: 'u2', role: 'user', parts: [{ type: 'text', text: 'Thanks' }] },
    ];
    expect(toOpenAIMessages(messages, { system: 'You are helpful.' })).toStrictEqual([
      { role: 'system', content: 'You are helpful.' },
      { role: 'user', content: '서울과 뉴욕은 지금 몇 시?' },
      {
        role: 'assistant',
        content: 'Let me check.',
        tool_calls: [
          {
            id: 'call_a',
            type: 'function',
            function: { name: 'get_current_time', arguments: '{"timezone":"Asia/Seoul"}' },
          },
          {
            id: 'call_b',
            type: 'function',
            function: { name: 'get_current_time', arguments: '{"timezone":"America/NYC"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_a', content: '{"local":"09:00"}' },
      {
        role: 'tool',
        tool_call_id: 'call_b',
        // The part keeps no code: a tool that threw (`execution_failed`), as during the run.
        content:
          '{"error":{"code":"execution_failed","message":"Unknown time zone \\"America/NYC\\""}}',
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_c',
            type: 'function',
            function: { name: 'get_current_time', arguments: '{"timezone":"America/New_York"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_c', content: '{"local":"19:00"}' },
      { role: 'assistant', content: '서울은 오전 9시, 뉴욕은 오후 7시입니다.' },
      { role: 'user', content: 'Thanks' },
    ]);
  });

  it('answers interrupted calls, drops calls still streaming and empty steps', () => {
    const messages: UIMessage[] = [
      {
        id: 'a1',
        role: 'assistant',
        parts: [
          { type: 'text', text: 'Before any step-start.' },
          { type: 'step-start' },
          { type: 'reasoning', text: 'only reasoning: nothing to send' },
          { type: 'step-start' },
          { type: 'text', text: '' },
          { ...time, toolCallId: 'done', state: 'input-available', input: { timezone: 'UTC' } },
          { ...time, toolCallId: 'half', state: 'input-streaming', input: { timezone: 'As' } },
          {
            ...time,
            toolCallId: 'void',
            state: 'output-available',
            input: undefined,
            output: undefined,
          },
          { type: 'step-start' },
        ],
      },
    ];
    expect(toOpenAIMessages(messages)).toStrictEqual([
      { role: 'assistant', content: 'Before any step-start.' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'done',
            type: 'function',
            function: { name: 'get_current_time', arguments: '{"timezone":"UTC"}' },
          },
          { id: 'void', type: 'function', function: { name: 'get_current_time', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'done', content: INTERRUPTED_TOOL_CALL_CONTENT },
      { role: 'tool', tool_call_id: 'void', content: 'null' },
    ]);
    expect(INTERRUPTED_TOOL_CALL_CONTENT).toBe(
      '{"error":{"code":"aborted","message":"The tool call was interrupted before it completed."}}',
    );
  });

  it('maps user and system messages to their text, one line per text part', () => {
    const messages: UIMessage[] = [
      { id: 's', role: 'system', parts: [{ type: 'text', text: 'Be brief.' }] },
      {
        id: 'u',
        role: 'user',
        parts: [
          { type: 'text', text: 'first' },
          { type: 'data-attachment', data: { name: 'x.txt' } },
          { type: 'text', text: 'second' },
        ],
      },
      { id: 'e', role: 'user', parts: [] },
    ];
    expect(toOpenAIMessages(messages, { system: '' })).toStrictEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'first\nsecond' },
      { role: 'user', content: '' },
    ]);
  });

  it('returns an empty array for no messages and no system prompt', () => {
    expect(toOpenAIMessages([])).toStrictEqual([]);
  });
});
