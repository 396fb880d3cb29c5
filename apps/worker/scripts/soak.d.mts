// Types for test/load/soak-args.test.ts, which tests the wrapper's argument parsing.
export interface SoakOptions {
  minutes: number;
  concurrency: number;
  seed: number | undefined;
}
export function parseSoakArgs(
  argv: readonly string[],
): { options: SoakOptions } | { error: string } | { help: string };
