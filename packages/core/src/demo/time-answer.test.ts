import { describe, expect, it } from 'vitest';
import { answerTime } from './time-answer.js';
import type { ToolRoundEntry } from './tool-round.js';

// Thursday 2025-01-02 05:05 UTC
const ISO = '2025-01-02T05:05:00.000Z';
const clock = (timezone: string, utcOffset: string, iso = ISO): ToolRoundEntry => ({
  name: 'get_current_time',
  input: { timezone },
  output: { timezone, iso, local: 'ignored', utcOffset },
});
const seoul = clock('Asia/Seoul', '+09:00');
const newYork = clock('America/New_York', '-05:00');
const london = clock('Europe/London', '+00:00');
const failed = (timezone: string, output: unknown): ToolRoundEntry => ({
  name: 'get_current_time',
  input: { timezone },
  output,
});

describe('answerTime', () => {
  it('answers one, two and three cities in English', () => {
    expect(answerTime([seoul], 'en')).toBe("It's 14:05 (Thu) in Seoul (UTC+09:00).");
    expect(answerTime([seoul, newYork], 'en')).toBe(
      "It's 14:05 (Thu) in Seoul (UTC+09:00) and 00:05 (Thu) in New York (UTC-05:00).",
    );
    expect(answerTime([newYork, london, seoul], 'en')).toBe(
      "It's 00:05 (Thu) in New York (UTC-05:00), 05:05 (Thu) in London (UTC+00:00) and 14:05 (Thu) in Seoul (UTC+09:00).",
    );
  });

  it('answers in Korean with the 12-hour clock and the right particles', () => {
    expect(answerTime([seoul, newYork], 'ko')).toBe(
      '서울은 지금 오후 2시 5분(목, UTC+09:00)이고, 뉴욕은 오전 12시 5분(목, UTC-05:00)입니다.',
    );
    expect(
      answerTime(
        [clock('Asia/Tokyo', '+09:00', '2025-01-02T03:00:00Z'), clock('Europe/Paris', '+01:00')],
        'ko',
      ),
    ).toBe(
      '도쿄는 지금 오후 12시 정각(목, UTC+09:00)이고, 파리는 오전 6시 5분(목, UTC+01:00)입니다.',
    );
  });

  it('names a zone it has no city for by the zone', () => {
    expect(answerTime([clock('Europe/Madrid', '+01:00')], 'en')).toBe(
      "It's 06:05 (Thu) in Europe/Madrid (UTC+01:00).",
    );
  });

  it('explains failed calls after the ones that worked', () => {
    const bad = failed('Mars/Olympus', {
      error: { code: 'invalid_arguments', message: 'Unknown time zone "Mars/Olympus".' },
    });
    expect(answerTime([bad, seoul], 'en')).toBe(
      `It's 14:05 (Thu) in Seoul (UTC+09:00). I couldn't get the time for Mars/Olympus: Unknown time zone "Mars/Olympus".`,
    );
    expect(answerTime([seoul, failed('America/New_York', 'Error: timeout')], 'ko')).toBe(
      '서울은 지금 오후 2시 5분(목, UTC+09:00)입니다. 뉴욕의 시간은 확인하지 못했습니다: Error: timeout.',
    );
  });

  it('explains every failure when nothing worked, however the error is shaped', () => {
    expect(
      answerTime(
        [
          failed('Asia/Seoul', { error: 'timed out' }),
          failed('Europe/London', undefined),
          failed('UTC', { ok: false }),
          { name: 'get_current_time', input: 'not an object', output: 'x'.repeat(250) },
        ],
        'en',
      ),
    ).toBe(
      [
        "I couldn't get the time for Seoul: timed out.",
        "I couldn't get the time for London: no result came back.",
        `I couldn't get the time for UTC: {"ok":false}.`,
        `I couldn't get the time for an unknown place: ${'x'.repeat(200)}….`,
      ].join(' '),
    );
  });
});
