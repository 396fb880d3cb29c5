import { describe, expect, it } from 'vitest';
import { createScriptedModel } from '../testing/scripted-model.js';
import { createToolRegistry } from '../tools/index.js';
import { runChat } from './run-chat.js';
import { countingIds, getCurrentTime, readAll, TUTORIAL_HISTORY } from './run-chat.test-utils.js';
import type { RunChatResult } from './types.js';

const history = TUTORIAL_HISTORY;

describe('runChat: the messages of a turn', () => {
  it('sums usage over steps, nested details included, and leaves it out when none came', async () => {
    const tools = createToolRegistry([getCurrentTime]);
    const model = createScriptedModel([
      {
        toolCalls: [{ name: 'get_current_time', arguments: { timezone: 'UTC' } }],
        usage: {
          prompt_tokens: 10,
          completion_tokens: 2,
          total_tokens: 12,
          prompt_tokens_details: { cached_tokens: 4 },
        },
      },
      { toolCalls: [{ name: 'get_current_time', arguments: { timezone: 'UTC' } }] },
      {
        text: 'done',
        usage: {
          prompt_tokens: 20,
          completion_tokens: 3,
          total_tokens: 23,
          prompt_tokens_details: { cached_tokens: 6 },
        },
      },
    ]);
    const chunks = await readAll(runChat({ model, messages: history, tools }));
    expect(chunks.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'stop',
      messageMetadata: {
        usage: {
          prompt_tokens: 30,
          completion_tokens: 5,
          total_tokens: 35,
          prompt_tokens_details: { cached_tokens: 10 },
        },
      },
    });
  });

  it('shows a refusal as text and keeps it apart in the message', async () => {
    const model = createScriptedModel([{ refusal: ["I can't ", 'help with that.'] }]);
    const finished: RunChatResult[] = [];
    const chunks = await readAll(
      runChat({
        model,
        messages: history,
        messageId: 'm1',
        generateId: countingIds(),
        onFinish: (result) => void finished.push(result),
      }),
    );
    expect(chunks).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'text-start', id: 'text-1' },
      { type: 'text-delta', id: 'text-1', delta: "I can't " },
      { type: 'text-delta', id: 'text-1', delta: 'help with that.' },
      { type: 'text-end', id: 'text-1' },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'stop' },
    ]);
    expect(finished.map((result) => result.messages)).toEqual([
      [{ role: 'assistant', content: null, refusal: "I can't help with that." }],
    ]);
  });

  it('puts text and tool calls of one step in one assistant message, text part closed at step end', async () => {
    const tools = createToolRegistry([getCurrentTime]);
    const model = createScriptedModel([
      {
        text: 'Let me check.',
        toolCalls: [{ name: 'get_current_time', arguments: { timezone: 'UTC' } }],
      },
      { text: 'Noon.' },
    ]);
    const chunks = await readAll(
      runChat({ model, messages: history, tools, messageId: 'm1', generateId: countingIds() }),
    );
    const utc = {
      timezone: 'UTC',
      iso: '2025-06-01T12:00:00+00:00',
      local: '2025-06-01 12:00:00',
      utcOffset: '+00:00',
    };
    expect(chunks).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'text-start', id: 'text-1' },
      { type: 'text-delta', id: 'text-1', delta: 'Let me check.' },
      {
        type: 'tool-input-start',
        toolCallId: 'call_1',
        toolName: 'get_current_time',
        dynamic: true,
      },
      { type: 'tool-input-delta', toolCallId: 'call_1', inputTextDelta: '{"timezone":"UTC"}' },
      {
        type: 'tool-input-available',
        toolCallId: 'call_1',
        toolName: 'get_current_time',
        input: { timezone: 'UTC' },
        dynamic: true,
      },
      { type: 'text-end', id: 'text-1' },
      { type: 'tool-output-available', toolCallId: 'call_1', output: utc, dynamic: true },
      { type: 'finish-step' },
      { type: 'start-step' },
      { type: 'text-start', id: 'text-2' },
      { type: 'text-delta', id: 'text-2', delta: 'Noon.' },
      { type: 'text-end', id: 'text-2' },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'stop' },
    ]);
    expect(model.requests[1]?.messages.slice(2)).toEqual([
      {
        role: 'assistant',
        content: 'Let me check.',
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_current_time', arguments: '{"timezone":"UTC"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: JSON.stringify(utc) },
    ]);
  });

  it('does not modify the messages it is given', async () => {
    const messages = structuredClone(history);
    const tools = createToolRegistry([getCurrentTime]);
    const model = createScriptedModel([
      { toolCalls: [{ name: 'get_current_time', arguments: { timezone: 'UTC' } }] },
      { text: 'ok' },
    ]);
    await readAll(runChat({ model, messages, tools }));
    expect(messages).toEqual(history);
  });

  it('rejects a maxSteps that is not an integer ≥ 1 at once', () => {
    const model = createScriptedModel([]);
    const attempts = [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY].map((maxSteps) => {
      try {
        runChat({ model, messages: history, maxSteps });
        return 'accepted';
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(attempts).toEqual([
      'RangeError',
      'RangeError',
      'RangeError',
      'RangeError',
      'RangeError',
    ]);
    expect(model.requests).toEqual([]);
  });
});
