import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSSEParser } from './parser.js';
import {
  cut,
  event,
  expectedLog,
  offsetsArbitrary,
  parse,
  serializeStream,
  streamModelArbitrary,
  type LogEntry,
} from './sse.test-utils.js';
import type { ServerSentEvent } from './types.js';

describe('createSSEParser: line ends', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('ends lines at %s', (_name, eol) => {
    const stream = `event: a${eol}data: 1${eol}data: 2${eol}${eol}data: 3${eol}${eol}`;
    expect(parse([stream])).toStrictEqual([event('1\n2', { event: 'a' }), event('3')]);
  });

  it('mixes CR, LF and CRLF in one stream', () => {
    expect(parse(['data: a\r\n\rdata: b\n\r\ndata: c\r\ndata: d\n\n'])).toStrictEqual([
      event('a'),
      event('b'),
      event('c\nd'),
    ]);
  });

  it('reads CR LF split across feeds as one line end, not an extra blank line', () => {
    expect(parse(['data: a\r', '\ndata: b\r', '\n\r', '\n'])).toStrictEqual([event('a\nb')]);
  });

  it('keeps the CR of a split CRLF pending across empty feeds', () => {
    expect(parse(['data: a\r', '', '', '\ndata: b\n\n'])).toStrictEqual([event('a\nb')]);
  });

  it('takes a CR ending a feed as a line end at once, whatever follows', () => {
    const log: LogEntry[] = [];
    const parser = createSSEParser({ onEvent: (e) => log.push(['event', e]) });
    parser.feed('data: a\r\r');
    expect(log).toStrictEqual([event('a')]);
    parser.feed('data: b\r');
    parser.feed('data: c\r');
    parser.feed('\r');
    expect(log).toStrictEqual([event('a'), event('b\nc')]);
  });

  it('reads two CRs as two line ends, even split across feeds', () => {
    expect(parse(['data: a\r', '\rdata: b\r\r'])).toStrictEqual([event('a'), event('b')]);
  });
});

describe('createSSEParser: byte order mark', () => {
  it('strips one leading U+FEFF', () => {
    expect(parse(['\uFEFFdata: a\n\n'])).toStrictEqual([event('a')]);
  });

  it('strips a U+FEFF that arrives alone in the first feed', () => {
    expect(parse(['\uFEFF', 'data: a\n\n'])).toStrictEqual([event('a')]);
  });

  it('still strips it when empty feeds come first', () => {
    expect(parse(['', '\uFEFFdata: a\n\n'])).toStrictEqual([event('a')]);
  });

  it('strips only one: a second U+FEFF makes the first field name "\\uFEFFdata", ignored', () => {
    expect(parse(['\uFEFF\uFEFFdata: a\n\ndata: b\n\n'])).toStrictEqual([event('b')]);
  });

  it('keeps a U+FEFF anywhere after the stream start', () => {
    expect(
      parse(['data: a\n\n', '\uFEFFdata: b\n\ndata: \uFEFFc\uFEFF\n\n', '\uFEFF']),
    ).toStrictEqual([event('a'), event('\uFEFFc\uFEFF')]);
  });

  it('strips it again after reset() and after end()', () => {
    const log: LogEntry[] = [];
    const parser = createSSEParser({ onEvent: (e) => log.push(['event', e]) });
    parser.feed('data: a\n\n');
    parser.reset();
    parser.feed('\uFEFFdata: b\n\n');
    parser.end();
    parser.feed('\uFEFF');
    parser.feed('data: c\n\n');
    expect(log).toStrictEqual([event('a'), event('b'), event('c')]);
  });
});

describe('createSSEParser: comments', () => {
  it('reports the text after ":", minus one leading space, in stream order', () => {
    expect(
      parse([': ping\n:no-space\n:  two spaces\n:\n: a: b\ndata: x\n: inside\ndata: y\n\n']),
    ).toStrictEqual([
      ['comment', 'ping'],
      ['comment', 'no-space'],
      ['comment', ' two spaces'],
      ['comment', ''],
      ['comment', 'a: b'],
      ['comment', 'inside'],
      event('x\ny'),
    ]);
  });

  it('ignores comments without onComment, and a comment-only block dispatches nothing', () => {
    const events: ServerSentEvent[] = [];
    const parser = createSSEParser({ onEvent: (e) => events.push(e) });
    parser.feed(': keep-alive\n\n:\n\ndata: x\n\n');
    parser.end();
    expect(events).toStrictEqual([{ event: 'message', data: 'x' }]);
  });
});

describe('createSSEParser: data', () => {
  it('removes exactly one space after the colon, if there is one', () => {
    expect(parse(['data:a\n\ndata: a\n\ndata:  a\n\ndata: a \n\n'])).toStrictEqual([
      event('a'),
      event('a'),
      event(' a'),
      event('a '),
    ]);
  });

  it('joins several data lines with "\\n", empty lines included', () => {
    expect(parse(['data: a\ndata:\ndata\ndata: b\n\n'])).toStrictEqual([event('a\n\n\nb')]);
  });

  it('dispatches an event with empty data for "data" with or without a colon', () => {
    expect(parse(['data\n\ndata:\n\ndata: \n\n'])).toStrictEqual([event(''), event(''), event('')]);
  });

  it('splits the field at the first colon only', () => {
    expect(parse(['data: {"a":"b:c"}\n\ndata::\n\n'])).toStrictEqual([
      event('{"a":"b:c"}'),
      event(':'),
    ]);
  });

  it('keeps NUL, tabs and non-ASCII in data', () => {
    expect(parse(['data: \0\t한😀\n\n'])).toStrictEqual([event('\0\t한😀')]);
  });

  it('dispatches nothing for blocks without data', () => {
    expect(parse(['\n\n\nevent: x\n\nid: 1\n\nfoo: bar\n\n'])).toStrictEqual([]);
  });
});

describe('createSSEParser: event', () => {
  it('sets the type of the next dispatched event only', () => {
    expect(parse(['event: add\ndata: 1\n\ndata: 2\n\n'])).toStrictEqual([
      event('1', { event: 'add' }),
      event('2'),
    ]);
  });

  it('uses "message" for an empty event type, and the last event line wins', () => {
    expect(
      parse(['event:\ndata: 1\n\nevent\ndata: 2\n\nevent: a\nevent: b\ndata: 3\n\n']),
    ).toStrictEqual([event('1'), event('2'), event('3', { event: 'b' })]);
  });

  it('forgets the type of a block that had no data', () => {
    expect(parse(['event: lost\n\ndata: x\n\n'])).toStrictEqual([event('x')]);
  });

  it('keeps the type verbatim (no trimming beyond one space)', () => {
    expect(parse(['event:  spaced \ndata: x\n\n'])).toStrictEqual([
      event('x', { event: ' spaced ' }),
    ]);
  });
});

describe('createSSEParser: id', () => {
  it('carries the last event ID onto later events until an id changes or clears it', () => {
    expect(
      parse([
        'id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\nid\ndata: d\n\nid: 3\n\ndata: e\n\nid:\ndata: f\n\n',
      ]),
    ).toStrictEqual([
      event('a', { id: '1' }),
      event('b', { id: '1' }),
      event('c', { id: '2' }),
      event('d'),
      event('e', { id: '3' }),
      event('f'),
    ]);
  });

  it('ignores an id containing NUL, keeping the previous one', () => {
    expect(parse(['id: 1\ndata: a\n\nid: 2\0\ndata: b\n\nid: \0\ndata: c\n\n'])).toStrictEqual([
      event('a', { id: '1' }),
      event('b', { id: '1' }),
      event('c', { id: '1' }),
    ]);
  });

  it('applies an id anywhere in the block, and the last one wins', () => {
    expect(parse(['data: a\nid: x\nid:  y\n\n'])).toStrictEqual([event('a', { id: ' y' })]);
  });

  it('omits the id key entirely when there is no last event ID', () => {
    expect(Object.keys(parse(['data: a\n\n'])[0]?.[1] ?? {})).toStrictEqual(['event', 'data']);
  });
});

describe('createSSEParser: retry', () => {
  it('reports values of ASCII digits only, and ignores everything else', () => {
    const lines = [
      'retry: 3000',
      'retry: 0',
      'retry:007',
      'retry: 1.5',
      'retry: -1',
      'retry: +1',
      'retry: 10ms',
      'retry: 1e3',
      'retry:',
      'retry',
      'retry:  100',
      'retry: ١٢',
      'retry: 12 ',
    ];
    expect(parse([lines.join('\n') + '\ndata: x\n\n'])).toStrictEqual([
      ['retry', 3000],
      ['retry', 0],
      ['retry', 7],
      event('x'),
    ]);
  });

  it('is ignored without onRetry', () => {
    const events: ServerSentEvent[] = [];
    const parser = createSSEParser({ onEvent: (e) => events.push(e) });
    parser.feed('retry: 10\ndata: x\n\n');
    expect(events).toStrictEqual([{ event: 'message', data: 'x' }]);
  });
});

describe('createSSEParser: other fields', () => {
  it('ignores unknown fields; field names are case-sensitive and not trimmed', () => {
    expect(
      parse(['foo: bar\ndata: a\nDATA: b\nData: c\n data: d\nfoo\nretryx: 1\nid : 9\n\n']),
    ).toStrictEqual([event('a')]);
  });

  it('takes a line without a colon as a field name with an empty value', () => {
    expect(parse(['id: 1\nevent: e\ndata: a\nevent\nid\n\n'])).toStrictEqual([event('a')]);
  });
});

describe('createSSEParser: end()', () => {
  it('dispatches a final event that has no trailing blank line', () => {
    const log: LogEntry[] = [];
    const parser = createSSEParser({ onEvent: (e) => log.push(['event', e]) });
    parser.feed('data: a\n\nevent: last\ndata: b\n');
    expect(log).toStrictEqual([event('a')]);
    parser.end();
    expect(log).toStrictEqual([event('a'), event('b', { event: 'last' })]);
  });

  it('processes an incomplete last line as a line first', () => {
    expect(parse(['data: a\n\ndata: b\ndata: c'])).toStrictEqual([event('a'), event('b\nc')]);
    expect(parse(['data'])).toStrictEqual([event('')]);
    expect(parse(['id: 7\ndata: x\nid: 8'])).toStrictEqual([event('x', { id: '8' })]);
    expect(parse(['data: x\n: bye'])).toStrictEqual([['comment', 'bye'], event('x')]);
    expect(parse(['data: x\nretry: 5'])).toStrictEqual([['retry', 5], event('x')]);
  });

  it('dispatches a final event ended by a lone CR', () => {
    expect(parse(['data: a\r'])).toStrictEqual([event('a')]);
  });

  it('dispatches nothing when nothing is pending, and nothing twice', () => {
    const log: LogEntry[] = [];
    const parser = createSSEParser({ onEvent: (e) => log.push(['event', e]) });
    parser.end();
    parser.feed('data: a\n\nevent: x\n: c\n');
    parser.end();
    parser.end();
    expect(log).toStrictEqual([event('a')]);
  });

  it('leaves the parser as new: no leftover line, event or last event ID', () => {
    const log: LogEntry[] = [];
    const parser = createSSEParser({ onEvent: (e) => log.push(['event', e]) });
    parser.feed('id: 1\ndata: a\nevent: t');
    parser.end();
    parser.feed('data: b\n\n');
    expect(log).toStrictEqual([event('a', { id: '1', event: 't' }), event('b')]);
  });
});

describe('createSSEParser: reset()', () => {
  it('drops the pending line, event, type and last event ID', () => {
    const log: LogEntry[] = [];
    const parser = createSSEParser({ onEvent: (e) => log.push(['event', e]) });
    parser.feed('id: 1\ndata: a\n\nevent: e\ndata: pending\ndata: part');
    parser.reset();
    parser.feed('ial\n\ndata: b\n\n');
    parser.end();
    expect(log).toStrictEqual([event('a', { id: '1' }), event('b')]);
  });
});

describe('createSSEParser: handlers', () => {
  it('calls handlers as methods, so a class instance keeps its this', () => {
    class Collector {
      readonly events: ServerSentEvent[] = [];
      readonly comments: string[] = [];
      onEvent(e: ServerSentEvent): void {
        this.events.push(e);
      }
      onComment(text: string): void {
        this.comments.push(text);
      }
    }
    const collector = new Collector();
    const parser = createSSEParser(collector);
    parser.feed(': hi\ndata: x\n\n');
    expect([collector.events, collector.comments]).toStrictEqual([
      [{ event: 'message', data: 'x' }],
      ['hi'],
    ]);
  });
});

describe('createSSEParser: pieces cut anywhere', () => {
  const stream =
    '\uFEFF: open\r\nretry: 1000\r\nid: 1\revent: add\ndata: {"a":"한😀"}\r\ndata:\r\r\n' +
    'data: second\n\nfoo\nid: 2\0\n\ndata: third\r\n\r\ndata: last';
  const expected: LogEntry[] = [
    ['comment', 'open'],
    ['retry', 1000],
    event('{"a":"한😀"}\n', { event: 'add', id: '1' }),
    event('second', { id: '1' }),
    event('third', { id: '1' }),
    event('last', { id: '1' }),
  ];

  it('gives the same log for the whole text, every two-piece cut and 1-character pieces', () => {
    expect(parse([stream])).toStrictEqual(expected);
    for (let i = 0; i <= stream.length; i++) {
      expect(parse([stream.slice(0, i), stream.slice(i)])).toStrictEqual(expected);
    }
    expect(parse([...stream.split('')])).toStrictEqual(expected);
  });

  it('property: random streams with random line ends, cut at random points, give the model log', () => {
    fc.assert(
      fc.property(streamModelArbitrary, offsetsArbitrary, (model, offsets) => {
        const text = serializeStream(model);
        const expectedForModel = expectedLog(model);
        expect(parse([text])).toStrictEqual(expectedForModel);
        expect(parse(cut(text, offsets))).toStrictEqual(expectedForModel);
      }),
      { numRuns: 500 },
    );
  });

  it('property: 1-character pieces give the model log', () => {
    fc.assert(
      fc.property(streamModelArbitrary, (model) => {
        const text = serializeStream(model);
        expect(parse(text.split(''))).toStrictEqual(expectedLog(model));
      }),
      { numRuns: 200 },
    );
  });
});

describe('createSSEParser: long lines', () => {
  // Structural, not timed: a 1 MB line fed one character at a time only appends to the kept
  // tail, so this finishes quickly; a parser re-scanning its buffer per piece would not.
  it('assembles a 1 MB single-line event fed in 1-character pieces', () => {
    const size = 1_000_000;
    const events: ServerSentEvent[] = [];
    const parser = createSSEParser({ onEvent: (e) => events.push(e) });
    parser.feed('data: ');
    for (let i = 0; i < size; i++) parser.feed(i % 2 === 0 ? 'x' : 'y');
    parser.feed('\n');
    parser.feed('\n');
    expect(events.length).toBe(1);
    expect(events[0]?.data).toBe('xy'.repeat(size / 2));
  });
});
