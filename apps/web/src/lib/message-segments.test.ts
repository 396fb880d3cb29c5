import type { DynamicToolUIPart } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { toSegments } from './message-segments.js';

const call = (id: string): DynamicToolUIPart => ({
  type: 'dynamic-tool',
  toolCallId: id,
  toolName: 'get_current_time',
  state: 'input-available',
  input: {},
});

describe('toSegments', () => {
  it('groups the calls of a step, then the text of the next step', () => {
    const a = call('a');
    const b = call('b');
    const c = call('c');
    expect(
      toSegments(
        [
          { type: 'step-start' },
          a,
          b,
          { type: 'step-start' },
          c,
          { type: 'step-start' },
          { type: 'reasoning', id: 'r1', text: 'hmm', state: 'done' },
          { type: 'reasoning', text: 'from elsewhere', state: 'streaming' },
          { type: 'text', text: '', state: 'streaming' },
          { type: 'data-debug', data: 1 },
          { type: 'text', text: 'Answer', state: 'streaming' },
        ],
        true,
      ),
    ).toEqual([
      { kind: 'tools', key: 1, parts: [a, b] },
      { kind: 'tools', key: 4, parts: [c] },
      { kind: 'reasoning', key: 6, id: 'r1', text: 'hmm', streaming: false },
      { kind: 'reasoning', key: 7, id: '#7', text: 'from elsewhere', streaming: true },
      { kind: 'text', key: 10, text: 'Answer', streaming: true },
    ]);
  });

  it('text still marked streaming is finished once the answer is not live', () => {
    expect(toSegments([{ type: 'text', text: 'x', state: 'streaming' }], false)).toEqual([
      { kind: 'text', key: 0, text: 'x', streaming: false },
    ]);
  });
});
