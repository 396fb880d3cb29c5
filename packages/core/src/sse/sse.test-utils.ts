import fc from 'fast-check';
import { createSSEParser } from './parser.js';
import type { ServerSentEvent } from './types.js';

/** Everything a parser reports, in the order it reported it. */
export type LogEntry = ['event', ServerSentEvent] | ['comment', string] | ['retry', number];

export function event(data: string, fields: { event?: string; id?: string } = {}): LogEntry {
  const { event: type = 'message', id } = fields;
  return ['event', id === undefined ? { event: type, data } : { event: type, data, id }];
}

/** Feeds `pieces` to a fresh parser, then `end()` unless told not to; returns the whole log. */
export function parse(pieces: readonly string[], options: { end?: boolean } = {}): LogEntry[] {
  const log: LogEntry[] = [];
  const parser = createSSEParser({
    onEvent: (e) => log.push(['event', e]),
    onComment: (text) => log.push(['comment', text]),
    onRetry: (ms) => log.push(['retry', ms]),
  });
  for (const piece of pieces) parser.feed(piece);
  if (options.end !== false) parser.end();
  return log;
}

/** Cuts `value` (string or bytes) at the given offsets, which may repeat or exceed its length. */
export function cut<T extends string | Uint8Array>(value: T, offsets: readonly number[]): T[] {
  const points = [...new Set(offsets.map((o) => o % (value.length + 1)))].sort((a, b) => a - b);
  const pieces: T[] = [];
  let from = 0;
  for (const point of [...points, value.length]) {
    pieces.push(value.slice(from, point) as T);
    from = point;
  }
  return pieces;
}

/** Random cut offsets: few (large pieces) or many (down to 1-character pieces). */
export const offsetsArbitrary = fc.oneof(
  fc.array(fc.nat(), { maxLength: 4 }),
  fc.array(fc.nat(), { minLength: 20, maxLength: 400 }),
);

// --- A model of event streams: generated as fields, serialized to text, with the log the WHATWG
// rules give for them computed from the fields (not from the text).

type Field =
  | { kind: 'data'; value: string }
  | { kind: 'event'; value: string }
  | { kind: 'id'; value: string }
  | { kind: 'comment'; text: string }
  | { kind: 'retry'; ms: number }
  | { kind: 'unknown'; name: string; value: string };

/** A block of fields; all but possibly the last block end with a blank line. */
export interface StreamModel {
  blocks: Field[][];
  /** Starts with a U+FEFF, which the parser must strip. */
  bom: boolean;
  lastBlockTerminated: boolean;
  lineEnds: ('\n' | '\r' | '\r\n')[];
  /** Use "name:value" rather than "name: value" when the value allows it. */
  compact: boolean[];
}

const unit = fc.constantFrom('a', 'b', 'Z', ' ', ':', '\t', '한', '😀', '\uFEFF', '{', '"', '\0');
const text = fc.string({ unit, maxLength: 8 });
const idText = fc.string({ unit: fc.constantFrom('1', 'x', ' ', ':', '한', '\0'), maxLength: 4 });

const fieldArbitrary: fc.Arbitrary<Field> = fc.oneof(
  { weight: 6, arbitrary: text.map((value) => ({ kind: 'data' as const, value })) },
  { weight: 2, arbitrary: text.map((value) => ({ kind: 'event' as const, value })) },
  { weight: 2, arbitrary: idText.map((value) => ({ kind: 'id' as const, value })) },
  { weight: 1, arbitrary: text.map((t) => ({ kind: 'comment' as const, text: t })) },
  { weight: 1, arbitrary: fc.nat(99_999).map((ms) => ({ kind: 'retry' as const, ms })) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('unknown' as const),
      name: fc.constantFrom('foo', 'Data', 'x-y', ' data', 'ID', '\uFEFFdata'),
      value: text,
    }),
  },
);

export const streamModelArbitrary: fc.Arbitrary<StreamModel> = fc
  .record({
    blocks: fc.array(fc.array(fieldArbitrary, { maxLength: 5 }), { maxLength: 6 }),
    bom: fc.boolean(),
    lastBlockTerminated: fc.boolean(),
  })
  .chain(({ blocks, bom, lastBlockTerminated }) => {
    const lineCount = blocks.reduce((n, block) => n + block.length + 1, 0);
    return fc.record({
      blocks: fc.constant(blocks),
      bom: fc.constant(bom),
      lastBlockTerminated: fc.constant(lastBlockTerminated),
      lineEnds: fc.array(fc.constantFrom('\n' as const, '\r' as const, '\r\n' as const), {
        minLength: lineCount,
        maxLength: lineCount,
      }),
      compact: fc.array(fc.boolean(), { minLength: lineCount, maxLength: lineCount }),
    });
  });

function fieldLine(field: Field, compact: boolean): string {
  const value = field.kind === 'comment' ? field.text : field.kind === 'retry' ? '' : field.value;
  // One space after the colon is removed by the parser; "name:value" is only the same field
  // when the value does not itself start with a space.
  const separator = compact && !value.startsWith(' ') ? ':' : ': ';
  switch (field.kind) {
    case 'comment':
      return separator + field.text;
    case 'retry':
      return `retry${separator}${field.ms}`;
    case 'unknown':
      return field.name + separator + field.value;
    default:
      return field.kind + separator + field.value;
  }
}

export function serializeStream(model: StreamModel): string {
  let out = model.bom ? '\uFEFF' : '';
  let line = 0;
  let previousEnd = '';
  const writeLine = (content: string): void => {
    let end = model.lineEnds[line] ?? '\n';
    // After a lone CR, an empty line ended by a lone LF would read as one CRLF.
    if (content === '' && previousEnd === '\r' && end === '\n') end = '\r\n';
    out += content + end;
    previousEnd = end;
    line++;
  };
  model.blocks.forEach((block, index) => {
    for (const field of block) writeLine(fieldLine(field, model.compact[line] ?? false));
    if (index < model.blocks.length - 1 || model.lastBlockTerminated) writeLine('');
  });
  return out;
}

/** What the WHATWG rules (plus our end-of-stream dispatch) report for the model. */
export function expectedLog(model: StreamModel): LogEntry[] {
  const log: LogEntry[] = [];
  let lastEventId = '';
  model.blocks.forEach((block, blockIndex) => {
    const data: string[] = [];
    let type = '';
    block.forEach((written, fieldIndex) => {
      // Without a BOM of its own, a stream opening with the line "\uFEFFdata…" has that U+FEFF
      // stripped as its BOM: the line is a data field.
      const opensStream = blockIndex === 0 && fieldIndex === 0 && !model.bom;
      const field: Field =
        opensStream && written.kind === 'unknown' && written.name === '\uFEFFdata'
          ? { kind: 'data', value: written.value }
          : written;
      if (field.kind === 'data') data.push(field.value);
      else if (field.kind === 'event') type = field.value;
      // "If the field value does not contain U+0000 NULL, then set the last event ID buffer"
      else if (field.kind === 'id' && !field.value.includes('\0')) lastEventId = field.value;
      else if (field.kind === 'comment') log.push(['comment', field.text]);
      else if (field.kind === 'retry') log.push(['retry', field.ms]);
    });
    if (data.length > 0) {
      const fields = lastEventId === '' ? {} : { id: lastEventId };
      log.push(event(data.join('\n'), { event: type === '' ? 'message' : type, ...fields }));
    }
  });
  return log;
}
