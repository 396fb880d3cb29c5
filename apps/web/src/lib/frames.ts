/** Runs a callback once, later (before the next paint in the browser). */
export type FrameScheduler = (callback: () => void) => void;

/**
 * The next animation frame. A hidden tab gets no frames, so there a timer stands in: the state
 * of a chat streaming in the background still lands (and is saved).
 */
export const nextFrame: FrameScheduler = (callback) => {
  if (document.visibilityState === 'hidden') setTimeout(callback, 250);
  else requestAnimationFrame(callback);
};

/**
 * Resolves after the next frame has been painted (a task queued from the frame's callback),
 * so work split with it gives at most one slice per frame.
 */
export function afterNextPaint(schedule: FrameScheduler = nextFrame): Promise<void> {
  return new Promise((resolve) => schedule(() => setTimeout(resolve, 0)));
}

/**
 * Coalesces many `request()`s into one `run` per frame: state is published per animation
 * frame, not per token, so a fast stream costs one render per frame however many tokens came.
 */
export function createFrameBatcher(run: () => void, schedule: FrameScheduler = nextFrame) {
  let pending = false;
  let generation = 0;
  return {
    request(): void {
      if (pending) return;
      pending = true;
      const mine = generation;
      schedule(() => {
        if (!pending || mine !== generation) return;
        pending = false;
        run();
      });
    },
    /** Runs now if a run is pending (end of stream: the last state must not wait for a frame). */
    flush(): void {
      if (!pending) return;
      pending = false;
      generation++;
      run();
    },
    cancel(): void {
      pending = false;
      generation++;
    },
  };
}

/** Runs `callback` when the browser is idle (or after `timeoutMs` at the latest). */
export function whenIdle(callback: () => void, timeoutMs = 2000): void {
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(callback, { timeout: timeoutMs });
  else setTimeout(callback, 200);
}
