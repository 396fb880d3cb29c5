import { describe, expect, it } from 'vitest';
import { ChunkLog } from './chunk-log.js';

const logOf = (count: number, keep: number) => {
  const log = new ChunkLog<number>(keep);
  for (let i = 1; i <= count; i++) log.push(i);
  return log.view();
};

describe('ChunkLog', () => {
  it.each([
    [0, { head: [], omitted: 0, tail: [] }],
    [2, { head: [1, 2], omitted: 0, tail: [] }],
    [5, { head: [1, 2, 3], omitted: 0, tail: [4, 5] }],
    [6, { head: [1, 2, 3], omitted: 0, tail: [4, 5, 6] }],
    [11, { head: [1, 2, 3], omitted: 5, tail: [9, 10, 11] }],
  ])('%i items, keeping 3 + 3', (count, view) => {
    expect(logOf(count, 3)).toEqual(view);
  });
});
