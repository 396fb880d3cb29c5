// The merger's `callsWithoutId` mode, which the run loop uses; the default mode is pinned
// through the accumulator (accumulator.test.ts).
import { describe, expect, it } from 'vitest';
import { createToolCallMerger } from './tool-calls.js';
import type { ChatStreamEvent } from './types.js';

function ends(callsWithoutId: boolean): ChatStreamEvent[] {
  const merger = createToolCallMerger(0, false, callsWithoutId);
  const events: ChatStreamEvent[] = [];
  merger.merge({ index: 0, function: { name: 'f', arguments: '{"a":' } }, events);
  merger.merge({ index: 0, function: { arguments: '1}' } }, events);
  merger.merge({ index: 1, function: { name: 'g', arguments: '{"b":' } }, events);
  merger.merge({ index: 2, id: 'call_c', function: { arguments: '{}' } }, events);
  merger.merge({ index: 3, function: { arguments: '{}' } }, events);
  merger.endAll(events);
  return events;
}

const end = (index: number, id: string, name: string, args: string) =>
  ({ type: 'tool-call-end', choice: 0, index, id, name, arguments: args }) as const;

describe('createToolCallMerger: calls without an id', () => {
  it('by default end with an inputError, their arguments left unparsed', () => {
    expect(ends(false)).toEqual([
      { ...end(0, '', 'f', '{"a":1}'), inputError: 'tool call 0 arrived without an id' },
      { ...end(1, '', 'g', '{"b":'), inputError: 'tool call 1 arrived without an id' },
      { ...end(2, 'call_c', '', '{}'), inputError: 'tool call 2 arrived without a name' },
      { ...end(3, '', '', '{}'), inputError: 'tool call 3 arrived without an id' },
    ]);
  });

  it('with callsWithoutId end with their parsed input (or why it is not JSON), id still empty', () => {
    let notJson = '';
    try {
      JSON.parse('{"b":');
    } catch (error) {
      notJson = (error as Error).message;
    }
    expect(ends(true)).toEqual([
      { ...end(0, '', 'f', '{"a":1}'), input: { a: 1 } },
      {
        ...end(1, '', 'g', '{"b":'),
        inputError: `tool call arguments are not valid JSON: ${notJson}`,
      },
      // A call without a name still cannot be answered.
      { ...end(2, 'call_c', '', '{}'), inputError: 'tool call 2 arrived without a name' },
      { ...end(3, '', '', '{}'), inputError: 'tool call 3 arrived without a name' },
    ]);
  });
});

describe('createToolCallMerger: any number is an index', () => {
  it('keeps negative, fractional, huge and non-finite indexes apart, in index order', () => {
    const merger = createToolCallMerger(0, false);
    const indexes = [4294967295, -1, 0.5, 1e21, Number.POSITIVE_INFINITY, 0];
    for (const [i, index] of indexes.entries()) {
      merger.merge({ index, id: `call_${i}`, function: { name: 'f', arguments: '{' } }, undefined);
    }
    // A second fragment for each reaches the same call, and -0 is 0 (as in a Map).
    for (const index of [...indexes, -0]) {
      merger.merge({ index, function: { arguments: '}' } }, undefined);
    }
    expect(merger.toolCalls().map((call) => [call.id, call.function.arguments])).toEqual([
      ['call_1', '{}'],
      ['call_5', '{}}'],
      ['call_2', '{}'],
      ['call_0', '{}'],
      ['call_3', '{}'],
      ['call_4', '{}'],
    ]);
  });
});
