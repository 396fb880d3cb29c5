import { nextFrame, type FrameScheduler } from './frames.js';

/** A piece of work that stops at `deadline` (a `now()` value); returns whether it finished. */
export type BudgetedWork = (deadline: number) => boolean;

export interface FrameBudget {
  /** Runs `work` now, as far as this frame's budget allows; the rest in later frames. */
  run(work: BudgetedWork): void;
  /** Runs `work` from the next frame on (work triggered outside a frame, e.g. by a load). */
  later(work: BudgetedWork): void;
}

export interface FrameBudgetOptions {
  /** Time per frame shared by all the work. */
  budgetMs: number;
  /** How long a frame is taken to last when work arrives between ticks. Default 16 ms. */
  frameMs?: number;
  schedule?: FrameScheduler;
  now?: () => number;
}

/**
 * One rendering budget per animation frame, shared by every caller (every markdown view on
 * the page), so that a conversation of many long messages — or a burst of tokens — is
 * rendered over several frames instead of in one long one. Work runs in arrival order.
 */
export function createFrameBudget(options: FrameBudgetOptions): FrameBudget {
  const { budgetMs } = options;
  const frameMs = options.frameMs ?? 16;
  const schedule = options.schedule ?? nextFrame;
  const now = options.now ?? (() => performance.now());
  const queue: BudgetedWork[] = [];
  let windowStart = -Infinity;
  let used = 0;
  let ticking = false;

  function drain(): void {
    const start = now();
    if (start - windowStart >= frameMs) {
      windowStart = start;
      used = 0;
    }
    const deadline = start + budgetMs - used;
    while (queue.length > 0 && now() < deadline) {
      const work = queue[0] as BudgetedWork;
      if (!work(deadline)) break;
      queue.shift();
    }
    used += now() - start;
    if (queue.length > 0) tick();
  }

  function tick(): void {
    if (ticking) return;
    ticking = true;
    schedule(() => {
      ticking = false;
      windowStart = -Infinity; // a new frame: a full budget
      drain();
    });
  }

  return {
    run(work) {
      if (!queue.includes(work)) queue.push(work);
      drain();
    },
    later(work) {
      if (!queue.includes(work)) queue.push(work);
      tick();
    },
  };
}

/** The page's budget for rendering markdown: 4 ms a frame leaves room for layout and paint. */
export const markdownBudget: FrameBudget = createFrameBudget({ budgetMs: 4 });
