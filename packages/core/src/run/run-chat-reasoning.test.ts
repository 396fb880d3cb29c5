import { describe, expect, it } from 'vitest';
import { createScriptedModel } from '../testing/scripted-model.js';
import { chatCompletionChunk } from '../openai/encode-chat-completion-stream.js';
import { createToolRegistry } from '../tools/index.js';
import { runChat } from './run-chat.js';
import { SAFE_ERROR_MESSAGES } from './safe-error-message.js';
import { countingIds, getCurrentTime, readAll, TUTORIAL_HISTORY } from './run-chat.test-utils.js';
import type { RunChatResult } from './types.js';

const history = TUTORIAL_HISTORY;
const run = (options: Omit<Parameters<typeof runChat>[0], 'messages'>) =>
  readAll(
    runChat({ messages: history, messageId: 'm1', generateId: countingIds('p'), ...options }),
  );

describe('runChat with a model that thinks', () => {
  it('streams the reasoning as its own part and ends it before the text starts', async () => {
    let finished: RunChatResult | undefined;
    const model = createScriptedModel([
      { reasoning: ['The user', ' wants 2+2.'], text: ['It is ', '4.'] },
    ]);
    expect(await run({ model, onFinish: (result) => void (finished = result) })).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'reasoning-start', id: 'p-1' },
      { type: 'reasoning-delta', id: 'p-1', delta: 'The user' },
      { type: 'reasoning-delta', id: 'p-1', delta: ' wants 2+2.' },
      { type: 'reasoning-end', id: 'p-1' },
      { type: 'text-start', id: 'p-2' },
      { type: 'text-delta', id: 'p-2', delta: 'It is ' },
      { type: 'text-delta', id: 'p-2', delta: '4.' },
      { type: 'text-end', id: 'p-2' },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'stop' },
    ]);
    expect(finished?.messages).toEqual([
      { role: 'assistant', content: 'It is 4.', reasoning_content: 'The user wants 2+2.' },
    ]);
  });

  it('reads OpenRouter’s `reasoning` field the same way', async () => {
    const model = createScriptedModel([
      { reasoning: 'Short.', reasoningField: 'reasoning', text: 'Done' },
    ]);
    expect((await run({ model })).slice(2, 5)).toEqual([
      { type: 'reasoning-start', id: 'p-1' },
      { type: 'reasoning-delta', id: 'p-1', delta: 'Short.' },
      { type: 'reasoning-end', id: 'p-1' },
    ]);
  });

  it('ends the reasoning before a tool call, and keeps it on the tool-call turn sent back', async () => {
    const model = createScriptedModel([
      {
        reasoning: 'I need the time.',
        toolCalls: [
          { id: 'call_1', name: 'get_current_time', arguments: { timezone: 'Asia/Seoul' } },
        ],
      },
      { reasoning: 'Got it.', text: 'It is noon.' },
    ]);
    const chunks = await run({ model, tools: createToolRegistry([getCurrentTime]) });
    expect(chunks.slice(2, 7).map((chunk) => chunk.type)).toEqual([
      'reasoning-start',
      'reasoning-delta',
      'reasoning-end',
      'tool-input-start',
      'tool-input-delta',
    ]);
    // DeepSeek wants the reasoning back on the assistant turn with tool calls; the model
    // adapter strips it for services that reject it.
    expect(model.requests[1]?.messages.at(-2)).toEqual({
      role: 'assistant',
      content: null,
      reasoning_content: 'I need the time.',
      tool_calls: [
        {
          id: 'call_1',
          type: 'function',
          function: { name: 'get_current_time', arguments: '{"timezone":"Asia/Seoul"}' },
        },
      ],
    });
  });

  it('with thinkTags, a leading <think> block cut across deltas is reasoning', async () => {
    const model = createScriptedModel([{ text: ['<thi', 'nk>\nHmm, 2+2', '.</th', 'ink>\n\n4'] }]);
    const types = (chunks: { type: string }[]) => chunks.map((chunk) => chunk.type);
    const chunks = await run({ model, thinkTags: true });
    expect(chunks.filter((chunk) => chunk.type.endsWith('-delta'))).toEqual([
      { type: 'reasoning-delta', id: 'p-1', delta: 'Hmm, 2+2' },
      { type: 'reasoning-delta', id: 'p-1', delta: '.' },
      { type: 'text-delta', id: 'p-2', delta: '4' },
    ]);
    expect(types(chunks)).toContain('reasoning-end');
    const plain = await run({
      model: createScriptedModel([{ text: ['<thi', 'nk>\nHmm</think>4'] }]),
    });
    expect(plain.filter((chunk) => chunk.type === 'text-delta')).toEqual([
      { type: 'text-delta', id: 'p-1', delta: '<thi' },
      { type: 'text-delta', id: 'p-1', delta: 'nk>\nHmm</think>4' },
    ]);
  });

  it('a model that thinks again after some text gets a second reasoning part after it', async () => {
    const model = createScriptedModel([
      {
        frames: [
          chatCompletionChunk({ reasoning_content: 'a' }),
          chatCompletionChunk({ content: 'b' }),
          chatCompletionChunk({ reasoning_content: 'c' }),
          chatCompletionChunk({ content: 'd' }, { finishReason: 'stop' }),
        ],
      },
    ]);
    expect((await run({ model })).slice(2, -2)).toEqual([
      { type: 'reasoning-start', id: 'p-1' },
      { type: 'reasoning-delta', id: 'p-1', delta: 'a' },
      { type: 'reasoning-end', id: 'p-1' },
      { type: 'text-start', id: 'p-2' },
      { type: 'text-delta', id: 'p-2', delta: 'b' },
      { type: 'text-end', id: 'p-2' },
      { type: 'reasoning-start', id: 'p-3' },
      { type: 'reasoning-delta', id: 'p-3', delta: 'c' },
      { type: 'reasoning-end', id: 'p-3' },
      { type: 'text-start', id: 'p-4' },
      { type: 'text-delta', id: 'p-4', delta: 'd' },
      { type: 'text-end', id: 'p-4' },
    ]);
  });

  it('a stream cut while thinking: the reasoning part ends, the error follows, the thinking is kept', async () => {
    let finished: RunChatResult | undefined;
    const model = createScriptedModel([{ reasoning: 'Let me see', truncate: true }]);
    expect(await run({ model, onFinish: (result) => void (finished = result) })).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'reasoning-start', id: 'p-1' },
      { type: 'reasoning-delta', id: 'p-1', delta: 'Let me see' },
      { type: 'reasoning-end', id: 'p-1' },
      { type: 'error', errorText: SAFE_ERROR_MESSAGES.truncated },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'error' },
    ]);
    expect(finished?.messages).toEqual([
      { role: 'assistant', content: null, reasoning_content: 'Let me see' },
    ]);
  });
});
