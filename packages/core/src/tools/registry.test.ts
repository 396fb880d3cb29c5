import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineTool, type Tool, type ToolExecutionContext } from './define-tool.js';
import { createToolRegistry } from './registry.js';
import type { StandardSchemaV1 } from './standard-schema.js';
import { ToolInputError } from './tool-input-error.js';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

const weatherParameters = {
  type: 'object',
  properties: { city: { type: 'string', minLength: 1 }, days: { type: 'integer', minimum: 1 } },
  required: ['city'],
  additionalProperties: false,
};

/** A tool that records its calls and answers with what it got. */
function echoTool(name = 'weather') {
  const calls: { input: unknown; context: ToolExecutionContext }[] = [];
  const tool = defineTool({
    name,
    description: `The ${name} tool`,
    parameters: weatherParameters,
    execute: (input: unknown, context) => {
      calls.push({ input, context });
      return { got: input };
    },
  });
  return { tool, calls };
}

function call(name: string, args: string, id = 'call_1') {
  return { id, name, arguments: args };
}

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

describe('registry.execute: execution_failed', () => {
  function failing(execute: () => unknown) {
    return createToolRegistry([
      defineTool({ name: 'f', description: '', parameters: { type: 'object' }, execute }),
    ]);
  }

  it.each<[string, () => unknown, string]>([
    [
      'a thrown Error: message only, no stack',
      () => {
        throw new Error('database down');
      },
      'database down',
    ],
    ['a rejected promise', () => Promise.reject(new TypeError('bad')), 'bad'],
    [
      'a thrown string',
      () => {
        throw 'just text';
      },
      'just text',
    ],
    [
      'a thrown object',
      () => {
        throw { status: 500 };
      },
      '{"status":500}',
    ],
    [
      'a thrown undefined',
      () => {
        throw undefined;
      },
      'undefined',
    ],
    [
      'a BigInt output',
      () => ({ n: 1n }),
      'Tool output could not be serialised as JSON: Do not know how to serialize a BigInt',
    ],
    [
      'a cyclic output',
      () => {
        const o: Record<string, unknown> = {};
        o.self = o;
        return o;
      },
      'Tool output could not be serialised as JSON: Converting circular structure to JSON',
    ],
    [
      'an output whose toJSON throws',
      () => ({
        toJSON() {
          throw new Error('no json');
        },
      }),
      'Tool output could not be serialised as JSON: no json',
    ],
  ])('%s', async (_name, execute, message) => {
    expect(await failing(execute).execute(call('f', '{}'))).toEqual({
      ok: false,
      error: { code: 'execution_failed', message },
    });
  });

  it('never rejects, even for a hostile call object', async () => {
    const hostile = {
      id: 'c',
      get name(): string {
        throw new Error('getter exploded');
      },
      arguments: '{}',
    };
    await expect(createToolRegistry([]).execute(hostile)).resolves.toEqual({
      ok: false,
      error: { code: 'execution_failed', message: 'getter exploded' },
    });
  });
});

describe('registry.execute: timeout', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('times out after 10 s by default and aborts the tool’s signal with a TimeoutError', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const tool = defineTool({
      name: 'slow',
      description: '',
      parameters: { type: 'object' },
      execute: (_input, context) => {
        signal = context.signal;
        return new Promise(() => {});
      },
    });
    let result: unknown = 'pending';
    void createToolRegistry([tool])
      .execute(call('slow', '{}'))
      .then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(9_999);
    expect([result, signal?.aborted]).toEqual(['pending', false]);
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toEqual({
      ok: false,
      error: { code: 'timeout', message: 'Tool "slow" did not finish within 10000 ms' },
    });
    expect(signal?.reason).toEqual(
      new DOMException('Tool "slow" did not finish within 10000 ms', 'TimeoutError'),
    );
    expect((signal?.reason as DOMException).name).toBe('TimeoutError');
  });

  it('uses the tool’s own timeoutMs (real timers)', async () => {
    const tool = defineTool({
      name: 'slow',
      description: '',
      parameters: { type: 'object' },
      timeoutMs: 15,
      execute: (_input, { signal }) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason)),
        ),
    });
    const started = Date.now();
    expect(await createToolRegistry([tool]).execute(call('slow', '{}'))).toEqual({
      ok: false,
      error: { code: 'timeout', message: 'Tool "slow" did not finish within 15 ms' },
    });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('a tool that finishes in time is not affected, and its timer is cleared', async () => {
    vi.useFakeTimers();
    const tool = defineTool({
      name: 'quick',
      description: '',
      parameters: { type: 'object' },
      timeoutMs: 100,
      execute: () => 'done',
    });
    expect(await createToolRegistry([tool]).execute(call('quick', '{}'))).toEqual({
      ok: true,
      output: 'done',
    });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('registry.execute: aborted', () => {
  function hangingTool() {
    const started = deferred<AbortSignal>();
    const tool = defineTool({
      name: 'hang',
      description: '',
      parameters: { type: 'object' },
      // Ignores its signal on purpose: the call must resolve anyway.
      execute: (_input, { signal }) => {
        started.resolve(signal);
        return new Promise(() => {});
      },
    });
    return { tool, started: started.promise };
  }

  it('resolves aborted at once when the caller aborts, even if the tool ignores its signal', async () => {
    const { tool, started } = hangingTool();
    const controller = new AbortController();
    const pending = createToolRegistry([tool]).execute(call('hang', '{}'), {
      signal: controller.signal,
    });
    const toolSignal = await started;
    const reason = new Error('user pressed stop');
    controller.abort(reason);
    expect(await pending).toEqual({
      ok: false,
      error: { code: 'aborted', message: 'The tool call was aborted' },
    });
    expect([toolSignal.aborted, toolSignal.reason]).toEqual([true, reason]);
  });

  it('keeps aborted when the tool rejects because of the abort', async () => {
    const controller = new AbortController();
    const tool = defineTool({
      name: 'listen',
      description: '',
      parameters: { type: 'object' },
      execute: (_input, { signal }) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new Error('stopped'))),
        ),
    });
    const pending = createToolRegistry([tool]).execute(call('listen', '{}'), {
      signal: controller.signal,
    });
    await Promise.resolve();
    controller.abort();
    expect(await pending).toEqual({
      ok: false,
      error: { code: 'aborted', message: 'The tool call was aborted' },
    });
  });

  it('does not call the tool when the signal is already aborted', async () => {
    const { tool, calls } = echoTool();
    const result = await createToolRegistry([tool]).execute(call('weather', '{"city":"a"}'), {
      signal: AbortSignal.abort(),
    });
    expect([result, calls]).toEqual([
      { ok: false, error: { code: 'aborted', message: 'The tool call was aborted' } },
      [],
    ]);
  });

  it('does not start the tool when the abort comes during async validation', async () => {
    const validating = deferred<void>();
    const release = deferred<void>();
    const schema: StandardSchemaV1<unknown, unknown> = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: async (value) => {
          validating.resolve();
          await release.promise;
          return { value };
        },
      },
    };
    const execute = vi.fn();
    const tool = defineTool({
      name: 't',
      description: '',
      parameters: { type: 'object' },
      inputSchema: schema,
      execute,
    });
    const controller = new AbortController();
    const pending = createToolRegistry([tool]).execute(call('t', '{}'), {
      signal: controller.signal,
    });
    await validating.promise;
    controller.abort();
    release.resolve();
    expect(await pending).toEqual({
      ok: false,
      error: { code: 'aborted', message: 'The tool call was aborted' },
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(execute).not.toHaveBeenCalled();
  });

  it('an abort after the call finished changes nothing', async () => {
    const { tool, calls } = echoTool();
    const controller = new AbortController();
    const result = await createToolRegistry([tool]).execute(call('weather', '{"city":"a"}'), {
      signal: controller.signal,
    });
    controller.abort();
    expect([result, calls[0]?.context.signal.aborted]).toEqual([
      { ok: true, output: { got: { city: 'a' } } },
      false,
    ]);
  });
});

describe('registry.execute: parallel calls', () => {
  it('run concurrently and independently: both start before either finishes', async () => {
    const gates = { a: deferred<string>(), b: deferred<string>() };
    const started: string[] = [];
    const signals: Record<string, AbortSignal> = {};
    const tool = defineTool({
      name: 'wait',
      description: '',
      parameters: {
        type: 'object',
        properties: { gate: { enum: ['a', 'b'] } },
        required: ['gate'],
      },
      execute: (input: { gate: 'a' | 'b' }, { toolCallId, signal }) => {
        started.push(toolCallId);
        signals[toolCallId] = signal;
        return gates[input.gate].promise;
      },
    });
    const registry = createToolRegistry([tool]);
    const controllerA = new AbortController();
    const a = registry.execute(call('wait', '{"gate":"a"}', 'call_a'), {
      signal: controllerA.signal,
    });
    const b = registry.execute(call('wait', '{"gate":"b"}', 'call_b'));
    const bad = registry.execute(call('wait', '{"gate":"c"}', 'call_c'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(['call_a', 'call_b']);

    controllerA.abort();
    gates.b.resolve('b done');
    expect(await Promise.all([a, b, bad])).toEqual([
      { ok: false, error: { code: 'aborted', message: 'The tool call was aborted' } },
      { ok: true, output: 'b done' },
      {
        ok: false,
        error: { code: 'invalid_arguments', message: '/gate: expected one of "a", "b", got "c"' },
      },
    ]);
    expect([signals.call_a?.aborted, signals.call_b?.aborted]).toEqual([true, false]);
  });
});
