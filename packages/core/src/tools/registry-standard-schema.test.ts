import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool } from './define-tool.js';
import { createToolRegistry } from './registry.js';
import { call } from './registry.test-utils.js';
import type { StandardSchemaV1 } from './standard-schema.js';

describe('registry.execute: Standard Schema inputSchema (zod 4)', () => {
  function zodTool(execute: (input: { city: string; days: number }) => unknown = (input) => input) {
    return defineTool({
      name: 'forecast',
      description: 'Forecast',
      // Sent to the model; with an inputSchema it does not validate.
      parameters: {
        type: 'object',
        properties: { city: { type: 'string' }, days: { type: 'integer' } },
        required: ['city'],
      },
      inputSchema: z.object({
        city: z.string().trim().min(1),
        days: z.coerce.number().int().default(1),
      }),
      execute,
    });
  }

  it('passes the schema’s output (trimmed, coerced, defaulted) to execute', async () => {
    const registry = createToolRegistry([zodTool()]);
    expect([
      await registry.execute(call('forecast', '{"city":"  Seoul ","days":"3"}')),
      await registry.execute(call('forecast', '{"city":"Tokyo"}')),
    ]).toEqual([
      { ok: true, output: { city: 'Seoul', days: 3 } },
      { ok: true, output: { city: 'Tokyo', days: 1 } },
    ]);
  });

  it('reports its issues as invalid_arguments with pointers', async () => {
    const registry = createToolRegistry([zodTool()]);
    expect(await registry.execute(call('forecast', '{"city":"   ","days":"many"}'))).toEqual({
      ok: false,
      error: {
        code: 'invalid_arguments',
        message:
          '/city: Too small: expected string to have >=1 characters; /days: Invalid input: expected number, received NaN',
      },
    });
  });

  it('replaces the JSON Schema check: what zod accepts is accepted', async () => {
    // `days` as a string breaks `parameters` (integer) but zod coerces it.
    const registry = createToolRegistry([zodTool()]);
    expect(await registry.execute(call('forecast', '{"city":"Oslo","days":"2"}'))).toEqual({
      ok: true,
      output: { city: 'Oslo', days: 2 },
    });
  });

  it('supports async validation, with nested paths', async () => {
    const tool = defineTool({
      name: 'route',
      description: '',
      parameters: { type: 'object' },
      inputSchema: z.object({
        stops: z.array(
          z.object({ name: z.string().refine(async (s) => s !== 'nowhere', 'unknown place') }),
        ),
      }),
      execute: (input) => input.stops.length,
    });
    const registry = createToolRegistry([tool]);
    expect([
      await registry.execute(call('route', '{"stops":[{"name":"a"},{"name":"nowhere"}]}')),
      await registry.execute(call('route', '{"stops":[{"name":"a"}]}')),
    ]).toEqual([
      { ok: false, error: { code: 'invalid_arguments', message: '/stops/1/name: unknown place' } },
      { ok: true, output: 1 },
    ]);
  });

  it('maps a validator that throws to execution_failed', async () => {
    const broken: StandardSchemaV1<unknown, unknown> = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: () => {
          throw new Error('validator crashed');
        },
      },
    };
    const tool = defineTool({
      name: 't',
      description: '',
      parameters: { type: 'object' },
      inputSchema: broken,
      execute: () => 1,
    });
    expect(await createToolRegistry([tool]).execute(call('t', '{}'))).toEqual({
      ok: false,
      error: { code: 'execution_failed', message: 'validator crashed' },
    });
  });

  it('formats {key} path segments, symbols and empty issue lists', async () => {
    const schema: StandardSchemaV1<unknown, unknown> = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: (value) =>
          (value as { empty?: boolean }).empty
            ? { issues: [] }
            : {
                issues: [
                  { message: 'a', path: [{ key: 'list' }, { key: 0 }, 'x/y'] },
                  { message: 'b', path: [Symbol('sym')] },
                  { message: 'c' },
                ],
              },
      },
    };
    const tool = defineTool({
      name: 't',
      description: '',
      parameters: { type: 'object' },
      inputSchema: schema,
      execute: () => 1,
    });
    const registry = createToolRegistry([tool]);
    expect([
      await registry.execute(call('t', '{}')),
      await registry.execute(call('t', '{"empty":true}')),
    ]).toEqual([
      {
        ok: false,
        error: { code: 'invalid_arguments', message: '/list/0/x~1y: a; /sym: b; /: c' },
      },
      { ok: false, error: { code: 'invalid_arguments', message: 'Invalid arguments' } },
    ]);
  });
});
