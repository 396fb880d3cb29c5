import { describe, expect, test } from 'vitest';
import {
  chatCompletionChunk as chunk,
  encodeChatCompletionStream,
} from './encode-chat-completion-stream.js';
import { recordingSource, summarizeError } from './openai.test-utils.js';
import { collectChatCompletion } from './collect.js';
import type { ChatCompletionSource } from './types.js';

async function collect(source: ChatCompletionSource, signal?: AbortSignal) {
  return collectChatCompletion(source, { signal }).then(
    (result) => ({ result }),
    (error: unknown) => ({ error: summarizeError(error) }),
  );
}

const toolCalls = [
  {
    id: 'call_3pQmX8wV0bT1rZ6yK2nD5sLh',
    type: 'function',
    function: { name: 'get_current_time', arguments: '{"timezone": "Asia/Seoul"}' },
  },
  {
    id: 'call_9JfE4cU7aR2mW1xN8qB6tYvG',
    type: 'function',
    function: { name: 'get_current_time', arguments: '{"timezone": "America/New_York"}' },
  },
];

// A real non-streaming answer for the tutorial turn (gpt-4o, parallel tool calls).
const completion = {
  id: 'chatcmpl-BnQ0aZcD3yVbTqHvF4m1oXkLs2PuR',
  object: 'chat.completion',
  created: 1751000000,
  model: 'gpt-4o-2024-08-06',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: toolCalls,
        refusal: null,
        annotations: [],
      },
      logprobs: null,
      finish_reason: 'tool_calls',
    },
  ],
  usage: {
    prompt_tokens: 86,
    completion_tokens: 58,
    total_tokens: 144,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  },
  service_tier: 'default',
  system_fingerprint: 'fp_07871e2ad8',
};

const tutorialMessage = {
  role: 'assistant',
  content: null,
  tool_calls: toolCalls,
};

describe('a non-streaming chat.completion JSON body', () => {
  test('application/json: mapped to the same result, message in request shape', async () => {
    expect(await collect(Response.json(completion))).toEqual({
      result: {
        id: 'chatcmpl-BnQ0aZcD3yVbTqHvF4m1oXkLs2PuR',
        model: 'gpt-4o-2024-08-06',
        message: tutorialMessage,
        finishReason: 'tool_calls',
        usage: completion.usage,
        choices: [{ index: 0, message: tutorialMessage, finishReason: 'tool_calls' }],
      },
    });
  });

  test('a bare stream whose first non-blank byte is `{`, cut anywhere, is read as JSON', async () => {
    const text = `\n  ${JSON.stringify({
      ...completion,
      choices: [
        { index: 0, message: { role: 'assistant', content: '서울 🌇' }, finish_reason: 'stop' },
      ],
    })}`;
    const bytes = new TextEncoder().encode(text);
    for (const split of [[], [1], [2, 3, 4, 40], Array.from(bytes.keys())]) {
      const { stream } = recordingSource(split.length === 0 ? [bytes] : splitAt(bytes, split));
      const outcome = await collect(stream);
      expect(outcome).toEqual({
        result: {
          id: completion.id,
          model: completion.model,
          message: { role: 'assistant', content: '서울 🌇' },
          finishReason: 'stop',
          usage: completion.usage,
          choices: [
            { index: 0, message: { role: 'assistant', content: '서울 🌇' }, finishReason: 'stop' },
          ],
        },
      });
    }
  });

  test('a 200 JSON error body → upstream_error; JSON that is not a completion → invalid_response', async () => {
    expect(await collect(Response.json({ error: { message: 'model overloaded' } }))).toEqual({
      error: { code: 'upstream_error', message: 'model overloaded' },
    });
    const broken = new Response('{"id": "chatcmpl-1", "choi', {
      headers: { 'content-type': 'application/json' },
    });
    expect(await collect(broken)).toEqual({
      error: {
        code: 'invalid_response',
        message:
          'body is neither an event stream nor a chat.completion: {"id": "chatcmpl-1", "choi',
      },
    });
  });
});

describe('a stream', () => {
  test('collects the merged result', async () => {
    const stream = encodeChatCompletionStream(
      [
        chunk({ role: 'assistant', content: '' }),
        chunk({ content: 'Hi' }),
        chunk({}, { finishReason: 'stop' }),
      ],
      { split: 'random', seed: 7 },
    );
    expect(await collect(stream)).toEqual({
      result: {
        id: 'chatcmpl-test',
        model: 'gpt-4o-2024-08-06',
        message: { role: 'assistant', content: 'Hi' },
        finishReason: 'stop',
        choices: [
          { index: 0, message: { role: 'assistant', content: 'Hi' }, finishReason: 'stop' },
        ],
      },
    });
  });

  test('truncated → stream_truncated with the partial result', async () => {
    const stream = encodeChatCompletionStream([chunk({ content: 'Hal' })], { done: false });
    expect(await collect(stream)).toEqual({
      error: {
        code: 'stream_truncated',
        message: 'the stream ended before [DONE] and before any finish_reason',
        partial: {
          id: 'chatcmpl-test',
          model: 'gpt-4o-2024-08-06',
          message: { role: 'assistant', content: 'Hal' },
          finishReason: null,
          choices: [
            { index: 0, message: { role: 'assistant', content: 'Hal' }, finishReason: null },
          ],
        },
      },
    });
  });

  test('http_error, and abort (the body is cancelled)', async () => {
    const response = Response.json(
      { error: { message: 'Incorrect API key provided: sk-…' } },
      { status: 401 },
    );
    expect(await collect(response)).toEqual({
      error: { code: 'http_error', status: 401, message: '401 Incorrect API key provided: sk-…' },
    });
    const { stream, log } = recordingSource(
      [`data: ${JSON.stringify(chunk({ content: 'a' }))}\n\n`],
      {
        then: 'hang',
      },
    );
    const controller = new AbortController();
    const collecting = collect(stream, controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 5);
    expect(await collecting).toEqual({ error: new Error('stop') });
    expect(log.cancels).toEqual([new Error('stop')]);
  });
});

function splitAt(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const offset of [...offsets.filter((o) => o > 0 && o < bytes.length), bytes.length]) {
    if (offset > start) pieces.push(bytes.slice(start, offset));
    start = offset;
  }
  return pieces;
}
