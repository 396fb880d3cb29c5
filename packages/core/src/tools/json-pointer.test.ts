import { describe, expect, it } from 'vitest';
import { appendPointer, displayPointer } from './json-pointer.js';

describe('appendPointer', () => {
  it.each([
    ['', 'timezone', '/timezone'],
    ['/a', 0, '/a/0'],
    ['/a', '', '/a/'],
    ['', 'a/b', '/a~1b'],
    ['', 'm~n', '/m~0n'],
    // "~1" in a key is a literal tilde followed by 1: it must not decode back to "/".
    ['', '~1', '/~01'],
    ['/x', 'ünï/cödé', '/x/ünï~1cödé'],
  ] as const)('%j + %j → %j', (pointer, token, expected) => {
    expect(appendPointer(pointer, token)).toBe(expected);
  });
});

describe('displayPointer', () => {
  it('shows the root as "/" and everything else as is', () => {
    expect(['', '/a', '/a/0', '/'].map(displayPointer)).toEqual(['/', '/a', '/a/0', '/']);
  });
});
