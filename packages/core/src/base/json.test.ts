import { describe, expect, it } from 'vitest';
import { isRecord, kindOf } from './json.js';

describe('isRecord', () => {
  it.each([
    [{}, true],
    [{ a: 1 }, true],
    [Object.create(null), true],
    [null, false],
    [[], false],
    ['{}', false],
    [1, false],
    [undefined, false],
  ])('%j → %s', (value, expected) => {
    expect(isRecord(value)).toBe(expected);
  });
});

describe('kindOf', () => {
  it.each([
    [null, 'null'],
    [[1], 'array'],
    [{}, 'object'],
    ['x', 'string'],
    [1, 'number'],
    [true, 'boolean'],
    [undefined, 'undefined'],
  ])('%j → %s', (value, expected) => {
    expect(kindOf(value)).toBe(expected);
  });
});
