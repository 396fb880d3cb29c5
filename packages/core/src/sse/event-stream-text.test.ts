import { describe, expect, test } from 'vitest';
import { createEventStreamText } from './event-stream-text.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('createEventStreamText', () => {
  test('decodes a character cut between pieces whole', () => {
    const text = createEventStreamText();
    const all = bytes('data: 서울\n\n');
    expect([text.decode(all.subarray(0, 8)), text.decode(all.subarray(8)), text.flush()]).toEqual([
      'data: ',
      '서울\n\n',
      '',
    ]);
  });

  test('keeps a leading BOM for the parser to strip, and makes invalid bytes U+FFFD', () => {
    const text = createEventStreamText();
    expect([text.decode(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61, 0xff)), text.flush()]).toEqual([
      '\ufeffa\ufffd',
      '',
    ]);
  });

  test('text after bytes flushes an incomplete sequence first; flush() ends one too', () => {
    const text = createEventStreamText();
    expect([
      text.decode(Uint8Array.of(0xec, 0x84)),
      text.decode('x'),
      text.decode(Uint8Array.of(0xec)),
      text.flush(),
    ]).toEqual(['', '\ufffdx', '', '\ufffd']);
  });
});
