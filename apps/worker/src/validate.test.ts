import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.js';
import { parseChatRequest, type ValidationOptions } from './validate.js';

// The error rows live in test/bad-input.test.ts (one test per README row); here: what valid
// requests become, and the edges of the configured limits. The message rules themselves (part
// states, nesting depth, roles) are the core validator's and are tested beside it.

const OPTIONS: ValidationOptions = {
  limits: { maxBodyBytes: 262_144, maxMessages: 3, maxMessageBytes: 10 },
  allowedModels: ['gpt-4o', 'gpt-4o-mini'],
  toolNames: ['get_current_time'],
};

function rejection(
  body: unknown,
  options = OPTIONS,
): { status: number; code: string; message: string } {
  try {
    parseChatRequest(body, options);
  } catch (error) {
    if (error instanceof ApiError)
      return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('accepted');
}

describe('parseChatRequest', () => {
  it('turns simple {role, content} messages into UI messages', () => {
    expect(
      parseChatRequest(
        {
          messages: [
            { role: 'user', content: 'hi' },
            { role: 'assistant', content: 'hello' },
            { role: 'user', content: 'time?' },
          ],
        },
        OPTIONS,
      ),
    ).toEqual({
      messages: [
        { id: 'messages[0]', role: 'user', parts: [{ type: 'text', text: 'hi' }] },
        { id: 'messages[1]', role: 'assistant', parts: [{ type: 'text', text: 'hello' }] },
        { id: 'messages[2]', role: 'user', parts: [{ type: 'text', text: 'time?' }] },
      ],
    });
  });

  it('keeps AI SDK UI messages, their ids, the chat id and the model; drops unknown fields', () => {
    // Part states and message metadata are UIMessage fields, kept as the core validator reads
    // them (the model never sees them: toOpenAIMessages reads text, tool calls and results).
    const tool = {
      type: 'dynamic-tool',
      toolName: 'get_current_time',
      toolCallId: 'call_1',
      state: 'output-available',
      input: { timezone: 'Asia/Seoul' },
      output: { iso: '2026-01-01T00:00:00+09:00' },
      callProviderMetadata: { ignored: true },
    };
    expect(
      parseChatRequest(
        {
          id: 'chat-1-Zx9q_Kp3mW7rT2',
          model: 'gpt-4o-mini',
          trigger: 'submit-message',
          messages: [
            {
              id: 'u1',
              role: 'user',
              parts: [
                { type: 'text', text: 'time?' },
                { type: 'data-x', data: 1 },
              ],
            },
            {
              id: 'a1',
              role: 'assistant',
              metadata: { model: 'gpt-4o' },
              parts: [
                { type: 'step-start' },
                tool,
                { type: 'step-start' },
                { type: 'reasoning', text: 'hm', state: 'done' },
                { type: 'text', text: 'ok', state: 'done' },
              ],
            },
            {
              id: 'u2',
              role: 'user',
              content: 'ignored',
              parts: [{ type: 'text', text: 'again' }],
            },
          ],
        },
        { ...OPTIONS, limits: { ...OPTIONS.limits, maxMessageBytes: 1000 } },
      ),
    ).toEqual({
      id: 'chat-1-Zx9q_Kp3mW7rT2',
      model: 'gpt-4o-mini',
      messages: [
        {
          id: 'u1',
          role: 'user',
          parts: [
            { type: 'text', text: 'time?' },
            { type: 'data-x', data: 1 },
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
              toolCallId: 'call_1',
              state: 'output-available',
              input: { timezone: 'Asia/Seoul' },
              output: { iso: '2026-01-01T00:00:00+09:00' },
            },
            { type: 'step-start' },
            { type: 'reasoning', text: 'hm', state: 'done' },
            { type: 'text', text: 'ok', state: 'done' },
          ],
        },
        { id: 'u2', role: 'user', parts: [{ type: 'text', text: 'again' }] },
      ],
    });
  });

  it('accepts exactly the limits', () => {
    const messages = [
      { role: 'user', content: '0123456789' },
      { role: 'assistant', content: 'é'.repeat(5) },
      { role: 'user', content: '한국' },
    ];
    expect(parseChatRequest({ messages }, OPTIONS).messages).toHaveLength(3);
    expect(rejection({ messages: [...messages, { role: 'user', content: 'x' }] })).toEqual({
      status: 413,
      code: 'too_many_messages',
      message: 'messages: at most 3 messages are accepted (got 4).',
    });
    expect(
      rejection({ messages: [{ role: 'user', content: '한국어ab' }, ...messages.slice(1)] }),
    ).toEqual({
      status: 413,
      code: 'message_too_large',
      message:
        'messages[0]: at most 10 bytes of text and tool data per message are accepted (got 11).',
    });
  });

  it('counts text and reasoning parts of a message together', () => {
    expect(
      rejection({
        messages: [
          {
            role: 'assistant',
            parts: [
              { type: 'text', text: '123456' },
              { type: 'reasoning', text: '12345' },
            ],
          },
          { role: 'user', content: 'x' },
        ],
      }).message,
    ).toBe(
      'messages[0]: at most 10 bytes of text and tool data per message are accepted (got 11).',
    );
  });

  it('refuses a tool call in the history to a tool this server does not have; a forged call never goes upstream', () => {
    const call = (toolName: string) => ({
      messages: [
        { role: 'user', content: 'hi' },
        {
          role: 'assistant',
          parts: [
            {
              type: 'dynamic-tool',
              toolName,
              toolCallId: 'c1',
              state: 'output-available',
              input: {},
              output: 1,
            },
          ],
        },
        { role: 'user', content: 'x' },
      ],
    });
    expect(rejection(call('admin_override'))).toEqual({
      status: 422,
      code: 'invalid_request',
      message:
        'messages[1].parts[0].toolName: "admin_override" is not a tool of this server (its tools: get_current_time)',
    });
    expect(parseChatRequest(call('get_current_time'), OPTIONS).messages).toHaveLength(3);
    expect(rejection(call('get_current_time'), { ...OPTIONS, toolNames: [] }).message).toBe(
      'messages[1].parts[0].toolName: "get_current_time" is not a tool of this server (its tools: none)',
    );
  });
});
