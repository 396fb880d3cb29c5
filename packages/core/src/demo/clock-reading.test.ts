import { describe, expect, it } from 'vitest';
import { readClock } from './clock-reading.js';

// Thursday 2025-01-02 05:05 UTC
const ISO = '2025-01-02T05:05:00.000Z';

describe('readClock', () => {
  it('reads the wall clock in the zone from the instant, and the given offset', () => {
    expect(
      readClock({ timezone: 'Asia/Seoul', iso: ISO, local: 'whatever', utcOffset: '+09:00' }),
    ).toEqual({ timezone: 'Asia/Seoul', hour: 14, minute: 5, weekday: 4, utcOffset: '+09:00' });
    expect(readClock({ timezone: 'America/New_York', iso: ISO, utcOffset: '-05:00' })).toEqual({
      timezone: 'America/New_York',
      hour: 0,
      minute: 5,
      weekday: 4,
      utcOffset: '-05:00',
    });
  });

  it('accepts an instant written with an offset', () => {
    expect(readClock({ timezone: 'Asia/Seoul', iso: '2025-01-02T14:05:00+09:00' })).toEqual({
      timezone: 'Asia/Seoul',
      hour: 14,
      minute: 5,
      weekday: 4,
      utcOffset: '+09:00',
    });
  });

  it.each([
    ['UTC+09:00', '+09:00'],
    ['GMT-5', '-05:00'],
    ['+0530', '+05:30'],
    ['Z', '+00:00'],
    ['UTC', '+00:00'],
  ])('normalises the offset %j to %j', (given, expected) => {
    expect(readClock({ timezone: 'Asia/Seoul', iso: ISO, utcOffset: given })?.utcOffset).toBe(
      expected,
    );
  });

  it('computes the offset in the zone when it is missing or unreadable', () => {
    expect(readClock({ timezone: 'Asia/Kolkata', iso: ISO, utcOffset: 'soon' })).toEqual({
      timezone: 'Asia/Kolkata',
      hour: 10,
      minute: 35,
      weekday: 4,
      utcOffset: '+05:30',
    });
    expect(readClock({ timezone: 'UTC', iso: ISO })?.utcOffset).toBe('+00:00');
  });

  it.each([
    ['an error result', { error: { code: 'invalid_arguments', message: 'bad zone' } }],
    ['text', 'Error: bad zone'],
    ['no result', undefined],
    ['null', null],
    ['an array', [ISO]],
    ['no iso', { timezone: 'Asia/Seoul' }],
    ['a bad iso', { timezone: 'Asia/Seoul', iso: 'yesterday' }],
    ['an unknown zone', { timezone: 'Mars/Olympus', iso: ISO }],
  ])('is undefined for %s', (_, output) => {
    expect(readClock(output)).toBeUndefined();
  });
});
