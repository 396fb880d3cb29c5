import {
  NEW_YORK_CALL,
  SEOUL_CALL,
  TWO_CITY_FOLLOW_UP,
  TWO_CITY_NOW,
  TWO_CITY_SCRIPT,
} from '@edgechat/test-support/fixtures';
import { describe, expect, it } from 'vitest';
import type { OpenAIMessage } from '../openai/types.js';
import {
  chatCompletionChunk,
  encodeChatCompletionStream,
} from '../testing/encode-chat-completion-stream.js';
import { joinDeltas } from '../testing/join-deltas.js';
import { createScriptedModel } from '../testing/scripted-model.js';
import { createGetCurrentTime, createToolRegistry } from '../tools/index.js';
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

const history: OpenAIMessage[] = [
  { role: 'system', content: 'You are a helpful assistant.' },
  { role: 'user', content: '서울과 뉴욕은 지금 몇 시야?' },
];

// 2025-06-01 12:00:00 UTC: 21:00 in Seoul (+09:00), 08:00 in New York (EDT, -04:00).
const NOW = new Date(TWO_CITY_NOW);
const getCurrentTime = createGetCurrentTime({ now: () => NOW });

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

  it('reports other when the model sent no finish reason but ended with [DONE]', async () => {
    const model = createScriptedModel([{ text: 'x', finishReason: null }]);
    const chunks = await readAll(runChat({ model, messages: history }));
    expect(chunks.at(-1)).toEqual({ type: 'finish', finishReason: 'other' });
  });

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

  it('reads a model that answers with a bare byte stream', async () => {
    const model = createScriptedModel([{ text: 'raw' }], { as: 'stream' });
    const chunks = await readAll(runChat({ model, messages: history, generateId: countingIds() }));
    expect(chunks.slice(1)).toEqual([
      { type: 'start-step' },
      { type: 'text-start', id: 'text-2' },
      { type: 'text-delta', id: 'text-2', delta: 'raw' },
      { type: 'text-end', id: 'text-2' },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'stop' },
    ]);
  });

  it('gives the same chunks however the upstream bytes are cut', async () => {
    const script = [
      {
        text: ['안녕', '하세요 👋'],
        toolCalls: [{ name: 'get_current_time', arguments: ['{"time', 'zone":"UTC"}'] }],
      },
      { text: '끝' },
    ];
    const run = async (split: 'random' | undefined) => {
      const model = createScriptedModel(script, split === undefined ? {} : { split });
      const tools = createToolRegistry([getCurrentTime]);
      return readAll(
        runChat({ model, messages: history, tools, messageId: 'm', generateId: countingIds() }),
      );
    };
    const whole = await run(undefined);
    expect(whole).toHaveLength(18);
    // Deltas that share a network read are sent as one: compare them joined.
    expect(joinDeltas(await run('random'))).toEqual(joinDeltas(whole));
  });

  it('sends the deltas of one part that arrive in one network read as one chunk', async () => {
    const script = [
      {
        text: ['Checking ', 'the ', 'time.'],
        toolCalls: [
          { id: 'call_a', name: 'get_current_time', arguments: ['{"time', 'zone":', '"UTC"}'] },
          { id: 'call_b', name: 'get_current_time', arguments: ['{"timezone":"Asia/Seoul"}'] },
        ],
      },
      { text: ['Done', ' now'] },
    ];
    // `split: []` cuts nothing: each step's whole answer is one read.
    const model = createScriptedModel(script, { split: [] });
    const tools = createToolRegistry([getCurrentTime]);
    const chunks = await readAll(
      runChat({ model, messages: history, tools, messageId: 'm', generateId: countingIds() }),
    );
    expect(chunks.filter((chunk) => chunk.type !== 'tool-output-available')).toEqual([
      { type: 'start', messageId: 'm' },
      { type: 'start-step' },
      { type: 'text-start', id: 'text-1' },
      { type: 'text-delta', id: 'text-1', delta: 'Checking the time.' },
      {
        type: 'tool-input-start',
        toolCallId: 'call_a',
        toolName: 'get_current_time',
        dynamic: true,
      },
      { type: 'tool-input-delta', toolCallId: 'call_a', inputTextDelta: '{"timezone":"UTC"}' },
      {
        type: 'tool-input-start',
        toolCallId: 'call_b',
        toolName: 'get_current_time',
        dynamic: true,
      },
      {
        type: 'tool-input-delta',
        toolCallId: 'call_b',
        inputTextDelta: '{"timezone":"Asia/Seoul"}',
      },
      {
        type: 'tool-input-available',
        toolCallId: 'call_a',
        toolName: 'get_current_time',
        input: { timezone: 'UTC' },
        dynamic: true,
      },
      {
        type: 'tool-input-available',
        toolCallId: 'call_b',
        toolName: 'get_current_time',
        input: { timezone: 'Asia/Seoul' },
        dynamic: true,
      },
      { type: 'text-end', id: 'text-1' },
      { type: 'finish-step' },
      { type: 'start-step' },
      { type: 'text-start', id: 'text-2' },
      { type: 'text-delta', id: 'text-2', delta: 'Done now' },
      { type: 'text-end', id: 'text-2' },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'stop' },
    ]);
  });

  it('waits for a slow consumer instead of reading the model ahead without bound', async () => {
    const frames = [
      chatCompletionChunk({ role: 'assistant', content: '' }),
      ...Array.from({ length: 200 }, (_, i) => chatCompletionChunk({ content: `w${i} ` })),
      chatCompletionChunk({}, { finishReason: 'stop' }),
    ];
    const inner = encodeChatCompletionStream(frames).getReader();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const read = await inner.read();
          if (read.done) return controller.close();
          pulled++;
          controller.enqueue(read.value);
        },
      },
      { highWaterMark: 0 },
    );
    const stream = runChat({ model: () => Promise.resolve(body), messages: history });
    for (let i = 0; i < 10; i++) await settle();
    const before = pulled;
    const chunks = await readAll(stream);
    expect(before).toBeLessThan(40);
    expect([pulled, chunks.length]).toEqual([203, 1 + 1 + 1 + 200 + 1 + 1 + 1]);
  });
});
