import { describe, expect, it } from 'vitest';
import { errorMessage } from './error-message.js';

describe('errorMessage', () => {
  const cyclic: Record<string, unknown> = { code: 1 };
  cyclic.self = cyclic;
  const hostile = {
    get message(): string {
      throw new Error('getter');
    },
  };

  it.each<[string, unknown, string]>([
    ['an Error: its message only', new Error('boom'), 'boom'],
    ['a subclass: still the message only', new TypeError('bad type'), 'bad type'],
    ['an Error without a message: its name', new RangeError(), 'RangeError'],
    ['a DOMException', new DOMException('stopped', 'AbortError'), 'stopped'],
    ['a string', 'plain text', 'plain text'],
    ['an empty string', '', 'Unknown error'],
    ['an error-like object', { message: 'from object' }, 'from object'],
    ['a plain object: JSON', { code: 42 }, '{"code":42}'],
    ['a cyclic object: String()', cyclic, '[object Object]'],
    ['a number', 404, '404'],
    ['a BigInt', 10n, '10'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['a symbol', Symbol('s'), 'Symbol(s)'],
    ['an object with a throwing getter', hostile, 'Unknown error'],
    [
      'neither JSON nor String() works',
      Object.assign(Object.create(null), { n: 1n }),
      'Unknown error',
    ],
  ])('%s', (_name, thrown, expected) => {
    expect(errorMessage(thrown)).toBe(expected);
  });
});
