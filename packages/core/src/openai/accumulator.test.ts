import { describe, expect, test } from 'vitest';
import { chatCompletionChunk as chunk } from './encode-chat-completion-stream.js';
import { createChatCompletionAccumulator } from './accumulator.js';
import type {
  ChatCompletionChunk,
  ChatCompletionChunkToolCallDelta,
  ChatStreamEvent,
} from './types.js';

/** Pushes each chunk; returns the events of every push (copied on arrival), then flush's. */
function run(chunks: ChatCompletionChunk[]) {
  const accumulator = createChatCompletionAccumulator();
  const pushes = chunks.map((c) => structuredClone(accumulator.push(c)));
  const flushed = accumulator.flush();
  return { pushes, flushed, events: [...pushes.flat(), ...flushed], result: accumulator.finish() };
}

const tools = (...fragments: ChatCompletionChunkToolCallDelta[]) =>
  chunk({ tool_calls: fragments });
const stop = (reason = 'stop', choice = 0) => chunk({}, { finishReason: reason, choice });

function start(index: number, id: string, name: string, choice = 0): ChatStreamEvent {
  return { type: 'tool-call-start', choice, index, id, name };
}
function delta(
  index: number,
  id: string,
  argumentsDelta: string,
  partialInput: unknown,
  choice = 0,
) {
  return { type: 'tool-call-delta', choice, index, id, argumentsDelta, partialInput } as const;
}
function end(index: number, id: string, name: string, args: string, input: unknown, choice = 0) {
  return { type: 'tool-call-end', choice, index, id, name, arguments: args, input } as const;
}
function call(id: string, name: string, args: string) {
  return { id, type: 'function', function: { name, arguments: args } } as const;
}

describe('tool calls without index (vercel/ai#7238)', () => {
  test('every fragment carries the id: merged by id, even interleaved', () => {
    const { events, result } = run([
      tools({ id: 'call_a', type: 'function', function: { name: 'first', arguments: '' } }),
      tools({ id: 'call_b', function: { name: 'second', arguments: '{"x"' } }),
      tools({ id: 'call_a', function: { arguments: '{"y":1}' } }),
      tools({ id: 'call_b', function: { arguments: ':2}' } }),
      stop('tool_calls'),
    ]);
    expect(events).toEqual([
      start(0, 'call_a', 'first'),
      start(1, 'call_b', 'second'),
      delta(1, 'call_b', '{"x"', {}),
      delta(0, 'call_a', '{"y":1}', { y: 1 }),
      delta(1, 'call_b', ':2}', { x: 2 }),
      end(0, 'call_a', 'first', '{"y":1}', { y: 1 }),
      end(1, 'call_b', 'second', '{"x":2}', { x: 2 }),
      { type: 'finish', choice: 0, finishReason: 'tool_calls' },
    ]);
    expect(result.message).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [call('call_a', 'first', '{"y":1}'), call('call_b', 'second', '{"x":2}')],
    });
  });

  test('id only on the first fragment: later fragments continue the latest call', () => {
    const { events, result } = run([
      tools({ id: 'call_a', function: { name: 'first' } }),
      tools({ function: { arguments: '{"q":' } }),
      tools({ function: { arguments: '"v"}' } }),
      tools({ id: 'call_b', function: { name: 'second', arguments: '' } }),
      tools({ function: { arguments: '{}' } }),
      stop('tool_calls'),
    ]);
    expect(events).toEqual([
      start(0, 'call_a', 'first'),
      delta(0, 'call_a', '{"q":', {}),
      delta(0, 'call_a', '"v"}', { q: 'v' }),
      start(1, 'call_b', 'second'),
      delta(1, 'call_b', '{}', {}),
      end(0, 'call_a', 'first', '{"q":"v"}', { q: 'v' }),
      end(1, 'call_b', 'second', '{}', {}),
      { type: 'finish', choice: 0, finishReason: 'tool_calls' },
    ]);
    expect(result.message.tool_calls).toEqual([
      call('call_a', 'first', '{"q":"v"}'),
      call('call_b', 'second', '{}'),
    ]);
  });
});

describe('tolerated fragment shapes', () => {
  test('missing type, and id and name repeated on every fragment: first wins, name not appended', () => {
    const { events, result } = run([
      tools({ index: 0, id: 'call_a', function: { name: 'get_time', arguments: '{"a' } }),
      tools({ index: 0, id: 'call_a', function: { name: 'get_time', arguments: '":1}' } }),
      stop('tool_calls'),
    ]);
    expect(events).toEqual([
      start(0, 'call_a', 'get_time'),
      delta(0, 'call_a', '{"a', {}),
      delta(0, 'call_a', '":1}', { a: 1 }),
      end(0, 'call_a', 'get_time', '{"a":1}', { a: 1 }),
      { type: 'finish', choice: 0, finishReason: 'tool_calls' },
    ]);
    expect(result.message.tool_calls).toEqual([call('call_a', 'get_time', '{"a":1}')]);
  });

  test('arguments before the id and name: start waits for both, then they come in one delta', () => {
    const { events } = run([
      tools({ index: 0, function: { arguments: '{"a"' } }),
      tools({ index: 0, id: 'call_a' }),
      tools({ index: 0, function: { name: 'f', arguments: ':1' } }),
      tools({ index: 0, function: { arguments: '}' } }),
      stop('tool_calls'),
    ]);
    expect(events).toEqual([
      start(0, 'call_a', 'f'),
      delta(0, 'call_a', '{"a":1', { a: 1 }),
      delta(0, 'call_a', '}', { a: 1 }),
      end(0, 'call_a', 'f', '{"a":1}', { a: 1 }),
      { type: 'finish', choice: 0, finishReason: 'tool_calls' },
    ]);
  });

  test('another id at a taken index is another call, and takes the next free index', () => {
    const { events } = run([
      tools({ index: 0, id: 'call_a', function: { name: 'f', arguments: '{}' } }),
      tools({ index: 0, id: 'call_b', function: { name: 'g', arguments: '{"k"' } }),
      tools({ index: 0, function: { arguments: ':1}' } }),
      stop('tool_calls'),
    ]);
    expect(events).toEqual([
      start(0, 'call_a', 'f'),
      delta(0, 'call_a', '{}', {}),
      start(1, 'call_b', 'g'),
      delta(1, 'call_b', '{"k"', {}),
      delta(1, 'call_b', ':1}', { k: 1 }),
      end(0, 'call_a', 'f', '{}', {}),
      end(1, 'call_b', 'g', '{"k":1}', { k: 1 }),
      { type: 'finish', choice: 0, finishReason: 'tool_calls' },
    ]);
  });

  test('a choice without `index` is placed by its position; a choice without delta still finishes', () => {
    const noIndex = chunk({ content: 'hi' });
    delete (noIndex.choices[0] as { index?: number }).index;
    const noDelta = chunk({}, { finishReason: 'stop' });
    delete (noDelta.choices[0] as { delta?: unknown }).delta;
    const { events, result } = run([noIndex, noDelta]);
    expect(events).toEqual([
      { type: 'text-delta', choice: 0, delta: 'hi' },
      { type: 'finish', choice: 0, finishReason: 'stop' },
    ]);
    expect(result.finishReason).toBe('stop');
  });
});

test('partialInput: false skips the partial parse; the end still carries the parsed input', () => {
  const accumulator = createChatCompletionAccumulator({ partialInput: false });
  const events = [
    tools({ index: 0, id: 'call_a', function: { name: 'f', arguments: '{"a":' } }),
    tools({ index: 0, function: { arguments: '1}' } }),
    stop('tool_calls'),
  ].flatMap((c) => accumulator.push(c));
  expect(events).toEqual([
    start(0, 'call_a', 'f'),
    delta(0, 'call_a', '{"a":', undefined),
    delta(0, 'call_a', '1}', undefined),
    end(0, 'call_a', 'f', '{"a":1}', { a: 1 }),
    { type: 'finish', choice: 0, finishReason: 'tool_calls' },
  ]);
});

describe('empty arguments mean {} (vercel/ai#6687)', () => {
  test.each([
    ['never sent', undefined],
    ['sent as ""', ''],
    ['whitespace only', '  \n'],
  ])('%s → arguments "{}" and input {}', (_, args) => {
    const { events, result } = run([
      tools({
        index: 0,
        id: 'call_a',
        type: 'function',
        function: { name: 'list', arguments: args },
      }),
      stop('tool_calls'),
    ]);
    const deltas = args === '  \n' ? [delta(0, 'call_a', '  \n', undefined)] : [];
    expect(events).toEqual([
      start(0, 'call_a', 'list'),
      ...deltas,
      end(0, 'call_a', 'list', '{}', {}),
      { type: 'finish', choice: 0, finishReason: 'tool_calls' },
    ]);
    expect(result.message.tool_calls).toEqual([call('call_a', 'list', '{}')]);
  });
});

describe('tool-call-end (vercel/ai PR #13137)', () => {
  test('comes only at the finish_reason, although the arguments parsed long before', () => {
    const { pushes } = run([
      tools({ index: 0, id: 'call_a', type: 'function', function: { name: 'f', arguments: '' } }),
      tools({ index: 0, function: { arguments: '{"n":1}' } }),
      tools({ index: 0, function: { arguments: '' } }),
      chunk({ content: '' }),
      stop('tool_calls'),
    ]);
    expect(pushes).toEqual([
      [start(0, 'call_a', 'f')],
      [delta(0, 'call_a', '{"n":1}', { n: 1 })],
      [],
      [],
      [
        end(0, 'call_a', 'f', '{"n":1}', { n: 1 }),
        { type: 'finish', choice: 0, finishReason: 'tool_calls' },
      ],
    ]);
  });

  test('at the end of the stream (flush) the open calls end, by choice then index; flush again gives []', () => {
    const accumulator = createChatCompletionAccumulator();
    accumulator.push(
      tools(
        { index: 1, id: 'call_b', function: { name: 'g', arguments: '{}' } },
        { index: 0, id: 'call_a', function: { name: 'f', arguments: '{}' } },
      ),
    );
    accumulator.push(
      chunk({ tool_calls: [{ index: 0, id: 'call_c', function: { name: 'h' } }] }, { choice: 1 }),
    );
    expect(accumulator.flush()).toEqual([
      end(0, 'call_a', 'f', '{}', {}),
      end(1, 'call_b', 'g', '{}', {}),
      end(0, 'call_c', 'h', '{}', {}, 1),
    ]);
    expect(accumulator.flush()).toEqual([]);
  });

  test('arguments that are not JSON: inputError with the parser message, no input', () => {
    const { events } = run([
      tools({ index: 0, id: 'call_a', function: { name: 'f', arguments: '{"a":' } }),
      stop('tool_calls'),
    ]);
    const ending = events.find((e) => e.type === 'tool-call-end');
    expect(ending).toEqual({
      type: 'tool-call-end',
      choice: 0,
      index: 0,
      id: 'call_a',
      name: 'f',
      arguments: '{"a":',
      inputError: `tool call arguments are not valid JSON: ${parseError('{"a":')}`,
    });
    expect(ending !== undefined && 'input' in ending).toBe(false);
  });

  test('a call that never got an id or a name: no start, nothing invented, an inputError at its end', () => {
    const { events, result } = run([
      tools({ index: 0, function: { name: 'f', arguments: '{}' } }),
      tools({ index: 1, id: 'call_b', function: { arguments: '{}' } }),
      stop('tool_calls'),
    ]);
    expect(events).toEqual([
      {
        type: 'tool-call-end',
        choice: 0,
        index: 0,
        id: '',
        name: 'f',
        arguments: '{}',
        inputError: 'tool call 0 arrived without an id',
      },
      {
        type: 'tool-call-end',
        choice: 0,
        index: 1,
        id: 'call_b',
        name: '',
        arguments: '{}',
        inputError: 'tool call 1 arrived without a name',
      },
      { type: 'finish', choice: 0, finishReason: 'tool_calls' },
    ]);
    expect(result.message.tool_calls).toEqual([call('', 'f', '{}'), call('call_b', '', '{}')]);
  });

  test('a call is frozen at its end: later fragments for it are ignored; a new call still streams', () => {
    const { events, result } = run([
      tools({ index: 0, id: 'call_a', function: { name: 'f', arguments: '{}' } }),
      stop('tool_calls'),
      tools({ index: 0, function: { arguments: 'garbage' } }),
      tools({ index: 1, id: 'call_b', function: { name: 'g', arguments: '{}' } }),
      stop('stop'),
    ]);
    expect(events).toEqual([
      start(0, 'call_a', 'f'),
      delta(0, 'call_a', '{}', {}),
      end(0, 'call_a', 'f', '{}', {}),
      { type: 'finish', choice: 0, finishReason: 'tool_calls' },
      start(1, 'call_b', 'g'),
      delta(1, 'call_b', '{}', {}),
      end(1, 'call_b', 'g', '{}', {}),
    ]);
    expect(result.finishReason).toBe('tool_calls');
    expect(result.message.tool_calls).toEqual([
      call('call_a', 'f', '{}'),
      call('call_b', 'g', '{}'),
    ]);
  });
});

describe('finish reasons and usage', () => {
  test("the first finish_reason of a choice counts; '' and repeats are ignored", () => {
    const { events, result } = run([
      chunk({ content: 'a' }, { finishReason: '' }),
      chunk({ content: 'b' }, { finishReason: 'length' }),
      stop('stop'),
    ]);
    expect(events).toEqual([
      { type: 'text-delta', choice: 0, delta: 'a' },
      { type: 'text-delta', choice: 0, delta: 'b' },
      { type: 'finish', choice: 0, finishReason: 'length' },
    ]);
    expect(result.finishReason).toBe('length');
  });

  test('every usage object is an event; the last is the result', () => {
    const first = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };
    const last = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3, cost: 0.1 };
    const { events, result } = run([
      chunk({ content: 'x' }, { usage: first }),
      chunk({}, { finishReason: 'stop', usage: null }),
      chunk(null, { usage: last }),
    ]);
    expect(events).toEqual([
      { type: 'text-delta', choice: 0, delta: 'x' },
      { type: 'usage', usage: first },
      { type: 'finish', choice: 0, finishReason: 'stop' },
      { type: 'usage', usage: last },
    ]);
    expect(result.usage).toEqual(last);
  });
});

describe('the final message (what OpenAI would answer without streaming)', () => {
  test.each([
    ['a text turn', [chunk({ role: 'assistant', content: '' }), chunk({ content: 'Hi' })], 'Hi'],
    ['a text turn that said nothing', [chunk({ role: 'assistant', content: '' })], ''],
    ['no content at all', [chunk({ role: 'assistant' })], null],
    [
      'only tool calls, even after content ""',
      [
        chunk({ role: 'assistant', content: '' }),
        tools({ index: 0, id: 'c', function: { name: 'f', arguments: '{}' } }),
      ],
      null,
    ],
  ])('%s → content %j', (_, chunks, content) => {
    expect(run([...chunks, stop()]).result.message.content).toBe(content);
  });

  test('a refusal: content null, refusal joined; no refusal key when there was none', () => {
    const refused = run([
      chunk({ role: 'assistant', content: '', refusal: '' }),
      chunk({ refusal: "I can't" }),
      chunk({ refusal: ' help.' }),
      stop(),
    ]);
    expect(refused.result.message).toEqual({
      role: 'assistant',
      content: null,
      refusal: "I can't help.",
    });
    expect(run([chunk({ content: 'ok', refusal: null }), stop()]).result.message).toEqual({
      role: 'assistant',
      content: 'ok',
    });
  });

  test('n > 1: choices apart, sorted by index; message and finishReason are choice 0', () => {
    const { events, result } = run([
      chunk(
        { tool_calls: [{ index: 0, id: 'c1', function: { name: 'f', arguments: '{}' } }] },
        { choice: 1 },
      ),
      chunk({ content: 'zero' }, { choice: 0 }),
      chunk({}, { choice: 1, finishReason: 'tool_calls' }),
      chunk({}, { choice: 0, finishReason: 'stop' }),
    ]);
    expect(events).toEqual([
      start(0, 'c1', 'f', 1),
      delta(0, 'c1', '{}', {}, 1),
      { type: 'text-delta', choice: 0, delta: 'zero' },
      end(0, 'c1', 'f', '{}', {}, 1),
      { type: 'finish', choice: 1, finishReason: 'tool_calls' },
      { type: 'finish', choice: 0, finishReason: 'stop' },
    ]);
    expect(result).toEqual({
      id: 'chatcmpl-test',
      model: 'gpt-4o-2024-08-06',
      message: { role: 'assistant', content: 'zero' },
      finishReason: 'stop',
      choices: [
        { index: 0, message: { role: 'assistant', content: 'zero' }, finishReason: 'stop' },
        {
          index: 1,
          message: { role: 'assistant', content: null, tool_calls: [call('c1', 'f', '{}')] },
          finishReason: 'tool_calls',
        },
      ],
    });
  });

  test('no chunks: an empty result; finish() twice gives equal results; first id and model win', () => {
    const empty = createChatCompletionAccumulator();
    expect(empty.finish()).toEqual({
      id: '',
      model: '',
      message: { role: 'assistant', content: null },
      finishReason: null,
      choices: [],
    });
    const accumulator = createChatCompletionAccumulator();
    accumulator.push(chunk({ content: 'a' }, { id: 'first', model: 'm1' }));
    accumulator.push(chunk({ content: 'b' }, { id: 'second', model: 'm2' }));
    const result = accumulator.finish();
    expect(accumulator.finish()).toEqual(result);
    expect([result.id, result.model, result.message.content]).toEqual(['first', 'm1', 'ab']);
  });
});

function parseError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected invalid JSON');
}
