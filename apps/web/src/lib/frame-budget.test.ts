import { describe, expect, it } from 'vitest';
import { createFrameBudget, type BudgetedWork } from './frame-budget.js';

function setup(budgetMs = 10) {
  let clock = 0;
  const frames: (() => void)[] = [];
  const budget = createFrameBudget({
    budgetMs,
    now: () => clock,
    schedule: (callback) => void frames.push(callback),
  });
  /** Work of `steps` units, each `cost` ms; records the frame each unit ran in. */
  const work = (
    name: string,
    steps: number,
    cost: number,
    log: string[],
    frame: () => number,
  ): BudgetedWork => {
    let done = 0;
    return (deadline) => {
      while (done < steps) {
        clock += cost;
        log.push(`${name}${done}@${frame()}`);
        done++;
        if (clock >= deadline && done < steps) return false;
      }
      return true;
    };
  };
  return {
    budget,
    work,
    frames,
    nextFrame: () => {
      clock += 16;
      frames.shift()?.();
    },
  };
}

describe('createFrameBudget', () => {
  it('spreads work over frames, in arrival order, sharing one budget', () => {
    const { budget, work, frames, nextFrame } = setup(10);
    const log: string[] = [];
    let frame = 0;
    budget.run(work('a', 5, 4, log, () => frame));
    budget.run(work('b', 2, 4, log, () => frame));
    while (frames.length > 0) {
      frame++;
      nextFrame();
    }
    // 4 ms units, 10 ms a frame: a unit that starts before the deadline finishes.
    expect(log).toEqual(['a0@0', 'a1@0', 'a2@0', 'a3@1', 'a4@1', 'b0@1', 'b1@2']);
  });

  it('later() waits for the next frame', () => {
    const { budget, frames, nextFrame } = setup(10);
    let ran = 0;
    budget.later(() => {
      ran++;
      return true;
    });
    expect([ran, frames.length]).toEqual([0, 1]);
    nextFrame();
    expect(ran).toBe(1);
  });

  it('work that finishes within the budget runs at once, with no frame requested', () => {
    const { budget, frames } = setup(10);
    let ran = 0;
    budget.run(() => {
      ran++;
      return true;
    });
    expect([ran, frames.length]).toEqual([1, 0]);
  });
});
