import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePartialJson } from './parse-partial-json.js';
import { createPartialJsonParser } from './parser.js';

interface Step {
  value: unknown;
  complete: boolean;
  failed: boolean;
}

/** Pushes every delta and snapshots (clones) what the parser reports after each one. */
function pushAll(deltas: readonly string[]): { steps: Step[]; finish: unknown } {
  const parser = createPartialJsonParser();
  const steps = deltas.map((delta) => {
    const value = structuredClone(parser.push(delta));
    return { value, complete: parser.complete, failed: parser.failed };
  });
  return { steps, finish: parser.finish() };
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Cuts `text` into pieces whose lengths cycle through `sizes`. */
function cut(text: string, sizes: readonly number[]): string[] {
  const pieces: string[] = [];
  for (let start = 0, k = 0; start < text.length; k++) {
    const size = sizes[k % sizes.length] ?? 1;
    pieces.push(text.slice(start, start + size));
    start += size;
  }
  return pieces;
}

/** A JSON string literal with '/' and every code unit outside printable ASCII escaped. */
function escapeAll(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s.charAt(i);
    if (ch === '"' || ch === '\\' || ch === '/') out += '\\' + ch;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else {
      const hex = c.toString(16).padStart(4, '0');
      out += '\\u' + (i % 2 === 0 ? hex : hex.toUpperCase());
    }
  }
  return out + '"';
}

/** Serialises like JSON.stringify, with whitespace from `ws` around every token. */
function toJsonText(value: unknown, ws: readonly string[], escapeStrings: boolean): string {
  let k = 0;
  const space = (): string => ws[k++ % ws.length] ?? '';
  const str = (s: string): string => (escapeStrings ? escapeAll(s) : JSON.stringify(s));
  function write(v: unknown): string {
    if (Array.isArray(v)) {
      return `[${space()}${v.map(write).join(`${space()},${space()}`)}${space()}]`;
    }
    if (typeof v === 'object' && v !== null) {
      const members = Object.entries(v).map(
        ([key, x]) => `${str(key)}${space()}:${space()}${write(x)}`,
      );
      return `{${space()}${members.join(`${space()},${space()}`)}${space()}}`;
    }
    return typeof v === 'string' ? str(v) : JSON.stringify(v);
  }
  return space() + write(value) + space();
}

const stringUnit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('서', '울', '😀', '👩‍👧', '"', '\\', '/', '\n', 'a', ' ', '__proto__'),
);
const jsonText = fc
  .record({
    value: fc.jsonValue({ stringUnit, maxDepth: 5 }),
    ws: fc.array(fc.constantFrom(' ', '\n', '\t', '\r', '  ', '\r\n', ''), { maxLength: 6 }),
    escapeStrings: fc.boolean(),
  })
  .map(({ value, ws, escapeStrings }) => toJsonText(value, ws, escapeStrings));
const pieceSizes = fc.oneof(
  fc.constant([1]),
  fc.array(fc.integer({ min: 1, max: 16 }), { minLength: 1, maxLength: 10 }),
);
const jsonChar = fc.constantFrom(...'{}[]:,"\\/tfnrulsa0159-+.eEu x\n\t\u0001\uFEFF');
// Mostly invalid texts: valid JSON with one character deleted, inserted or replaced, and soup.
const anyText = fc.oneof(
  fc.tuple(jsonText, fc.nat(), fc.nat({ max: 2 }), jsonChar).map(([text, at, op, ch]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + (op === 0 ? '' : ch) + text.slice(op === 1 ? i : i + 1);
  }),
  fc.string({ unit: jsonChar, maxLength: 30 }),
);

describe('createPartialJsonParser', () => {
  it('reports the best value after each delta of a streamed tool call', () => {
    const { steps, finish } = pushAll([
      '{"timezone":"Asia/',
      'Seoul","cities":["서',
      '울","New York"],"n":-',
      '12.5e',
      '3,"ok":tr',
      'ue,"x":null',
      '}',
    ]);
    const cities = ['서울', 'New York'];
    const open = { complete: false, failed: false };
    expect(steps).toStrictEqual([
      { value: { timezone: 'Asia/' }, ...open },
      { value: { timezone: 'Asia/Seoul', cities: ['서'] }, ...open },
      { value: { timezone: 'Asia/Seoul', cities }, ...open },
      { value: { timezone: 'Asia/Seoul', cities, n: -12.5 }, ...open },
      { value: { timezone: 'Asia/Seoul', cities, n: -12500, ok: true }, ...open },
      { value: { timezone: 'Asia/Seoul', cities, n: -12500, ok: true, x: null }, ...open },
      {
        value: { timezone: 'Asia/Seoul', cities, n: -12500, ok: true, x: null },
        complete: true,
        failed: false,
      },
    ]);
    expect(finish).toStrictEqual({ timezone: 'Asia/Seoul', cities, n: -12500, ok: true, x: null });
  });

  it('returns the same live object on every push, mutated in place', () => {
    const parser = createPartialJsonParser();
    const first = parser.push('{"a":[1');
    const second = parser.push(',2],"b":"x');
    expect(second).toBe(first);
    expect(parser.value).toBe(first);
    expect(parser.finish()).toBe(first);
    expect(first).toStrictEqual({ a: [1, 2], b: 'x' });
  });

  it('keeps escapes, \\u sequences, surrogate pairs and numbers cut between pushes', () => {
    expect(
      pushAll(['"a\\', 'u00', 'e9b\\', 'ud83d', '\\ude00', '"']).steps.map((s) => s.value),
    ).toEqual(['a', 'a', 'aéb', 'aéb', 'aéb😀', 'aéb😀']);
    expect(pushAll(['["', '\ud83d', '\ude00"]']).steps.map((s) => s.value)).toEqual([
      [''],
      [''],
      ['😀'],
    ]);
    expect(pushAll(['[-', '1', '.', '5e', '-', '1]']).steps.map((s) => s.value)).toEqual([
      [],
      [-1],
      [-1],
      [-1.5],
      [-1.5],
      [-0.15],
    ]);
    expect(pushAll(['{"k', 'ey":', 'n', 'u', 'l', 'l}']).steps.map((s) => s.value)).toEqual([
      {},
      {},
      { key: null },
      { key: null },
      { key: null },
      { key: null },
    ]);
  });

  it('stays failed after a syntax error and keeps the last good value', () => {
    const { steps, finish } = pushAll(['{"a":[1,2', ',3]]', '}', '{"b":2}']);
    expect(steps).toStrictEqual([
      { value: { a: [1, 2] }, complete: false, failed: false },
      { value: { a: [1, 2, 3] }, complete: false, failed: true },
      { value: { a: [1, 2, 3] }, complete: false, failed: true },
      { value: { a: [1, 2, 3] }, complete: false, failed: true },
    ]);
    expect(finish).toStrictEqual({ a: [1, 2, 3] });
  });

  it('fails on anything after a complete root value but whitespace', () => {
    expect(pushAll(['12', ' \n', '3']).steps).toStrictEqual([
      { value: 12, complete: true, failed: false },
      { value: 12, complete: true, failed: false },
      { value: 12, complete: false, failed: true },
    ]);
  });

  it('has no value before the first character of one, and empty pushes change nothing', () => {
    expect(pushAll(['', '  ', '', '"', '']).steps).toStrictEqual([
      { value: undefined, complete: false, failed: false },
      { value: undefined, complete: false, failed: false },
      { value: undefined, complete: false, failed: false },
      { value: '', complete: false, failed: false },
      { value: '', complete: false, failed: false },
    ]);
    expect(createPartialJsonParser().finish()).toBeUndefined();
  });

  it('builds a long string from many pieces', () => {
    const content = 'línea 서울 😀\n'.repeat(2_000);
    const text = JSON.stringify({ path: 'a.txt', content });
    const parser = createPartialJsonParser();
    for (const piece of cut(text, [3, 7, 1, 12])) parser.push(piece);
    expect(parser.complete).toBe(true);
    expect(parser.finish()).toStrictEqual({ path: 'a.txt', content });
  });
});

// Property runs take a second or two; CI machines may be slower and busy.
const PROPERTY_TIMEOUT = { timeout: 60_000 };

describe('createPartialJsonParser: properties', () => {
  it(
    'valid JSON in any pieces: each push equals parsePartialJson(prefix), finish equals JSON.parse',
    PROPERTY_TIMEOUT,
    () => {
      const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
      fc.assert(
        fc.property(jsonText, pieceSizes, (text, sizes) => {
          const parser = createPartialJsonParser();
          let prefix = '';
          for (const piece of cut(text, sizes)) {
            prefix += piece;
            const value = parser.push(piece);
            const expected = parsePartialJson(prefix);
            expect(expected.failed).toBe(false);
            expect(value).toStrictEqual(expected.value);
            expect(parser.complete).toBe(expected.complete);
            expect(parser.failed).toBe(false);
          }
          expect(parser.complete).toBe(true);
          expect(parser.finish()).toStrictEqual(JSON.parse(text));
        }),
        { numRuns: 200 },
      );
      expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
    },
  );

  it(
    'no prefix of valid JSON fails, and a prefix is complete exactly when JSON.parse accepts it',
    PROPERTY_TIMEOUT,
    () => {
      fc.assert(
        fc.property(jsonText, (text) => {
          for (let i = 0; i <= text.length; i++) {
            const prefix = text.slice(0, i);
            const result = parsePartialJson(prefix);
            expect(result.failed).toBe(false);
            expect(result.complete).toBe(parses(prefix));
          }
        }),
        { numRuns: 100 },
      );
    },
  );

  it(
    'any text: complete exactly when JSON.parse accepts it, with the same value',
    PROPERTY_TIMEOUT,
    () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const result = parsePartialJson(text);
          expect(result.complete).toBe(parses(text));
          if (result.complete) expect(result.value).toStrictEqual(JSON.parse(text));
          if (result.failed) expect(parses(text)).toBe(false);
        }),
        { numRuns: 1000 },
      );
    },
  );

  it(
    'any text: failure is final and keeps the value of the longest prefix that did not fail',
    PROPERTY_TIMEOUT,
    () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const results = Array.from({ length: text.length + 1 }, (_, i) =>
            parsePartialJson(text.slice(0, i)),
          );
          const firstFailed = results.findIndex((r) => r.failed);
          if (firstFailed === -1) return;
          const lastGood = results[firstFailed - 1];
          for (const later of results.slice(firstFailed)) {
            expect(later).toStrictEqual({ value: lastGood?.value, complete: false, failed: true });
          }
        }),
        { numRuns: 500 },
      );
    },
  );

  it('any text in any pieces: each push equals parsePartialJson(prefix)', PROPERTY_TIMEOUT, () => {
    fc.assert(
      fc.property(anyText, pieceSizes, (text, sizes) => {
        const parser = createPartialJsonParser();
        let prefix = '';
        for (const piece of cut(text, sizes)) {
          prefix += piece;
          const value = parser.push(piece);
          expect({ value, complete: parser.complete, failed: parser.failed }).toStrictEqual(
            parsePartialJson(prefix),
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});
