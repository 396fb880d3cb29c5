import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineTool } from './define-tool.js';
import { createToolRegistry } from './registry.js';
import { call } from './registry.test-utils.js';

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
