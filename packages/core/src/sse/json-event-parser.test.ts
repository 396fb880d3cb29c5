import { describe, expect, test } from 'vitest';
import { createJsonEventParser } from './json-event-parser.js';

function run(pieces: string[], end = true): unknown[] {
  const seen: unknown[] = [];
  const parser = createJsonEventParser({
    onEvent: (value, event) => seen.push(['event', event.event, value]),
    onError: (error, event) => seen.push(['error', event.event, error.code, error.message]),
    onDone: () => seen.push(['done']),
  });
  for (const piece of pieces) parser.feed(piece);
  if (end) parser.end();
  seen.push(['done?', parser.done]);
  return seen;
}

describe('createJsonEventParser', () => {
  test('parses each event’s data as JSON, in order, with its event name', () => {
    expect(run(['data: {"a":1}\n\nevent: error\ndata: {"b"', ':2}\n\ndata: [1,null]\n\n'])).toEqual(
      [
        ['event', 'message', { a: 1 }],
        ['event', 'error', { b: 2 }],
        ['event', 'message', [1, null]],
        ['done?', false],
      ],
    );
  });

  test('[DONE] calls onDone once and drops everything after it', () => {
    expect(run(['data: 1\n\ndata: [DONE]\n\ndata: 2\n\ndata: [DONE]\n\ndata: x'])).toEqual([
      ['event', 'message', 1],
      ['done'],
      ['done?', true],
    ]);
  });

  test('data that is not JSON → invalid_chunk, quoting at most 200 characters; parsing goes on', () => {
    const long = `{"x":"${'y'.repeat(300)}`;
    expect(run([`data: ${long}\n\nevent: error\ndata: plain text\n\ndata: true\n\n`])).toEqual([
      ['error', 'message', 'invalid_chunk', `data line is not JSON: ${long.slice(0, 200)}…`],
      ['error', 'error', 'invalid_chunk', 'data line is not JSON: plain text'],
      ['event', 'message', true],
      ['done?', false],
    ]);
  });

  test('a last event without its blank line is dispatched by end(), not before', () => {
    expect(run(['data: {"a":1}'], false)).toEqual([['done?', false]]);
    expect(run(['data: {"a":1}'])).toEqual([
      ['event', 'message', { a: 1 }],
      ['done?', false],
    ]);
  });

  test('reset() forgets [DONE] and a pending line', () => {
    const seen: unknown[] = [];
    const parser = createJsonEventParser({
      onEvent: (value) => seen.push(value),
      onError: (error) => seen.push(error.code),
    });
    parser.feed('data: [DONE]\n\ndata: 1\n\n');
    parser.reset();
    parser.feed('data: {"cut');
    parser.reset();
    parser.feed('data: 2\n\n');
    expect([seen, parser.done]).toEqual([[2], false]);
  });
});
