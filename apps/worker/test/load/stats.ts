// Small numbers for a terminal: percentiles, outcome counts, and a memory chart in block
// characters.

/** The p-th percentile (nearest rank); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ] as number;
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/**
 * `values` as one line of blocks, lowest ▁ to highest █, at most `width` wide (longer series are
 * averaged into buckets). A flat series is all ▁: the scale is the series' own range, so the
 * labels beside the chart say what it spans.
 */
export function sparkline(values: readonly number[], width = 60): string {
  if (values.length === 0) return '';
  const buckets = Math.min(width, values.length);
  const points = Array.from({ length: buckets }, (_, b) => {
    const slice = values.slice(
      Math.floor((b * values.length) / buckets),
      Math.floor(((b + 1) * values.length) / buckets),
    );
    return slice.reduce((sum, value) => sum + value, 0) / slice.length;
  });
  const low = Math.min(...points);
  const span = Math.max(...points) - low;
  return points
    .map(
      (point) => BLOCKS[span === 0 ? 0 : Math.round(((point - low) / span) * (BLOCKS.length - 1))],
    )
    .join('');
}

/** How often each key occurs, keys in the order given, then any others by first appearance. */
export function countBy<T extends string>(
  items: readonly T[],
  order: readonly T[] = [],
): [T, number][] {
  const counts = new Map<T, number>(order.map((key) => [key, 0]));
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts];
}
