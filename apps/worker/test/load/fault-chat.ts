// One chat of a fault run through the worker, and the one outcome the worker promises for its
// fault (README "Errors before and after the stream starts"): an upstream that fails before
// the stream is an HTTP error with a JSON code; one that fails after is the partial answer,
// then an `error` chunk, then `finish`. Checked whole: the chunk sequence and the exact text,
// so a lost or doubled delta, or a neighbour's, fails the chat.
import { readUIMessageStream, type UIMessageChunk } from '@edgechat/core';
import { joinDeltas } from '@edgechat/core/testing';
import { faultPrompt, faultTextSent, type FaultKind } from '@edgechat/test-support/mock-openai';

const TOO_LONG = 'error:The model service took too long to answer. Please try again.';
const CUT_OFF = 'error:The answer was cut off before it finished. Please try again.';
const UNREADABLE = 'error:The model service sent a response that could not be read.';
const BUSY = 'error:The model service is busy (rate limited). Please wait a moment and try again.';
const DOWN = 'error:The model service is unavailable right now. Please try again later.';

/** A failure after some text: the text, then the error between `text-end` and `finish-step`. */
const partial = (error: string) => [
  'start',
  'start-step',
  'text-start',
  'text',
  'text-end',
  error,
  'finish-step',
  'finish:error',
];

/** One way a chat may end: its HTTP status, its chunks (or JSON code) in short, and a name. */
export interface Ending {
  status: number;
  expect: string[];
  /** How the outcome is counted, e.g. `HTTP 429` or `error chunk`. */
  as: string;
}

/**
 * What the worker answers for each fault. An upstream status that comes within STATUS_WAIT_MS
 * is the response's status; one that comes later (a busy machine) finds the stream already
 * committed and becomes an `error` chunk (upstream-status.ts): both are the promise, each
 * exact, and counted apart.
 */
export const ENDINGS: Readonly<Record<FaultKind, readonly Ending[]>> = {
  healthy: [
    {
      status: 200,
      as: 'finish',
      expect: [
        'start',
        'start-step',
        'text-start',
        'text',
        'text-end',
        'finish-step',
        'finish:stop',
      ],
    },
  ],
  cut: [{ status: 200, as: 'error chunk', expect: partial(CUT_OFF) }],
  garbage: [{ status: 200, as: 'error chunk', expect: partial(UNREADABLE) }],
  'hang-headers': [{ status: 200, as: 'error chunk', expect: ['start', TOO_LONG, 'finish:error'] }],
  'hang-first-byte': [
    {
      status: 200,
      as: 'error chunk',
      expect: ['start', 'start-step', TOO_LONG, 'finish-step', 'finish:error'],
    },
  ],
  'http-429': [
    { status: 429, as: 'HTTP 429', expect: ['code:upstream_rate_limited', 'retry-after:7'] },
    {
      status: 200,
      as: 'error chunk (status after the wait)',
      expect: ['start', BUSY, 'finish:error'],
    },
  ],
  'http-500': [
    { status: 502, as: 'HTTP 502', expect: ['code:upstream_error', 'retry-after:null'] },
    {
      status: 200,
      as: 'error chunk (status after the wait)',
      expect: ['start', DOWN, 'finish:error'],
    },
  ],
  // The client drops it after the first text: what it saw until then.
  abort: [
    {
      status: 200,
      as: 'dropped by the client',
      expect: ['start', 'start-step', 'text-start', 'text'],
    },
  ],
};

export interface ChatResult {
  kind: FaultKind;
  n: number;
  ok: boolean;
  /** `<kind> → <ending>`, or `<kind> → FAILED` */
  outcome: string;
  /** ms from the request to the first body byte; NaN when none came. */
  firstByte: number;
  /** ms from the request to the end (or the abort). */
  total: number;
  problem?: string;
}

/** The chunks in short: `text` for the (joined) text deltas, errors and finishes with their reason. */
function shorten(chunks: UIMessageChunk[]): string[] {
  return joinDeltas(chunks).map((chunk) => {
    if (chunk.type === 'text-delta') return 'text';
    if (chunk.type === 'error') return `error:${chunk.errorText}`;
    if (chunk.type === 'finish') return `finish:${chunk.finishReason ?? ''}`;
    return chunk.type;
  });
}

const textOf = (chunks: UIMessageChunk[]) =>
  chunks.flatMap((chunk) => (chunk.type === 'text-delta' ? [chunk.delta] : [])).join('');

/** The IPv4 address of client `i`: the worker limits per client, so each chat says who it is. */
export const clientIp = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

/** Chat `n` with `kind`, from client `ip`, through the worker at `baseUrl`. Never throws. */
export async function runFaultChat(
  baseUrl: string,
  kind: FaultKind,
  n: number,
  ip: string,
): Promise<ChatResult> {
  const started = performance.now();
  let firstByte = NaN;
  const client = new AbortController();
  const result = (seen: string[], text: string, status: number): ChatResult => {
    const sent = faultTextSent(kind, n);
    // An aborted chat saw some prefix of the answer: at least one delta, nothing that was not sent.
    const textOk = kind === 'abort' ? text.length > 0 && sent.startsWith(text) : text === sent;
    const ending = ENDINGS[kind].find(
      (candidate) => candidate.status === status && candidate.expect.join('|') === seen.join('|'),
    );
    const total = performance.now() - started;
    if (ending !== undefined && textOk)
      return { kind, n, ok: true, outcome: `${kind} → ${ending.as}`, firstByte, total };
    const problem = `HTTP ${status} ${seen.join('|')} text=${JSON.stringify(text)}`;
    return { kind, n, ok: false, outcome: `${kind} → FAILED`, firstByte, total, problem };
  };
  try {
    const response = await fetch(`${baseUrl}/api/chat`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // The web app's chunk set: `finish` carries its reason.
        'x-edgechat-chunk-set': '6',
        'cf-connecting-ip': ip,
      },
      body: JSON.stringify({ messages: [{ role: 'user', content: faultPrompt(kind, n) }] }),
      signal: client.signal,
    });
    const timed = (response.body as ReadableStream<Uint8Array>).pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          if (Number.isNaN(firstByte)) firstByte = performance.now() - started;
          controller.enqueue(chunk);
        },
      }),
    );
    if (response.status !== 200) {
      const text = await new Response(timed).text();
      let code = `body:${text.slice(0, 120)}`;
      try {
        code = `code:${(JSON.parse(text) as { error: { code: string } }).error.code}`;
      } catch {
        // not JSON: the body itself is the problem shown
      }
      return result(
        [code, `retry-after:${response.headers.get('retry-after')}`],
        '',
        response.status,
      );
    }
    const chunks: UIMessageChunk[] = [];
    for await (const chunk of readUIMessageStream(timed)) {
      chunks.push(chunk);
      if (kind === 'abort' && chunk.type === 'text-delta') {
        client.abort();
        break;
      }
    }
    return result(shorten(chunks), textOf(chunks), response.status);
  } catch (error) {
    return {
      kind,
      n,
      ok: false,
      outcome: `${kind} → FAILED`,
      firstByte,
      total: performance.now() - started,
      problem: String(error),
    };
  }
}
