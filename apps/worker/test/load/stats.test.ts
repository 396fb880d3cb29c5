import { describe, expect, it } from 'vitest';
import { countBy, percentile, sparkline } from './stats.js';

describe('percentile', () => {
  it('nearest rank, NaN left out; no values is NaN', () => {
    const values = [5, 1, NaN, 3, 2, 4];
    expect([percentile(values, 50), percentile(values, 99), percentile(values, 0)]).toEqual([
      3, 5, 1,
    ]);
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([NaN], 50)).toBeNaN();
  });
});

describe('sparkline', () => {
  it('lowest ▁ to highest █ over the series own range', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([100, 107])).toBe('▁█');
  });

  it('a flat series is flat; nothing is empty', () => {
    expect(sparkline([42, 42, 42])).toBe('▁▁▁');
    expect(sparkline([])).toBe('');
  });

  it('a long series is averaged into `width` buckets', () => {
    expect(sparkline([0, 0, 0, 0, 7, 7, 7, 7], 2)).toBe('▁█');
    expect(
      sparkline(
        Array.from({ length: 1000 }, (_, i) => i),
        10,
      ),
    ).toHaveLength(10);
  });
});

describe('countBy', () => {
  it('counts in the order given (zeros kept), then others as they come', () => {
    expect(countBy(['b', 'x', 'a', 'b'], ['a', 'b', 'c'])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 0],
      ['x', 1],
    ]);
  });
});
