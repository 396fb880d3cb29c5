import { readChunkBatches } from './read-chunk-batches.js';
import { endByFailure } from './stream-end.js';
import type { StreamEnd } from './stream-end.js';
import type { ChatCompletionChunk, ChatCompletionSource } from './types.js';

/**
 * `readChunkBatches` as a callback loop: hands each network read's chunks to `onBatch`
 * (awaiting what it returns, so a consumer's backpressure reaches the body) and reports how
 * the body ended. A failed read ends it like a body that simply stops (`endByFailure`); every
 * other error — abort included — is thrown. Leaving early (`onBatch` threw) cancels the body.
 *
 * The consumers that need no generator (collect, the run loop) share this one loop; the
 * generator `streamChatCompletion` has its own, since it must yield between events, and both
 * take their steps with `nextBatch`.
 */
export async function forEachChunkBatch(
  source: ChatCompletionSource,
  signal: AbortSignal | undefined,
  onBatch: (chunks: ChatCompletionChunk[]) => Promise<void> | void,
  maxEventBytes?: number,
): Promise<StreamEnd> {
  const batches = readChunkBatches(source, signal, maxEventBytes);
  let finished = false;
  try {
    for (;;) {
      const step = await nextBatch(batches);
      if (step.end !== undefined) {
        finished = true;
        return step.end;
      }
      const wait = onBatch(step.chunks);
      if (wait !== undefined) await wait;
    }
  } finally {
    if (!finished) await batches.return(false);
  }
}

/** One read's chunks, or how the body ended. */
export type BatchStep =
  { chunks: ChatCompletionChunk[]; end?: undefined } | { chunks?: undefined; end: StreamEnd };

/**
 * The next step of `readChunkBatches`: its chunks, or how the body ended — at `[DONE]`, by
 * simply ending, or by a failed read (`endByFailure`); any other error is thrown. The one step
 * both loops over the batches take (this callback loop and the generator `streamChatCompletion`).
 */
export async function nextBatch(
  batches: AsyncGenerator<ChatCompletionChunk[], boolean, undefined>,
): Promise<BatchStep> {
  let step: IteratorResult<ChatCompletionChunk[], boolean>;
  try {
    step = await batches.next();
  } catch (error) {
    return { end: endByFailure(error) };
  }
  return step.done === true ? { end: { sawDone: step.value } } : { chunks: step.value };
}
