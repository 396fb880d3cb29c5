import { describe, expect, it, vi } from 'vitest';
import { defineTool } from './define-tool.js';
import { createToolRegistry } from './registry.js';
import { call, deferred, echoTool } from './registry.test-utils.js';
import type { StandardSchemaV1 } from './standard-schema.js';

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
