import { describe, expect, it, vi } from 'vitest';
import { isChatId, newId } from './id.js';

describe('newId', () => {
  it('is 22 characters of base64url from 16 random bytes', () => {
    const spy = vi
      .spyOn(crypto, 'getRandomValues')
      .mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
        new Uint8Array((array as unknown as Uint8Array).buffer).set(
          Array.from({ length: 16 }, (_, i) => (i === 0 ? 0xfb : i === 1 ? 0xff : i)),
        );
        return array;
      });
    try {
      // 0xfb 0xff → "-_" positions of base64url: no '+', '/' or '='.
      expect(newId()).toBe('-_8CAwQFBgcICQoLDA0ODw');
    } finally {
      spy.mockRestore();
    }
  });

  it('makes valid chat ids that differ', () => {
    const ids = new Set(Array.from({ length: 200 }, newId));
    expect(ids.size).toBe(200);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(isChatId(id)).toBe(true);
    }
  });
});

describe('isChatId', () => {
  it('accepts the worker charset at 16 to 128 characters, stored UUIDs included', () => {
    expect(isChatId('0b0e2f4c-7f5e-4c1a-9d7e-3f1f7a2b9c10')).toBe(true);
    expect(isChatId('a'.repeat(16))).toBe(true);
    expect(isChatId('a'.repeat(128))).toBe(true);
    expect(isChatId('a'.repeat(15))).toBe(false);
    expect(isChatId('a'.repeat(129))).toBe(false);
    expect(isChatId('abc def ghi jkl mno')).toBe(false);
    expect(isChatId('conv/1234567890abcdef')).toBe(false);
  });
});
