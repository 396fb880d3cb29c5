import { describe, expect, it } from 'vitest';
import type { OpenAIMessage } from '../openai/types.js';
import { runChat } from '../run/index.js';
import type { RunChatResult } from '../run/index.js';
import { createGetCurrentTime, createToolRegistry } from '../tools/index.js';
import { createUIMessageBuilder } from '../ui-stream/index.js';
import type { UIMessage, UIMessageChunk } from '../ui-stream/types.js';
import { createDemoModel } from './index.js';
import { tokenizeText } from './tokenize.js';

// Thursday 2025-01-02 05:05:00 UTC
const tools = createToolRegistry([
  createGetCurrentTime({ now: () => new Date('2025-01-02T05:05:00Z') }),
]);

async function turn(question: string): Promise<{
  message: UIMessage;
  chunks: UIMessageChunk[];
  finish: RunChatResult | undefined;
}> {
  let ids = 0;
  let finish: RunChatResult | undefined;
  const stream = runChat({
    model: createDemoModel({ delayMs: 0 }),
    messages: [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: question },
    ],
    tools,
    generateId: () => `id${++ids}`,
    onFinish: (result) => {
      finish = result;
    },
  });
  const builder = createUIMessageBuilder();
  const chunks: UIMessageChunk[] = [];
  const reader = stream.getReader();
  for (let step = await reader.read(); !step.done; step = await reader.read()) {
    chunks.push(step.value);
    builder.push(step.value);
  }
  return { message: builder.message, chunks, finish };
}

const seoulTime = {
  timezone: 'Asia/Seoul',
  iso: '2025-01-02T14:05:00+09:00',
  local: '2025-01-02 14:05:00',
  utcOffset: '+09:00',
};
const newYorkTime = {
  timezone: 'America/New_York',
  iso: '2025-01-02T00:05:00-05:00',
  local: '2025-01-02 00:05:00',
  utcOffset: '-05:00',
};

describe('runChat over the demo model', () => {
  it('calls get_current_time for both cities in parallel and answers with the results', async () => {
    const { message, chunks, finish } = await turn('What time is it in Seoul and New York?');
    const seoulCall = 'call_b6U6Rbdmze700InScXdogEkq';
    const newYorkCall = 'call_Bm6mOm5KPzRCFE4Al9dVHoUr';
    const answer = "It's 14:05 (Thu) in Seoul (UTC+09:00) and 00:05 (Thu) in New York (UTC-05:00).";
    expect(message.parts).toEqual([
      { type: 'step-start' },
      {
        type: 'dynamic-tool',
        toolName: 'get_current_time',
        toolCallId: seoulCall,
        state: 'output-available',
        input: { timezone: 'Asia/Seoul' },
        output: seoulTime,
      },
      {
        type: 'dynamic-tool',
        toolName: 'get_current_time',
        toolCallId: newYorkCall,
        state: 'output-available',
        input: { timezone: 'America/New_York' },
        output: newYorkTime,
      },
      { type: 'step-start' },
      { type: 'text', text: answer, state: 'done' },
    ]);
    // The answer streamed token by token, not in one piece.
    expect(chunks.filter((chunk) => chunk.type === 'text-delta').map((c) => c.delta)).toEqual([
      "It's ",
      '14:05 ',
      '(Thu) ',
      'in ',
      'Seoul ',
      '(UTC+09:',
      '00) ',
      'and ',
      '00:05 ',
      '(Thu) ',
      'in ',
      'New ',
      'York ',
      '(UTC-05:',
      '00).',
    ]);
    const toolMessage = (id: string, output: unknown): OpenAIMessage => ({
      role: 'tool',
      tool_call_id: id,
      content: JSON.stringify(output),
    });
    expect(finish).toMatchObject({
      finishReason: 'stop',
      steps: 2,
      aborted: false,
      messages: [
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: seoulCall,
              type: 'function',
              function: { name: 'get_current_time', arguments: '{"timezone":"Asia/Seoul"}' },
            },
            {
              id: newYorkCall,
              type: 'function',
              function: {
                name: 'get_current_time',
                arguments: '{"timezone":"America/New_York"}',
              },
            },
          ],
        },
        toolMessage(seoulCall, seoulTime),
        toolMessage(newYorkCall, newYorkTime),
        { role: 'assistant', content: answer },
      ],
    });
  });

  it('answers the Korean question in Korean', async () => {
    const { message } = await turn('서울이랑 뉴욕 몇 시야?');
    expect(message.parts.at(-1)).toEqual({
      type: 'text',
      text: '서울은 지금 오후 2시 5분(목, UTC+09:00)이고, 뉴욕은 오전 12시 5분(목, UTC-05:00)입니다.',
      state: 'done',
    });
    expect(message.parts.filter((part) => part.type === 'dynamic-tool')).toHaveLength(2);
  });

  it('asks for UTC when no city is named', async () => {
    const { message } = await turn('What time is it?');
    expect(message.parts.at(-1)).toEqual({
      type: 'text',
      text: "It's 05:05 (Thu) in UTC (UTC+00:00).",
      state: 'done',
    });
  });

  it('asked to think: reasoning parts before the calls and before the answer, in the final message', async () => {
    const { message, finish } = await turn('Think it through: what time is it in Seoul?');
    const reasoning = (id: string, text: string) => ({
      type: 'reasoning',
      id,
      text,
      state: 'done',
    });
    expect(message.parts.map((part) => part.type)).toEqual([
      'step-start',
      'reasoning',
      'dynamic-tool',
      'step-start',
      'reasoning',
      'text',
    ]);
    expect(message.parts[1]).toEqual(
      reasoning(
        'id2',
        'The user wants the current time in Asia/Seoul. I have no clock of my own, so this needs the get_current_time tool. One call will do.',
      ),
    );
    expect(message.parts[4]).toEqual(
      reasoning(
        'id3',
        "The clock reading is back. I'll give each place's local time, in the order asked.",
      ),
    );
    expect(finish?.messages[0]).toMatchObject({
      role: 'assistant',
      content: null,
      reasoning_content: expect.stringMatching(/^The user wants the current time/) as unknown,
    });
    // Summed over both steps, one token per word as the demo counts them.
    const tokens = [message.parts[1], message.parts[4]]
      .map((part) => tokenizeText((part as { text: string }).text).length)
      .reduce((a, b) => a + b);
    expect(tokens).toBeGreaterThan(20);
    expect(finish?.usage?.completion_tokens_details).toMatchObject({ reasoning_tokens: tokens });
  });
});
