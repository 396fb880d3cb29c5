import type { UIMessage } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { finishNoticeOf, finishReasonOf, withFinishReason } from './finish-reason.js';

const answer = (metadata: unknown): UIMessage => ({
  id: 'a',
  role: 'assistant',
  parts: [{ type: 'text', text: 'hi', state: 'done' }],
  ...(metadata === undefined ? {} : { metadata }),
});

describe('withFinishReason', () => {
  it('adds the reason beside what the server sent', () => {
    expect(withFinishReason({ model: 'm', usage: { total_tokens: 3 } }, 'length')).toEqual({
      model: 'm',
      usage: { total_tokens: 3 },
      finishReason: 'length',
    });
  });

  it.each([undefined, null])('makes metadata from %j', (metadata) => {
    expect(withFinishReason(metadata, 'stop')).toEqual({ finishReason: 'stop' });
  });

  it.each(['text', 7, ['x']])('leaves metadata that is not an object (%j) as it is', (metadata) => {
    expect(withFinishReason(metadata, 'length')).toEqual(metadata);
  });
});

describe('finishReasonOf / finishNoticeOf', () => {
  it.each([
    ['stop', undefined],
    ['tool-calls', undefined],
    ['error', undefined],
    ['other', undefined],
    ['length', 'length'],
    ['content-filter', 'content-filter'],
  ] as const)('%s → notice %j', (reason, notice) => {
    const message = answer({ finishReason: reason });
    expect(finishReasonOf(message)).toBe(reason);
    expect(finishNoticeOf(message)).toBe(notice);
  });

  it.each([undefined, null, 'length', { finishReason: 'LENGTH' }, { finishReason: 1 }, {}])(
    'no reason in metadata %j',
    (metadata) => {
      expect(finishReasonOf(answer(metadata))).toBeUndefined();
      expect(finishNoticeOf(answer(metadata))).toBeUndefined();
    },
  );
});
