import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copy, mutate, mutations, sameTree } from './mutate.js';
import { nested } from './hostile-values.js';

describe('mutate', () => {
  const value = { messages: [{ role: 'user', content: 'hi' }] };

  it('changes the slot its number names, on a copy', () => {
    // Slots depth-first from the root: 0 root, 1 messages, 2 messages[0], 3 content, 4 role.
    expect(mutate(value, [{ kind: 'replace', at: 4, value: 'system' }])).toEqual({
      messages: [{ role: 'system', content: 'hi' }],
    });
    expect(mutate(value, [{ kind: 'delete', at: 3 }])).toEqual({ messages: [{ role: 'user' }] });
    expect(mutate(value, [{ kind: 'to-array', at: 2 }])).toEqual({ messages: [['user', 'hi']] });
    expect(mutate(value, [{ kind: 'wrap', at: 1 }])).toEqual({ messages: [[value.messages[0]]] });
    expect(mutate(value, [{ kind: 'duplicate', at: 2, times: 2 }])).toEqual({
      messages: [value.messages[0], value.messages[0], value.messages[0]],
    });
    expect(mutate(value, [{ kind: 'replace', at: 5 + 4, value: 0 }])).toEqual({
      messages: [{ role: 0, content: 'hi' }],
    });
    expect(value).toEqual({ messages: [{ role: 'user', content: 'hi' }] });
  });

  it('adds "__proto__" as an own key, as JSON.parse does, and pollutes nothing', () => {
    const changed = mutate(value, [
      { kind: 'add-key', at: 2, key: '__proto__', value: { polluted: true } },
    ]) as { messages: Record<string, unknown>[] };
    const message = changed.messages[0] as Record<string, unknown>;
    expect(Object.keys(message)).toEqual(['role', 'content', '__proto__']);
    expect(Object.getPrototypeOf(message)).toBe(Object.prototype);
    expect(JSON.stringify(changed)).toBe(
      '{"messages":[{"role":"user","content":"hi","__proto__":{"polluted":true}}]}',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('copies 2,000 levels of nesting without recursion, own "__proto__" keys kept', () => {
    const deep = nested(2000, 'mixed');
    expect(JSON.stringify(copy(deep))).toBe(JSON.stringify(deep));
    const parsed = JSON.parse('{"__proto__":{"x":1}}') as unknown;
    expect(JSON.stringify(copy(parsed))).toBe('{"__proto__":{"x":1}}');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), mutations, (json, list) => {
        mutate(json, list);
      }),
      { seed: 1, numRuns: 300 },
    );
  });

  it('compares trees without recursion: keys, their order, and Object.is', () => {
    expect(sameTree(nested(20_000), nested(20_000))).toBe(true);
    expect(sameTree(nested(20_000), nested(20_001))).toBe(false);
    expect(sameTree({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameTree([1], { 0: 1 })).toBe(false);
    expect(sameTree({ a: NaN }, { a: NaN })).toBe(true);
    expect(sameTree(0, -0)).toBe(false);
  });
});
