// The soak's terminal report: throughput, time to first byte, outcomes, and workerd's memory
// over time as one line of blocks between its lowest and highest reading.
import type { ChatResult } from './fault-chat.js';
import { countBy, percentile, sparkline } from './stats.js';
import { mib, type RssSample } from './workerd-rss.js';

export interface SoakState {
  results: readonly Pick<ChatResult, 'kind' | 'ok' | 'outcome' | 'firstByte'>[];
  rss: readonly RssSample[];
  elapsedMs: number;
  seed: number;
  concurrency: number;
  /** Upstream requests the mock still has open: about `concurrency` at most, or a leak. */
  openUpstream: number;
  final: boolean;
}

const ms = (value: number) =>
  Number.isNaN(value) ? '   – ms' : `${value.toFixed(1).padStart(7)} ms`;

export function soakReport(state: SoakState): string {
  const { results, rss } = state;
  const minutes = state.elapsedMs / 60_000;
  const healthy = results
    .filter((result) => result.kind === 'healthy')
    .map((result) => result.firstByte);
  const all = results.map((result) => result.firstByte);
  const failures = results.filter((result) => !result.ok).length;
  const kib = rss.map((sample) => sample.kib);
  const first = rss[0];
  const last = rss[rss.length - 1];
  const lines = [
    `\n── soak ${state.final ? 'done' : 'so far'}: ${minutes.toFixed(1)} min, ${results.length} chats` +
      ` (${(results.length / Math.max(state.elapsedMs / 1000, 0.001)).toFixed(1)}/s), ${state.concurrency} at a time,` +
      ` seed ${state.seed}, failures ${failures}`,
    `first byte, healthy chats   p50 ${ms(percentile(healthy, 50))}   p99 ${ms(percentile(healthy, 99))}`,
    `first byte, every chat      p50 ${ms(percentile(all, 50))}   p99 ${ms(percentile(all, 99))}`,
    'outcomes:',
    ...countBy(results.map((result) => result.outcome).sort()).map(
      ([outcome, count]) => `  ${String(count).padStart(7)}  ${outcome}`,
    ),
    `upstream requests open now: ${state.openUpstream}`,
  ];
  if (first !== undefined && last !== undefined) {
    const growth = ((last.kib - first.kib) / first.kib) * 100;
    lines.push(
      `workerd RSS: start ${mib(first.kib)}, now ${mib(last.kib)} (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%),` +
        ` ${rss.length} readings over ${(last.at / 1000).toFixed(0)} s`,
      `  ${mib(Math.min(...kib)).padStart(10)} ${sparkline(kib, 60)} ${mib(Math.max(...kib))}`,
    );
  }
  return lines.join('\n');
}
