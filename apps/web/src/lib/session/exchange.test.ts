import type { UIMessage } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { createExchangeView } from './exchange.js';

const QUESTION: UIMessage = {
  id: 'u',
  role: 'user',
  parts: [{ type: 'text', text: '서울 몇 시야?' }],
};
const ANSWER: UIMessage = {
  id: 'a',
  role: 'assistant',
  metadata: { model: 'gpt-4o' },
  parts: [
    { type: 'step-start' },
    {
      type: 'dynamic-tool',
      toolCallId: 'call_a',
      toolName: 'get_current_time',
      state: 'output-available',
      input: { timezone: 'Asia/Seoul' },
      output: { local: '09:00' },
    },
    { type: 'step-start' },
    { type: 'text', text: '9시입니다.' },
  ],
};

describe('createExchangeView', () => {
  it('converts the request (system prompt first) and the answer as the worker does', () => {
    expect(createExchangeView()([QUESTION], ANSWER, 'Be brief.')).toEqual({
      request: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: '서울 몇 시야?' },
      ],
      systemHidden: false,
      answer: [
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_a',
              type: 'function',
              function: { name: 'get_current_time', arguments: '{"timezone":"Asia/Seoul"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_a', content: '{"local":"09:00"}' },
        { role: 'assistant', content: '9시입니다.' },
      ],
    });
  });

  it('says when the system prompt is not known, and has no answer before one shows', () => {
    expect(createExchangeView()([QUESTION], undefined, undefined)).toEqual({
      request: [{ role: 'user', content: '서울 몇 시야?' }],
      systemHidden: true,
      answer: [],
    });
  });

  it('converts again only what changed', () => {
    const view = createExchangeView();
    const sent = [QUESTION];
    const first = view(sent, undefined, 'Be brief.');
    expect(view(sent, undefined, 'Be brief.')).toBe(first);
    const answered = view(sent, ANSWER, 'Be brief.');
    expect(answered.request).toBe(first.request);
    expect(answered.answer).toHaveLength(3);
    const newPrompt = view(sent, ANSWER, 'Be kind.');
    expect(newPrompt.request[0]).toEqual({ role: 'system', content: 'Be kind.' });
    expect(view([...sent], ANSWER, 'Be kind.').request).not.toBe(newPrompt.request);
  });
});
