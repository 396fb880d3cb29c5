import type { UIMessageChunk } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { createAnswer } from './answer.js';

function answerWithClock(toolTimes = {}) {
  let clock = 0;
  return createAnswer({ id: 'fallback', toolTimes, keepChunks: 2, now: () => (clock += 1) });
}

describe('createAnswer: one pass over the chunks', () => {
  it('builds the message, stamps tool times and logs the chunks in the same push', () => {
    const answer = answerWithClock({ old: { start: -5, end: -1 } });
    const chunks: UIMessageChunk[] = [
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'tool-input-start', toolCallId: 'a', toolName: 'get_current_time' }, // t=1
      { type: 'tool-input-delta', toolCallId: 'a', inputTextDelta: '{}' },
      { type: 'tool-input-available', toolCallId: 'b', toolName: 'x', input: {} }, // t=2
      { type: 'tool-input-error', toolCallId: 'c', toolName: 'y', input: 1, errorText: 'bad' }, // t=3
      { type: 'tool-output-error', toolCallId: 'b', errorText: 'failed' }, // t=4
      { type: 'tool-output-available', toolCallId: 'b', output: 'late' }, // its time has ended
      { type: 'finish-step' },
      { type: 'start-step' },
      { type: 'tool-input-start', toolCallId: 'b', toolName: 'x' }, // seen before: keeps its time
    ];
    chunks.forEach((chunk) => answer.push(chunk));
    expect(answer.takeToolTimes()).toEqual({
      old: { start: -5, end: -1 },
      a: { start: 1 },
      b: { start: 2, end: 4 },
      c: { start: 3, end: 3 },
    });
    expect(answer.takeToolTimes()).toBeUndefined(); // nothing changed since
    answer.end(); // t=5: the call that never got a result ends with the answer
    expect(answer.takeToolTimes()?.a).toEqual({ start: 1, end: 5 });
    expect(answer.snapshot()).toEqual({
      id: 'm1',
      role: 'assistant',
      parts: [
        { type: 'step-start' },
        {
          type: 'dynamic-tool',
          toolCallId: 'a',
          toolName: 'get_current_time',
          state: 'input-streaming',
          input: {},
          rawInput: '{}',
        },
        // The builder takes a late output (as the AI SDK does); the time keeps the first end.
        {
          type: 'dynamic-tool',
          toolCallId: 'b',
          toolName: 'x',
          state: 'output-available',
          input: {},
          output: 'late',
        },
        {
          type: 'dynamic-tool',
          toolCallId: 'c',
          toolName: 'y',
          state: 'output-error',
          input: 1,
          errorText: 'bad',
        },
        { type: 'step-start' },
        {
          type: 'dynamic-tool',
          toolCallId: 'b',
          toolName: 'x',
          state: 'input-streaming',
          input: undefined,
        },
      ],
    });
    expect({ count: answer.chunkCount, log: answer.chunks() }).toEqual({
      count: chunks.length,
      log: { head: chunks.slice(0, 2), omitted: chunks.length - 4, tail: chunks.slice(-2) },
    });
  });

  it('times a reasoning part from its first chunk to its end, keyed by answer and id', () => {
    const answer = answerWithClock();
    const chunks: UIMessageChunk[] = [
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'reasoning-start', id: 'r1' }, // t=1
      { type: 'reasoning-delta', id: 'r1', delta: 'Seoul is UTC+9' },
      { type: 'reasoning-end', id: 'r1' }, // t=2
      { type: 'reasoning-delta', id: 'r2', delta: 'no start' }, // t=3, never ended
      { type: 'reasoning-end', id: 'r1' }, // ended already: keeps its end
      { type: 'text-start', id: 't' },
    ];
    chunks.forEach((chunk) => answer.push(chunk));
    expect(answer.takeToolTimes()).toEqual({
      'reasoning:m1:r1': { start: 1, end: 2 },
      'reasoning:m1:r2': { start: 3 },
    });
    answer.end(); // t=4
    expect(answer.takeToolTimes()?.['reasoning:m1:r2']).toEqual({ start: 3, end: 4 });
  });

  it('is visible from the first text, reasoning, tool or data chunk, not before', () => {
    const visibleAfter = (chunks: UIMessageChunk[]) => {
      const answer = answerWithClock();
      return chunks.map((chunk) => (answer.push(chunk), answer.visible));
    };
    const opening: UIMessageChunk[] = [
      { type: 'start', messageId: 'm' },
      { type: 'start-step' },
      { type: 'message-metadata', messageMetadata: {} },
      { type: 'source-url' } as unknown as UIMessageChunk, // unknown to the builder: nothing shows
    ];
    expect(visibleAfter(opening)).toEqual([false, false, false, false]);
    for (const first of [
      { type: 'text-start', id: 't' },
      { type: 'reasoning-delta', id: 'r', delta: '…' },
      { type: 'tool-input-start', toolCallId: 'a', toolName: 'x' },
      { type: 'data-debug', data: {} },
    ] satisfies UIMessageChunk[]) {
      expect(visibleAfter([...opening, first]).at(-1)).toBe(true);
    }
  });

  it('a snapshot copies what the builder mutates in place, and keeps what it replaces', () => {
    const answer = answerWithClock();
    answer.push({ type: 'tool-input-available', toolCallId: 'a', toolName: 'x', input: {} });
    answer.push({ type: 'text-delta', id: 't', delta: 'Hel' });
    const first = answer.snapshot();
    answer.push({ type: 'text-delta', id: 't', delta: 'lo' });
    const second = answer.snapshot();
    expect({
      text: [first.parts[1], second.parts[1]],
      sameTool: first.parts[0] === second.parts[0],
      sameParts: first.parts === second.parts,
    }).toEqual({
      text: [
        { type: 'text', text: 'Hel', state: 'streaming' },
        { type: 'text', text: 'Hello', state: 'streaming' },
      ],
      sameTool: true,
      sameParts: false,
    });
  });

  it('reports an error chunk and an abort chunk', () => {
    const failed = answerWithClock();
    failed.push({ type: 'error', errorText: 'The model service failed.' });
    const aborted = answerWithClock();
    aborted.push({ type: 'abort' });
    expect([failed.error, failed.aborted, aborted.error, aborted.aborted]).toEqual([
      'The model service failed.',
      false,
      undefined,
      true,
    ]);
  });

  it('records the finish reason in the metadata, beside what the server sent', () => {
    const answer = answerWithClock();
    const chunks: UIMessageChunk[] = [
      { type: 'start', messageId: 'm1', messageMetadata: { model: 'gpt-4o' } },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Once upon' },
      { type: 'text-end', id: 't' },
    ];
    chunks.forEach((chunk) => answer.push(chunk));
    expect([answer.finishReason, answer.snapshot().metadata]).toEqual([
      undefined,
      { model: 'gpt-4o' },
    ]);
    answer.push({ type: 'finish', finishReason: 'length', messageMetadata: { usage: { n: 1 } } });
    expect(answer.finishReason).toBe('length');
    expect(answer.snapshot()).toEqual({
      id: 'm1',
      role: 'assistant',
      metadata: { model: 'gpt-4o', usage: { n: 1 }, finishReason: 'length' },
      parts: [{ type: 'text', text: 'Once upon', state: 'done' }],
    });
  });

  it('a finish without a reason (an older chunk set) records none', () => {
    const answer = answerWithClock();
    answer.push({ type: 'start', messageId: 'm1' });
    answer.push({ type: 'finish' });
    expect([answer.finishReason, answer.snapshot().metadata]).toEqual([undefined, undefined]);
  });
});
