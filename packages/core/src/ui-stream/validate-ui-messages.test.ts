import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_JSON_DEPTH,
  validateUIMessages,
  type UIMessageValidationError,
} from './validate-ui-messages.js';

function rejected(value: unknown, options = {}): UIMessageValidationError {
  const result = validateUIMessages(value, options);
  if (result.ok) throw new Error('accepted');
  return result.error;
}

const user = (text: string) => ({ id: `u-${text}`, role: 'user', parts: [{ type: 'text', text }] });

describe('validateUIMessages', () => {
  it('reads the short {role, content} form as one text part, ids from the path', () => {
    expect(
      validateUIMessages([
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
      ]),
    ).toEqual({
      ok: true,
      messages: [
        { id: 'messages[0]', role: 'user', parts: [{ type: 'text', text: 'hi' }] },
        { id: 'messages[1]', role: 'assistant', parts: [{ type: 'text', text: 'hello' }] },
      ],
    });
  });

  it('keeps what a UIMessage holds, field by field, and nothing else', () => {
    const input = JSON.parse(`[
      {"id":"u1","role":"user","__proto__":{"admin":true},"extra":1,
       "parts":[{"type":"text","text":"time?","state":"done","x":1},{"type":"data-note","id":"n","data":{"a":1}}]},
      {"id":"a1","role":"assistant","metadata":{"model":"gpt-4o"},
       "parts":[{"type":"step-start"},
                {"type":"dynamic-tool","toolName":"get_current_time","toolCallId":"c1","state":"output-available",
                 "input":{"timezone":"Asia/Seoul"},"output":{"ok":1},"callProviderMetadata":{}},
                {"type":"reasoning","text":"hm","state":"streaming"},
                {"type":"text","text":"ok","state":"bogus"}]}
    ]`) as unknown;
    const result = validateUIMessages(input);
    expect(result).toEqual({
      ok: true,
      messages: [
        {
          id: 'u1',
          role: 'user',
          parts: [
            { type: 'text', text: 'time?', state: 'done' },
            { type: 'data-note', id: 'n', data: { a: 1 } },
          ],
        },
        {
          id: 'a1',
          role: 'assistant',
          metadata: { model: 'gpt-4o' },
          parts: [
            { type: 'step-start' },
            {
              type: 'dynamic-tool',
              toolName: 'get_current_time',
              toolCallId: 'c1',
              state: 'output-available',
              input: { timezone: 'Asia/Seoul' },
              output: { ok: 1 },
            },
            { type: 'reasoning', text: 'hm', state: 'streaming' },
            { type: 'text', text: 'ok' },
          ],
        },
      ],
    });
    if (result.ok) expect(Object.getPrototypeOf(result.messages[0])).toBe(Object.prototype);
  });

  it('keeps every tool part state and its own field', () => {
    const part = (state: string, extra: object = {}) => ({
      type: 'dynamic-tool',
      toolName: 't',
      toolCallId: `c-${state}`,
      state,
      input: {},
      ...extra,
    });
    const parts = [
      part('input-streaming'),
      part('input-available'),
      part('output-available', { output: null }),
      part('output-error', { errorText: 'boom' }),
    ];
    const result = validateUIMessages([{ id: 'a', role: 'assistant', parts }]);
    expect(result.ok && result.messages[0]?.parts).toEqual(parts);
  });

  it.each([
    [{}, 'messages', 'must be an array'],
    [[1], 'messages[0]', 'must be an object'],
    [
      [{ role: 'system', content: 'x' }],
      'messages[0].role',
      '"system" messages are not accepted: the server sets the system prompt',
    ],
    [
      [{ role: 'tool', content: 'x' }],
      'messages[0].role',
      '"tool" messages are not accepted: tool results travel in assistant "parts"',
    ],
    [[{ role: 'bot', content: 'x' }], 'messages[0].role', 'must be "user" or "assistant"'],
    [[{ role: 'user' }], 'messages[0]', 'needs "parts" (an array) or "content" (a string)'],
    [[{ role: 'user', content: 1 }], 'messages[0].content', 'must be a string'],
    [[{ role: 'user', parts: {} }], 'messages[0].parts', 'must be an array'],
    [[{ role: 'user', id: 7, content: 'x' }], 'messages[0].id', 'must be a string'],
    [
      [{ role: 'user', id: 'x'.repeat(257), content: 'x' }],
      'messages[0].id',
      'must be at most 256 characters',
    ],
    [[{ role: 'user', content: '  ' }], 'messages[0]', 'a user message needs non-empty text'],
    [[{ role: 'user', parts: [null] }], 'messages[0].parts[0]', 'must be an object'],
    [[{ role: 'user', parts: [{ type: 1 }] }], 'messages[0].parts[0].type', 'must be a string'],
    [
      [{ role: 'user', parts: [{ type: 'text' }] }],
      'messages[0].parts[0].text',
      'must be a string',
    ],
    [
      [{ role: 'user', parts: [{ type: 'reasoning', text: 'x' }] }],
      'messages[0].parts[0].type',
      '"reasoning" parts are not accepted in a user message',
    ],
    [
      [{ role: 'user', parts: [{ type: 'step-start' }] }],
      'messages[0].parts[0].type',
      '"step-start" parts are not accepted in a user message',
    ],
    [
      [{ role: 'user', parts: [{ type: 'dynamic-tool' }] }],
      'messages[0].parts[0].type',
      '"dynamic-tool" parts are not accepted in a user message',
    ],
    [
      [{ role: 'assistant', parts: [{ type: 'file' }] }],
      'messages[0].parts[0].type',
      'unsupported part type "file" (supported: text, reasoning, step-start, dynamic-tool, data-*)',
    ],
    [
      [
        {
          role: 'assistant',
          parts: [
            { type: 'dynamic-tool', toolName: '', toolCallId: 'c', state: 'input-available' },
          ],
        },
      ],
      'messages[0].parts[0].toolName',
      'must be a non-empty string',
    ],
    [
      [
        {
          role: 'assistant',
          parts: [{ type: 'dynamic-tool', toolName: 't', toolCallId: 7, state: 'input-available' }],
        },
      ],
      'messages[0].parts[0].toolCallId',
      'must be a non-empty string',
    ],
    [
      [
        {
          role: 'assistant',
          parts: [{ type: 'dynamic-tool', toolName: 't', toolCallId: 'c', state: 'done' }],
        },
      ],
      'messages[0].parts[0].state',
      'must be one of "input-streaming", "input-available", "output-available", "output-error"',
    ],
    [
      [
        {
          role: 'assistant',
          parts: [{ type: 'dynamic-tool', toolName: 't', toolCallId: 'c', state: 'output-error' }],
        },
      ],
      'messages[0].parts[0].errorText',
      'must be a string',
    ],
  ])('%j → %s: %s', (value, path, problem) => {
    expect(rejected(value)).toEqual({ code: 'invalid', path, message: `${path}: ${problem}` });
  });

  it('skips unknown part types when asked to (stored data from a newer version)', () => {
    const messages = [
      {
        id: 'a',
        role: 'assistant',
        parts: [
          { type: 'file', url: 'x' },
          { type: 'text', text: 'ok' },
        ],
      },
    ];
    expect(validateUIMessages(messages, { unknownParts: 'skip' })).toEqual({
      ok: true,
      messages: [{ id: 'a', role: 'assistant', parts: [{ type: 'text', text: 'ok' }] }],
    });
    // A known part that is broken is still an error.
    expect(
      rejected([{ role: 'assistant', parts: [{ type: 'text' }] }], { unknownParts: 'skip' }).path,
    ).toBe('messages[0].parts[0].text');
  });

  it('accepts exactly the limits, and names the limit past them', () => {
    const messages = [
      user('0123456789'),
      { role: 'assistant', content: 'é'.repeat(5) },
      user('한국'),
    ];
    const options = { maxMessages: 3, maxMessageBytes: 10 };
    expect(validateUIMessages(messages, options).ok).toBe(true);
    expect(rejected([...messages, user('x')], options)).toEqual({
      code: 'too_many_messages',
      path: 'messages',
      message: 'messages: at most 3 messages are accepted (got 4).',
    });
    expect(rejected([user('한국어ab')], options)).toEqual({
      code: 'message_too_large',
      path: 'messages[0]',
      message:
        'messages[0]: at most 10 bytes of text and tool data per message are accepted (got 11).',
    });
    const both = {
      role: 'assistant',
      parts: [
        { type: 'text', text: '123456' },
        { type: 'reasoning', text: '12345' },
      ],
    };
    expect(rejected([both], options).code).toBe('message_too_large');
    // Tool input and output go upstream too: 100 KB cannot hide in a tool call.
    const tool = (input: unknown, output: unknown) => ({
      role: 'assistant',
      parts: [
        {
          type: 'dynamic-tool',
          toolName: 'get_current_time',
          toolCallId: 'c1',
          state: 'output-available',
          input,
          output,
        },
      ],
    });
    expect(validateUIMessages([tool({ a: 1 }, 'x')], options).ok).toBe(true); // 7 + 3 bytes
    expect(rejected([tool({ a: 12 }, 'x')], options)).toMatchObject({
      code: 'message_too_large',
      message:
        'messages[0]: at most 10 bytes of text and tool data per message are accepted (got 11).',
    });
    expect(rejected([tool({}, 'x'.repeat(100_000))], options).code).toBe('message_too_large');
  });

  it(`accepts tool input, output, data and metadata nested ${DEFAULT_MAX_JSON_DEPTH} deep, not deeper`, () => {
    const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);
    const tool = (key: 'input' | 'output', depth: number) => [
      {
        role: 'assistant',
        parts: [
          {
            type: 'dynamic-tool',
            toolName: 't',
            toolCallId: 'c',
            state: 'output-available',
            input: 1,
            [key]: nested(depth),
          },
        ],
      },
    ];
    for (const key of ['input', 'output'] as const) {
      expect(validateUIMessages(tool(key, DEFAULT_MAX_JSON_DEPTH)).ok).toBe(true);
      expect(rejected(tool(key, DEFAULT_MAX_JSON_DEPTH + 1)).message).toBe(
        `messages[0].parts[0].${key}: must not be nested deeper than ${DEFAULT_MAX_JSON_DEPTH} levels`,
      );
    }
    expect(
      rejected([{ role: 'assistant', metadata: nested(3), content: 'x' }], { maxDepth: 2 }).path,
    ).toBe('messages[0].metadata');
    expect(
      rejected(
        [
          {
            role: 'user',
            parts: [
              { type: 'text', text: 'x' },
              { type: 'data-x', data: nested(3) },
            ],
          },
        ],
        { maxDepth: 2 },
      ).path,
    ).toBe('messages[0].parts[1].data');
  });

  it('reports under the path it is given', () => {
    expect(rejected({}, { path: 'conversation.messages' }).message).toBe(
      'conversation.messages: must be an array',
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.anything({ maxDepth: 4 }), (json, anything) => {
        for (const value of [json, [json], [anything], [{ role: 'assistant', parts: [json] }]]) {
          const result = validateUIMessages(value);
          expect(typeof result.ok).toBe('boolean');
        }
      }),
      { numRuns: 500 },
    );
  });
});
