import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineTool, type Tool } from './define-tool.js';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

const parameters = {
  type: 'object',
  properties: { city: { type: 'string' } },
  required: ['city'],
};

describe('defineTool', () => {
  it('returns the definition frozen, with only the fields given', () => {
    const execute = (input: { city: string }): string => input.city;
    const tool = defineTool({
      name: 'weather',
      description: 'Weather in a city',
      parameters,
      execute,
    });
    expect(tool).toEqual({
      name: 'weather',
      description: 'Weather in a city',
      parameters,
      execute,
    });
    expect(Object.keys(tool)).toEqual(['name', 'description', 'parameters', 'execute']);
    expect(Object.isFrozen(tool)).toBe(true);
  });

  it('keeps inputSchema and timeoutMs when given', () => {
    const inputSchema = z.object({ city: z.string() });
    const execute = (): null => null;
    expect(
      defineTool({ name: 'w', description: '', parameters, inputSchema, timeoutMs: 50, execute }),
    ).toEqual({ name: 'w', description: '', parameters, inputSchema, timeoutMs: 50, execute });
  });

  it('does not follow later changes to the object it was given', () => {
    const definition = { name: 'a', description: 'd', parameters, execute: () => 1 };
    const tool = defineTool(definition);
    definition.name = 'b';
    expect(tool.name).toBe('a');
  });

  it('infers the input type from inputSchema’s output, and the output from execute', () => {
    const tool = defineTool({
      name: 'count',
      description: 'Counts',
      parameters: { type: 'object', properties: { n: { type: 'string' } } },
      inputSchema: z.object({ n: z.coerce.number() }),
      execute: (input) => ({ doubled: input.n * 2 }),
    });
    expectTypeOf(tool).toEqualTypeOf<Tool<{ n: number }, { doubled: number }>>();
    // Any tool fits a Tool[] (what createToolRegistry takes).
    expectTypeOf([tool]).toExtend<Tool[]>();
  });

  const valid = { name: 'ok', description: 'd', parameters, execute: () => 1 };
  it.each<[string, unknown, string]>([
    ['not an object', null, 'defineTool: expected a tool object, got null'],
    ['an array', [], 'defineTool: expected a tool object, got array'],
    [
      'name with a space',
      { ...valid, name: 'get time' },
      `defineTool: tool name must match /^[a-zA-Z0-9_-]{1,64}$/ (OpenAI's rule), got "get time"`,
    ],
    [
      'empty name',
      { ...valid, name: '' },
      `defineTool: tool name must match /^[a-zA-Z0-9_-]{1,64}$/ (OpenAI's rule), got ""`,
    ],
    [
      'name of 65 characters',
      { ...valid, name: 'a'.repeat(65) },
      `defineTool: tool name must match /^[a-zA-Z0-9_-]{1,64}$/ (OpenAI's rule), got "${'a'.repeat(65)}"`,
    ],
    [
      'name not a string',
      { ...valid, name: 7 },
      `defineTool: tool name must match /^[a-zA-Z0-9_-]{1,64}$/ (OpenAI's rule), got 7`,
    ],
    [
      'no description',
      { ...valid, description: undefined },
      'defineTool: tool "ok": description must be a string, got undefined',
    ],
    [
      'no parameters',
      { ...valid, parameters: undefined },
      'defineTool: tool "ok": parameters must be a JSON Schema with type "object"',
    ],
    [
      'parameters of another type',
      { ...valid, parameters: { type: 'string' } },
      'defineTool: tool "ok": parameters must be a JSON Schema with type "object"',
    ],
    [
      'malformed parameters',
      {
        ...valid,
        parameters: { type: 'object', properties: { a: { pattern: '(' } }, required: 'a' },
      },
      'defineTool: tool "ok": invalid parameters schema: #/required: must be an array of strings; #/properties/a/pattern: "(" is not a valid regular expression (with the "u" flag)',
    ],
    [
      'inputSchema that is not a Standard Schema',
      { ...valid, inputSchema: { parse: () => 1 } },
      'defineTool: tool "ok": inputSchema must be a Standard Schema v1 object (a "~standard" property with version 1 and validate)',
    ],
    [
      'zero timeout',
      { ...valid, timeoutMs: 0 },
      'defineTool: tool "ok": timeoutMs must be a number of milliseconds in (0, 2147483647], got 0',
    ],
    [
      'NaN timeout',
      { ...valid, timeoutMs: NaN },
      'defineTool: tool "ok": timeoutMs must be a number of milliseconds in (0, 2147483647], got NaN',
    ],
    [
      'timeout past setTimeout’s range',
      { ...valid, timeoutMs: 2 ** 31 },
      'defineTool: tool "ok": timeoutMs must be a number of milliseconds in (0, 2147483647], got 2147483648',
    ],
    [
      'execute missing',
      { ...valid, execute: 'run' },
      'defineTool: tool "ok": execute must be a function, got string',
    ],
  ])('throws a TypeError for %s', (_name, definition, message) => {
    expect(thrownBy(() => defineTool(definition as Tool))).toEqual(new TypeError(message));
  });

  it('accepts a Standard Schema that is a function (as arktype’s are)', () => {
    const validate = (value: unknown) => ({ value });
    const schema = Object.assign(() => undefined, {
      '~standard': { version: 1 as const, vendor: 'fn', validate },
    });
    expect(defineTool({ ...valid, inputSchema: schema }).inputSchema).toBe(schema);
  });
});
