import { describe, expect, it } from 'vitest';
import { asksToThink, demoReasoning } from './reasoning.js';

describe('asksToThink', () => {
  it.each([
    'Think it through: what time is it in Seoul?',
    'Can you reason about this?',
    'Explain step by step',
    'step-by-step please',
    '생각해 보고 알려 줘: 서울 몇 시야?',
    '추론 과정을 보여 줘',
  ])('%s → yes', (text) => expect(asksToThink(text)).toBe(true));

  it.each(['What time is it in Seoul?', 'reasonable prices', '서울 몇 시야?', ''])(
    '%s → no',
    (text) => expect(asksToThink(text)).toBe(false),
  );
});

describe('demoReasoning', () => {
  it('talks about the calls it is about to make, in both languages', () => {
    expect(demoReasoning({ type: 'time', zones: ['Asia/Seoul', 'America/New_York'] }, 'en')).toBe(
      "The user wants the current time in Asia/Seoul, America/New_York. I have no clock of my own, so this needs the get_current_time tool. The 2 calls don't depend on each other, so I'll make them all at once, in parallel.",
    );
    expect(demoReasoning({ type: 'time', zones: ['UTC'] }, 'ko')).toBe(
      'UTC의 현재 시각을 알아야 한다. 나는 시계가 없으니 get_current_time 도구가 필요하다. 한 번만 부르면 된다.',
    );
  });

  it('after the results, one reading or several', () => {
    expect(demoReasoning({ type: 'results', count: 1 }, 'en')).toBe(
      "The clock reading is back. I'll give each place's local time, in the order asked.",
    );
    expect(demoReasoning({ type: 'results', count: 3 }, 'en')).toMatch(
      /^The 3 clock readings are back\./,
    );
    expect(demoReasoning({ type: 'results', count: 2 }, 'ko')).toMatch(/^시각 2개가 도착했다\./);
  });

  it('quotes a long question only up to 80 characters', () => {
    const text = demoReasoning({ type: 'other', question: `Think: ${'a'.repeat(200)}` }, 'en');
    expect(text.startsWith(`The question: "Think: ${'a'.repeat(73)}…". I'm edgechat's`)).toBe(true);
  });
});
