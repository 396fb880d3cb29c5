// `registry.execute` with arguments already parsed (what the run loop passes on).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineTool } from './define-tool.js';
import { createToolRegistry } from './registry.js';

function echo() {
  const inputs: unknown[] = [];
  const tool = defineTool({
    name: 'weather',
    description: 'The weather',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string', minLength: 1 } },
      required: ['city'],
    },
    execute: (input: unknown) => {
      inputs.push(input);
      return { got: input };
    },
  });
  return { registry: createToolRegistry([tool]), inputs };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('registry.execute with a parsed input', () => {
  it('runs the tool on that very value, without parsing the arguments', async () => {
    const { registry, inputs } = echo();
    const parse = vi.spyOn(JSON, 'parse');
    const input = { city: 'Seoul' };
    const result = await registry.execute({
      id: 'call_1',
      name: 'weather',
      arguments: '{"city":"Seoul"}',
      input,
    });
    expect(parse).not.toHaveBeenCalled();
    expect(result).toEqual({ ok: true, output: { got: { city: 'Seoul' } } });
    expect(inputs[0]).toBe(input);
  });

  it('uses the input, not the text, when both are given', async () => {
    const { registry } = echo();
    expect(
      await registry.execute({
        id: 'c',
        name: 'weather',
        arguments: 'not JSON',
        input: { city: 'Paris' },
      }),
    ).toEqual({ ok: true, output: { got: { city: 'Paris' } } });
  });

  it('still checks the input against the schema', async () => {
    const { registry, inputs } = echo();
    expect(
      await registry.execute({
        id: 'c',
        name: 'weather',
        arguments: '{"city":""}',
        input: { city: '' },
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid_arguments',
        message: '/city: must be at least 1 character long, got 0',
      },
    });
    expect(inputs).toEqual([]);
  });

  it('still runs an inputSchema, whose output the tool gets', async () => {
    const inputs: unknown[] = [];
    const registry = createToolRegistry([
      defineTool({
        name: 'forecast',
        description: 'Forecast',
        parameters: { type: 'object' },
        inputSchema: z.object({ city: z.string().trim().min(1), days: z.number().default(1) }),
        execute: (input) => {
          inputs.push(input);
          return input.days;
        },
      }),
    ]);
    const input = { city: '  Rome ' };
    expect(
      await registry.execute({ id: 'c', name: 'forecast', arguments: '{"city":"  Rome "}', input }),
    ).toEqual({ ok: true, output: 1 });
    expect(inputs).toEqual([{ city: 'Rome', days: 1 }]);
    // The schema made a new value; the given one is left as it was.
    expect(input).toEqual({ city: '  Rome ' });
  });

  it('parses the text when the input is absent or undefined', async () => {
    const { registry } = echo();
    expect([
      await registry.execute({ id: 'a', name: 'weather', arguments: '{"city":"Oslo"}' }),
      await registry.execute({ id: 'b', name: 'weather', arguments: '{"city":', input: undefined }),
    ]).toEqual([
      { ok: true, output: { got: { city: 'Oslo' } } },
      {
        ok: false,
        error: {
          code: 'invalid_arguments',
          message: 'Arguments are not valid JSON: Unexpected end of JSON input',
        },
      },
    ]);
  });

  it('answers an unknown tool before looking at the input', async () => {
    const { registry } = echo();
    expect(await registry.execute({ id: 'c', name: 'stocks', arguments: '{}', input: {} })).toEqual(
      {
        ok: false,
        error: {
          code: 'unknown_tool',
          message: 'Unknown tool "stocks"; available tools: "weather"',
        },
      },
    );
  });
});
