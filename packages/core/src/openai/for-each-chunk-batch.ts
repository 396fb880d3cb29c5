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
 * generator `streamChatCompletion` has its own, since it must yield between events.
 */
export async function forEachChunkBatch(
  source: ChatCompletionSource,
  signal: AbortSignal | undefined,
  onBatch: (chunks: ChatCompletionChunk[]) => Promise<void> | void,
): Promise<StreamEnd> {
  const batches = readChunkBatches(source, signal);
  let finished = false;
  try {
    for (;;) {
      let step: IteratorResult<ChatCompletionChunk[], boolean>;
      try {
        step = await batches.next();
      } catch (error) {
        finished = true;
        return endByFailure(error);
      }
      if (step.done === true) {
        finished = true;
        return { sawDone: step.value };
      }
      const wait = onBatch(step.value);
      if (wait !== undefined) await wait;
    }
  } finally {
    if (!finished) await batches.return(false);
  }
}
