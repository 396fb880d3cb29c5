import { describe, expect, it } from 'vitest';
import type { JSONSchema } from '../openai/types.js';
import { validateJsonSchema } from './json-schema.js';
import { check, type Case } from './json-schema.test-utils.js';

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
