import { describe, expect, it } from 'vitest';
import { timeSliced } from './time-sliced.js';

/** A source that records what was asked of it. */
function recordingSource(items: number[], log: string[]): AsyncIterable<number> {
  return {
    [Symbol.asyncIterator]() {
      let index = 0;
      return {
        next() {
          log.push('next');
          const value = items[index++];
          return Promise.resolve(
            value === undefined ? { done: true, value: undefined } : { done: false, value },
          );
        },
        return() {
          log.push('return');
          return Promise.resolve({ done: true, value: undefined });
        },
      };
    },
  };
}

describe('timeSliced', () => {
  it('pauses for a paint once the slice is used up, and starts a new slice after it', async () => {
    const log: string[] = [];
    let clock = 0;
    const slicing = {
      sliceMs: 4,
      now: () => clock,
      yieldToPaint: () => {
        log.push('paint');
        return Promise.resolve();
      },
    };
    const signal = new AbortController().signal;
    for await (const item of timeSliced(recordingSource([3, 2, 1, 5], log), slicing, signal)) {
      log.push(`item ${item}`);
      clock += item; // the consumer's work takes `item` ms
    }
    expect(log).toEqual([
      'next',
      'item 3', // 3 ms: within the slice
      'next',
      'item 2', // 5 ms
      'paint',
      'next',
      'item 1', // 1 ms of a new slice
      'next',
      'item 5', // 6 ms
      'paint',
      'next',
    ]);
  });

  it('stopped during a pause: ends without asking the source for more, and returns it', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    let clock = 0;
    const slicing = {
      sliceMs: 0,
      now: () => clock++,
      yieldToPaint: () => {
        controller.abort();
        return Promise.resolve();
      },
    };
    const seen: number[] = [];
    for await (const item of timeSliced(
      recordingSource([1, 2, 3], log),
      slicing,
      controller.signal,
    ))
      seen.push(item);
    expect({ seen, log }).toEqual({ seen: [1], log: ['next', 'return'] });
  });
});
