// The workspace's shared two-city turn (@edgechat/test-support), read by the core: its forms —
// the OpenAI rounds the mock server streams, the follow-up messages, the UI chunks — agree with
// what the core makes of them, so the tests that use one form and expect another stay honest.
import {
  TWO_CITY_ANSWER_ROUND,
  TWO_CITY_ANSWER_TEXT,
  TWO_CITY_CALLS,
  TWO_CITY_FOLLOW_UP,
  TWO_CITY_NOW,
  TWO_CITY_QUESTION,
  TWO_CITY_TOOL_ROUND,
  TWO_CITY_UI_CHUNKS,
  TWO_CITY_USAGE,
} from '@edgechat/test-support/fixtures';
import { describe, expect, it } from 'vitest';
import {
  collectChatCompletion,
  createGetCurrentTime,
  createToolRegistry,
  createUIMessageBuilder,
  runChat,
  type OpenAIMessage,
  type UIMessageChunk,
} from '../src/index.js';
import { createScriptedModel, encodeChatCompletionStream } from '../src/testing/index.js';

async function readAll(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
  }
  return chunks;
}

function built(chunks: readonly UIMessageChunk[]) {
  const builder = createUIMessageBuilder();
  for (const chunk of chunks) builder.push(chunk);
  return builder.message;
}

describe('the shared two-city turn', () => {
  it('the tool round collects into the follow-up’s assistant message', async () => {
    const result = await collectChatCompletion(encodeChatCompletionStream(TWO_CITY_TOOL_ROUND));
    expect(result.message).toEqual(TWO_CITY_FOLLOW_UP[0]);
    expect(result.finishReason).toBe('tool_calls');
    expect(result.usage).toMatchObject(TWO_CITY_USAGE.toolRound);
  });

  it('the answer round collects into the answer', async () => {
    const result = await collectChatCompletion(encodeChatCompletionStream(TWO_CITY_ANSWER_ROUND));
    expect(result.message).toEqual({ role: 'assistant', content: TWO_CITY_ANSWER_TEXT });
    expect(result.usage).toMatchObject(TWO_CITY_USAGE.answerRound);
  });

  it('runChat over both rounds sends the follow-up and builds the message the UI chunks build', async () => {
    const model = createScriptedModel([
      { frames: TWO_CITY_TOOL_ROUND },
      { frames: TWO_CITY_ANSWER_ROUND },
    ]);
    const history: OpenAIMessage[] = [{ role: 'user', content: TWO_CITY_QUESTION }];
    const tools = createToolRegistry([createGetCurrentTime({ now: () => new Date(TWO_CITY_NOW) })]);
    const chunks = await readAll(
      runChat({
        model,
        messages: history,
        tools,
        messageId: 'm1',
        messageMetadata: { model: 'gpt-4o' },
      }),
    );
    expect(model.requests[1]?.messages).toEqual([...history, ...TWO_CITY_FOLLOW_UP]);
    const inputText = (id: string) =>
      chunks
        .flatMap((chunk) =>
          chunk.type === 'tool-input-delta' && chunk.toolCallId === id
            ? [chunk.inputTextDelta]
            : [],
        )
        .join('');
    for (const call of TWO_CITY_CALLS) expect(inputText(call.id)).toBe(call.arguments);

    const ours = built(chunks);
    const expected = built(TWO_CITY_UI_CHUNKS);
    expect({ ...ours, metadata: undefined }).toEqual({ ...expected, metadata: undefined });
    expect(ours.metadata).toEqual({
      model: 'gpt-4o',
      usage: expect.objectContaining(TWO_CITY_USAGE.total),
    });
  });
});
