import { describe, expect, it } from 'vitest';
import { chatCompletionChunk as chunk } from '../openai/encode-chat-completion-stream.js';
import type { OpenAIMessage } from '../openai/types.js';
import type { UIMessageChunk } from '../ui-stream/types.js';
import { runChat } from './run-chat.js';
import { countingIds, readAll } from './run-chat.test-utils.js';
import { SAFE_ERROR_MESSAGES } from './safe-error-message.js';
import type { ChatModel, RunChatOptions, RunChatResult } from './types.js';

const history: OpenAIMessage[] = [{ role: 'user', content: 'Hello?' }];
const frame = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

/** A model whose body is `first`, then `piece` on every pull until it is cancelled. */
function endlessModel(first: string, piece: string) {
  const encoder = new TextEncoder();
  const log = { pulls: 0, cancels: 0 };
  const model: ChatModel = () => {
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          controller.enqueue(encoder.encode(log.pulls++ === 0 ? first : piece));
        },
        cancel() {
          log.cancels++;
        },
      },
      { highWaterMark: 0 },
    );
    return Promise.resolve(
      new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    );
  };
  return { model, log };
}

async function run(model: ChatModel, options: Partial<RunChatOptions> = {}) {
  const results: RunChatResult[] = [];
  const chunks = await readAll(
    runChat({
      model,
      messages: history,
      messageId: 'm1',
      generateId: countingIds(),
      onFinish: (result) => void results.push(result),
      ...options,
    }),
  );
  return { chunks, results };
}

const tooLarge: UIMessageChunk[] = [
  { type: 'error', errorText: "The model's answer was too large." },
  { type: 'finish-step' },
  { type: 'finish', finishReason: 'error' },
];

describe('runChat stream caps', () => {
  it('an event that never ends: the text so far, then the error chunk and finish; reading stops', async () => {
    const { model, log } = endlessModel(
      frame(chunk({ content: 'Hi' })) + 'data: {"choices":[{"delta":{"content":"',
      'x'.repeat(1000),
    );
    const { chunks, results } = await run(model, { maxEventBytes: 5000 });
    expect(chunks).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'text-start', id: 'text-1' },
      { type: 'text-delta', id: 'text-1', delta: 'Hi' },
      { type: 'text-end', id: 'text-1' },
      ...tooLarge,
    ]);
    expect(SAFE_ERROR_MESSAGES.answerTooLarge).toBe("The model's answer was too large.");
    expect(log).toEqual({ pulls: 6, cancels: 1 });
    expect(results).toEqual([
      {
        messages: [{ role: 'assistant', content: 'Hi' }],
        finishReason: 'error',
        steps: 1,
        aborted: false,
      },
    ]);
  });

  it('tool-call arguments that never end are cut at maxMessageBytes', async () => {
    const start = chunk({
      tool_calls: [
        { index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } },
      ],
    });
    const more = chunk({ tool_calls: [{ index: 0, function: { arguments: 'aaaaaaaaaa' } }] });
    const { model, log } = endlessModel(frame(start), frame(more));
    const { chunks } = await run(model, { maxMessageBytes: 57 });
    // id (6) + name (1) + 5 pieces of 10 = 57: the 6th piece is refused.
    expect(chunks).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'tool-input-start', toolCallId: 'call_1', toolName: 'f', dynamic: true },
      ...Array.from({ length: 5 }, () => ({
        type: 'tool-input-delta',
        toolCallId: 'call_1',
        inputTextDelta: 'aaaaaaaaaa',
      })),
      ...tooLarge,
    ]);
    expect(log.cancels).toBe(1);
  });

  it('too many tool calls', async () => {
    const calls = chunk({
      tool_calls: [0, 1, 2].map((index) => ({
        index,
        id: `call_${index}`,
        type: 'function' as const,
        function: { name: 'f', arguments: '{}' },
      })),
    });
    const { model } = endlessModel(frame(calls), frame(chunk({}, { finishReason: 'tool_calls' })));
    const { chunks } = await run(model, { maxToolCalls: 2 });
    expect(chunks).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      ...tooLarge,
    ]);
  });

  it.each(['maxEventBytes', 'maxMessageBytes', 'maxToolCalls'] as const)(
    'a %s that is not > 0 is a RangeError at once',
    (option) => {
      const { model, log } = endlessModel('', '');
      expect(() => runChat({ model, messages: history, [option]: 0 })).toThrow(RangeError);
      expect(log.pulls).toBe(0);
    },
  );
});
