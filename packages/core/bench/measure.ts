// Timing helpers for `pnpm bench`. Contenders of one cell run interleaved, round after round,
// so drift in machine load hits all of them alike; we report the median round. Time is the
// process's CPU time (user + system, GC threads included), not wall time: on a shared 2-core
// machine wall time mostly measures the neighbours, CPU time measures the work.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Each contender pays for its own garbage and none of another's: the young generation is
// scavenged (untimed) before a run, and what the run left is scavenged inside its timing.
// Without this, whoever runs after a garbage-heavy contender (openai-node) is billed for it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options?: { type: 'major' | 'minor' }) => void;

export interface Contender {
  name: string;
  run: () => Promise<unknown> | unknown;
}

export interface CellResult {
  name: string;
  medianMs: number;
  /** Time of every measured round, in round order: round r of each contender ran together. */
  roundsMs: number[];
}

export async function measureCell(
  contenders: Contender[],
  options: { rounds?: number; warmup?: number } = {},
): Promise<CellResult[]> {
  const rounds = options.rounds ?? 12;
  const warmup = options.warmup ?? 2;
  const times = contenders.map(() => [] as number[]);
  for (let round = 0; round < warmup + rounds; round += 1) {
    // Rotate who goes first: a contender that leaves much garbage (openai-node) would
    // otherwise always bill its collection to the one after it.
    for (let k = 0; k < contenders.length; k += 1) {
      const i = (round + k) % contenders.length;
      const contender = contenders[i]!;
      gc({ type: 'minor' });
      const start = process.cpuUsage();
      await contender.run();
      gc({ type: 'minor' });
      const used = process.cpuUsage(start);
      const elapsed = (used.user + used.system) / 1000;
      if (round >= warmup) times[i]!.push(elapsed);
    }
  }
  return contenders.map((contender, i) => ({
    name: contender.name,
    medianMs: median(times[i]!),
    roundsMs: times[i]!,
  }));
}

/**
 * The median over rounds of `ours / base` within a round. A load spike that slows one round
 * slows both sides of its ratio, so this is steadier than a ratio of two medians.
 */
export function medianRatio(ours: CellResult, base: CellResult): number {
  return median(ours.roundsMs.map((ms, round) => ms / base.roundsMs[round]!));
}

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** The q-quantile of `values`, interpolating between neighbours (q = 0.5 is the median). */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/** Deterministic PRNG (the core's own mulberry32) so every run benchmarks the same bytes. */
export { createSeededRandom as createRandom } from '../dist/base/seeded-random.js';

export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    '| ' +
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') +
    ' |';
  const rule =
    '|' +
    widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') +
    '|';
  return [line(header), rule, ...rows.map(line)].join('\n');
}
