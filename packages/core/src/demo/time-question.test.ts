import { describe, expect, it } from 'vitest';
import { isTimeQuestion } from './time-question.js';

describe('isTimeQuestion', () => {
  it.each([
    ['What time is it?', false, true],
    ['what time is it in Seoul and New York?', true, true],
    ["What's the current time?", false, true],
    ['Tell me the time, please', false, true],
    ['time now', false, true],
    ['몇 시야?', false, true],
    ['서울이랑 뉴욕 몇시야?', true, true],
    ['지금 시간 알려줘', false, true],
    ['현재 시각은?', false, true],
    // "time" alone asks for the clock only next to a place
    ['Seoul time?', true, true],
    ['뉴욕 시간', true, true],
    ['Explain time complexity', false, false],
    ['시간 관리 팁', false, false],
    ['Tell me about Seoul', true, false],
    ['Hello', false, false],
    ['', false, false],
  ] as const)('%j (place: %s) → %s', (text, namesAPlace, expected) => {
    expect(isTimeQuestion(text, namesAPlace)).toBe(expected);
  });
});
