import { describe, expect, it } from 'vitest';
import { parsePartialJson } from './parse-partial-json.js';

type Case = [text: string, value: unknown];

function result(value: unknown, complete: boolean, failed: boolean) {
  return { value, complete, failed };
}

describe('parsePartialJson: incomplete text gives the best value so far', () => {
  it.each<Case>([
    ['', undefined],
    [' \n\t\r', undefined],
    // objects and keys: a key without its value is left out
    ['{', {}],
    ['{"', {}],
    ['{"a', {}],
    ['{"a"', {}],
    ['{"a" ', {}],
    ['{"a":', {}],
    ['{"a": ', {}],
    ['{"a":1,', { a: 1 }],
    ['{"a":1,"b', { a: 1 }],
    ['{"a":"', { a: '' }],
    ['{"a":"b', { a: 'b' }],
    // arrays and nesting
    ['[', []],
    ['[1', [1]],
    ['[1,', [1]],
    ['[1, ', [1]],
    ['{"a":[1,{"b":[', { a: [1, { b: [] }] }],
    ['[[[{"x":[[', [[[{ x: [[]] }]]]],
    // strings cut inside an escape drop the incomplete escape
    ['"ab', 'ab'],
    ['"ab\\', 'ab'],
    ['"ab\\u', 'ab'],
    ['"ab\\u00', 'ab'],
    ['"ab\\u00e', 'ab'],
    ['"ab\\u00e9', 'abé'],
    ['"ab\\n', 'ab\n'],
    // a high surrogate waits for its low half
    ['"a\\ud83d', 'a'],
    ['"a\\ud83d\\', 'a'],
    ['"a\\ud83d\\ude0', 'a'],
    ['"a\\ud83d\\ude00', 'a😀'],
    ['"a\ud83d', 'a'],
    ['"\\ud83dx', '\ud83dx'],
    // numbers: the longest valid prefix, or nothing
    ['-', undefined],
    ['[-', []],
    ['[1,-', [1]],
    ['{"n":-', {}],
    ['12.', 12],
    ['1e', 1],
    ['1e+', 1],
    ['1.5E-', 1.5],
    ['-0.', -0],
    ['[12.5e3', [12500]],
    ['{"n":1e2', { n: 100 }],
    // literals are completed from their first letter
    ['t', true],
    ['tru', true],
    ['f', false],
    ['fals', false],
    ['n', null],
    ['nul', null],
    ['[tru', [true]],
    ['{"a":fa', { a: false }],
    ['{"a":nu', { a: null }],
  ])('%j → %j', (text, value) => {
    expect(parsePartialJson(text)).toStrictEqual(result(value, false, false));
  });
});

describe('parsePartialJson: complete text', () => {
  it.each<Case>([
    ['{}', {}],
    ['[]', []],
    ['""', ''],
    ['0', 0],
    ['-0', -0],
    ['12', 12],
    ['-12.5', -12.5],
    ['-12.5e3', -12500],
    ['0.5E-3', 0.0005],
    ['1e400', Infinity],
    ['true', true],
    ['false', false],
    ['null', null],
    [' \n{ "a" : [ 1 , { } , [ ] ] }\r\n\t', { a: [1, {}, []] }],
    ['"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u00C9"', '"\\/\b\f\n\r\téÉ'],
    ['"\\ud83d\\ude00\\uD55C"', '😀한'],
    ['"\\ud83d"', '\ud83d'],
    ['" \u007f\u0080\uffff"', ' \u007f\u0080\uffff'],
    ['"서울은 맑음 ☀️ 👩‍👩‍👧"', '서울은 맑음 ☀️ 👩‍👩‍👧'],
    ['{"a":1,"a":2}', { a: 2 }],
  ])('%j → %j', (text, value) => {
    expect(parsePartialJson(text)).toStrictEqual(result(value, true, false));
    expect(parsePartialJson(text).value).toStrictEqual(JSON.parse(text));
  });

  it('parses deep nesting without recursion', () => {
    const depth = 100_000;
    const text = '['.repeat(depth) + '{"a":"b"}' + ']'.repeat(depth);
    /** Walks down `depth` single-element arrays without recursing (toEqual would overflow). */
    function innermost(value: unknown): unknown {
      let node = value;
      for (let level = 0; level < depth; level++) {
        if (!Array.isArray(node) || node.length !== 1) return `not a 1-element array at ${level}`;
        node = node[0];
      }
      return node;
    }
    const whole = parsePartialJson(text);
    expect(whole.complete).toBe(true);
    expect(innermost(whole.value)).toStrictEqual({ a: 'b' });
    const cut = parsePartialJson(text.slice(0, depth + 6));
    expect(cut.complete).toBe(false);
    expect(innermost(cut.value)).toStrictEqual({ a: '' });
  });

  it('defines __proto__ as an own property without touching any prototype', () => {
    const text = '{"__proto__":{"polluted":true},"a":{"__proto__":[1]},"toString":"x"}';
    const { value, complete } = parsePartialJson(text);
    expect(complete).toBe(true);
    expect(value).toStrictEqual(JSON.parse(text));
    const obj = value as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
    expect(Object.keys(obj)).toEqual(['__proto__', 'a', 'toString']);
    expect(Object.getPrototypeOf(obj.a)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(obj.a, '__proto__')?.value).toEqual([1]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // also while the value is still open
    const partial = parsePartialJson('{"__proto__":{"polluted":tr').value;
    expect(Object.getPrototypeOf(partial)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(partial, '__proto__')?.value).toEqual({
      polluted: true,
    });
  });
});

describe('parsePartialJson: invalid text fails and keeps the value of the text before the error', () => {
  it.each<Case>([
    ['abc', undefined],
    ['{]', {}],
    ['[}', []],
    ['[1,]', [1]],
    ['{"a":1,}', { a: 1 }],
    ['{"a":1}}', { a: 1 }],
    ['{"a":1} x', { a: 1 }],
    ['1 2', 1],
    ['""""', ''],
    ['01', 0],
    ['[01]', [0]],
    ['-a', undefined],
    ['[-]', []],
    ['1.e5', 1],
    ['[1.]', [1]],
    ['+1', undefined],
    ['.5', undefined],
    ['tx', true],
    ['[nulll', [null]],
    ['True', undefined],
    ['{"a" 1}', {}],
    ['{"a":1 "b":2}', { a: 1 }],
    ['{,', {}],
    ['[,', []],
    ['{1:2}', {}],
    ["{'a':1}", {}],
    ['"a\nb"', 'a'],
    ['"a\tb"', 'a'],
    ['"a\u0000b"', 'a'],
    ['"a\u001fb"', 'a'],
    ['"\\x"', ''],
    ['"ab\\u12G4"', 'ab'],
    ['\uFEFF{}', undefined],
    ['\u00a0{}', undefined],
    ['[1,2]]', [1, 2]],
  ])('%j → %j', (text, value) => {
    expect(parsePartialJson(text)).toStrictEqual(result(value, false, true));
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });
});

describe('parsePartialJson: a streamed tool-call argument, every prefix', () => {
  const text =
    '{"timezone":"Asia/Seoul","cities":["서울","New York"],"n":-12.5e3,"ok":true,"x":null}';
  const prefixes = Array.from({ length: text.length + 1 }, (_, i) => text.slice(0, i));
  const head = '{"timezone":"Asia/Seoul","cities":["서울","New York"]';
  const cities = ['서울', 'New York'];

  it('no prefix fails, and only the whole text is complete', () => {
    expect(prefixes.map((p) => parsePartialJson(p).failed).filter(Boolean)).toEqual([]);
    expect(prefixes.filter((p) => parsePartialJson(p).complete)).toEqual([text]);
    expect(parsePartialJson(text).value).toStrictEqual(JSON.parse(text));
  });

  it.each<Case>([
    ['{"time', {}],
    ['{"timezone":', {}],
    ['{"timezone":"', { timezone: '' }],
    ['{"timezone":"Asia/', { timezone: 'Asia/' }],
    ['{"timezone":"Asia/Seoul","cities":[', { timezone: 'Asia/Seoul', cities: [] }],
    ['{"timezone":"Asia/Seoul","cities":["서', { timezone: 'Asia/Seoul', cities: ['서'] }],
    [
      '{"timezone":"Asia/Seoul","cities":["서울","New',
      { timezone: 'Asia/Seoul', cities: ['서울', 'New'] },
    ],
    [head + ',"n":-', { timezone: 'Asia/Seoul', cities }],
    [head + ',"n":-12', { timezone: 'Asia/Seoul', cities, n: -12 }],
    [head + ',"n":-12.', { timezone: 'Asia/Seoul', cities, n: -12 }],
    [head + ',"n":-12.5e', { timezone: 'Asia/Seoul', cities, n: -12.5 }],
    [head + ',"n":-12.5e3', { timezone: 'Asia/Seoul', cities, n: -12500 }],
    [head + ',"n":-12.5e3,"ok":t', { timezone: 'Asia/Seoul', cities, n: -12500, ok: true }],
    [
      head + ',"n":-12.5e3,"ok":true,"x":nu',
      { timezone: 'Asia/Seoul', cities, n: -12500, ok: true, x: null },
    ],
    [text.slice(0, -1), { timezone: 'Asia/Seoul', cities, n: -12500, ok: true, x: null }],
  ])('%j → %j', (prefix, value) => {
    expect(text.startsWith(prefix)).toBe(true);
    expect(parsePartialJson(prefix)).toStrictEqual(result(value, false, false));
  });
});
