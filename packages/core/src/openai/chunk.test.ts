import { describe, expect, test } from 'vitest';
import { chatCompletionChunk, createChatCompletionChunk } from './chunk.js';

const choice = { index: 0, delta: { content: 'hi' }, logprobs: null, finish_reason: null };

describe('createChatCompletionChunk', () => {
  test("writes OpenAI's field order, with every optional field given", () => {
    const chunk = createChatCompletionChunk({
      id: 'c1',
      created: 7,
      model: 'm',
      serviceTier: 'default',
      systemFingerprint: 'fp',
      choices: [choice],
      usage: null,
    });
    expect(JSON.stringify(chunk)).toBe(
      '{"id":"c1","object":"chat.completion.chunk","created":7,"model":"m","service_tier":"default",' +
        '"system_fingerprint":"fp","choices":[{"index":0,"delta":{"content":"hi"},"logprobs":null,' +
        '"finish_reason":null}],"usage":null}',
    );
  });

  test('leaves out the optional fields it was not given', () => {
    expect(
      JSON.stringify(createChatCompletionChunk({ id: '', created: 0, model: '', choices: [] })),
    ).toBe('{"id":"","object":"chat.completion.chunk","created":0,"model":"","choices":[]}');
  });
});

describe('chatCompletionChunk', () => {
  test('is createChatCompletionChunk with test defaults; delta null gives choices []', () => {
    expect(chatCompletionChunk(null, { usage: null })).toEqual(
      createChatCompletionChunk({
        id: 'chatcmpl-test',
        created: 1_750_000_000,
        model: 'gpt-4o-2024-08-06',
        serviceTier: 'default',
        systemFingerprint: 'fp_test',
        choices: [],
        usage: null,
      }),
    );
  });
});
