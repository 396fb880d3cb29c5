import { describe, expect, it } from 'vitest';
import { parseConversation } from './parse.js';

const stored = (messages: unknown) => ({
  id: 'c1',
  title: 'Seoul',
  createdAt: 1,
  updatedAt: 2,
  messages,
});

describe('parseConversation', () => {
  it('reads messages with the core validator, leaves out unknown parts, ends mid-stream parts', () => {
    const conversation = parseConversation(
      stored([
        { id: 'u', role: 'user', parts: [{ type: 'text', text: 'time?' }] },
        {
          id: 'a',
          role: 'assistant',
          metadata: { model: 'demo' },
          parts: [
            { type: 'source-url', url: 'https://example.com' },
            { type: 'reasoning', text: 'hm', state: 'streaming' },
            { type: 'text', text: 'It is', state: 'streaming' },
          ],
        },
      ]),
    );
    expect(conversation?.messages).toEqual([
      { id: 'u', role: 'user', parts: [{ type: 'text', text: 'time?', state: 'done' }] },
      {
        id: 'a',
        role: 'assistant',
        metadata: { model: 'demo' },
        parts: [
          { type: 'reasoning', text: 'hm', state: 'done' },
          { type: 'text', text: 'It is', state: 'done' },
        ],
      },
    ]);
  });

  it.each([
    ['a system message', [{ id: 's', role: 'system', parts: [{ type: 'text', text: 'x' }] }]],
    ['a broken known part', [{ id: 'a', role: 'assistant', parts: [{ type: 'text' }] }]],
    [
      'a tool part in a user message',
      [{ id: 'u', role: 'user', parts: [{ type: 'dynamic-tool' }] }],
    ],
    ['messages that are not an array', { 0: {} }],
  ])('drops a conversation with %s', (_name, messages) => {
    expect(parseConversation(stored(messages))).toBeUndefined();
  });
});
