import { describe, expect, it } from 'vitest';
import { defineTool, type Tool } from './define-tool.js';
import { createToolRegistry } from './registry.js';
import { call, echoTool, thrownBy, weatherParameters } from './registry.test-utils.js';
import { ToolInputError } from './tool-input-error.js';

describe('createToolRegistry', () => {
  it('lists the definitions as the OpenAI tools array, in registration order', () => {
    const registry = createToolRegistry([echoTool('weather').tool, echoTool('news').tool]);
    expect(registry.definitions()).toEqual([
      {
        type: 'function',
        function: {
          name: 'weather',
          description: 'The weather tool',
          parameters: weatherParameters,
        },
      },
      {
        type: 'function',
        function: { name: 'news', description: 'The news tool', parameters: weatherParameters },
      },
    ]);
    expect(registry.names()).toEqual(['weather', 'news']);
  });

  it('answers has/get by exact name, prototype names included', () => {
    const { tool } = echoTool('weather');
    const registry = createToolRegistry([tool]);
    expect([
      registry.has('weather'),
      registry.has('Weather'),
      registry.has('__proto__'),
      registry.has('toString'),
    ]).toEqual([true, false, false, false]);
    expect([registry.get('weather'), registry.get('constructor')]).toEqual([tool, undefined]);
  });

  it('gives new arrays each time, so callers cannot change the registry', () => {
    const registry = createToolRegistry([echoTool().tool]);
    registry.definitions().pop();
    registry.names().pop();
    expect([registry.definitions().length, registry.names()]).toEqual([1, ['weather']]);
  });

  it('an empty registry has no definitions', () => {
    expect(createToolRegistry([]).definitions()).toEqual([]);
  });

  it('throws a TypeError for a duplicate name', () => {
    expect(
      thrownBy(() =>
        createToolRegistry([echoTool('a').tool, echoTool('b').tool, echoTool('a').tool]),
      ),
    ).toEqual(new TypeError('createToolRegistry: duplicate tool name "a"'));
  });

  it('checks tools that did not come from defineTool', () => {
    const plain = {
      name: 'x y',
      description: '',
      parameters: { type: 'object' },
      execute: () => 1,
    };
    expect(thrownBy(() => createToolRegistry([echoTool().tool, plain]))).toEqual(
      new TypeError(
        `createToolRegistry: tools[1]: tool name must match /^[a-zA-Z0-9_-]{1,64}$/ (OpenAI's rule), got "x y"`,
      ),
    );
    expect(thrownBy(() => createToolRegistry({} as Tool[]))).toEqual(
      new TypeError('createToolRegistry: expected an array of tools'),
    );
  });
});

describe('registry.execute: success', () => {
  it('parses, validates and runs the tool with the call id and a signal', async () => {
    const { tool, calls } = echoTool();
    const result = await createToolRegistry([tool]).execute(
      call('weather', '{"city":"Seoul","days":2}', 'call_abc'),
    );
    expect(result).toEqual({ ok: true, output: { got: { city: 'Seoul', days: 2 } } });
    expect(calls).toEqual([
      {
        input: { city: 'Seoul', days: 2 },
        context: { toolCallId: 'call_abc', signal: expect.any(AbortSignal) },
      },
    ]);
    expect(calls[0]?.context.signal.aborted).toBe(false);
  });

  it('accepts the OpenAI ToolCall shape', async () => {
    const { tool, calls } = echoTool();
    const result = await createToolRegistry([tool]).execute({
      id: 'call_x',
      type: 'function',
      function: { name: 'weather', arguments: '{"city":"Paris"}' },
    });
    expect([result, calls.map((c) => c.context.toolCallId)]).toEqual([
      { ok: true, output: { got: { city: 'Paris' } } },
      ['call_x'],
    ]);
  });

  it('treats empty (or blank) arguments as {}', async () => {
    const tool = defineTool({
      name: 'ping',
      description: '',
      parameters: { type: 'object', properties: {} },
      execute: (input) => input,
    });
    const registry = createToolRegistry([tool]);
    expect([
      await registry.execute(call('ping', '')),
      await registry.execute(call('ping', ' \n ')),
    ]).toEqual([
      { ok: true, output: {} },
      { ok: true, output: {} },
    ]);
  });

  it('awaits async tools, and keeps an undefined output', async () => {
    const tool = defineTool({
      name: 'noop',
      description: '',
      parameters: { type: 'object' },
      execute: async () => undefined,
    });
    expect(await createToolRegistry([tool]).execute(call('noop', '{}'))).toEqual({
      ok: true,
      output: undefined,
    });
  });
});

describe('registry.execute: unknown_tool and invalid_arguments', () => {
  const registry = createToolRegistry([echoTool('weather').tool, echoTool('news').tool]);

  it.each([
    [
      'an unknown name',
      call('stocks', '{}'),
      {
        code: 'unknown_tool',
        message: 'Unknown tool "stocks"; available tools: "weather", "news"',
      },
    ],
    [
      'a prototype name',
      call('__proto__', '{}'),
      {
        code: 'unknown_tool',
        message: 'Unknown tool "__proto__"; available tools: "weather", "news"',
      },
    ],
    [
      'bad JSON',
      call('weather', '{"city":'),
      {
        code: 'invalid_arguments',
        message: 'Arguments are not valid JSON: Unexpected end of JSON input',
      },
    ],
    [
      'JSON with a trailing comma',
      call('weather', '{"city":"a",}'),
      {
        code: 'invalid_arguments',
        message:
          'Arguments are not valid JSON: Expected double-quoted property name in JSON at position 12',
      },
    ],
    [
      'arguments that are not text',
      { id: 'c', name: 'weather', arguments: { city: 'a' } as unknown as string },
      { code: 'invalid_arguments', message: 'Arguments must be a JSON text, got object' },
    ],
    [
      'not an object',
      call('weather', '["Seoul"]'),
      { code: 'invalid_arguments', message: '/: expected object, got array' },
    ],
    [
      'a schema violation',
      call('weather', '{"city":""}'),
      { code: 'invalid_arguments', message: '/city: must be at least 1 character long, got 0' },
    ],
    [
      'several violations, all reported',
      call('weather', '{"days":0.5,"country":"KR"}'),
      {
        code: 'invalid_arguments',
        message:
          '/: missing required property "city"; /days: expected integer, got number; /: unexpected property "country"',
      },
    ],
  ])('%s', async (_name, request, error) => {
    expect(await registry.execute(request)).toEqual({ ok: false, error });
  });

  it('says so when there are no tools at all', async () => {
    expect(await createToolRegistry([]).execute(call('weather', '{}'))).toEqual({
      ok: false,
      error: { code: 'unknown_tool', message: 'Unknown tool "weather"; no tools are available' },
    });
  });

  it('reports the first 10 schema errors and counts the rest', async () => {
    const tool = defineTool({
      name: 'sum',
      description: '',
      parameters: {
        type: 'object',
        properties: { n: { type: 'array', items: { type: 'number' } } },
      },
      execute: () => 0,
    });
    const args = JSON.stringify({ n: Array.from({ length: 13 }, (_, i) => String(i)) });
    const first10 = Array.from({ length: 10 }, (_, i) => `/n/${i}: expected number, got string`);
    expect(await createToolRegistry([tool]).execute(call('sum', args))).toEqual({
      ok: false,
      error: { code: 'invalid_arguments', message: `${first10.join('; ')}; and 3 more errors` },
    });
  });

  it('maps ToolInputError thrown by the tool to invalid_arguments', async () => {
    const tool = defineTool({
      name: 'book',
      description: '',
      parameters: { type: 'object' },
      execute: () => {
        throw new ToolInputError('"to" must be after "from"');
      },
    });
    expect(await createToolRegistry([tool]).execute(call('book', '{}'))).toEqual({
      ok: false,
      error: { code: 'invalid_arguments', message: '"to" must be after "from"' },
    });
  });
});
