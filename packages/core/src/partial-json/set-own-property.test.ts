import { describe, expect, it } from 'vitest';
import { needsDefineProperty, setOwnProperty } from './set-own-property.js';

describe('setOwnProperty', () => {
  it('makes __proto__ an own data property instead of replacing the prototype', () => {
    const obj: Record<string, unknown> = {};
    const payload = { polluted: true };
    setOwnProperty(obj, '__proto__', payload, needsDefineProperty('__proto__'));
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(obj, '__proto__')).toEqual({
      value: payload,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(Object.keys(obj)).toEqual(['__proto__']);
    expect(obj).toStrictEqual(JSON.parse('{"__proto__":{"polluted":true}}'));
  });

  it('needs defineProperty only for keys found on Object.prototype', () => {
    expect(
      ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'city', ''].map(
        needsDefineProperty,
      ),
    ).toEqual([true, true, true, true, false, false]);
  });

  it('overwrites in place, keeping the first position like JSON.parse with duplicate keys', () => {
    const obj: Record<string, unknown> = {};
    setOwnProperty(obj, 'a', 1, false);
    setOwnProperty(obj, 'toString', 2, true);
    setOwnProperty(obj, 'a', 3, false);
    setOwnProperty(obj, 'toString', 4, true);
    expect(Object.entries(obj)).toEqual(
      Object.entries(JSON.parse('{"a":1,"toString":2,"a":3,"toString":4}')),
    );
  });
});
