import fc from 'fast-check';

// Values that have broken JSON handlers elsewhere: lone surrogates (invalid UTF-16 that
// TextEncoder turns into U+FFFD), strings near and over the size limits, nesting that overflows a
// recursive walker, and the keys that reach an object's prototype when merged naively.

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d'];

/** A short string with lone surrogates mixed into ordinary text. */
export const surrogateString: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(...LONE_SURROGATES)), {
    minLength: 1,
    maxLength: 6,
  })
  .map((pieces) => pieces.join(''));

/** Sizes around the worker's default limits (256 KiB body, 32 KiB of text per message) and past. */
export const HUGE_SIZES = [32 * 1024 - 1, 32 * 1024 + 1, 256 * 1024 - 64, 256 * 1024 + 1];

export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...HUGE_SIZES), fc.constantFrom('x', 'é', '😀', '\ud800', '"', '\\'))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

/** `depth` levels of `{"a": …}` or `[…]`, built without recursion so any depth is safe to make. */
export function nested(depth: number, kind: 'object' | 'array' | 'mixed' = 'object'): unknown {
  let value: unknown = 0;
  for (let level = 0; level < depth; level++) {
    const asArray = kind === 'array' || (kind === 'mixed' && level % 2 === 1);
    value = asArray ? [value] : { a: value };
  }
  return value;
}

export const deepValue: fc.Arbitrary<unknown> = fc
  .tuple(
    // Past 64, the validators' cap. JSON.stringify itself overflows the stack at about 5,000 levels
    // in Node, so deeper bodies are written as text (see deepJsonText).
    fc.oneof(fc.integer({ min: 60, max: 70 }), fc.constant(1000)),
    fc.constantFrom('object' as const, 'array' as const, 'mixed' as const),
  )
  .map(([depth, kind]) => nested(depth, kind));

/** `depth` levels of `{"a":…}` / `[…]` as JSON text: deeper than any value JSON.stringify can write. */
export function deepJsonText(depth: number, kind: 'object' | 'array'): string {
  return kind === 'object'
    ? `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}0${']'.repeat(depth)}`;
}

/** `{"__proto__": {"polluted": true}}` and friends, with the key as an own property (as JSON.parse makes it). */
export const prototypeObject: fc.Arbitrary<Record<string, unknown>> = fc
  .constantFrom(...PROTOTYPE_KEYS)
  .map((key) =>
    key === 'constructor'
      ? (JSON.parse('{"constructor":{"prototype":{"polluted":true}}}') as Record<string, unknown>)
      : (JSON.parse(`{"${key}":{"polluted":true}}`) as Record<string, unknown>),
  );

/** Words the validators branch on: a mutation that lands one of them reaches deeper code. */
export const MEANINGFUL_STRINGS = [
  '',
  ' ',
  'user',
  'assistant',
  'system',
  'tool',
  'text',
  'reasoning',
  'step-start',
  'dynamic-tool',
  'tool-get_current_time',
  'data-',
  'data-x',
  'file',
  'input-streaming',
  'input-available',
  'output-available',
  'output-error',
  'streaming',
  'done',
  'get_current_time',
  'admin_override',
  'gpt-4o',
  'edgechat-demo',
  ...PROTOTYPE_KEYS,
];

/** Anything a JSON body can hold, weighted toward what breaks things. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 3, arbitrary: fc.constantFrom(...MEANINGFUL_STRINGS) },
  { weight: 2, arbitrary: surrogateString },
  { weight: 2, arbitrary: prototypeObject },
  {
    weight: 1,
    arbitrary: fc.constantFrom(null, true, false, 0, -0, -1, 1e308, 2 ** 53 + 2, [], {}),
  },
  { weight: 1, arbitrary: deepValue },
  { weight: 1, arbitrary: hugeString },
);
