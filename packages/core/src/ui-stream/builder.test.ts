import {
  NEW_YORK_CALL,
  SEOUL_CALL,
  TWO_CITY_ANSWER_TEXT,
  TWO_CITY_UI_CHUNKS,
  TWO_CITY_USAGE,
} from '@edgechat/test-support/fixtures';
import { describe, expect, it } from 'vitest';
import { createUIMessageBuilder } from './builder.js';
import type { UIMessage, UIMessageChunk } from './types.js';

const [SEOUL, NEW_YORK] = [SEOUL_CALL.output, NEW_YORK_CALL.output];
const USAGE = TWO_CITY_USAGE.total;

/** DESIGN.md section 3: a turn with two parallel tool calls, then the answer. */
const DESIGN_EXAMPLE: readonly UIMessageChunk[] = TWO_CITY_UI_CHUNKS;

function build(chunks: readonly UIMessageChunk[], initial?: UIMessage) {
  const builder = createUIMessageBuilder(initial);
  for (const chunk of chunks) builder.push(chunk);
  return builder;
}

/** Snapshot of the message after each chunk (the builder mutates it in place). */
function snapshots(chunks: readonly UIMessageChunk[]): UIMessage[] {
  const builder = createUIMessageBuilder();
  return chunks.map((chunk) => {
    builder.push(chunk);
    return structuredClone(builder.message);
  });
}

const tool = { type: 'dynamic-tool', toolName: 'get_current_time' } as const;

describe('createUIMessageBuilder', () => {
  it('builds the DESIGN.md example into the exact message', () => {
    const builder = build(DESIGN_EXAMPLE);
    expect(builder.message).toStrictEqual({
      id: 'm1',
      role: 'assistant',
      metadata: { model: 'gpt-4o', usage: USAGE },
      parts: [
        { type: 'step-start' },
        {
          ...tool,
          toolCallId: 'call_a',
          state: 'output-available',
          input: { timezone: 'Asia/Seoul' },
          output: SEOUL,
        },
        {
          ...tool,
          toolCallId: 'call_b',
          state: 'output-available',
          input: { timezone: 'America/New_York' },
          output: NEW_YORK,
        },
        { type: 'step-start' },
        { type: 'text', text: TWO_CITY_ANSWER_TEXT, state: 'done' },
      ],
    });
    expect([builder.finishReason, builder.error, builder.aborted]).toEqual([
      'stop',
      undefined,
      false,
    ]);
  });

  it('shows partial tool input while it streams', () => {
    const all = snapshots(DESIGN_EXAMPLE);
    const partsAfter = (index: number) => all[index]?.parts;
    expect(partsAfter(2)).toStrictEqual([
      { type: 'step-start' },
      { ...tool, toolCallId: 'call_a', state: 'input-streaming', input: undefined },
    ]);
    expect(partsAfter(4)).toStrictEqual([
      { type: 'step-start' },
      {
        ...tool,
        toolCallId: 'call_a',
        state: 'input-streaming',
        input: { timezone: 'Asia/' },
        rawInput: '{"timezone":"Asia/',
      },
      { ...tool, toolCallId: 'call_b', state: 'input-streaming', input: undefined },
    ]);
    expect(partsAfter(7)).toStrictEqual([
      { type: 'step-start' },
      {
        ...tool,
        toolCallId: 'call_a',
        state: 'input-available',
        input: { timezone: 'Asia/Seoul' },
      },
      {
        ...tool,
        toolCallId: 'call_b',
        state: 'input-streaming',
        input: { timezone: 'America/New_York' },
        rawInput: '{"timezone":"America/New_York"}',
      },
    ]);
    expect(all[14]?.parts.at(-1)).toStrictEqual({
      type: 'text',
      text: '서울은 ',
      state: 'streaming',
    });
  });

  it('folds text and reasoning, streaming → done', () => {
    const builder = build([
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-delta', id: 'r', delta: 'Think' },
      { type: 'text-start', id: 'a' },
      { type: 'reasoning-delta', id: 'r', delta: 'ing.' },
      { type: 'reasoning-end', id: 'r' },
      { type: 'text-delta', id: 'a', delta: 'Hi' },
      { type: 'text-start', id: 'b' },
      { type: 'text-delta', id: 'b', delta: '!' },
      { type: 'text-end', id: 'b' },
    ]);
    expect(builder.message).toStrictEqual({
      id: '',
      role: 'assistant',
      parts: [
        { type: 'reasoning', id: 'r', text: 'Thinking.', state: 'done' },
        { type: 'text', text: 'Hi', state: 'streaming' },
        { type: 'text', text: '!', state: 'done' },
      ],
    });
  });

  it('starts a new part for a delta whose part is not open, and ignores an unknown end', () => {
    const builder = build([
      { type: 'text-delta', id: 'x', delta: 'no start' },
      { type: 'text-end', id: 'nope' },
      { type: 'reasoning-end', id: 'nope' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'a' },
      { type: 'finish-step' }, // closes the step's open parts (as the AI SDK)
      { type: 'text-delta', id: 't', delta: 'b' },
      { type: 'text-end', id: 't' },
      { type: 'reasoning-delta', id: 'r', delta: 'why' },
    ]);
    expect(builder.message.parts).toStrictEqual([
      { type: 'text', text: 'no start', state: 'streaming' },
      { type: 'text', text: 'a', state: 'streaming' },
      { type: 'text', text: 'b', state: 'done' },
      { type: 'reasoning', id: 'r', text: 'why', state: 'streaming' },
    ]);
  });

  it('records tool failures as output-error, keeping the input', () => {
    const builder = build([
      { type: 'tool-input-start', toolCallId: 'a', toolName: 'get_current_time' },
      { type: 'tool-input-delta', toolCallId: 'a', inputTextDelta: '{"timezone":' },
      {
        type: 'tool-input-error',
        toolCallId: 'a',
        toolName: 'get_current_time',
        input: '{"timezone":',
        errorText: 'Invalid JSON',
      },
      {
        type: 'tool-input-error',
        toolCallId: 'b',
        toolName: 'get_current_time',
        input: { timezone: 'Mars/Olympus' },
        errorText: 'Unknown time zone',
      },
      {
        type: 'tool-input-available',
        toolCallId: 'c',
        toolName: 'get_current_time',
        input: { timezone: 'UTC' },
      },
      { type: 'tool-output-error', toolCallId: 'c', errorText: 'Tool timed out' },
      // Deltas and outputs for calls that cannot take them are ignored.
      { type: 'tool-input-delta', toolCallId: 'c', inputTextDelta: 'late' },
      { type: 'tool-input-delta', toolCallId: 'ghost', inputTextDelta: '{}' },
      { type: 'tool-output-available', toolCallId: 'ghost', output: 1 },
      { type: 'tool-output-error', toolCallId: 'ghost', errorText: 'x' },
    ]);
    expect(builder.message.parts).toStrictEqual([
      {
        ...tool,
        toolCallId: 'a',
        state: 'output-error',
        input: '{"timezone":',
        errorText: 'Invalid JSON',
      },
      {
        ...tool,
        toolCallId: 'b',
        state: 'output-error',
        input: { timezone: 'Mars/Olympus' },
        errorText: 'Unknown time zone',
      },
      {
        ...tool,
        toolCallId: 'c',
        state: 'output-error',
        input: { timezone: 'UTC' },
        errorText: 'Tool timed out',
      },
    ]);
  });

  it('gives a call id seen again in a later step a new part; outputs go to the latest', () => {
    const builder = build([
      { type: 'start-step' },
      { type: 'tool-input-available', toolCallId: 'a', toolName: 'f', input: { n: 1 } },
      { type: 'tool-input-start', toolCallId: 'a', toolName: 'f' }, // same step: same part
      { type: 'tool-input-available', toolCallId: 'a', toolName: 'f', input: { n: 2 } },
      { type: 'start-step' },
      { type: 'tool-input-available', toolCallId: 'a', toolName: 'f', input: { n: 3 } },
      { type: 'tool-output-available', toolCallId: 'a', output: 'three' },
    ]);
    expect(builder.message.parts).toStrictEqual([
      { type: 'step-start' },
      {
        type: 'dynamic-tool',
        toolName: 'f',
        toolCallId: 'a',
        state: 'input-available',
        input: { n: 2 },
      },
      { type: 'step-start' },
      {
        type: 'dynamic-tool',
        toolName: 'f',
        toolCallId: 'a',
        state: 'output-available',
        input: { n: 3 },
        output: 'three',
      },
    ]);
  });

  it('adds data parts, replaces them by type and id, and skips transient ones', () => {
    const builder = build([
      { type: 'data-debug', data: { n: 1 } },
      { type: 'data-debug', data: { n: 1 } },
      { type: 'data-status', id: 's', data: 'loading' },
      { type: 'data-debug', id: 's', data: 'other type, same id' },
      { type: 'data-status', id: 's', data: 'done' },
      { type: 'data-toast', data: 'not kept', transient: true },
    ]);
    expect(builder.message.parts).toStrictEqual([
      { type: 'data-debug', data: { n: 1 } },
      { type: 'data-debug', data: { n: 1 } },
      { type: 'data-status', id: 's', data: 'done' },
      { type: 'data-debug', id: 's', data: 'other type, same id' },
    ]);
  });

  it('merges metadata deeply from start, message-metadata and finish', () => {
    const builder = build([
      {
        type: 'start',
        messageMetadata: { model: 'gpt-4o', usage: { prompt_tokens: 1 }, tags: ['a'] },
      },
      { type: 'message-metadata', messageMetadata: null },
      {
        type: 'message-metadata',
        messageMetadata: { usage: { completion_tokens: 2 }, tags: ['b'] },
      },
      {
        type: 'finish',
        messageMetadata: JSON.parse('{"__proto__":{"polluted":true},"model":null}') as unknown,
      },
    ]);
    expect(builder.message.metadata).toStrictEqual({
      model: null,
      usage: { prompt_tokens: 1, completion_tokens: 2 },
      tags: ['b'],
    });
    expect(({} as { polluted?: boolean }).polluted).toBe(undefined);
    expect(builder.finishReason).toBe(undefined);
  });

  it('keeps the parts on error and abort and reports them', () => {
    const builder = build([
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Partial' },
      { type: 'error', errorText: 'The model is unavailable.' },
      { type: 'abort' },
    ]);
    expect(builder.message).toStrictEqual({
      id: '',
      role: 'assistant',
      parts: [{ type: 'text', text: 'Partial', state: 'streaming' }],
    });
    expect([builder.finishReason, builder.error, builder.aborted]).toEqual([
      undefined,
      'The model is unavailable.',
      true,
    ]);
  });

  it('ignores chunk types it does not know', () => {
    const builder = build([
      { type: 'text-start', id: 't' },
      ...([
        { type: 'file', url: 'https://x/y.png', mediaType: 'image/png' },
        { type: 'source-url', sourceId: 's', url: 'https://x' },
        { type: 'tool-approval-request', approvalId: 'a', toolCallId: 'c' },
        { type: 'something-new', text: 'x' },
      ] as unknown as UIMessageChunk[]),
    ]);
    expect(builder.message.parts).toStrictEqual([{ type: 'text', text: '', state: 'streaming' }]);
  });

  it('keeps the message object on the first start, and starts afresh for another message id', () => {
    const builder = createUIMessageBuilder();
    const first = builder.message;
    builder.push({ type: 'start', messageId: 'm1', messageMetadata: { a: 1 } });
    builder.push({ type: 'text-start', id: 't' });
    builder.push({ type: 'error', errorText: 'e' });
    builder.push({ type: 'start', messageId: 'm1', messageMetadata: { b: 2 } });
    expect(builder.message).toBe(first);
    expect(first).toStrictEqual({
      id: 'm1',
      role: 'assistant',
      metadata: { a: 1, b: 2 },
      parts: [{ type: 'text', text: '', state: 'streaming' }],
    });

    builder.push({ type: 'start', messageId: 'm2' });
    builder.push({ type: 'text-delta', id: 't', delta: 'new' });
    expect(builder.message).not.toBe(first);
    expect(builder.message).toStrictEqual({
      id: 'm2',
      role: 'assistant',
      parts: [{ type: 'text', text: 'new', state: 'streaming' }],
    });
    expect(builder.error).toBe(undefined);
  });

  it('continues a given assistant message in place', () => {
    const initial: UIMessage = {
      id: 'm1',
      role: 'assistant',
      parts: [
        { type: 'step-start' },
        { type: 'data-status', id: 's', data: 'running' },
        {
          ...tool,
          toolCallId: 'a',
          state: 'input-streaming',
          input: { timezone: 'Asia/' },
          rawInput: '{"timezone":"Asia/',
        },
        { ...tool, toolCallId: 'b', state: 'input-available', input: { timezone: 'UTC' } },
      ],
    };
    const builder = build(
      [
        { type: 'start', messageId: 'm1' },
        { type: 'tool-input-delta', toolCallId: 'a', inputTextDelta: 'Seoul"' },
        { type: 'tool-output-available', toolCallId: 'b', output: 'noon' },
        { type: 'data-status', id: 's', data: 'done' },
      ],
      initial,
    );
    expect(builder.message).toBe(initial);
    expect(initial.parts).toStrictEqual([
      { type: 'step-start' },
      { type: 'data-status', id: 's', data: 'done' },
      {
        ...tool,
        toolCallId: 'a',
        state: 'input-streaming',
        input: { timezone: 'Asia/Seoul' },
        rawInput: '{"timezone":"Asia/Seoul"',
      },
      {
        ...tool,
        toolCallId: 'b',
        state: 'output-available',
        input: { timezone: 'UTC' },
        output: 'noon',
      },
    ]);
  });

  it('takes only the id of a given message that is not an assistant message', () => {
    const user: UIMessage = { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hi' }] };
    const builder = build([{ type: 'text-delta', id: 't', delta: 'hello' }], user);
    expect(builder.message).toStrictEqual({
      id: 'u1',
      role: 'assistant',
      parts: [{ type: 'text', text: 'hello', state: 'streaming' }],
    });
    expect(user).toStrictEqual({ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hi' }] });
  });

  it('folds a 20,000-chunk stream', () => {
    const chunks: UIMessageChunk[] = [
      { type: 'start-step' },
      { type: 'tool-input-start', toolCallId: 'a', toolName: 'echo' },
      { type: 'tool-input-delta', toolCallId: 'a', inputTextDelta: '{"items":[' },
    ];
    for (let i = 0; i < 10_000; i++) {
      chunks.push({ type: 'tool-input-delta', toolCallId: 'a', inputTextDelta: `${i},` });
    }
    chunks.push({ type: 'tool-input-delta', toolCallId: 'a', inputTextDelta: '-1]}' });
    chunks.push({ type: 'text-start', id: 't' });
    for (let i = 0; i < 10_000; i++) chunks.push({ type: 'text-delta', id: 't', delta: 'ab' });
    chunks.push({ type: 'text-end', id: 't' });

    const builder = build(chunks);
    const items = [...Array.from({ length: 10_000 }, (_, i) => i), -1];
    expect(builder.message.parts).toStrictEqual([
      { type: 'step-start' },
      {
        type: 'dynamic-tool',
        toolName: 'echo',
        toolCallId: 'a',
        state: 'input-streaming',
        input: { items },
        rawInput: JSON.stringify({ items }),
      },
      { type: 'text', text: 'ab'.repeat(10_000), state: 'done' },
    ]);
  });
});
