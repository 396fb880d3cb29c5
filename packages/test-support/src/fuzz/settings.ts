// Every fuzz test runs from a fixed seed, so CI and a laptop see the same cases and a failure
// can be replayed. FUZZ_SEED picks other cases; FUZZ_RUNS runs more (or fewer) of them.

/** The seed CI uses. Any 32-bit integer would do; this one is fixed so runs are reproducible. */
export const DEFAULT_FUZZ_SEED = 20261203;

export interface FuzzSettings {
  seed: number;
  /** Runs for one property: `FUZZ_RUNS` when set, else the property's own default. */
  runs(defaultRuns: number): number;
}

/** Reads `FUZZ_SEED` / `FUZZ_RUNS` from `vars` (process.env, or what the test runner passed on). */
export function fuzzSettings(vars: Record<string, string | undefined>): FuzzSettings {
  const seed = parseInteger(vars.FUZZ_SEED, 'FUZZ_SEED') ?? DEFAULT_FUZZ_SEED;
  const runs = parseInteger(vars.FUZZ_RUNS, 'FUZZ_RUNS');
  if (runs !== undefined && runs < 1) throw new Error(`FUZZ_RUNS must be at least 1 (got ${runs})`);
  return { seed, runs: (defaultRuns) => runs ?? defaultRuns };
}

function parseInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  // A typo must not silently fall back to the default seed: the run would not be the one asked for.
  if (!Number.isSafeInteger(number)) throw new Error(`${name} must be an integer (got ${value})`);
  return number;
}
