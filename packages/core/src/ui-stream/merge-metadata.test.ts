import { describe, expect, it } from 'vitest';
import { mergeMetadata } from './merge-metadata.js';

describe('mergeMetadata', () => {
  it('merges plain objects recursively; arrays, primitives and null replace', () => {
    const base = { a: { x: 1, y: { deep: true } }, list: [1, 2], n: 1, keep: 'k', gone: { z: 1 } };
    const update = { a: { y: { deeper: 2 } }, list: [3], n: null, gone: 'flat', extra: undefined };
    expect(mergeMetadata(base, update)).toStrictEqual({
      a: { x: 1, y: { deep: true, deeper: 2 } },
      list: [3],
      n: null,
      keep: 'k',
      gone: 'flat',
    });
    expect(base).toStrictEqual({
      a: { x: 1, y: { deep: true } },
      list: [1, 2],
      n: 1,
      keep: 'k',
      gone: { z: 1 },
    });
  });

  it('returns the update when either side is not a plain object, the base when the update is undefined', () => {
    const date = new Date(0);
    expect([
      mergeMetadata(undefined, { a: 1 }),
      mergeMetadata({ a: 1 }, undefined),
      mergeMetadata({ a: 1 }, [1]),
      mergeMetadata([1], { a: 1 }),
      mergeMetadata('text', { a: 1 }),
      mergeMetadata({ a: 1 }, date),
      mergeMetadata({ d: date }, { d: { a: 1 } }),
    ]).toStrictEqual([{ a: 1 }, { a: 1 }, [1], { a: 1 }, { a: 1 }, date, { d: { a: 1 } }]);
  });

  it('skips prototype-polluting keys from the wire', () => {
    const update = JSON.parse(
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"prototype":1,"ok":1}',
    ) as unknown;
    const merged = mergeMetadata({ a: { b: 1 } }, update);
    expect(merged).toStrictEqual({ a: { b: 1 }, ok: 1 });
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(({} as { polluted?: number }).polluted).toBe(undefined);
  });
});
