import { describe, expect, it } from 'vitest';
import type { JSONSchema } from '../openai/types.js';
import { validateJsonSchema } from './json-schema.js';

type Case = [name: string, schema: JSONSchema | boolean, value: unknown, errors: string[]];

// `errors: []` means the value is valid.
function check([, schema, value, errors]: Case): void {
  expect(validateJsonSchema(schema, value)).toEqual(
    errors.length === 0 ? { ok: true } : { ok: false, errors },
  );
}

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

describe('validateJsonSchema: objects', () => {
  const time = {
    type: 'object',
    properties: { timezone: { type: 'string' }, format: { enum: ['iso', 'local'] } },
    required: ['timezone'],
    additionalProperties: false,
  };
  it.each<Case>([
    ['ok', time, { timezone: 'Asia/Seoul' }, []],
    ['the brief’s example', time, { timezone: 9 }, ['/timezone: expected string, got number']],
    ['missing required', time, {}, ['/: missing required property "timezone"']],
    [
      'several required missing, in the order listed',
      { required: ['b', 'a', 'c'] },
      { a: 1 },
      ['/: missing required property "b"', '/: missing required property "c"'],
    ],
    ['unexpected property', time, { timezone: 'UTC', tz: 'UTC' }, ['/: unexpected property "tz"']],
    [
      'errors follow the value’s key order, after required',
      time,
      { zz: 1, format: 'unix', aa: 2 },
      [
        '/: missing required property "timezone"',
        '/: unexpected property "zz"',
        '/format: expected one of "iso", "local", got "unix"',
        '/: unexpected property "aa"',
      ],
    ],
    [
      'extra properties allowed by default',
      { properties: { a: { type: 'string' } } },
      { a: 'x', b: 1 },
      [],
    ],
    ['additionalProperties true', { additionalProperties: true }, { b: 1 }, []],
    [
      'additionalProperties as a schema',
      { properties: { id: { type: 'string' } }, additionalProperties: { type: 'number' } },
      { id: 'x', n: 1, s: 's' },
      ['/s: expected number, got string'],
    ],
    [
      '"constructor" and "__proto__" are ordinary names',
      {
        properties: { constructor: { type: 'string' } },
        additionalProperties: false,
        required: ['toString'],
      },
      JSON.parse('{"constructor": 1, "__proto__": 2}'),
      [
        '/: missing required property "toString"',
        '/constructor: expected string, got number',
        '/: unexpected property "__proto__"',
      ],
    ],
    [
      'pointer segments escape "~" and "/"',
      { additionalProperties: { type: 'string' } },
      { 'a/b': 1, 'c~d': 2 },
      ['/a~1b: expected string, got number', '/c~0d: expected string, got number'],
    ],
    ['object keywords ignore arrays', { required: ['a'], additionalProperties: false }, [1], []],
    [
      'unknown keywords and annotations are ignored',
      { description: 'd', title: 't', default: 1, format: 'email', not: {} },
      'x',
      [],
    ],
  ])('%s', (...c) => check(c));

  it('reports nested errors depth first with full pointers', () => {
    const schema = {
      type: 'object',
      properties: {
        events: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              at: { type: 'string' },
              tags: { type: 'array', items: { type: 'string' } },
            },
            required: ['at'],
          },
        },
        limit: { type: 'integer', minimum: 1 },
      },
    };
    expect(
      validateJsonSchema(schema, { events: [{ at: 1, tags: ['a', 2] }, { tags: [] }], limit: 0 }),
    ).toEqual({
      ok: false,
      errors: [
        '/events/0/at: expected string, got number',
        '/events/0/tags/1: expected string, got number',
        '/events/1: missing required property "at"',
        '/limit: must be >= 1, got 0',
      ],
    });
  });
});

describe('validateJsonSchema: malformed schemas', () => {
  it('lists every schema problem instead of validating, and never throws', () => {
    expect(validateJsonSchema({ type: 'text', required: 'a' }, {})).toEqual({
      ok: false,
      errors: [
        'invalid schema: #/type: "text" is not a JSON Schema type',
        'invalid schema: #/required: must be an array of strings',
      ],
    });
    expect(validateJsonSchema(null as unknown as JSONSchema, {})).toEqual({
      ok: false,
      errors: ['invalid schema: #: a schema must be an object or a boolean, got null'],
    });
  });

  it('gives the same answer when the same schema is used again (cached check)', () => {
    const schema = { pattern: '[' };
    const first = validateJsonSchema(schema, 'x');
    expect(validateJsonSchema(schema, 'y')).toEqual(first);
    expect(first).toEqual({
      ok: false,
      errors: [
        'invalid schema: #/pattern: "[" is not a valid regular expression (with the "u" flag)',
      ],
    });
  });

  it('validates a schema that refers to itself, as deep as the value goes', () => {
    const tree: Record<string, unknown> = { type: 'object', properties: {} };
    tree.properties = { name: { type: 'string' }, children: { type: 'array', items: tree } };
    expect(
      validateJsonSchema(tree, { name: 'a', children: [{ name: 'b', children: [{ name: 3 }] }] }),
    ).toEqual({ ok: false, errors: ['/children/0/children/0/name: expected string, got number'] });
  });
});

describe('validateJsonSchema: scale', () => {
  it('handles a large value', () => {
    const schema = {
      type: 'array',
      items: { type: 'object', properties: { s: { type: 'string', maxLength: 5 } } },
    };
    const value = Array.from({ length: 20_000 }, (_, i) => ({
      s: i === 19_999 ? 'toolong' : 'ok',
    }));
    expect(validateJsonSchema(schema, value)).toEqual({
      ok: false,
      errors: ['/19999/s: must be at most 5 characters long, got 7'],
    });
  });
});
