import { describe, expect, it } from 'vitest';
import { serializeToolResult } from '../openai/tool-result-content.js';
import { answerToolCall } from './answer-tool-call.js';
import { defineTool } from './define-tool.js';
import { createToolRegistry, type ToolRegistry } from './registry.js';

/** An output that counts how often it is turned into JSON. */
function countedOutput() {
  const output = {
    calls: 0,
    toJSON() {
      output.calls++;
      return { local: '21:00' };
    },
  };
  return output;
}

function registryAnswering(answer: () => unknown): ToolRegistry {
  return createToolRegistry([
    defineTool({
      name: 'clock',
      description: 'The time',
      parameters: { type: 'object' },
      timeoutMs: 20,
      execute: answer,
    }),
  ]);
}

const call = { id: 'call_1', name: 'clock', arguments: '{}' };

describe('answerToolCall', () => {
  it('gives the result and its content, the output turned into JSON once', async () => {
    const output = countedOutput();
    const answer = await answerToolCall(
      registryAnswering(() => output),
      call,
    );
    expect(answer).toEqual({ result: { ok: true, output }, content: '{"local":"21:00"}' });
    expect(output.calls).toBe(1);
    // What the same call costs through `execute` and `serializeToolResult`: twice.
    const twice = countedOutput();
    const result = await registryAnswering(() => twice).execute(call);
    expect(serializeToolResult(result)).toBe(answer.content);
    expect(twice.calls).toBe(2);
  });

  it('gives the content serializeToolResult gives, for every kind of result', async () => {
    const cases: [() => unknown, string][] = [
      [() => 'sunny', '"sunny"'],
      [() => undefined, 'null'],
      [
        () => 'x'.repeat(40_000),
        `"${'x'.repeat(32_716)}…[truncated: output was 40002 bytes, limit 32768]`,
      ],
      [
        () => {
          throw new Error('disk full');
        },
        '{"error":{"code":"execution_failed","message":"disk full"}}',
      ],
      [
        () => 1n,
        '{"error":{"code":"execution_failed","message":"Tool output could not be serialised as JSON: Do not know how to serialize a BigInt"}}',
      ],
      [
        () => new Promise(() => {}),
        '{"error":{"code":"timeout","message":"Tool \\"clock\\" did not finish within 20 ms"}}',
      ],
    ];
    for (const [answer, content] of cases) {
      const registry = registryAnswering(answer);
      const answered = await answerToolCall(registry, call);
      expect(answered.content).toBe(content);
      expect(answered.content).toBe(serializeToolResult(answered.result));
    }
  });

  it('passes the signal on: an aborted call is an aborted result', async () => {
    const controller = new AbortController();
    controller.abort();
    const answer = await answerToolCall(
      registryAnswering(() => 'never'),
      call,
      { signal: controller.signal },
    );
    expect(answer).toEqual({
      result: { ok: false, error: { code: 'aborted', message: 'The tool call was aborted' } },
      content: '{"error":{"code":"aborted","message":"The tool call was aborted"}}',
    });
  });

  it('calls a registry it did not make (a wrapper) through its own execute', async () => {
    const inner = registryAnswering(() => 'inner');
    const seen: unknown[] = [];
    const wrapper: ToolRegistry = {
      ...inner,
      execute: async (request, options) => {
        seen.push(request);
        const result = await inner.execute(request, options);
        return result.ok ? { ok: true, output: `wrapped ${String(result.output)}` } : result;
      },
    };
    expect(await answerToolCall(wrapper, { ...call, input: {} })).toEqual({
      result: { ok: true, output: 'wrapped inner' },
      content: '"wrapped inner"',
    });
    expect(seen).toEqual([{ ...call, input: {} }]);
  });
});
