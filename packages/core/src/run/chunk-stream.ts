import type { UIMessageChunk } from '../ui-stream/types.js';

const QUEUED_CHUNKS = 16;

/** How the run loop writes to the stream it returns. */
export interface ChunkWriter {
  /** Fires when the caller's signal fires or the consumer cancels the stream. */
  readonly signal: AbortSignal;
  /** Enqueues a chunk; a no-op once the consumer has cancelled or the stream is closed. */
  write(chunk: UIMessageChunk): void;
  /**
   * `undefined` while the consumer keeps up (the common case: no promise, no extra hop); else
   * a promise that settles when it wants more, or on abort.
   */
  ready(): Promise<void> | undefined;
  /** Closes the stream (a no-op if the consumer has cancelled it). */
  close(): void;
}

/**
 * A `ReadableStream` of UI chunks fed by `produce`, which starts at once (so what it writes
 * first goes out before any model answers) and must not reject.
 *
 * Backpressure without a hop per chunk: `produce` pushes, and waits on `ready()` only while
 * the queue is full. Cancelling the stream aborts `signal` with the cancel reason, as the
 * caller's `signal` does, so a client that goes away stops the model and the tools.
 */
export function createChunkStream(
  callerSignal: AbortSignal | undefined,
  produce: (writer: ChunkWriter) => Promise<void>,
): ReadableStream<UIMessageChunk> {
  const abortController = new AbortController();
  const signal = abortController.signal;
  let controller!: ReadableStreamDefaultController<UIMessageChunk>;
  let open = true;
  let wake: (() => void) | undefined;

  const wakeUp = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const onCallerAbort = (): void => abortController.abort(callerSignal?.reason);
  signal.addEventListener('abort', wakeUp, { once: true });

  const writer: ChunkWriter = {
    signal,
    write(chunk) {
      if (open) controller.enqueue(chunk);
    },
    ready() {
      if (!open || signal.aborted || (controller.desiredSize ?? 0) > 0) return undefined;
      return new Promise<void>((resolve) => (wake = resolve));
    },
    close() {
      callerSignal?.removeEventListener('abort', onCallerAbort);
      if (!open) return;
      open = false;
      controller.close();
    },
  };

  return new ReadableStream<UIMessageChunk>(
    {
      start(streamController) {
        controller = streamController;
        if (callerSignal?.aborted) onCallerAbort();
        else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
        // Not awaited: start() must return so the first chunks can be read while the model
        // is still thinking.
        void produce(writer);
      },
      pull: wakeUp,
      cancel(reason) {
        open = false;
        callerSignal?.removeEventListener('abort', onCallerAbort);
        abortController.abort(reason);
      },
    },
    // Room for the chunks of a few events, so a consumer that is merely busy for a moment
    // does not make the producer wait (a hop) after every chunk.
    { highWaterMark: QUEUED_CHUNKS },
  );
}
