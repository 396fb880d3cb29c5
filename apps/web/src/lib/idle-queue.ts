/** What `requestIdleCallback` passes: time left in this idle period. */
export interface IdleDeadlineLike {
  timeRemaining(): number;
}

/** Work done in idle time; returns whether it finished (false: more in the next idle period). */
export type IdleWork = (deadline: IdleDeadlineLike) => boolean;

export interface IdleQueue {
  run(work: IdleWork): void;
}

export type RequestIdle = (callback: (deadline: IdleDeadlineLike) => void) => void;

/**
 * `requestIdleCallback`; where it is missing (Safari), a timer that offers the same 50 ms an
 * idle period may last at most (HTML: "deadline … 50ms in the future").
 */
export const requestIdle: RequestIdle = (callback) => {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(callback);
    return;
  }
  setTimeout(() => {
    const start = performance.now();
    callback({ timeRemaining: () => Math.max(0, 50 - (performance.now() - start)) });
  }, 50);
};

/**
 * Work that may wait — highlighting code — runs only when the browser is idle, so it never
 * makes a frame late; during a fast stream it waits, and catches up when the answer ends.
 */
export function createIdleQueue(request: RequestIdle = requestIdle): IdleQueue {
  const queue: IdleWork[] = [];
  let requested = false;

  function onIdle(deadline: IdleDeadlineLike): void {
    requested = false;
    while (queue.length > 0 && deadline.timeRemaining() > 0) {
      if (!(queue[0] as IdleWork)(deadline)) break;
      queue.shift();
    }
    if (queue.length > 0) ask();
  }

  function ask(): void {
    if (requested) return;
    requested = true;
    request(onIdle);
  }

  return {
    run(work) {
      if (!queue.includes(work)) queue.push(work);
      ask();
    },
  };
}

/** The page's queue for idle work. */
export const idleQueue: IdleQueue = createIdleQueue();
