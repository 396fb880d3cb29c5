import { describe, expect, it } from 'vitest';
import { summarizeToolInput } from './tool-summary.js';

describe('summarizeToolInput', () => {
  it('shows the values of the arguments, in order', () => {
    expect(summarizeToolInput({ timezone: 'Asia/Seoul' })).toBe('Asia/Seoul');
    expect(summarizeToolInput({ city: 'Seoul', units: 'metric', days: 3, exact: false })).toBe(
      'Seoul, metric, 3, false',
    );
  });

  it('writes nested values as compact JSON and skips empty ones', () => {
    expect(summarizeToolInput({ at: { h: 9, m: 15 }, tags: ['a', 'b'], note: '', x: null })).toBe(
      '{"h":9,"m":15}, ["a","b"]',
    );
  });

  it('summarizes partial input while the arguments stream, and a raw string as it is', () => {
    expect(summarizeToolInput({ timezone: 'Asia/' })).toBe('Asia/');
    expect(summarizeToolInput({})).toBe('');
    expect(summarizeToolInput(undefined)).toBe('');
    expect(summarizeToolInput('{"timezone": "Asia/Se')).toBe('{"timezone": "Asia/Se');
  });

  it('keeps to one line and cuts long values with an ellipsis, never inside a character', () => {
    expect(summarizeToolInput({ text: 'two\nlines\t here ' })).toBe('two lines here');
    expect(summarizeToolInput({ text: 'x'.repeat(100) }, 10)).toBe('xxxxxxxxx…');
    expect(summarizeToolInput({ text: '😀'.repeat(20) }, 5)).toBe('😀😀😀😀…');
    expect(summarizeToolInput({ text: '서울특별시 중구' }, 6)).toBe('서울특별시…');
  });
});
