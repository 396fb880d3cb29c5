import { isEdgechatError } from '../base/errors.js';
import { cutAt } from './encode-chat-completion-stream.js';
import { streamChatCompletion, type StreamChatCompletionOptions } from './stream.js';
import type { ChatCompletionResult, ChatCompletionSource, ChatStreamEvent } from './types.js';

/** Everything a consumer of `streamChatCompletion` observes. */
export interface StreamOutcome {
  /** Each event as it was when yielded (partialInput is live, so it is copied on arrival). */
  events: ChatStreamEvent[];
  /** The generator's return value, when it finished. */
  result?: ChatCompletionResult;
  /** What it threw, summarised: `{ code, message, partial? }` for an EdgechatError. */
  error?: unknown;
}

export async function runStream(
  source: ChatCompletionSource,
  options?: StreamChatCompletionOptions,
): Promise<StreamOutcome> {
  const events: ChatStreamEvent[] = [];
  const generator = streamChatCompletion(source, options);
  try {
    for (;;) {
      const step = await generator.next();
      if (step.done === true) return { events, result: step.value };
      events.push(structuredClone(step.value));
    }
  } catch (error) {
    return { events, error: summarizeError(error) };
  }
}

export function summarizeError(error: unknown): unknown {
  if (!isEdgechatError(error)) return error;
  const summary: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.status !== undefined) summary.status = error.status;
  if (error.partial !== undefined) summary.partial = error.partial;
  return summary;
}

/**
 * Joins consecutive deltas of the same kind, choice and call, so sequences can be compared
 * however the upstream happened to split its tokens. A joined tool-call-delta keeps the last
 * partialInput.
 */
export function joinDeltas(events: readonly ChatStreamEvent[]): ChatStreamEvent[] {
  const joined: ChatStreamEvent[] = [];
  for (const event of events) {
    const previous = joined.at(-1);
    if (
      previous !== undefined &&
      (event.type === 'text-delta' ||
        event.type === 'refusal-delta' ||
        event.type === 'reasoning-delta') &&
      previous.type === event.type &&
      previous.choice === event.choice
    ) {
      joined[joined.length - 1] = { ...previous, delta: previous.delta + event.delta };
    } else if (
      previous !== undefined &&
      event.type === 'tool-call-delta' &&
      previous.type === 'tool-call-delta' &&
      previous.choice === event.choice &&
      previous.index === event.index
    ) {
      joined[joined.length - 1] = {
        ...previous,
        argumentsDelta: previous.argumentsDelta + event.argumentsDelta,
        partialInput: event.partialInput,
      };
    } else {
      joined.push(event);
    }
  }
  return joined;
}

/** The joined outcome: what the fixture files record. */
export async function runJoined(
  source: ChatCompletionSource,
  options?: StreamChatCompletionOptions,
): Promise<StreamOutcome> {
  const outcome = await runStream(source, options);
  return { ...outcome, events: joinDeltas(outcome.events) };
}

/** A stream of `bytes` cut at `offsets` (any order; out-of-range offsets are wrapped). */
export function bytesStream(
  bytes: Uint8Array,
  offsets: readonly number[] = [],
): ReadableStream<Uint8Array> {
  const pieces = cutAt(
    bytes,
    offsets.map((offset) => offset % (bytes.length + 1)),
  );
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[next++];
      if (piece === undefined) controller.close();
      else controller.enqueue(piece);
    },
  });
}

export interface SourceLog {
  /** How many pieces the consumer pulled. */
  pulls: number;
  /** Reasons `cancel()` was called with, in order. */
  cancels: unknown[];
}

/**
 * A byte source that records pulls and cancels. After its pieces it either closes, hangs
 * forever (`then: 'hang'`, a server that stops sending), or errors (`then: Error`).
 */
export function recordingSource(
  pieces: readonly (string | Uint8Array)[],
  options: { then?: 'close' | 'hang' | Error; cancel?: () => unknown } = {},
): { stream: ReadableStream<Uint8Array>; log: SourceLog } {
  const log: SourceLog = { pulls: 0, cancels: [] };
  const encoder = new TextEncoder();
  let next = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const piece = pieces[next++];
        log.pulls++;
        if (piece !== undefined) {
          controller.enqueue(typeof piece === 'string' ? encoder.encode(piece) : piece);
          return;
        }
        const then = options.then ?? 'close';
        if (then === 'close') controller.close();
        else if (then === 'hang') return new Promise<void>(() => {});
        else controller.error(then);
        return undefined;
      },
      cancel(reason) {
        log.cancels.push(reason);
        return options.cancel?.() as Promise<void> | undefined;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, log };
}
