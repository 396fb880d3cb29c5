import { describe, expect, it } from 'vitest';
import { deterministicId } from './deterministic-id.js';

describe('deterministicId', () => {
  it('is the prefix and `length` base-62 characters, the same for the same seed', () => {
    const id = deterministicId('call_', 'seed', 24);
    expect(id).toMatch(/^call_[0-9A-Za-z]{24}$/);
    expect(deterministicId('call_', 'seed', 24)).toBe(id);
    expect(deterministicId('chatcmpl-', 'seed', 29)).toMatch(/^chatcmpl-[0-9A-Za-z]{29}$/);
  });

  it('differs between seeds, also ones that differ in one character', () => {
    const ids = new Set(
      Array.from({ length: 1000 }, (_, i) => deterministicId('x', `seed ${i}`, 12)),
    );
    expect(ids.size).toBe(1000);
    expect(deterministicId('', 'a', 8)).not.toBe(deterministicId('', 'b', 8));
  });

  it('gives an empty tail for length 0', () => {
    expect(deterministicId('call_', 'seed', 0)).toBe('call_');
  });
});
