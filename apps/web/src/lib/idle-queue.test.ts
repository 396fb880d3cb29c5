import { describe, expect, it } from 'vitest';
import { createIdleQueue, type IdleDeadlineLike } from './idle-queue.js';

describe('createIdleQueue', () => {
  it('runs work in idle periods, in order, resuming what did not finish', () => {
    const periods: ((deadline: IdleDeadlineLike) => void)[] = [];
    const queue = createIdleQueue((callback) => void periods.push(callback));
    const log: string[] = [];
    let remaining = 0;
    const idle = (ms: number) => {
      remaining = ms;
      periods.shift()?.({ timeRemaining: () => remaining });
    };
    let steps = 3;
    queue.run(() => {
      while (steps > 0) {
        if (remaining < 10) return false;
        remaining -= 10;
        log.push(`a${steps--}`);
      }
      return true;
    });
    queue.run(() => {
      log.push('b');
      return true;
    });
    expect(log).toEqual([]); // nothing before the browser is idle
    idle(25);
    expect(log).toEqual(['a3', 'a2']);
    idle(50);
    expect([log, periods.length]).toEqual([['a3', 'a2', 'a1', 'b'], 0]);
  });
});
