import { describe, expect, it } from 'vitest';
import type { OpenAIMessage } from '../openai/types.js';
import { chatCompletionChunk } from '../openai/encode-chat-completion-stream.js';
import { createScriptedModel } from '../testing/scripted-model.js';
import { createToolRegistry, defineTool } from '../tools/index.js';
import { runChat } from './run-chat.js';
import { countingIds, getCurrentTime, readAll } from './run-chat.test-utils.js';
import type { RunChatResult } from './types.js';

const history: OpenAIMessage[] = [{ role: 'user', content: 'What time is it?' }];
const UTC = {
  timezone: 'UTC',
  iso: '2025-06-01T12:00:00+00:00',
  local: '2025-06-01 12:00:00',
  utcOffset: '+00:00',
};
const noParameters = { type: 'object', properties: {}, additionalProperties: false };

describe('runChat tool calls: steps and odd calls', () => {
  it('sends a tool output of undefined as null', async () => {
    const nothing = defineTool({
      name: 'nothing',
      description: 'returns nothing',
      parameters: noParameters,
      execute: () => undefined,
    });
    const model = createScriptedModel([{ toolCalls: [{ name: 'nothing' }] }, { text: 'ok' }]);
    const chunks = await readAll(
      runChat({ model, messages: history, tools: createToolRegistry([nothing]) }),
    );
    expect(chunks.filter((chunk) => chunk.type.startsWith('tool-'))).toEqual([
      { type: 'tool-input-start', toolCallId: 'call_1', toolName: 'nothing', dynamic: true },
      {
        type: 'tool-input-available',
        toolCallId: 'call_1',
        toolName: 'nothing',
        input: {},
        dynamic: true,
      },
      { type: 'tool-output-available', toolCallId: 'call_1', output: null, dynamic: true },
    ]);
    expect(model.requests[1]?.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_1',
      content: 'null',
    });
  });

  it('makes the last of maxSteps calls without tools and does not run tools called anyway', async () => {
    let runs = 0;
    const counted = defineTool({
      name: 'count',
      description: 'counts its runs',
      parameters: noParameters,
      execute: () => ++runs,
    });
    const tools = createToolRegistry([counted]);
    const model = createScriptedModel([
      { toolCalls: [{ name: 'count' }] },
      { toolCalls: [{ name: 'count' }] },
      { text: 'never asked' },
    ]);
    const finished: RunChatResult[] = [];
    const chunks = await readAll(
      runChat({
        model,
        messages: history,
        tools,
        maxSteps: 2,
        messageId: 'm1',
        onFinish: (result) => void finished.push(result),
      }),
    );
    const notRun = 'Tool "count" was not run: the limit of 2 steps was reached';
    expect(chunks).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'tool-input-start', toolCallId: 'call_1', toolName: 'count', dynamic: true },
      {
        type: 'tool-input-available',
        toolCallId: 'call_1',
        toolName: 'count',
        input: {},
        dynamic: true,
      },
      { type: 'tool-output-available', toolCallId: 'call_1', output: 1, dynamic: true },
      { type: 'finish-step' },
      { type: 'start-step' },
      { type: 'tool-input-start', toolCallId: 'call_2', toolName: 'count', dynamic: true },
      {
        type: 'tool-input-error',
        toolCallId: 'call_2',
        toolName: 'count',
        input: {},
        errorText: notRun,
        dynamic: true,
      },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'tool-calls' },
    ]);
    expect(runs).toBe(1);
    expect(model.requests.map((request) => 'tools' in request)).toEqual([true, false]);
    const callMessage = (id: string): OpenAIMessage => ({
      role: 'assistant',
      content: null,
      tool_calls: [{ id, type: 'function', function: { name: 'count', arguments: '{}' } }],
    });
    expect(finished).toEqual([
      {
        messages: [
          callMessage('call_1'),
          { role: 'tool', tool_call_id: 'call_1', content: '1' },
          callMessage('call_2'),
          {
            role: 'tool',
            tool_call_id: 'call_2',
            content: JSON.stringify({ error: { code: 'unknown_tool', message: notRun } }),
          },
        ],
        finishReason: 'tool-calls',
        steps: 2,
        aborted: false,
      },
    ]);
  });

  it('with the default maxSteps makes 5 calls, the 5th without tools', async () => {
    const tools = createToolRegistry([getCurrentTime]);
    const call = { toolCalls: [{ name: 'get_current_time', arguments: { timezone: 'UTC' } }] };
    const model = createScriptedModel([call, call, call, call, { text: 'Fine, noon.' }]);
    const chunks = await readAll(runChat({ model, messages: history, tools }));
    expect(model.requests.map((request) => 'tools' in request)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(model.requests[4]?.messages).toHaveLength(1 + 4 * 2);
    expect(chunks.filter((chunk) => chunk.type === 'tool-output-available')).toHaveLength(4);
    expect(chunks.at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
  });

  it('with maxSteps 1 never offers tools', async () => {
    const model = createScriptedModel([{ text: 'text only' }]);
    await readAll(
      runChat({
        model,
        messages: history,
        tools: createToolRegistry([getCurrentTime]),
        maxSteps: 1,
      }),
    );
    expect(model.requests).toEqual([{ messages: history }]);
  });

  it('does not run tool calls in a turn without tools', async () => {
    const model = createScriptedModel([
      { toolCalls: [{ name: 'get_current_time', arguments: '{"timezone":"UTC"}' }] },
    ]);
    const chunks = await readAll(runChat({ model, messages: history, messageId: 'm1' }));
    expect(chunks).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      {
        type: 'tool-input-start',
        toolCallId: 'call_1',
        toolName: 'get_current_time',
        dynamic: true,
      },
      { type: 'tool-input-delta', toolCallId: 'call_1', inputTextDelta: '{"timezone":"UTC"}' },
      {
        type: 'tool-input-error',
        toolCallId: 'call_1',
        toolName: 'get_current_time',
        input: { timezone: 'UTC' },
        errorText: 'Tool "get_current_time" was not run: no tools are available',
        dynamic: true,
      },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'tool-calls' },
    ]);
    expect(model.requests).toHaveLength(1);
  });

  it('gives a call that arrived without an id one of its own, in the chunks and the messages', async () => {
    const model = createScriptedModel([
      {
        frames: [
          chatCompletionChunk({ role: 'assistant', content: null }),
          chatCompletionChunk({
            tool_calls: [
              { index: 0, type: 'function', function: { name: 'get_current_time', arguments: '' } },
            ],
          }),
          chatCompletionChunk({
            tool_calls: [{ index: 0, function: { arguments: '{"timezone":"UTC"}' } }],
          }),
          chatCompletionChunk({}, { finishReason: 'tool_calls' }),
        ],
      },
      { text: 'Noon.' },
    ]);
    const chunks = await readAll(
      runChat({
        model,
        messages: history,
        tools: createToolRegistry([getCurrentTime]),
        generateId: countingIds('id'),
      }),
    );
    expect(chunks.slice(0, 5)).toEqual([
      { type: 'start', messageId: 'id-1' },
      { type: 'start-step' },
      {
        type: 'tool-input-available',
        toolCallId: 'id-2',
        toolName: 'get_current_time',
        input: { timezone: 'UTC' },
        dynamic: true,
      },
      { type: 'tool-output-available', toolCallId: 'id-2', output: UTC, dynamic: true },
      { type: 'finish-step' },
    ]);
    expect(model.requests[1]?.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'id-2',
            type: 'function',
            function: { name: 'get_current_time', arguments: '{"timezone":"UTC"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'id-2', content: JSON.stringify(UTC) },
    ]);
  });
});
