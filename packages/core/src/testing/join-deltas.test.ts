import { describe, expect, it } from 'vitest';
import { joinDeltas } from './join-deltas.js';

describe('joinDeltas', () => {
  it('joins consecutive deltas of the same part and keeps everything else in order', () => {
    expect(
      joinDeltas([
        { type: 'text-start', id: 't1' },
        { type: 'text-delta', id: 't1', delta: 'a' },
        { type: 'text-delta', id: 't1', delta: 'b' },
        { type: 'tool-input-delta', toolCallId: 'x', inputTextDelta: '{"a"' },
        { type: 'tool-input-delta', toolCallId: 'x', inputTextDelta: ':1}' },
        { type: 'tool-input-delta', toolCallId: 'y', inputTextDelta: '{}' },
        { type: 'tool-input-delta', toolCallId: 'x', inputTextDelta: ' ' },
        { type: 'text-delta', id: 't2', delta: 'c' },
        { type: 'text-delta', id: 't1', delta: 'd' },
        { type: 'text-end', id: 't1' },
      ]),
    ).toEqual([
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'ab' },
      { type: 'tool-input-delta', toolCallId: 'x', inputTextDelta: '{"a":1}' },
      { type: 'tool-input-delta', toolCallId: 'y', inputTextDelta: '{}' },
      { type: 'tool-input-delta', toolCallId: 'x', inputTextDelta: ' ' },
      { type: 'text-delta', id: 't2', delta: 'c' },
      { type: 'text-delta', id: 't1', delta: 'd' },
      { type: 'text-end', id: 't1' },
    ]);
  });

  it('does not change the chunks it is given', () => {
    const chunks = [
      { type: 'text-delta', id: 't', delta: 'a' },
      { type: 'text-delta', id: 't', delta: 'b' },
    ] as const;
    joinDeltas([...chunks]);
    expect(chunks).toEqual([
      { type: 'text-delta', id: 't', delta: 'a' },
      { type: 'text-delta', id: 't', delta: 'b' },
    ]);
  });
});
