import { describe, expect, it } from 'vitest';
import { hexDigitValue, simpleEscape } from './escapes.js';

const codes = (chars: string): number[] => [...chars].map((ch) => ch.charCodeAt(0));

describe('escapes', () => {
  it('maps the eight one-character escapes and nothing else', () => {
    expect(codes('"\\/bfnrt').map(simpleEscape)).toEqual(codes('"\\/\b\f\n\r\t'));
    expect(codes("uUaexBFNRT0 '").map(simpleEscape)).toEqual(Array(13).fill(-1));
  });

  it('reads hex digits in either case', () => {
    expect(codes('0123456789abcdefABCDEF').map(hexDigitValue)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 10, 11, 12, 13, 14, 15,
    ]);
    expect(codes('gG/:@`xX ').map(hexDigitValue)).toEqual(Array(9).fill(-1));
  });
});
