import {
  NEW_YORK_CALL,
  SEOUL_CALL,
  TWO_CITY_FOLLOW_UP,
  TWO_CITY_SCRIPT,
} from '@edgechat/test-support/fixtures';
import { describe, expect, it } from 'vitest';
import { createScriptedModel } from '../testing/scripted-model.js';
import { createToolRegistry } from '../tools/index.js';
import { runChat } from './run-chat.js';
import { SAFE_ERROR_MESSAGES } from './safe-error-message.js';
import {
  controlledBody,
  countingIds,
  deferred,
  getCurrentTime,
  readAll,
  readSome,
  TUTORIAL_HISTORY,
} from './run-chat.test-utils.js';
import type { ChatModel, RunChatResult } from './types.js';

const history = TUTORIAL_HISTORY;

describe('runChat', () => {
  it('streams a plain text answer', async () => {
    const model = createScriptedModel([{ text: ['Hello', ', world'] }]);
    const chunks = await readAll(
      runChat({ model, messages: history, messageId: 'm1', generateId: countingIds() }),
    );
    expect(chunks).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'text-start', id: 'text-1' },
      { type: 'text-delta', id: 'text-1', delta: 'Hello' },
      { type: 'text-delta', id: 'text-1', delta: ', world' },
      { type: 'text-end', id: 'text-1' },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'stop' },
    ]);
  });

  it('sends messageMetadata in start and generates the message id when none is given', async () => {
    const model = createScriptedModel([{ text: 'ok' }]);
    const chunks = await readAll(
      runChat({
        model,
        messages: history,
        messageMetadata: { model: 'gpt-4o' },
        generateId: countingIds('id'),
      }),
    );
    expect(chunks.slice(0, 3)).toEqual([
      { type: 'start', messageId: 'id-1', messageMetadata: { model: 'gpt-4o' } },
      { type: 'start-step' },
      { type: 'text-start', id: 'id-2' },
    ]);
  });

  it('uses random UUIDs by default', async () => {
    const model = createScriptedModel([{ text: 'ok' }]);
    const chunks = await readAll(runChat({ model, messages: history }));
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const start = chunks[0];
    const textStart = chunks[2];
    expect([start?.type, textStart?.type]).toEqual(['start', 'text-start']);
    expect(start?.type === 'start' && uuid.test(start.messageId ?? '')).toBe(true);
    expect(textStart?.type === 'text-start' && uuid.test(textStart.id)).toBe(true);
  });

  it('runs the tutorial turn: two parallel tool calls, their results, then the answer', async () => {
    const model = createScriptedModel(TWO_CITY_SCRIPT);
    const tools = createToolRegistry([getCurrentTime]);
    const finished: RunChatResult[] = [];
    const chunks = await readAll(
      runChat({
        model,
        messages: history,
        tools,
        messageId: 'm1',
        messageMetadata: { model: 'gpt-4o' },
        generateId: countingIds(),
        onFinish: (result) => void finished.push(result),
      }),
    );

    const [seoul, newYork] = [SEOUL_CALL.output, NEW_YORK_CALL.output];
    expect(chunks).toEqual([
      { type: 'start', messageId: 'm1', messageMetadata: { model: 'gpt-4o' } },
      { type: 'start-step' },
      {
        type: 'tool-input-start',
        toolCallId: 'call_a',
        toolName: 'get_current_time',
        dynamic: true,
      },
      { type: 'tool-input-delta', toolCallId: 'call_a', inputTextDelta: '{"timezone":"Asia/' },
      { type: 'tool-input-delta', toolCallId: 'call_a', inputTextDelta: 'Seoul"}' },
      {
        type: 'tool-input-start',
        toolCallId: 'call_b',
        toolName: 'get_current_time',
        dynamic: true,
      },
      {
        type: 'tool-input-delta',
        toolCallId: 'call_b',
        inputTextDelta: '{"timezone":"America/New_York"}',
      },
      {
        type: 'tool-input-available',
        toolCallId: 'call_a',
        toolName: 'get_current_time',
        input: { timezone: 'Asia/Seoul' },
        dynamic: true,
      },
      {
        type: 'tool-input-available',
        toolCallId: 'call_b',
        toolName: 'get_current_time',
        input: { timezone: 'America/New_York' },
        dynamic: true,
      },
      { type: 'tool-output-available', toolCallId: 'call_a', output: seoul, dynamic: true },
      { type: 'tool-output-available', toolCallId: 'call_b', output: newYork, dynamic: true },
      { type: 'finish-step' },
      { type: 'start-step' },
      { type: 'text-start', id: 'text-1' },
      { type: 'text-delta', id: 'text-1', delta: '서울은 ' },
      { type: 'text-delta', id: 'text-1', delta: '오후 9시, ' },
      { type: 'text-delta', id: 'text-1', delta: '뉴욕은 오전 8시입니다.' },
      { type: 'text-end', id: 'text-1' },
      { type: 'finish-step' },
      {
        type: 'finish',
        finishReason: 'stop',
        messageMetadata: {
          usage: { prompt_tokens: 320, completion_tokens: 70, total_tokens: 390 },
        },
      },
    ]);

    const [assistant, ...toolMessages] = TWO_CITY_FOLLOW_UP;
    expect(model.requests).toEqual([
      { messages: history, tools: tools.definitions() },
      { messages: [...history, assistant, ...toolMessages], tools: tools.definitions() },
    ]);
    expect(finished).toEqual([
      {
        messages: [
          assistant,
          ...toolMessages,
          { role: 'assistant', content: '서울은 오후 9시, 뉴욕은 오전 8시입니다.' },
        ],
        finishReason: 'stop',
        usage: { prompt_tokens: 320, completion_tokens: 70, total_tokens: 390 },
        steps: 2,
        aborted: false,
      },
    ]);
  });

  it('without tools sends no tools key and never makes a second request', async () => {
    for (const tools of [undefined, createToolRegistry([])]) {
      const model = createScriptedModel([{ text: 'Hi there' }, { text: 'never asked' }]);
      await readAll(runChat({ model, messages: history, ...(tools ? { tools } : {}) }));
      expect(model.requests).toEqual([{ messages: history }]);
      expect('tools' in model.requests[0]!).toBe(false);
    }
  });

  it('sends start before the model has answered', async () => {
    const answer = deferred<ReadableStream<Uint8Array>>();
    let called = 0;
    const model: ChatModel = () => {
      called++;
      return answer.promise;
    };
    const reader = runChat({ model, messages: history, messageId: 'm1' }).getReader();
    expect(await readSome(reader, 1)).toEqual([{ type: 'start', messageId: 'm1' }]);
    expect(called).toBe(1);
    const body = controlledBody();
    answer.resolve(body.body);
    body.send({ role: 'assistant', content: '' });
    body.send({}, 'stop');
    body.end();
    expect(await readSome(reader, 10)).toEqual([
      { type: 'start-step' },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'stop' },
    ]);
  });

  it('forwards each delta as it arrives, before the model has finished', async () => {
    const body = controlledBody();
    const model: ChatModel = () => Promise.resolve(body.body);
    const reader = runChat({
      model,
      messages: history,
      messageId: 'm1',
      generateId: countingIds(),
    }).getReader();
    body.send({ role: 'assistant', content: '' });
    body.send({ content: 'Hel' });
    expect(await readSome(reader, 4)).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'text-start', id: 'text-1' },
      { type: 'text-delta', id: 'text-1', delta: 'Hel' },
    ]);
    body.send({ content: 'lo' });
    expect(await readSome(reader, 1)).toEqual([{ type: 'text-delta', id: 'text-1', delta: 'lo' }]);
    body.send({}, 'stop');
    body.end();
    expect(await readSome(reader, 10)).toEqual([
      { type: 'text-end', id: 'text-1' },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'stop' },
    ]);
    expect(body.cancelled).toBe(false);
  });

  it('maps the last step’s finish reason', async () => {
    const reasons = ['stop', 'length', 'content_filter', 'function_call', 'something_new'];
    const finishes = [];
    for (const finishReason of reasons) {
      const model = createScriptedModel([{ text: 'x', finishReason }]);
      const chunks = await readAll(runChat({ model, messages: history }));
      finishes.push(chunks.at(-1));
    }
    expect(finishes).toEqual([
      { type: 'finish', finishReason: 'stop' },
      { type: 'finish', finishReason: 'length' },
      { type: 'finish', finishReason: 'content-filter' },
      { type: 'finish', finishReason: 'tool-calls' },
      { type: 'finish', finishReason: 'other' },
    ]);
  });

  it('a [DONE] without any finish reason is a cut-off answer: the text stays, then an error', async () => {
    const model = createScriptedModel([{ text: 'Half an ans', finishReason: null }]);
    const chunks = await readAll(
      runChat({ model, messages: history, messageId: 'm1', generateId: countingIds() }),
    );
    expect(chunks).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'text-start', id: 'text-1' },
      { type: 'text-delta', id: 'text-1', delta: 'Half an ans' },
      { type: 'text-end', id: 'text-1' },
      { type: 'error', errorText: SAFE_ERROR_MESSAGES.truncated },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'error' },
    ]);
  });
});
