// A seeded mix of upstream faults for load and soak runs. Each chat names its fault and its own
// number in the prompt (`scenario: fault <kind> <n>`), so the worker under test needs no hook,
// any number of chats run at once, and each answer's text is its own: a test can tell a lost
// or doubled delta from a neighbour's.
import { openAIChunk } from '../fixtures/openai-chunks.js';
import { textAnswer, textAnswerStart } from './actions.js';
import type { MockRequest, MockStep } from './types.js';

export const FAULT_KINDS = [
  /** The whole answer. */
  'healthy',
  /** A few deltas, half a frame, then the socket destroyed. */
  'cut',
  /** HTTP 429 with `retry-after: 7`. */
  'http-429',
  /** HTTP 500. */
  'http-500',
  /** The request is accepted and never answered: no status, no headers. */
  'hang-headers',
  /** A 200 and headers, then not a byte. */
  'hang-first-byte',
  /** A few deltas, stray non-frame lines (ignored by SSE), then a `data:` line that is not JSON. */
  'garbage',
  /** A slow whole answer (a delta a second), for a client that drops the request mid-answer. */
  'abort',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** The prompt that makes the mock answer chat `n` with `kind`. */
export function faultPrompt(kind: FaultKind, n: number): string {
  return `scenario: fault ${kind} ${n}`;
}

/** Chat `n`'s answer, delta by delta: every delta names the chat and its place. */
export function faultDeltas(n: number): string[] {
  return Array.from({ length: 6 }, (_, i) => `c${n}.${i} `);
}

/** How many deltas the faults that stop mid-answer (cut, garbage) send first. */
export const DELTAS_BEFORE_FAULT = 3;

/** The text chat `n` with `kind` sends before it fails: all of it for `healthy` and `abort`. */
export function faultTextSent(kind: FaultKind, n: number): string {
  const deltas = faultDeltas(n);
  if (kind === 'healthy' || kind === 'abort') return deltas.join('');
  if (kind === 'cut' || kind === 'garbage') return deltas.slice(0, DELTAS_BEFORE_FAULT).join('');
  return '';
}

/** Lines an SSE reader must skip: a comment, a field with no data, a line of junk. */
const STRAY = ': keep-alive\n\nevent: junk\nretry: soon\n\n\u0001\u00ffjunk line\n\n';

export function faultStep(kind: FaultKind, n: number): MockStep {
  const id = `chatcmpl-fault-${n}`;
  const deltas = faultDeltas(n);
  const before = deltas.slice(0, DELTAS_BEFORE_FAULT);
  switch (kind) {
    case 'healthy':
      return { actions: textAnswer(id, deltas) };
    case 'cut':
      return {
        actions: [
          ...textAnswerStart(id, before),
          // Pauses let the bytes arrive first: a reset socket may drop bytes still unread.
          { sleep: 50 },
          { raw: `data: {"id":"${id}","obj` },
          { sleep: 50 },
          { destroy: true },
        ],
      };
    case 'http-429':
      return {
        status: 429,
        headers: { 'retry-after': '7' },
        body: {
          error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' },
        },
      };
    case 'http-500':
      return {
        status: 500,
        body: { error: { message: 'The server had an error', type: 'server_error' } },
      };
    case 'hang-headers':
      return { hangBeforeHeaders: true };
    case 'hang-first-byte':
      return { actions: [{ hang: true }] };
    case 'garbage':
      return {
        actions: [
          ...textAnswerStart(id, before),
          { raw: STRAY },
          { frame: openAIChunk(id, { content: '' }) },
          { raw: 'data: {"id":"not json\n\n' },
          // Whatever a reader makes of the rest, it must not be shown: the stream is broken.
          { frame: openAIChunk(id, { content: 'AFTER-GARBAGE' }) },
          { frame: '[DONE]' },
        ],
      };
    case 'abort':
      // About 5 s in all: long enough that the client drops it mid-answer even on a busy
      // machine, short enough that a worker that failed to pass the abort on still finishes.
      return { actions: textAnswer(id, deltas, { between: () => [{ sleep: 1000 }] }) };
  }
}

/**
 * The `fault` scenario: `request.scenario` is `fault <kind> <n>`. A prompt that names no known
 * kind is the test's bug, and gets a 400 that says so.
 */
export function faultScenario(request: MockRequest): MockStep {
  const match = /^fault\s+(\S+)\s+(\d{1,9})$/.exec(request.scenario ?? '');
  const kind = FAULT_KINDS.find((known) => known === match?.[1]);
  if (match === null || kind === undefined) {
    const message = `mock: a fault prompt is "${faultPrompt('healthy', 1)}", the kind one of ${FAULT_KINDS.join(', ')}`;
    return { status: 400, body: { error: { message, type: 'invalid_request_error' } } };
  }
  return faultStep(kind, Number(match[2]));
}

/** A small seeded PRNG (mulberry32): the same seed gives the same mix on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Relative weights: mostly healthy chats, every fault often enough to be seen in one round. */
export const DEFAULT_FAULT_WEIGHTS: Readonly<Record<FaultKind, number>> = {
  healthy: 9,
  cut: 1,
  'http-429': 1,
  'http-500': 1,
  'hang-headers': 1,
  'hang-first-byte': 1,
  garbage: 1,
  abort: 1,
};

/** `count` kinds drawn from `random` by `weights`. */
export function drawFaults(
  random: () => number,
  count: number,
  weights: Readonly<Record<FaultKind, number>> = DEFAULT_FAULT_WEIGHTS,
): FaultKind[] {
  const total = FAULT_KINDS.reduce((sum, kind) => sum + weights[kind], 0);
  if (!(total > 0)) throw new Error('drawFaults: the weights must add up to more than 0');
  return Array.from({ length: count }, () => {
    let left = random() * total;
    for (const kind of FAULT_KINDS) {
      left -= weights[kind];
      if (left < 0) return kind;
    }
    return 'healthy';
  });
}
