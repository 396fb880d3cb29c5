export interface TimeSlicing {
  /** How long the consumer may work before the browser gets to paint. */
  sliceMs: number;
  /** Resolves once the browser has painted. */
  yieldToPaint: () => Promise<void>;
  now?: () => number;
}

/**
 * Passes `source` on, pausing for a paint whenever the time since the last pause (the source's
 * work and the consumer's together) passed `sliceMs`: chunks that arrived in a burst would
 * otherwise be folded and rendered in one long task. At most one slice per frame, the rest
 * after the paint.
 *
 * Once `signal` aborted during a pause it ends without asking the source for more: a read of
 * an aborted body would be started and dropped, an unhandled rejection. Ending returns the
 * source, which cancels its body.
 */
export async function* timeSliced<T>(
  source: AsyncIterable<T>,
  slicing: TimeSlicing,
  signal: AbortSignal,
): AsyncGenerator<T, void, undefined> {
  const now = slicing.now ?? (() => performance.now());
  let sliceStart = now();
  for await (const item of source) {
    yield item;
    if (now() - sliceStart > slicing.sliceMs) {
      await slicing.yieldToPaint();
      sliceStart = now();
      if (signal.aborted) return;
    }
  }
}
