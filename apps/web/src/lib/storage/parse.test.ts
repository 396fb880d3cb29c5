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

  it('keeps a known finish reason and drops one it does not know', () => {
    const answer = (id: string, metadata: unknown) => ({
      id,
      role: 'assistant',
      metadata,
      parts: [{ type: 'text', text: 'Once', state: 'done' }],
    });
    const conversation = parseConversation(
      stored([
        answer('a', { model: 'm', finishReason: 'length' }),
        answer('b', { model: 'm', finishReason: 'out-of-coffee' }),
        answer('c', { finishReason: { nested: true } }),
      ]),
    );
    expect(conversation?.messages.map((message) => message.metadata)).toEqual([
      { model: 'm', finishReason: 'length' },
      { model: 'm' },
      {},
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

  it('keeps the last event id of an answer saved unfinished', () => {
    const question = [{ id: 'u', role: 'user', parts: [{ type: 'text', text: 'time?' }] }];
    expect(
      parseConversation({ ...stored(question), unfinished: { lastEventId: 42 } })?.unfinished,
    ).toEqual({ lastEventId: 42 });
    expect(
      parseConversation({ ...stored(question), unfinished: { lastEventId: 0 } })?.unfinished,
    ).toEqual({ lastEventId: 0 });
  });

  it.each([
    ['negative', { lastEventId: -3 }],
    ['a fraction', { lastEventId: 1.5 }],
    ['a string', { lastEventId: '7' }],
    ['too large', { lastEventId: 2 ** 60 }],
    ['not an object', 7],
    ['null', null],
  ])('drops an unfinished marker that is %s, and keeps the conversation', (_name, unfinished) => {
    const question = [{ id: 'u', role: 'user', parts: [{ type: 'text', text: 'time?' }] }];
    const conversation = parseConversation({ ...stored(question), unfinished });
    expect(conversation).toBeDefined();
    expect(conversation).not.toHaveProperty('unfinished');
  });
});
