export interface PacedStreamOptions {
  /** Wait before each piece but the first. */
  delayMs: number;
  signal?: AbortSignal;
}

/**
 * Re-releases `source`'s pieces one per read, `delayMs` apart, like a network body arriving.
 * Pieces are pulled on demand (`highWaterMark: 0`), so pacing starts when reading does and a
 * slow reader is not flooded. Aborting `signal` errors the stream with the signal's reason, as
 * `fetch` does to a body mid-read, and cancels `source`; so does `cancel()`.
 */
export function pacedStream(
  source: ReadableStream<Uint8Array>,
  options: PacedStreamOptions,
): ReadableStream<Uint8Array> {
  const { delayMs, signal } = options;
  const reader = source.getReader();
  let first = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  let onAbort: (() => void) | undefined;
  let stopped = false;

  const stop = (reason?: unknown): void => {
    if (stopped) return;
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    wake?.();
    wake = undefined;
    if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
    onAbort = undefined;
    reader.cancel(reason).catch(() => {}); // nothing to report: the reader is being let go
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (signal === undefined) return;
        onAbort = () => {
          controller.error(signal.reason);
          stop(signal.reason);
        };
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      },
      async pull(controller) {
        if (!first && delayMs > 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, delayMs);
          });
          timer = undefined;
          wake = undefined;
          if (stopped) return; // aborted (the stream is errored) or cancelled meanwhile
        }
        first = false;
        const { done, value } = await reader.read();
        if (stopped) return;
        if (done) {
          stop();
          controller.close();
        } else controller.enqueue(value);
      },
      cancel(reason) {
        stop(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
