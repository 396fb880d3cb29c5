import { describe, expect, it } from 'vitest';
import { checkJsonSchema, compilePattern } from './check-json-schema.js';

describe('checkJsonSchema', () => {
  it('accepts every keyword of the subset in its valid form, and unknown keywords', () => {
    const schema = {
      type: 'object',
      title: 'ignored',
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      properties: {
        a: { type: ['string', 'null'], minLength: 0, maxLength: 3, pattern: '^\\p{L}+$' },
        b: {
          type: 'integer',
          minimum: -1,
          maximum: 1.5,
          exclusiveMinimum: -2,
          exclusiveMaximum: 2,
        },
        c: { type: 'array', items: { enum: [1, 'x', null] }, minItems: 1, maxItems: 2 },
        d: { anyOf: [{ const: 'x' }, true, false] },
        e: { format: 'date-time', 'x-anything': [1, 2] },
        f: { pattern: undefined, type: undefined },
      },
      required: ['a', 'b'],
      additionalProperties: { type: 'number' },
    };
    expect(checkJsonSchema(schema)).toEqual([]);
    expect(checkJsonSchema(true)).toEqual([]);
    expect(checkJsonSchema({})).toEqual([]);
  });

  it.each([
    ['not a schema', 'x', ['#: a schema must be an object or a boolean, got string']],
    ['null schema', null, ['#: a schema must be an object or a boolean, got null']],
    ['array schema', [], ['#: a schema must be an object or a boolean, got array']],
    ['unknown type', { type: 'text' }, ['#/type: "text" is not a JSON Schema type']],
    [
      'unknown type in an array',
      { type: ['string', 'date', 7] },
      ['#/type/1: "date" is not a JSON Schema type', '#/type/2: number is not a JSON Schema type'],
    ],
    [
      'empty type array',
      { type: [] },
      ['#/type: must be a type name or a non-empty array of type names'],
    ],
    [
      'type not a name',
      { type: 3 },
      ['#/type: must be a type name or a non-empty array of type names'],
    ],
    ['enum not an array', { enum: 'a' }, ['#/enum: must be a non-empty array']],
    ['empty enum', { enum: [] }, ['#/enum: must be a non-empty array']],
    ['anyOf not an array', { anyOf: {} }, ['#/anyOf: must be a non-empty array of schemas']],
    ['empty anyOf', { anyOf: [] }, ['#/anyOf: must be a non-empty array of schemas']],
    [
      'bad schema in anyOf',
      { anyOf: [{}, 5] },
      ['#/anyOf/1: a schema must be an object or a boolean, got number'],
    ],
    ['minimum not a number', { minimum: '1' }, ['#/minimum: must be a finite number']],
    ['maximum infinite', { maximum: Infinity }, ['#/maximum: must be a finite number']],
    [
      'draft-4 exclusiveMinimum',
      { exclusiveMinimum: true },
      ['#/exclusiveMinimum: must be a finite number'],
    ],
    [
      'exclusiveMaximum NaN',
      { exclusiveMaximum: NaN },
      ['#/exclusiveMaximum: must be a finite number'],
    ],
    ['minLength negative', { minLength: -1 }, ['#/minLength: must be a non-negative integer']],
    ['maxLength fraction', { maxLength: 1.5 }, ['#/maxLength: must be a non-negative integer']],
    ['minItems string', { minItems: '1' }, ['#/minItems: must be a non-negative integer']],
    ['maxItems null', { maxItems: null }, ['#/maxItems: must be a non-negative integer']],
    ['pattern not a string', { pattern: /a/ }, ['#/pattern: must be a string']],
    [
      'invalid pattern',
      { pattern: '[' },
      ['#/pattern: "[" is not a valid regular expression (with the "u" flag)'],
    ],
    [
      // Valid without the u flag, an error with it: identity escapes are not allowed.
      'pattern invalid only in unicode mode',
      { pattern: '\\-' },
      ['#/pattern: "\\\\-" is not a valid regular expression (with the "u" flag)'],
    ],
    [
      'tuple items',
      { items: [{}] },
      ['#/items: a schema must be an object or a boolean, got array'],
    ],
    ['properties not an object', { properties: [] }, ['#/properties: must be an object']],
    [
      'bad property schema, escaped in the pointer',
      { properties: { 'a/b~c': 'string' } },
      ['#/properties/a~1b~0c: a schema must be an object or a boolean, got string'],
    ],
    ['required not an array', { required: 'a' }, ['#/required: must be an array of strings']],
    ['required with a number', { required: ['a', 1] }, ['#/required: must be an array of strings']],
    [
      'additionalProperties not a schema',
      { additionalProperties: 'no' },
      ['#/additionalProperties: a schema must be an object or a boolean, got string'],
    ],
  ] as const)('%s', (_name, schema, expected) => {
    expect(checkJsonSchema(schema)).toEqual(expected);
  });

  it('reports every problem, nested ones with their full pointer, in keyword order', () => {
    expect(
      checkJsonSchema({
        type: 'object',
        minimum: 'x',
        properties: {
          list: {
            type: 'array',
            items: { type: 'object', properties: { code: { pattern: '(' } } },
          },
          choice: { anyOf: [{ type: 'nothing' }] },
        },
        required: [1],
      }),
    ).toEqual([
      '#/minimum: must be a finite number',
      '#/required: must be an array of strings',
      '#/properties/list/items/properties/code/pattern: "(" is not a valid regular expression (with the "u" flag)',
      '#/properties/choice/anyOf/0/type: "nothing" is not a JSON Schema type',
    ]);
  });

  it('checks a schema that refers to itself once, without looping', () => {
    const node: Record<string, unknown> = { type: 'object', minLength: -1 };
    node.properties = { child: node };
    expect(checkJsonSchema(node)).toEqual(['#/minLength: must be a non-negative integer']);
  });
});

describe('compilePattern', () => {
  it('compiles with the u flag, and returns undefined for an invalid pattern', () => {
    expect(compilePattern('^.$')?.test('😀')).toBe(true);
    expect(compilePattern('^.$')?.flags).toBe('u');
    expect(compilePattern('[')).toBeUndefined();
  });
});
