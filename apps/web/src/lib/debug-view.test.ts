import type { UIMessage } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { createModelView, lastUsage, modelView } from './debug-view.js';
import { QUESTION, TOOL_TURN_EXCHANGE, TOOL_TURN_MESSAGE } from './session/test-kit.js';

const CONVERSATION: UIMessage[] = [
  QUESTION,
  {
    ...TOOL_TURN_MESSAGE,
    metadata: { usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 } },
  },
];

describe('modelView', () => {
  it('shows system, user, assistant with tool_calls, tool result, answer', () => {
    expect(modelView(TOOL_TURN_EXCHANGE, 'hidden')).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: '서울 몇 시야?' },
      {
        role: 'assistant',
        content: null,
        detail: JSON.stringify(
          {
            tool_calls: [
              {
                id: 'call_a',
                type: 'function',
                function: { name: 'get_current_time', arguments: '{"timezone":"Asia/Seoul"}' },
              },
            ],
          },
          null,
          2,
        ),
      },
      { role: 'tool', content: '{\n  "local": "09:00"\n}', detail: 'tool_call_id: call_a' },
      { role: 'assistant', content: '서울은 9시입니다.' },
    ]);
  });

  it('says the system prompt is on the server when it is not published', () => {
    expect(modelView({ request: [], systemHidden: true, answer: [] }, 'set on the server')).toEqual(
      [{ role: 'system', content: 'set on the server', placeholder: true }],
    );
  });
});

describe('lastUsage', () => {
  it('reads the usage of the last answer', () => {
    expect(lastUsage(CONVERSATION)).toEqual({ prompt: 100, completion: 20, total: 120 });
    expect(lastUsage([CONVERSATION[0] as UIMessage])).toBeUndefined();
    const reasoned: UIMessage = {
      ...TOOL_TURN_MESSAGE,
      metadata: {
        usage: {
          prompt_tokens: 10,
          completion_tokens: 50,
          total_tokens: 60,
          completion_tokens_details: { reasoning_tokens: 42 },
        },
      },
    };
    expect(lastUsage([reasoned])).toEqual({ prompt: 10, completion: 50, total: 60, reasoning: 42 });
    expect(lastUsage([{ id: 'x', role: 'assistant', parts: [] }])).toBeUndefined();
  });
});

describe('createModelView', () => {
  it('converts each message once while the answer grows', () => {
    const view = createModelView();
    const request = [{ role: 'user' as const, content: 'hi' }];
    const first = view({ request, systemHidden: false, answer: [] }, '');
    const second = view(
      { request, systemHidden: false, answer: [{ role: 'assistant', content: 'Hel' }] },
      '',
    );
    expect(second[0]).toBe(first[0]);
    expect(second).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'Hel' },
    ]);
  });
});
