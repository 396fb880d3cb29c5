import { describe, it } from 'vitest';
import { check, type Case } from './json-schema.test-utils.js';

describe('validateJsonSchema: type', () => {
  it.each<Case>([
    ['string ok', { type: 'string' }, 'x', []],
    ['string vs number', { type: 'string' }, 1, ['/: expected string, got number']],
    ['number accepts integers and fractions', { type: 'number' }, 1.5, []],
    ['number vs string', { type: 'number' }, '1', ['/: expected number, got string']],
    ['integer ok', { type: 'integer' }, -3, []],
    ['integer written 1.0 in JSON is an integer', { type: 'integer' }, JSON.parse('1.0'), []],
    ['integer vs fraction', { type: 'integer' }, 1.5, ['/: expected integer, got number']],
    ['boolean vs string', { type: 'boolean' }, 'true', ['/: expected boolean, got string']],
    ['null ok', { type: 'null' }, null, []],
    ['null vs object', { type: 'null' }, {}, ['/: expected null, got object']],
    ['object vs array', { type: 'object' }, [], ['/: expected object, got array']],
    ['object vs null', { type: 'object' }, null, ['/: expected object, got null']],
    ['array vs object', { type: 'array' }, {}, ['/: expected array, got object']],
    ['type array, second matches', { type: ['string', 'null'] }, null, []],
    [
      'type array of two',
      { type: ['string', 'null'] },
      1,
      ['/: expected string or null, got number'],
    ],
    [
      'type array of three',
      { type: ['string', 'integer', 'null'] },
      true,
      ['/: expected string, integer or null, got boolean'],
    ],
    ['type array of one', { type: ['boolean'] }, 0, ['/: expected boolean, got number']],
    [
      'a wrong type stops the other keywords of that value',
      { type: 'string', enum: ['a'], minLength: 3 },
      5,
      ['/: expected string, got number'],
    ],
    ['no type: anything', {}, [1, { a: null }], []],
    ['true schema', true, 'anything', []],
    ['false schema', false, 'x', ['/: no value is allowed here, got "x"']],
  ])('%s', (...c) => check(c));
});

describe('validateJsonSchema: enum and const', () => {
  it.each<Case>([
    ['enum ok', { enum: ['c', 'f'] }, 'f', []],
    ['enum miss', { enum: ['c', 'f'] }, 'k', ['/: expected one of "c", "f", got "k"']],
    [
      'enum of mixed values',
      { enum: [1, null, true] },
      false,
      ['/: expected one of 1, null, true, got false'],
    ],
    ['enum compares objects deeply', { enum: [{ a: [1, { b: 2 }] }] }, { a: [1, { b: 2 }] }, []],
    ['enum object key order does not matter', { enum: [{ a: 1, b: 2 }] }, { b: 2, a: 1 }, []],
    [
      'enum object with an extra key',
      { enum: [{ a: 1 }] },
      { a: 1, b: 2 },
      ['/: expected one of {"a":1}, got object'],
    ],
    ['enum array vs longer array', { enum: [[1]] }, [1, 1], ['/: expected one of [1], got array']],
    ['const ok', { const: 'x' }, 'x', []],
    ['const miss', { const: 'x' }, 'y', ['/: expected "x", got "y"']],
    ['const null vs missing value', { const: null }, 0, ['/: expected null, got 0']],
    [
      'const object',
      { const: { k: [true] } },
      { k: [false] },
      ['/: expected {"k":[true]}, got object'],
    ],
    [
      'long strings are shortened in messages, at a code point boundary',
      { const: 'a' },
      `${'x'.repeat(39)}😀 and more`,
      [`/: expected "a", got "${'x'.repeat(39)}…"`],
    ],
    [
      'enum and const both fail',
      { enum: [1], const: 2 },
      3,
      ['/: expected one of 1, got 3', '/: expected 2, got 3'],
    ],
  ])('%s', (...c) => check(c));
});

describe('validateJsonSchema: anyOf', () => {
  const nullableString = { anyOf: [{ type: 'string' }, { type: 'null' }] };
  it.each<Case>([
    ['first option', nullableString, 'a', []],
    ['second option', nullableString, null, []],
    [
      'no option: every option says why',
      nullableString,
      3,
      [
        '/: matches none of the anyOf schemas ([1] /: expected string, got number; [2] /: expected null, got number)',
      ],
    ],
    [
      'nested paths inside options',
      {
        type: 'object',
        properties: {
          where: {
            anyOf: [
              { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
              { type: 'string', minLength: 2 },
            ],
          },
        },
      },
      { where: { city: 1 } },
      [
        '/where: matches none of the anyOf schemas ([1] /where/city: expected string, got number; [2] /where: expected string, got object)',
      ],
    ],
    [
      'anyOf together with other keywords at the same value',
      { type: 'number', anyOf: [{ minimum: 10 }, { maximum: 0 }], maximum: 4 },
      5,
      [
        '/: matches none of the anyOf schemas ([1] /: must be >= 10, got 5; [2] /: must be <= 0, got 5)',
        '/: must be <= 4, got 5',
      ],
    ],
    ['boolean options', { anyOf: [false, true] }, 'x', []],
  ])('%s', (...c) => check(c));
});

describe('validateJsonSchema: numbers', () => {
  it.each<Case>([
    ['minimum is inclusive', { minimum: 1 }, 1, []],
    ['below minimum', { minimum: 1 }, 0.5, ['/: must be >= 1, got 0.5']],
    ['maximum is inclusive', { maximum: 1 }, 1, []],
    ['above maximum', { maximum: 10 }, 11, ['/: must be <= 10, got 11']],
    ['exclusiveMinimum', { exclusiveMinimum: 0 }, 0, ['/: must be > 0, got 0']],
    ['exclusiveMaximum', { exclusiveMaximum: 0 }, 0, ['/: must be < 0, got 0']],
    ['inside exclusive bounds', { exclusiveMinimum: 0, exclusiveMaximum: 1 }, 0.5, []],
    ['bounds ignore non-numbers', { minimum: 5, maximum: 1 }, 'abc', []],
    [
      'both bounds fail (impossible range)',
      { minimum: 5, maximum: 1 },
      3,
      ['/: must be >= 5, got 3', '/: must be <= 1, got 3'],
    ],
  ])('%s', (...c) => check(c));
});

describe('validateJsonSchema: strings', () => {
  it.each<Case>([
    ['minLength ok', { minLength: 2 }, 'ab', []],
    ['minLength miss', { minLength: 2 }, 'a', ['/: must be at least 2 characters long, got 1']],
    [
      'minLength of one, singular',
      { minLength: 1 },
      '',
      ['/: must be at least 1 character long, got 0'],
    ],
    // Two emoji are 4 UTF-16 units but 2 code points.
    [
      'minLength counts code points',
      { minLength: 3 },
      '😀😀',
      ['/: must be at least 3 characters long, got 2'],
    ],
    ['maxLength counts code points', { maxLength: 2 }, '😀😀', []],
    ['maxLength miss', { maxLength: 2 }, '한국어', ['/: must be at most 2 characters long, got 3']],
    [
      'maxLength with a lone surrogate',
      { maxLength: 1 },
      '\ud800a',
      ['/: must be at most 1 character long, got 2'],
    ],
    ['pattern ok (not anchored)', { pattern: '\\d' }, 'a1b', []],
    ['pattern miss', { pattern: '^[a-z]+$' }, 'ABC', ['/: must match /^[a-z]+$/, got "ABC"']],
    ['pattern is unicode: . matches one code point', { pattern: '^.$' }, '😀', []],
    ['pattern with property escapes', { pattern: '^\\p{Script=Hangul}+$' }, '서울', []],
    [
      'invalid pattern is a schema error, never a throw',
      { type: 'object', properties: { code: { type: 'string', pattern: '(' } } },
      { code: 'x' },
      [
        'invalid schema: #/properties/code/pattern: "(" is not a valid regular expression (with the "u" flag)',
      ],
    ],
    ['string keywords ignore non-strings', { minLength: 5, pattern: '^a$' }, 12, []],
    [
      'every string keyword fails at once',
      { minLength: 3, maxLength: 0, pattern: 'z' },
      'ab',
      [
        '/: must be at least 3 characters long, got 2',
        '/: must be at most 0 characters long, got 2',
        '/: must match /z/, got "ab"',
      ],
    ],
  ])('%s', (...c) => check(c));
});

describe('validateJsonSchema: arrays', () => {
  it.each<Case>([
    ['items ok', { type: 'array', items: { type: 'string' } }, ['a', 'b'], []],
    [
      'items: each bad element by index',
      { type: 'array', items: { type: 'string' } },
      ['a', 1, 'c', null],
      ['/1: expected string, got number', '/3: expected string, got null'],
    ],
    [
      'items false allows only the empty array',
      { items: false },
      [1],
      ['/0: no value is allowed here, got 1'],
    ],
    ['minItems', { minItems: 2 }, [1], ['/: must have at least 2 items, got 1']],
    ['maxItems singular', { maxItems: 1 }, [1, 2], ['/: must have at most 1 item, got 2']],
    ['array keywords ignore objects', { minItems: 1, items: false }, {}, []],
  ])('%s', (...c) => check(c));
});
