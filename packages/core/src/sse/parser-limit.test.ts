import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EdgechatError } from '../base/errors.js';
import { DEFAULT_MAX_EVENT_BYTES } from '../base/limits.js';
import { createSSEParser } from './parser.js';
import { cut, event, offsetsArbitrary, type LogEntry } from './sse.test-utils.js';

/** Feeds `pieces` then `end()`; returns the log and what was thrown, if anything. */
function parseCapped(
  pieces: readonly string[],
  maxEventBytes: number,
): { log: LogEntry[]; error?: unknown } {
  const log: LogEntry[] = [];
  const parser = createSSEParser(
    { onEvent: (e) => log.push(['event', e]), onComment: (text) => log.push(['comment', text]) },
    { maxEventBytes },
  );
  try {
    for (const piece of pieces) parser.feed(piece);
    parser.end();
  } catch (error) {
    return { log, error };
  }
  return { log };
}

const tooLarge = (limit: number) =>
  new EdgechatError('stream_too_large', `a server-sent event is over maxEventBytes (${limit})`);

describe('createSSEParser: maxEventBytes', () => {
  it('counts every line of the event without line ends: at the cap passes, one over fails', () => {
    // "data: abc" (9) + "event: x" (8) = 17, whatever the line ends.
    for (const eol of ['\n', '\r\n', '\r']) {
      const stream = `data: abc${eol}event: x${eol}${eol}data: next${eol}${eol}`;
      expect(parseCapped([stream], 17)).toStrictEqual({
        log: [event('abc', { event: 'x' }), event('next')],
      });
      const over = parseCapped([stream], 16);
      expect(over).toStrictEqual({ log: [], error: tooLarge(16) });
      expect((over.error as EdgechatError).code).toBe('stream_too_large');
    }
  });

  it('is per event: a blank line starts the count again', () => {
    const stream = 'data: 12345\n\n'.repeat(1000);
    const { log, error } = parseCapped([stream], 11);
    expect(error).toBeUndefined();
    expect(log).toHaveLength(1000);
  });

  it('refuses a line with no end as soon as it is past the cap, before it is complete', () => {
    const log: LogEntry[] = [];
    const parser = createSSEParser(
      { onEvent: (e) => log.push(['event', e]) },
      { maxEventBytes: 100 },
    );
    parser.feed('data: {"ok":1}\n\ndata: ');
    for (let i = 0; i < 9; i++) parser.feed('xxxxxxxxxx');
    expect(() => parser.feed('xxxxxxxxxx')).toThrow(tooLarge(100));
    expect(log).toStrictEqual([event('{"ok":1}')]);
    // What was held is dropped: the parser is as new.
    parser.feed('data: after\n\n');
    expect(log).toStrictEqual([event('{"ok":1}'), event('after')]);
  });

  it('refuses an event of many short data lines', () => {
    const { error } = parseCapped(['data: x\n'.repeat(200)], 1000);
    expect(error).toStrictEqual(tooLarge(1000));
  });

  it('refuses an event cut off by the end of the stream that is over the cap', () => {
    expect(parseCapped(['data: 0123456789'], 15)).toStrictEqual({ log: [], error: tooLarge(15) });
    expect(parseCapped(['data: 0123456789'], 16)).toStrictEqual({ log: [event('0123456789')] });
  });

  it('defaults to 1 MiB and takes Infinity to turn it off', () => {
    const big = `data: ${'x'.repeat(DEFAULT_MAX_EVENT_BYTES - 6)}\n\n`;
    const log: LogEntry[] = [];
    const parser = createSSEParser({ onEvent: (e) => log.push(['event', e]) });
    parser.feed(big);
    expect(log).toHaveLength(1);
    expect(() => parser.feed(`x${big}`)).toThrow(tooLarge(DEFAULT_MAX_EVENT_BYTES));
    const unlimited = parseCapped([`x${big}`.replace('xdata', 'data')], Infinity);
    expect(unlimited.error).toBeUndefined();
  });

  it.each([0, -1, Number.NaN, '5' as unknown as number])('rejects maxEventBytes %s', (value) => {
    expect(() => createSSEParser({ onEvent: () => {} }, { maxEventBytes: value })).toThrow(
      RangeError,
    );
  });

  it('decides the same however the stream is cut: under, at and over the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 12, max: 300 }),
        fc.integer({ min: -2, max: 2 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        offsetsArbitrary,
        (limit, delta, eol, withComment, offsets) => {
          // One event of size limit + delta: an optional comment line, then data lines.
          const size = limit + delta;
          const comment = withComment && size > 12 ? ': ping' : '';
          let rest = size - comment.length;
          const lines = comment === '' ? [] : [comment];
          while (rest > 0) {
            const length = Math.min(rest, 50);
            // A data line of exactly `length` characters ("data:" and its value).
            const line = length >= 5 ? `data:${'é'.repeat(length - 5)}` : 'x'.repeat(length);
            lines.push(line);
            rest -= length;
          }
          const first = `data: before${eol}${eol}`;
          const stream = `${first}${lines.join(eol)}${eol}${eol}data: after${eol}${eol}`;
          const result = parseCapped(cut(stream, offsets), limit);
          if (size > limit) {
            expect(result.error).toStrictEqual(tooLarge(limit));
            // "data: before" (12) is within every limit tried, and comes out before the failure.
            // The comment of the refused event may be reported first: it is not held.
            expect(result.log.filter(([kind]) => kind === 'event')).toStrictEqual([
              event('before'),
            ]);
          } else {
            expect(result.error).toBeUndefined();
            expect(result.log.at(-1)).toStrictEqual(event('after'));
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
