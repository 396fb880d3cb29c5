import { describe, expect, it } from 'vitest';
import { soakReport, type SoakState } from './soak-report.js';

const state: SoakState = {
  results: [
    { kind: 'healthy', ok: true, outcome: 'healthy → finish', firstByte: 10 },
    { kind: 'healthy', ok: true, outcome: 'healthy → finish', firstByte: 30 },
    { kind: 'http-429', ok: true, outcome: 'http-429 → HTTP 429', firstByte: 20 },
    { kind: 'cut', ok: false, outcome: 'cut → FAILED', firstByte: NaN },
  ],
  rss: [
    { at: 0, kib: 102400, pids: [1] },
    { at: 30_000, kib: 107520, pids: [1] },
    { at: 60_000, kib: 112640, pids: [1] },
  ],
  elapsedMs: 60_000,
  seed: 7,
  concurrency: 2,
  openUpstream: 1,
  final: true,
};

describe('soakReport', () => {
  it('throughput, first byte (NaN left out), outcomes, and the RSS chart with its range', () => {
    expect(soakReport(state).split('\n')).toEqual([
      '',
      '── soak done: 1.0 min, 4 chats (0.1/s), 2 at a time, seed 7, failures 1',
      'first byte, healthy chats   p50    10.0 ms   p99    30.0 ms',
      'first byte, every chat      p50    20.0 ms   p99    30.0 ms',
      'outcomes:',
      '        1  cut → FAILED',
      '        2  healthy → finish',
      '        1  http-429 → HTTP 429',
      'upstream requests open now: 1',
      'workerd RSS: start 100.0 MiB, now 110.0 MiB (+10.0%), 3 readings over 60 s',
      '   100.0 MiB ▁▅█ 110.0 MiB',
    ]);
  });

  it('before any chat or reading: dashes, no chart', () => {
    const lines = soakReport({ ...state, results: [], rss: [], final: false }).split('\n');
    expect(lines.slice(1, 4)).toEqual([
      '── soak so far: 1.0 min, 0 chats (0.0/s), 2 at a time, seed 7, failures 0',
      'first byte, healthy chats   p50    – ms   p99    – ms',
      'first byte, every chat      p50    – ms   p99    – ms',
    ]);
    expect(lines.at(-1)).toBe('upstream requests open now: 1');
  });
});
