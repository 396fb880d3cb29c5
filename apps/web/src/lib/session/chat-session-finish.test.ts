import type { UIFinishReason, UIMessageChunk } from '@edgechat/core';
import { describe, expect, it, vi } from 'vitest';
import { setup, streamResponse } from './test-kit.js';

const answerEndingWith = (finish: UIMessageChunk): UIMessageChunk[] => [
  { type: 'start', messageId: 'm1' },
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: 'Once upon a time' },
  { type: 'text-end', id: 't' },
  finish,
];

describe('createChatSession: how an answer finished', () => {
  it.each([
    ['length', 'length'],
    ['content-filter', 'content-filter'],
    ['stop', 'done'],
    ['tool-calls', 'done'],
    ['other', 'done'],
  ] as const)('finishReason %s: kept on the message, ends with %j', async (reason, kind) => {
    const announce = vi.fn();
    const { session } = setup(
      [streamResponse(answerEndingWith({ type: 'finish', finishReason: reason }))],
      { announce },
    );
    await session.send('story');
    expect(session.state.messages[1]).toEqual({
      id: 'm1',
      role: 'assistant',
      metadata: { finishReason: reason satisfies UIFinishReason },
      parts: [{ type: 'text', text: 'Once upon a time', state: 'done' }],
    });
    expect(announce.mock.calls).toEqual([['Once upon a time', kind]]);
  });

  it('a finish without a reason records none and is a normal end', async () => {
    const announce = vi.fn();
    const { session } = setup([streamResponse(answerEndingWith({ type: 'finish' }))], {
      announce,
    });
    await session.send('story');
    expect(session.state.messages[1]?.metadata).toBeUndefined();
    expect(announce.mock.calls).toEqual([['Once upon a time', 'done']]);
  });

  it('an error after a length finish is announced as the error', async () => {
    const announce = vi.fn();
    const { session } = setup(
      [
        streamResponse([
          ...answerEndingWith({ type: 'finish', finishReason: 'length' }),
          { type: 'error', errorText: 'late failure' },
        ]),
      ],
      { announce },
    );
    await session.send('story');
    expect(session.state.error?.kind).toBe('stream');
    expect(announce.mock.calls.at(-1)).toEqual(['', 'error']);
  });
});
