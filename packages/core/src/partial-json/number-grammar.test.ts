import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNumberAccepting, NUMBER_END, NUMBER_START, numberStep } from './number-grammar.js';

/** Runs the DFA over `text`: 'number' (accepting), 'prefix' (could still become one) or 'invalid'. */
function classify(text: string): 'number' | 'prefix' | 'invalid' {
  let state = NUMBER_START;
  for (let i = 0; i < text.length; i++) {
    state = numberStep(state, text.charCodeAt(i));
    if (state === NUMBER_END) return 'invalid';
  }
  return isNumberAccepting(state) ? 'number' : 'prefix';
}

const RFC_8259_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

describe('number grammar (RFC 8259 §6)', () => {
  it.each([
    ['0', 'number'],
    ['-0', 'number'],
    ['123', 'number'],
    ['-12.5e3', 'number'],
    ['1E+2', 'number'],
    ['0.5e-3', 'number'],
    ['', 'prefix'],
    ['-', 'prefix'],
    ['12.', 'prefix'],
    ['1e', 'prefix'],
    ['1e+', 'prefix'],
    ['-0.', 'prefix'],
    ['01', 'invalid'],
    ['-01', 'invalid'],
    ['+1', 'invalid'],
    ['.5', 'invalid'],
    ['1.e5', 'invalid'],
    ['1e+-2', 'invalid'],
    ['--1', 'invalid'],
    ['1.2.3', 'invalid'],
    ['0x1', 'invalid'],
  ])('%j is %s', (text, expected) => {
    expect(classify(text)).toBe(expected);
  });

  it('accepts exactly the texts JSON.parse reads as a number', () => {
    const numberish = fc.string({ unit: fc.constantFrom(...'-+.eE0123456789'), maxLength: 8 });
    fc.assert(
      fc.property(numberish, (text) => {
        expect(classify(text) === 'number').toBe(RFC_8259_NUMBER.test(text));
      }),
      { numRuns: 2000 },
    );
  });
});
