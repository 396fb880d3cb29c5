import { describe, expect, it } from 'vitest';
import type { OpenAIMessage } from '../openai/types.js';
import { chatCompletionChunk } from '../openai/encode-chat-completion-stream.js';
import { createScriptedModel, type ScriptedStep } from '../testing/scripted-model.js';
import { createToolRegistry } from '../tools/index.js';
import type { ToolRegistry } from '../tools/index.js';
import type { UIMessageChunk } from '../ui-stream/types.js';
import { runChat } from './run-chat.js';
import { countingIds, getCurrentTime, readAll } from './run-chat.test-utils.js';
import { SAFE_ERROR_MESSAGES } from './safe-error-message.js';
import type { ChatModel, RunChatResult } from './types.js';

const history: OpenAIMessage[] = [{ role: 'user', content: 'Hello?' }];
const SECRET = 'sk-test-SECRET';
const UPSTREAM_URL = 'https://api.example.com/v1/chat/completions';
const leak = `Incorrect API key provided: ${SECRET} (${UPSTREAM_URL})`;

async function run(
  model: ChatModel,
  options: { tools?: ToolRegistry; onFinish?: (result: RunChatResult) => void } = {},
): Promise<UIMessageChunk[]> {
  const chunks = await readAll(
    runChat({ model, messages: history, messageId: 'm1', generateId: countingIds(), ...options }),
  );
  const wire = JSON.stringify(chunks);
  expect(wire).not.toContain(SECRET);
  expect(wire).not.toContain('api.example.com');
  return chunks;
}

const partialText: UIMessageChunk[] = [
  { type: 'start', messageId: 'm1' },
  { type: 'start-step' },
  { type: 'text-start', id: 'text-1' },
  { type: 'text-delta', id: 'text-1', delta: 'Partial ' },
  { type: 'text-delta', id: 'text-1', delta: 'answer' },
  { type: 'text-end', id: 'text-1' },
];

function failedAfterText(errorText: string): UIMessageChunk[] {
  return [
    ...partialText,
    { type: 'error', errorText },
    { type: 'finish-step' },
    { type: 'finish', finishReason: 'error' },
  ];
}

describe('runChat upstream failures', () => {
  const statuses: [number, string][] = [
    [400, SAFE_ERROR_MESSAGES.badRequest],
    [401, SAFE_ERROR_MESSAGES.credentials],
    [403, SAFE_ERROR_MESSAGES.credentials],
    [404, SAFE_ERROR_MESSAGES.notFound],
    [429, SAFE_ERROR_MESSAGES.rateLimited],
    [500, SAFE_ERROR_MESSAGES.unavailable],
    [503, SAFE_ERROR_MESSAGES.unavailable],
  ];
  for (const [status, errorText] of statuses) {
    it(`turns an HTTP ${status} into one safe error chunk, without a step`, async () => {
      const model = createScriptedModel([
        { error: { status, body: { error: { message: leak, type: 'invalid_request_error' } } } },
      ]);
      expect(await run(model)).toEqual([
        { type: 'start', messageId: 'm1' },
        { type: 'error', errorText },
        { type: 'finish', finishReason: 'error' },
      ]);
      expect(model.requests).toHaveLength(1);
    });
  }

  it('says the model could not be reached when it rejects', async () => {
    const model: ChatModel = () =>
      Promise.reject(new TypeError(`fetch failed: ${UPSTREAM_URL} ${SECRET}`));
    expect(await run(model)).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'error', errorText: SAFE_ERROR_MESSAGES.unreachable },
      { type: 'finish', finishReason: 'error' },
    ]);
  });

  it('treats a model that throws instead of rejecting the same way', async () => {
    const model: ChatModel = () => {
      throw new Error(SECRET);
    };
    expect(await run(model)).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'error', errorText: SAFE_ERROR_MESSAGES.unreachable },
      { type: 'finish', finishReason: 'error' },
    ]);
  });

  const midStream: [string, ScriptedStep, string][] = [
    [
      'an error frame',
      { text: ['Partial ', 'answer'], errorFrame: { message: leak } },
      SAFE_ERROR_MESSAGES.upstream,
    ],
    [
      'a chunk that is not JSON',
      {
        frames: [
          chatCompletionChunk({ role: 'assistant', content: '' }),
          chatCompletionChunk({ content: 'Partial ' }),
          chatCompletionChunk({ content: 'answer' }),
          `data: {"oops": "${SECRET}"\n\n`,
        ],
      },
      SAFE_ERROR_MESSAGES.unreadable,
    ],
    [
      'a truncated stream',
      { text: ['Partial ', 'answer'], truncate: true },
      SAFE_ERROR_MESSAGES.truncated,
    ],
  ];
  for (const [title, step, errorText] of midStream) {
    it(`keeps what was streamed before ${title}, then one safe error and a proper end`, async () => {
      const model = createScriptedModel([step]);
      const finished: RunChatResult[] = [];
      expect(await run(model, { onFinish: (result) => void finished.push(result) })).toEqual(
        failedAfterText(errorText),
      );
      expect(finished).toEqual([
        {
          messages: [{ role: 'assistant', content: 'Partial answer' }],
          finishReason: 'error',
          steps: 1,
          aborted: false,
        },
      ]);
    });
  }

  it('keeps a tool call cut off by truncation as it was, and runs nothing', async () => {
    const model = createScriptedModel([
      {
        toolCalls: [{ name: 'get_current_time', arguments: ['{"timezone":', '"Asia/Se'] }],
        truncate: true,
      },
    ]);
    expect(await run(model, { tools: createToolRegistry([getCurrentTime]) })).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      {
        type: 'tool-input-start',
        toolCallId: 'call_1',
        toolName: 'get_current_time',
        dynamic: true,
      },
      { type: 'tool-input-delta', toolCallId: 'call_1', inputTextDelta: '{"timezone":' },
      { type: 'tool-input-delta', toolCallId: 'call_1', inputTextDelta: '"Asia/Se' },
      { type: 'error', errorText: SAFE_ERROR_MESSAGES.truncated },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'error' },
    ]);
    expect(model.requests).toHaveLength(1);
  });

  it('keeps the steps before a failing step, with their usage', async () => {
    const usage = { prompt_tokens: 9, completion_tokens: 1, total_tokens: 10 };
    const model = createScriptedModel([
      { toolCalls: [{ name: 'get_current_time', arguments: { timezone: 'UTC' } }], usage },
      { error: { status: 503, body: leak } },
    ]);
    const chunks = await run(model, { tools: createToolRegistry([getCurrentTime]) });
    expect(chunks.map((chunk) => chunk.type)).toEqual([
      'start',
      'start-step',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-available',
      'tool-output-available',
      'finish-step',
      'error',
      'finish',
    ]);
    expect(chunks.slice(-2)).toEqual([
      { type: 'error', errorText: SAFE_ERROR_MESSAGES.unavailable },
      { type: 'finish', finishReason: 'error', messageMetadata: { usage } },
    ]);
  });

  it('reports an unexpected failure generically and still ends properly', async () => {
    const registry = createToolRegistry([getCurrentTime]);
    const broken: ToolRegistry = {
      ...registry,
      execute: () => Promise.reject(new Error(`bug with ${SECRET}`)),
    };
    const model = createScriptedModel([
      { toolCalls: [{ name: 'get_current_time', arguments: { timezone: 'UTC' } }] },
    ]);
    const chunks = await run(model, { tools: broken });
    expect(chunks.slice(-3)).toEqual([
      { type: 'error', errorText: SAFE_ERROR_MESSAGES.unexpected },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'error' },
    ]);
  });

  it('reports a failing onFinish after a complete answer as an error', async () => {
    const model = createScriptedModel([{ text: ['Partial ', 'answer'] }]);
    const chunks = await run(model, {
      onFinish: () => {
        throw new Error(`database password ${SECRET}`);
      },
    });
    expect(chunks).toEqual([
      ...partialText,
      { type: 'finish-step' },
      { type: 'error', errorText: SAFE_ERROR_MESSAGES.unexpected },
      { type: 'finish', finishReason: 'error' },
    ]);
  });

  it('sends a single error when onFinish also fails after an upstream failure', async () => {
    const model = createScriptedModel([{ text: ['Partial ', 'answer'], truncate: true }]);
    const chunks = await run(model, {
      onFinish: () => {
        throw new Error('also broken');
      },
    });
    expect(chunks).toEqual(failedAfterText(SAFE_ERROR_MESSAGES.truncated));
  });
});
