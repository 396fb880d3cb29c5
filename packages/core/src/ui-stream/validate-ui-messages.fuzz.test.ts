// Property tests of the one UIMessage validator, from a fixed seed (FUZZ_SEED / FUZZ_RUNS
// override it; a failure prints the seed and the path that replays it). The inputs are valid
// conversations with a few slots mutated, so most cases get deep into the validator, and
// values of any shape at all.
import {
  conversation,
  copy,
  fuzzSettings,
  hostileValue,
  mutate,
  mutations,
  sameTree,
} from '@edgechat/test-support/fuzz';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { UIMessage } from './types.js';
import {
  validateUIMessages,
  type UIMessageValidation,
  type ValidateUIMessagesOptions,
} from './validate-ui-messages.js';

const { seed, runs } = fuzzSettings(process.env);

/** The fields each kind of result object may have: the validator rebuilds, it never copies. */
const MESSAGE_KEYS = ['id', 'role', 'parts', 'metadata'];
const PART_KEYS: Record<string, string[]> = {
  text: ['type', 'text', 'state'],
  reasoning: ['type', 'text', 'state'],
  'step-start': ['type'],
  'dynamic-tool': ['type', 'toolName', 'toolCallId', 'state', 'input', 'output', 'errorText'],
  data: ['type', 'id', 'data'],
};

const options: fc.Arbitrary<ValidateUIMessagesOptions> = fc.record(
  {
    unknownParts: fc.constantFrom('reject' as const, 'skip' as const),
    maxMessages: fc.integer({ min: 0, max: 6 }),
    maxMessageBytes: fc.integer({ min: 0, max: 64 }),
    maxDepth: fc.integer({ min: 0, max: 70 }),
    // Above the length of an id made from a path ("conversation.messages[12]"): a cap below
    // that refuses, on a second pass, the ids the first pass made up (a known corner, left so).
    maxIdLength: fc.integer({ min: 40, max: 300 }),
    path: fc.constantFrom('messages', 'conversation.messages'),
  },
  { requiredKeys: [] },
);

/**
 * vitest's `expect` costs more than the validator; thousands of cases check with node's deep
 * equality and leave the readable diff to `expect`, for the case that fails.
 */
function expectSame(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toStrictEqual(expected);
}

/** Keys on the shared prototypes now; a polluting write would add to them. */
const prototypeKeys = () =>
  [Object.prototype, Array.prototype, Function.prototype].map((prototype) =>
    Object.getOwnPropertyNames(prototype).join(),
  );
const before = prototypeKeys();

function checkNoPollution(): void {
  expectSame(({} as Record<string, unknown>).polluted, undefined);
  expectSame(([] as unknown as Record<string, unknown>).polluted, undefined);
  expectSame(prototypeKeys(), before);
}

/** A failed check, as an error fast-check reports with the input that caused it. */
function check(condition: boolean, what: string, value?: unknown): void {
  if (!condition) throw new Error(value === undefined ? what : `${what}: ${JSON.stringify(value)}`);
}

/** The segments of a problem path: `messages[3].parts[0].state` → messages, 3, parts, 0, state. */
function segments(path: string, root: string): (string | number)[] {
  const rest = path.slice(root.length);
  check(path.startsWith(root) && /^(\[\d+\]|\.[A-Za-z]+)*$/.test(rest), 'a path of fields', path);
  return [...rest.matchAll(/\[(\d+)\]|\.([A-Za-z]+)/g)].map(([, index, key]) =>
    index === undefined ? (key as string) : Number(index),
  );
}

/** Whatever the input, the result is well formed; which one it is, the input decides. */
function checkResult(
  input: unknown,
  opts: ValidateUIMessagesOptions,
  result: UIMessageValidation,
): void {
  if (result.ok) {
    for (const message of result.messages) checkRebuilt(message);
    // What the validator returns is valid as it stands: stored and read back, it is the same.
    expectSame(validateUIMessages(result.messages, opts), result);
    return;
  }
  const { code, path, message } = result.error;
  check(['invalid', 'too_many_messages', 'message_too_large'].includes(code), 'a known code', code);
  check(message.startsWith(`${path}: `), 'the message starts with the path', result.error);
  // The problem text quotes at most 64 characters of the input, so it stays short whatever came
  // in (64 JSON-escaped lone surrogates are 384 characters).
  check(message.length - path.length < 600, 'a short message', message.slice(0, 1000));
  // The path leads into the input: every step but the last one exists (the last may be the
  // missing field the problem is about).
  let at: unknown = input;
  for (const step of segments(path, opts.path ?? 'messages').slice(0, -1)) {
    check(
      typeof at === 'object' && at !== null && Object.hasOwn(at, step),
      'a path into the input',
      path,
    );
    at = (at as Record<string | number, unknown>)[step];
  }
}

/** A rebuilt message: plain objects holding the known fields only. */
function checkRebuilt(message: UIMessage): void {
  const plain = (value: object) => Object.getPrototypeOf(value) === Object.prototype;
  const only = (keys: string[] | undefined, value: object) =>
    keys !== undefined && Object.keys(value).every((key) => keys.includes(key));
  check(plain(message) && only(MESSAGE_KEYS, message), 'a rebuilt message', Object.keys(message));
  check(['user', 'assistant'].includes(message.role), 'a known role', message.role);
  check(Array.isArray(message.parts), 'parts an array');
  for (const part of message.parts) {
    const kind = part.type.startsWith('data-') ? 'data' : part.type;
    check(plain(part) && only(PART_KEYS[kind], part), 'a rebuilt part', Object.keys(part));
  }
}

function validates(input: unknown, opts: ValidateUIMessagesOptions): void {
  const untouched = copy(input);
  // A throw fails the property with the error and the input that caused it.
  const result = validateUIMessages(input, opts);
  checkResult(input, opts, result);
  // The input is read, never written to (compared without recursion: it may be 4,000 deep).
  check(sameTree(input, untouched), 'the input unchanged');
  checkNoPollution();
}

/** Half the cases go through JSON text first, as a request body does. */
const viaJson = (value: unknown, asText: boolean): unknown =>
  asText && value !== undefined ? (JSON.parse(JSON.stringify(value)) as unknown) : value;

// Thousands of cases per test: more than vitest's default 5 s when FUZZ_RUNS asks for more.
describe(`validateUIMessages, fuzzed (seed ${seed})`, { timeout: 120_000 }, () => {
  afterAll(checkNoPollution);

  it('accepts every valid conversation, and what it returns validates to itself', () => {
    fc.assert(
      fc.property(conversation, (messages) => {
        const result = validateUIMessages(messages);
        expect(result.ok).toBe(true);
        checkResult(messages, {}, result);
      }),
      { seed, numRuns: runs(1000) },
    );
  });

  it('answers mutated conversations with a result or a problem that names a path', () => {
    fc.assert(
      fc.property(conversation, mutations, options, fc.boolean(), (messages, list, opts, asText) =>
        validates(viaJson(mutate(messages, list), asText), opts),
      ),
      { seed, numRuns: runs(4000) },
    );
  });

  it('answers any value at all, JSON or not', () => {
    const anything = fc.oneof(
      fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }),
      hostileValue,
    );
    fc.assert(
      fc.property(anything, options, (value, opts) => {
        for (const input of [value, [value], [{ role: 'assistant', parts: [value] }]]) {
          validates(input, opts);
        }
      }),
      { seed, numRuns: runs(1000) },
    );
  });
});
