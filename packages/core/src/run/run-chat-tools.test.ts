import { describe, expect, it } from 'vitest';
import type { OpenAIMessage } from '../openai/types.js';
import { createScriptedModel } from '../testing/scripted-model.js';
import { createToolRegistry, defineTool } from '../tools/index.js';
import type { Tool } from '../tools/index.js';
import { runChat } from './run-chat.js';
import {
  countingIds,
  deferred,
  getCurrentTime,
  readAll,
  readSome,
  settle,
} from './run-chat.test-utils.js';

const history: OpenAIMessage[] = [{ role: 'user', content: 'What time is it?' }];
const noParameters = { type: 'object', properties: {}, additionalProperties: false };

function jsonParseMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('valid JSON');
}

describe('runChat tool calls', () => {
  it('runs the calls of a step in parallel and sends each result as it completes', async () => {
    const started: string[] = [];
    const gates = { a: deferred<string>(), b: deferred<string>() };
    const slow = (name: 'a' | 'b'): Tool =>
      defineTool({
        name,
        description: `waits for gate ${name}`,
        parameters: noParameters,
        execute: () => {
          started.push(name);
          return gates[name].promise;
        },
      });
    const model = createScriptedModel([
      { toolCalls: [{ name: 'a' }, { name: 'b' }] },
      { text: 'both done' },
    ]);
    const reader = runChat({
      model,
      messages: history,
      tools: createToolRegistry([slow('a'), slow('b')]),
      messageId: 'm1',
      generateId: countingIds(),
    }).getReader();

    const beforeResults = await readSome(reader, 6);
    await settle();
    // Both started; neither has finished.
    expect(started).toEqual(['a', 'b']);
    gates.b.resolve('B');
    const afterB = await readSome(reader, 1);
    gates.a.resolve('A');
    const rest = await readSome(reader, 100);

    expect([...beforeResults, ...afterB, ...rest]).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'tool-input-start', toolCallId: 'call_1', toolName: 'a', dynamic: true },
      { type: 'tool-input-start', toolCallId: 'call_2', toolName: 'b', dynamic: true },
      {
        type: 'tool-input-available',
        toolCallId: 'call_1',
        toolName: 'a',
        input: {},
        dynamic: true,
      },
      {
        type: 'tool-input-available',
        toolCallId: 'call_2',
        toolName: 'b',
        input: {},
        dynamic: true,
      },
      // `b` finished first, so its result comes first …
      { type: 'tool-output-available', toolCallId: 'call_2', output: 'B', dynamic: true },
      { type: 'tool-output-available', toolCallId: 'call_1', output: 'A', dynamic: true },
      { type: 'finish-step' },
      { type: 'start-step' },
      { type: 'text-start', id: 'text-1' },
      { type: 'text-delta', id: 'text-1', delta: 'both done' },
      { type: 'text-end', id: 'text-1' },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'stop' },
    ]);
    expect(beforeResults).toHaveLength(6);
    // … but the tool messages go back in the order the calls were made.
    expect(model.requests[1]?.messages.slice(2)).toEqual([
      { role: 'tool', tool_call_id: 'call_1', content: '"A"' },
      { role: 'tool', tool_call_id: 'call_2', content: '"B"' },
    ]);
  });

  const failing = defineTool({
    name: 'fail',
    description: 'always fails',
    parameters: noParameters,
    execute: () => {
      throw new Error('disk full');
    },
  });
  const hanging = defineTool({
    name: 'hang',
    description: 'never finishes',
    parameters: noParameters,
    timeoutMs: 20,
    execute: () => new Promise<never>(() => {}),
  });
  const registry = createToolRegistry([getCurrentTime, failing, hanging]);

  const inputErrors = [
    {
      title: 'an unknown tool',
      call: { name: 'nope', arguments: '{"x":1}' },
      input: { x: 1 },
      errorText: 'Unknown tool "nope"; available tools: "get_current_time", "fail", "hang"',
      code: 'unknown_tool',
    },
    {
      title: 'arguments that are not JSON',
      call: { name: 'get_current_time', arguments: '{"timezone":' },
      input: '{"timezone":',
      errorText: `tool call arguments are not valid JSON: ${jsonParseMessage('{"timezone":')}`,
      code: 'invalid_arguments',
    },
  ];

  for (const { title, call, input, errorText, code } of inputErrors) {
    it(`answers ${title} with tool-input-error and sends the error back to the model`, async () => {
      const model = createScriptedModel([{ toolCalls: [call] }, { text: 'Sorry.' }]);
      const chunks = await readAll(
        runChat({
          model,
          messages: history,
          tools: registry,
          messageId: 'm1',
          generateId: countingIds(),
        }),
      );
      expect(chunks).toEqual([
        { type: 'start', messageId: 'm1' },
        { type: 'start-step' },
        { type: 'tool-input-start', toolCallId: 'call_1', toolName: call.name, dynamic: true },
        { type: 'tool-input-delta', toolCallId: 'call_1', inputTextDelta: call.arguments },
        {
          type: 'tool-input-error',
          toolCallId: 'call_1',
          toolName: call.name,
          input,
          errorText,
          dynamic: true,
        },
        { type: 'finish-step' },
        { type: 'start-step' },
        { type: 'text-start', id: 'text-1' },
        { type: 'text-delta', id: 'text-1', delta: 'Sorry.' },
        { type: 'text-end', id: 'text-1' },
        { type: 'finish-step' },
        { type: 'finish', finishReason: 'stop' },
      ]);
      expect(model.requests[1]?.messages.slice(1)).toEqual([
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_1', type: 'function', function: call }],
        },
        {
          role: 'tool',
          tool_call_id: 'call_1',
          content: JSON.stringify({ error: { code, message: errorText } }),
        },
      ]);
    });
  }

  const outputErrors = [
    {
      title: 'a tool that throws',
      call: { name: 'fail', arguments: '{}' },
      errorText: 'disk full',
      code: 'execution_failed',
    },
    {
      title: 'a tool that times out',
      call: { name: 'hang', arguments: '{}' },
      errorText: 'Tool "hang" did not finish within 20 ms',
      code: 'timeout',
    },
    {
      title: 'arguments the schema rejects',
      call: { name: 'get_current_time', arguments: '{"timezone":5}' },
      errorText: '/timezone: expected string, got number',
      code: 'invalid_arguments',
    },
    {
      title: 'arguments the tool itself rejects',
      call: { name: 'get_current_time', arguments: '{"timezone":"Mars/Olympus"}' },
      errorText: undefined,
      code: 'invalid_arguments',
    },
  ];

  for (const { title, call, errorText: given, code } of outputErrors) {
    it(`answers ${title} with tool-output-error and sends the error back to the model`, async () => {
      // The registry words its own messages; what is checked here is that they are passed on.
      const expected = await registry.execute({ id: 'x', ...call });
      const errorText = expected.ok ? 'unexpected success' : expected.error.message;
      if (given !== undefined) expect(errorText).toBe(given);
      const model = createScriptedModel([{ toolCalls: [call] }, { text: 'Sorry.' }]);
      const chunks = await readAll(
        runChat({
          model,
          messages: history,
          tools: registry,
          messageId: 'm1',
          generateId: countingIds(),
        }),
      );
      expect(chunks.slice(2, 7)).toEqual([
        { type: 'tool-input-start', toolCallId: 'call_1', toolName: call.name, dynamic: true },
        { type: 'tool-input-delta', toolCallId: 'call_1', inputTextDelta: call.arguments },
        {
          type: 'tool-input-available',
          toolCallId: 'call_1',
          toolName: call.name,
          input: JSON.parse(call.arguments) as unknown,
          dynamic: true,
        },
        { type: 'tool-output-error', toolCallId: 'call_1', errorText, dynamic: true },
        { type: 'finish-step' },
      ]);
      expect(chunks).toHaveLength(13);
      expect(model.requests[1]?.messages.at(-1)).toEqual({
        role: 'tool',
        tool_call_id: 'call_1',
        content: JSON.stringify({ error: { code, message: errorText } }),
      });
    });
  }
});
