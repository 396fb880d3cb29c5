import { describe, expect, it } from 'vitest';
import {
  outputToJson,
  serializeToolResult,
  TOOL_RESULT_MAX_BYTES,
  toolErrorContent,
  toolOutputContent,
} from './tool-result-content.js';

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('serializeToolResult', () => {
  it.each<[string, unknown, string]>([
    [
      'an object',
      { timezone: 'Asia/Seoul', iso: '2026-11-26T12:16:09+09:00' },
      '{"timezone":"Asia/Seoul","iso":"2026-11-26T12:16:09+09:00"}',
    ],
    ['a string: JSON too, quotes included', 'sunny', '"sunny"'],
    ['a number', 42, '42'],
    ['null', null, 'null'],
    ['undefined', undefined, 'null'],
    ['a Date (its toJSON)', new Date('2026-01-02T03:04:05Z'), '"2026-01-02T03:04:05.000Z"'],
    ['non-ASCII text, unescaped', { city: '서울' }, '{"city":"서울"}'],
  ])('output: %s', (_name, output, expected) => {
    expect(serializeToolResult({ ok: true, output })).toBe(expected);
  });

  it('errors become {"error":{code,message}}', () => {
    expect(
      serializeToolResult({
        ok: false,
        error: { code: 'invalid_arguments', message: '/timezone: expected string, got number' },
      }),
    ).toBe(
      '{"error":{"code":"invalid_arguments","message":"/timezone: expected string, got number"}}',
    );
  });

  it('turns an output JSON cannot hold into an execution_failed error instead of throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect([
      serializeToolResult({ ok: true, output: 5n }),
      serializeToolResult({ ok: true, output: cyclic }),
    ]).toEqual([
      '{"error":{"code":"execution_failed","message":"Tool output could not be serialised as JSON: Do not know how to serialize a BigInt"}}',
      '{"error":{"code":"execution_failed","message":"Tool output could not be serialised as JSON: Converting circular structure to JSON"}}',
    ]);
  });

  it('keeps content of exactly the limit whole', () => {
    const output = 'a'.repeat(TOOL_RESULT_MAX_BYTES - 2); // + 2 quotes = the limit
    expect(serializeToolResult({ ok: true, output })).toBe(`"${output}"`);
  });

  it('truncates content over 32 KiB with a note, staying within the limit', () => {
    const output = 'a'.repeat(81_232); // 81,234 bytes with its quotes
    const note = '…[truncated: output was 81234 bytes, limit 32768]';
    const content = serializeToolResult({ ok: true, output });
    expect(content).toBe(`"${'a'.repeat(32_768 - utf8Bytes(note) - 1)}${note}`);
    expect(utf8Bytes(content)).toBe(32_768);
  });

  it('cuts at a code point boundary: never half an emoji or half a Hangul syllable', () => {
    // '"' + 20 × '😀' (4 bytes each) + '"' = 82 bytes. The 45-byte note leaves 15 bytes of room:
    // '"' and 3 emoji (13 bytes); a 4th would need 17.
    const emoji = serializeToolResult({ ok: true, output: '😀'.repeat(20) }, { maxBytes: 60 });
    // '"' + 20 × '서울' (3 bytes a syllable) + '"' = 122 bytes; a 46-byte note leaves 14 bytes:
    // '"' and 4 syllables (13 bytes).
    const korean = serializeToolResult({ ok: true, output: '서울'.repeat(20) }, { maxBytes: 60 });
    expect([emoji, korean]).toEqual([
      '"😀😀😀…[truncated: output was 82 bytes, limit 60]',
      '"서울서울…[truncated: output was 122 bytes, limit 60]',
    ]);
    expect([utf8Bytes(emoji), utf8Bytes(korean)]).toEqual([58, 59]);
  });

  it('truncates errors too', () => {
    const content = serializeToolResult(
      { ok: false, error: { code: 'execution_failed', message: 'x'.repeat(100) } },
      { maxBytes: 100 },
    );
    // 150 bytes in all; 53 bytes of room before the 47-byte note.
    expect(content).toBe(
      '{"error":{"code":"execution_failed","message":"xxxxxx…[truncated: output was 150 bytes, limit 100]',
    );
    expect(utf8Bytes(content)).toBe(100);
  });

  it('cuts a large output to exactly the limit', () => {
    const output = { rows: Array.from({ length: 20_000 }, (_, i) => ({ i })) };
    const json = JSON.stringify(output);
    const note = `…[truncated: output was ${json.length} bytes, limit 32768]`;
    const content = serializeToolResult({ ok: true, output });
    expect(content).toBe(json.slice(0, TOOL_RESULT_MAX_BYTES - utf8Bytes(note)) + note);
    expect(utf8Bytes(content)).toBe(TOOL_RESULT_MAX_BYTES);
  });
});

describe('the pieces serializeToolResult is made of', () => {
  it('toolOutputContent takes JSON already made, and only cuts it to the limit', () => {
    const output = { rows: Array.from({ length: 5_000 }, (_, i) => ({ i })) };
    const made = outputToJson(output);
    expect(made.ok).toBe(true);
    const json = made.ok ? made.json : '';
    expect([toolOutputContent(json), toolOutputContent('"sunny"')]).toEqual([
      serializeToolResult({ ok: true, output }),
      '"sunny"',
    ]);
  });

  it('outputToJson says why an output cannot be JSON', () => {
    expect([outputToJson(undefined), outputToJson(1n)]).toEqual([
      { ok: true, json: 'null' },
      {
        ok: false,
        message:
          'Tool output could not be serialised as JSON: Do not know how to serialize a BigInt',
      },
    ]);
  });

  it('toolErrorContent is the one error shape, cut like an output', () => {
    expect([
      toolErrorContent('aborted', 'The tool call was aborted'),
      toolErrorContent('timeout', 'x'.repeat(100), 100),
    ]).toEqual([
      '{"error":{"code":"aborted","message":"The tool call was aborted"}}',
      serializeToolResult(
        { ok: false, error: { code: 'timeout', message: 'x'.repeat(100) } },
        { maxBytes: 100 },
      ),
    ]);
  });
});
