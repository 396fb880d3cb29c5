import { describe, expect, it } from 'vitest';
import {
  chatCompletionChunk,
  encodeChatCompletionStream,
} from '../openai/encode-chat-completion-stream.js';
import { joinDeltas } from '../testing/join-deltas.js';
import { createScriptedModel } from '../testing/scripted-model.js';
import { createToolRegistry } from '../tools/index.js';
import { runChat } from './run-chat.js';
import {
  countingIds,
  getCurrentTime,
  readAll,
  settle,
  TUTORIAL_HISTORY,
} from './run-chat.test-utils.js';

const history = TUTORIAL_HISTORY;

describe('runChat: reading the model\u2019s stream', () => {
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
