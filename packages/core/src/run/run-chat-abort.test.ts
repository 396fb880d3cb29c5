import { describe, expect, it } from 'vitest';
import type { OpenAIMessage } from '../openai/types.js';
import { createScriptedModel } from '../testing/scripted-model.js';
import { createToolRegistry, defineTool } from '../tools/index.js';
import { runChat } from './run-chat.js';
import {
  controlledBody,
  countingIds,
  deferred,
  readAll,
  readSome,
  settle,
} from './run-chat.test-utils.js';
import type { ChatModel, RunChatResult } from './types.js';

const history: OpenAIMessage[] = [{ role: 'user', content: 'Tell me a long story.' }];

/** A tool that waits until its signal fires, recording it. */
function waitingTool() {
  const signals: AbortSignal[] = [];
  const tool = defineTool({
    name: 'wait',
    description: 'waits until aborted',
    parameters: { type: 'object', properties: {} },
    execute: (_input, { signal }) => {
      signals.push(signal);
      return new Promise<never>(() => {});
    },
  });
  return { tool, signals };
}

const textSoFar = [
  { type: 'start', messageId: 'm1' },
  { type: 'start-step' },
  { type: 'text-start', id: 'text-1' },
  { type: 'text-delta', id: 'text-1', delta: 'Once ' },
  { type: 'text-delta', id: 'text-1', delta: 'upon' },
];

describe('runChat abort', () => {
  it('mid-text: cancels the model’s body, closes the text, and sends abort last', async () => {
    const controller = new AbortController();
    const model = createScriptedModel([{ text: ['Once ', 'upon'], hang: true }]);
    const finished: RunChatResult[] = [];
    const reader = runChat({
      model,
      messages: history,
      signal: controller.signal,
      messageId: 'm1',
      generateId: countingIds(),
      onFinish: (result) => void finished.push(result),
    }).getReader();
    const before = await readSome(reader, 5);
    controller.abort();
    const after = await readSome(reader, 100);
    expect([...before, ...after]).toEqual([
      ...textSoFar,
      { type: 'text-end', id: 'text-1' },
      { type: 'abort' },
    ]);
    expect([model.cancelled, model.signals[0]?.aborted]).toEqual([1, true]);
    expect(finished).toEqual([
      {
        messages: [{ role: 'assistant', content: 'Once upon' }],
        finishReason: 'other',
        steps: 1,
        aborted: true,
      },
    ]);
  });

  it('mid-tool: the running tool sees the abort and abort is the last chunk', async () => {
    const controller = new AbortController();
    const { tool, signals } = waitingTool();
    const model = createScriptedModel([{ toolCalls: [{ name: 'wait' }] }, { text: 'never' }]);
    const finished: RunChatResult[] = [];
    const reader = runChat({
      model,
      messages: history,
      tools: createToolRegistry([tool]),
      signal: controller.signal,
      messageId: 'm1',
      onFinish: (result) => void finished.push(result),
    }).getReader();
    const before = await readSome(reader, 4);
    await settle();
    expect(signals.map((signal) => signal.aborted)).toEqual([false]);
    const reason = new Error('user pressed stop');
    controller.abort(reason);
    const after = await readSome(reader, 100);
    expect([...before, ...after]).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'tool-input-start', toolCallId: 'call_1', toolName: 'wait', dynamic: true },
      {
        type: 'tool-input-available',
        toolCallId: 'call_1',
        toolName: 'wait',
        input: {},
        dynamic: true,
      },
      { type: 'abort' },
    ]);
    expect(signals.map((signal) => [signal.aborted, signal.reason])).toEqual([[true, reason]]);
    expect(model.requests).toHaveLength(1);
    expect(finished).toEqual([
      {
        messages: [
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'call_1', type: 'function', function: { name: 'wait', arguments: '{}' } },
            ],
          },
          {
            role: 'tool',
            tool_call_id: 'call_1',
            content: JSON.stringify({
              error: { code: 'aborted', message: 'The tool call was aborted' },
            }),
          },
        ],
        finishReason: 'other',
        steps: 1,
        aborted: true,
      },
    ]);
  });

  it('when the consumer cancels mid-text, aborts the model the same way', async () => {
    const model = createScriptedModel([{ text: ['Once ', 'upon'], hang: true }]);
    const finished: RunChatResult[] = [];
    const reader = runChat({
      model,
      messages: history,
      messageId: 'm1',
      generateId: countingIds(),
      onFinish: (result) => void finished.push(result),
    }).getReader();
    expect(await readSome(reader, 5)).toEqual(textSoFar);
    await reader.cancel('client went away');
    await settle();
    expect([model.cancelled, model.signals[0]?.aborted, model.signals[0]?.reason]).toEqual([
      1,
      true,
      'client went away',
    ]);
    expect(finished.map((result) => [result.aborted, result.messages])).toEqual([
      [true, [{ role: 'assistant', content: 'Once upon' }]],
    ]);
  });

  it('when the consumer cancels mid-tool, the running tool sees the abort', async () => {
    const { tool, signals } = waitingTool();
    const model = createScriptedModel([{ toolCalls: [{ name: 'wait' }] }]);
    const stream = runChat({ model, messages: history, tools: createToolRegistry([tool]) });
    const reader = stream.getReader();
    await readSome(reader, 4);
    await settle();
    await reader.cancel();
    await settle();
    expect(signals.map((signal) => signal.aborted)).toEqual([true]);
    expect(model.requests).toHaveLength(1);
  });

  it('with a signal that already fired, calls no model and sends only start and abort', async () => {
    const model = createScriptedModel([{ text: 'never' }]);
    const chunks = await readAll(
      runChat({ model, messages: history, signal: AbortSignal.abort(), messageId: 'm1' }),
    );
    expect(chunks).toEqual([{ type: 'start', messageId: 'm1' }, { type: 'abort' }]);
    expect(model.requests).toEqual([]);
  });

  it('does not wait for a model that ignores the signal, and cancels its late answer', async () => {
    const controller = new AbortController();
    const answer = deferred<ReadableStream<Uint8Array>>();
    const model: ChatModel = () => answer.promise;
    const reader = runChat({
      model,
      messages: history,
      signal: controller.signal,
      messageId: 'm1',
    }).getReader();
    expect(await readSome(reader, 1)).toEqual([{ type: 'start', messageId: 'm1' }]);
    controller.abort();
    expect(await readSome(reader, 100)).toEqual([{ type: 'abort' }]);
    const late = controlledBody();
    answer.resolve(late.body);
    await settle();
    expect(late.cancelled).toBe(true);
  });

  it('changes nothing when the signal fires after the turn ended', async () => {
    const controller = new AbortController();
    const model = createScriptedModel([{ text: 'done' }]);
    const chunks = await readAll(
      runChat({
        model,
        messages: history,
        signal: controller.signal,
        messageId: 'm1',
        generateId: countingIds(),
      }),
    );
    controller.abort();
    await settle();
    expect(chunks.at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
    expect(model.cancelled).toBe(0);
  });
});
