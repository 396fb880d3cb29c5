// What a tool call's data costs on its way through a run: its arguments are parsed once and
// that value reaches the tool; its output is turned into JSON once for the model and reaches
// the UI as the value it is; and its result reads the same to the model in the run and when
// the conversation comes back as UI messages.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpenAIMessage } from '../openai/types.js';
import { chatCompletionChunk } from '../openai/encode-chat-completion-stream.js';
import { createScriptedModel, type ScriptedToolCall } from '../testing/scripted-model.js';
import { createToolRegistry, defineTool, type Tool } from '../tools/index.js';
import { createUIMessageBuilder } from '../ui-stream/builder.js';
import { encodeUIMessageStream } from '../ui-stream/encode.js';
import { readUIMessageStream } from '../ui-stream/read.js';
import { toOpenAIMessages } from '../ui-stream/to-openai-messages.js';
import type { UIMessage, UIMessageChunk } from '../ui-stream/types.js';
import { runChat } from './run-chat.js';
import { countingIds, readAll } from './run-chat.test-utils.js';
import type { RunChatResult } from './types.js';

const question = 'What time is it in Seoul?';
const history: OpenAIMessage[] = [{ role: 'user', content: question }];
const parameters = { type: 'object', properties: { timezone: { type: 'string' } } };

/** A tool that keeps every input it gets and answers with `answer(input)`. */
function recordingTool(name: string, answer: (input: unknown) => unknown) {
  const inputs: unknown[] = [];
  const tool = defineTool({
    name,
    description: name,
    parameters,
    timeoutMs: 20,
    execute: (input: unknown) => {
      inputs.push(input);
      return answer(input);
    },
  });
  return { tool, inputs };
}

function inputAvailable(chunks: UIMessageChunk[]): unknown {
  const chunk = chunks.find((c) => c.type === 'tool-input-available');
  return chunk?.type === 'tool-input-available' ? chunk.input : 'none';
}

/** How often `JSON.parse` was given exactly `text`, while `run` ran. */
async function parsesOf(text: string, run: () => Promise<unknown>): Promise<number> {
  const parse = vi.spyOn(JSON, 'parse');
  try {
    await run();
    return parse.mock.calls.filter(([parsed]) => parsed === text).length;
  } finally {
    parse.mockRestore();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('runChat: a tool call’s arguments', () => {
  const args = '{"timezone":"Asia/Seoul"}';

  it('are parsed once, and that value is what the tool gets and the UI is sent', async () => {
    const { tool, inputs } = recordingTool('clock', () => '21:00');
    // Two deltas: the stream reader joins them and parses the whole text at the call's end.
    const model = createScriptedModel([
      { toolCalls: [{ name: 'clock', arguments: ['{"timezone":', '"Asia/Seoul"}'] }] },
      { text: 'It is 21:00.' },
    ]);
    let chunks: UIMessageChunk[] = [];
    const parses = await parsesOf(args, async () => {
      chunks = await readAll(
        runChat({ model, messages: history, tools: createToolRegistry([tool]) }),
      );
    });
    expect(parses).toBe(1);
    expect(inputs).toEqual([{ timezone: 'Asia/Seoul' }]);
    expect(inputAvailable(chunks)).toBe(inputs[0]);
    expect(model.requests[1]?.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_1',
      content: '"21:00"',
    });
  });

  it('are parsed once for a call that arrived without an id, too', async () => {
    const { tool, inputs } = recordingTool('clock', () => '21:00');
    const model = createScriptedModel([
      {
        frames: [
          chatCompletionChunk({ role: 'assistant', content: null }),
          chatCompletionChunk({
            tool_calls: [
              { index: 0, type: 'function', function: { name: 'clock', arguments: args } },
            ],
          }),
          chatCompletionChunk({}, { finishReason: 'tool_calls' }),
        ],
      },
      { text: 'It is 21:00.' },
    ]);
    let chunks: UIMessageChunk[] = [];
    const parses = await parsesOf(args, async () => {
      chunks = await readAll(
        runChat({
          model,
          messages: history,
          tools: createToolRegistry([tool]),
          generateId: countingIds('id'),
        }),
      );
    });
    expect(parses).toBe(1);
    expect(inputAvailable(chunks)).toBe(inputs[0]);
    expect(model.requests[1]?.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'id-2', type: 'function', function: { name: 'clock', arguments: args } },
        ],
      },
      { role: 'tool', tool_call_id: 'id-2', content: '"21:00"' },
    ]);
  });
});

describe('runChat: a tool’s output', () => {
  it('is turned into JSON once for the model, and reaches the UI as the value itself', async () => {
    let toJSONCalls = 0;
    const output = {
      toJSON() {
        toJSONCalls++;
        return { local: '21:00' };
      },
    };
    const { tool } = recordingTool('clock', () => output);
    const model = createScriptedModel([
      { toolCalls: [{ name: 'clock', arguments: '{}' }] },
      { text: 'It is 21:00.' },
    ]);
    const chunks = await readAll(
      runChat({ model, messages: history, tools: createToolRegistry([tool]) }),
    );
    // The registry checks that the output can be sent; that JSON is the model's content.
    expect(toJSONCalls).toBe(1);
    expect(model.requests[1]?.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_1',
      content: '{"local":"21:00"}',
    });
    const available = chunks.find((chunk) => chunk.type === 'tool-output-available');
    expect(available?.type === 'tool-output-available' && available.output).toBe(output);

    // Sending the chunks to a client is the one other time: the UI stream's own frame.
    const replay = new ReadableStream<UIMessageChunk>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    const body = await new Response(encodeUIMessageStream(replay)).text();
    expect(toJSONCalls).toBe(2);
    expect(body).toContain(
      'data: {"type":"tool-output-available","toolCallId":"call_1","output":{"local":"21:00"},"dynamic":true}\n\n',
    );
  });
});

/** One turn with one call of `tool`, sent over the UI wire and rebuilt into a message. */
async function turnOverTheWire(tool: Tool, call: ScriptedToolCall) {
  const model = createScriptedModel([{ toolCalls: [call] }, { text: 'Sorry.' }]);
  const finished: RunChatResult[] = [];
  const stream = runChat({
    model,
    messages: history,
    tools: createToolRegistry([tool]),
    messageId: 'm1',
    onFinish: (result) => void finished.push(result),
  });
  const builder = createUIMessageBuilder();
  for await (const chunk of readUIMessageStream(encodeUIMessageStream(stream))) {
    builder.push(chunk);
  }
  const user: UIMessage = { id: 'u1', role: 'user', parts: [{ type: 'text', text: question }] };
  return {
    sent: model.requests[1]?.messages.at(-1),
    turn: [...history, ...(finished[0]?.messages ?? [])],
    replayed: toOpenAIMessages([user, builder.message]),
  };
}

function toolContent(messages: readonly OpenAIMessage[]): string | undefined {
  const message = messages.find((m) => m.role === 'tool');
  return message?.role === 'tool' ? message.content : undefined;
}

describe('a tool result, in the run and in the history sent back', () => {
  const huge = 'x'.repeat(40_000);
  const cases: [string, () => unknown, string][] = [
    [
      'a tool that throws',
      () => {
        throw new Error('disk full');
      },
      '{"error":{"code":"execution_failed","message":"disk full"}}',
    ],
    [
      'a tool that throws a message past the 32 KiB limit',
      () => {
        throw new Error(huge);
      },
      // 40,050 bytes; the 51-byte note leaves room for 32,670 of the message’s.
      `{"error":{"code":"execution_failed","message":"${huge.slice(0, 32_670)}…[truncated: output was 40050 bytes, limit 32768]`,
    ],
    [
      'an output past the 32 KiB limit',
      () => ({ text: huge }),
      `{"text":"${huge.slice(0, 32_708)}…[truncated: output was 40011 bytes, limit 32768]`,
    ],
    [
      'an output JSON changes (a Date, an undefined field)',
      () => ({ at: new Date('2026-01-02T03:04:05Z'), gone: undefined }),
      '{"at":"2026-01-02T03:04:05.000Z"}',
    ],
  ];

  for (const [title, answer, content] of cases) {
    it(`is the same text both ways: ${title}`, async () => {
      const { tool } = recordingTool('clock', answer);
      const { sent, turn, replayed } = await turnOverTheWire(tool, { name: 'clock' });
      expect(sent).toEqual({ role: 'tool', tool_call_id: 'call_1', content });
      expect(toolContent(replayed)).toBe(content);
      // The whole turn, not only the result, reads back as the run had it.
      expect(replayed).toEqual(turn);
    });
  }

  it('keeps its shape and message for a failure of another kind; the code is execution_failed', async () => {
    // The UI message stream carries a failure's text, not its code.
    const { tool } = recordingTool('clock', () => new Promise(() => {}));
    const { sent, replayed } = await turnOverTheWire(tool, { name: 'clock' });
    const message = 'Tool "clock" did not finish within 20 ms';
    expect([sent?.role === 'tool' && sent.content, toolContent(replayed)]).toEqual([
      JSON.stringify({ error: { code: 'timeout', message } }),
      JSON.stringify({ error: { code: 'execution_failed', message } }),
    ]);
  });

  it('sends arguments that were not JSON back as the model wrote them, with the same message', async () => {
    const { tool, inputs } = recordingTool('clock', () => 'never');
    const raw = '{"timezone": "Asia/Se';
    const { sent, turn, replayed } = await turnOverTheWire(tool, { name: 'clock', arguments: raw });
    expect(inputs).toEqual([]);
    const call = (messages: readonly OpenAIMessage[]) => {
      const assistant = messages.find((m) => m.role === 'assistant');
      return assistant?.role === 'assistant' ? assistant.tool_calls?.[0]?.function : undefined;
    };
    expect(call(turn)).toEqual({ name: 'clock', arguments: raw });
    expect(call(replayed)).toEqual({ name: 'clock', arguments: raw });
    // The message is the same; the UI message stream does not carry its code.
    const error = (content: string | undefined) =>
      (JSON.parse(content ?? 'null') as { error: { code: string; message: string } }).error;
    const during = error(sent?.role === 'tool' ? sent.content : undefined);
    expect(during.code).toBe('invalid_arguments');
    expect(error(toolContent(replayed))).toEqual({
      code: 'execution_failed',
      message: during.message,
    });
  });
});
