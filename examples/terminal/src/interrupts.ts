export type InterruptAction = 'abort' | 'hint' | 'exit';

export interface InterruptPolicy {
  /** What one Ctrl-C does, given whether an answer is streaming. */
  interrupt(busy: boolean): InterruptAction;
  /** A line was entered: the next Ctrl-C starts over. */
  reset(): void;
}

/**
 * Ctrl-C as in the Node REPL: while an answer streams it stops the answer; when idle the first
 * one prints a hint and the second exits. "Second" means no line was entered in between — so
 * Ctrl-C to stop an answer, then Ctrl-C again, exits — or, while busy, within `windowMs` of the
 * previous one (twice quickly exits even if the answer has not stopped yet).
 */
export function createInterruptPolicy(
  options: { now?: () => number; windowMs?: number } = {},
): InterruptPolicy {
  const now = options.now ?? Date.now;
  const windowMs = options.windowMs ?? 1000;
  let last: number | undefined;
  return {
    interrupt(busy) {
      const at = now();
      const previous = last;
      last = at;
      if (busy) return previous !== undefined && at - previous <= windowMs ? 'exit' : 'abort';
      return previous === undefined ? 'hint' : 'exit';
    },
    reset() {
      last = undefined;
    },
  };
}
