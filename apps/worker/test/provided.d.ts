// What vitest.config.ts provides to the tests, read with `inject()`: workerd has no process.env.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    fuzzEnv: { FUZZ_SEED?: string | undefined; FUZZ_RUNS?: string | undefined };
  }
}
