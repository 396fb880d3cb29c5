import { describe, expect, it } from 'vitest';
import { quote } from './quote.js';

describe('quote', () => {
  it('keeps text of up to 200 characters as it is', () => {
    expect(quote('x'.repeat(200))).toBe('x'.repeat(200));
  });

  it('cuts longer text at 200 characters and marks the cut', () => {
    expect(quote('x'.repeat(201))).toBe(`${'x'.repeat(200)}…`);
  });

  it('never cuts a surrogate pair in half', () => {
    expect(quote(`${'x'.repeat(199)}😀tail`)).toBe(`${'x'.repeat(199)}…`);
  });
});
