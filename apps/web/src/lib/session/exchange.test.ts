import { describe, expect, it } from 'vitest';
import { createExchangeView } from './exchange.js';
import { QUESTION, TOOL_TURN_EXCHANGE, TOOL_TURN_MESSAGE as ANSWER } from './test-kit.js';

describe('createExchangeView', () => {
  it('converts the request (system prompt first) and the answer as the worker does', () => {
    expect(createExchangeView()([QUESTION], ANSWER, 'Be brief.')).toEqual(TOOL_TURN_EXCHANGE);
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
