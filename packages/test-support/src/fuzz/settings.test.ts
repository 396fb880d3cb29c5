import { describe, expect, it } from 'vitest';
import { DEFAULT_FUZZ_SEED, fuzzSettings } from './settings.js';

describe('fuzzSettings', () => {
  it('defaults to the fixed seed and each property’s own run count', () => {
    const settings = fuzzSettings({});
    expect([settings.seed, settings.runs(500)]).toEqual([DEFAULT_FUZZ_SEED, 500]);
  });

  it('takes FUZZ_SEED and FUZZ_RUNS, blank meaning unset', () => {
    const settings = fuzzSettings({ FUZZ_SEED: '-7', FUZZ_RUNS: '12' });
    expect([settings.seed, settings.runs(500)]).toEqual([-7, 12]);
    expect(fuzzSettings({ FUZZ_SEED: ' ' }).seed).toBe(DEFAULT_FUZZ_SEED);
  });

  it('refuses values that are not integers rather than running other cases', () => {
    expect(() => fuzzSettings({ FUZZ_SEED: '12x' })).toThrow(
      'FUZZ_SEED must be an integer (got 12x)',
    );
    expect(() => fuzzSettings({ FUZZ_RUNS: '0' })).toThrow('FUZZ_RUNS must be at least 1 (got 0)');
  });
});
