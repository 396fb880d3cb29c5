import { describe, expect, it } from 'vitest';
import { parseSoakArgs } from '../../scripts/soak.mjs';

describe('parseSoakArgs', () => {
  it('defaults; `--minutes N` (fractions), `--flag=value`, and the `--` pnpm passes on', () => {
    expect(parseSoakArgs([])).toEqual({
      options: { minutes: 5, concurrency: 50, seed: undefined },
    });
    expect(parseSoakArgs(['--', '--minutes', '0.5', '--concurrency=200', '--seed', '42'])).toEqual({
      options: { minutes: 0.5, concurrency: 200, seed: 42 },
    });
  });

  it.each([
    [['--minutes', '0'], '--minutes 0: out of range'],
    [['--minutes', '-1'], '--minutes -1: out of range'],
    [['--minutes', '1441'], '--minutes 1441: out of range'],
    [['--minutes', 'five'], '--minutes five: out of range'],
    [['--minutes'], '--minutes : out of range'],
    [['--minutes', ''], '--minutes : out of range'],
    [['--concurrency', '1.5'], '--concurrency 1.5: out of range'],
    [['--concurrency', '501'], '--concurrency 501: out of range'],
    [['--seed', '-3'], '--seed -3: out of range'],
    [['--hours', '1'], 'unknown argument --hours'],
    [['5'], 'unknown argument 5'],
  ])('%j is refused: %s, with the usage', (argv, message) => {
    const parsed = parseSoakArgs(argv);
    expect('error' in parsed && parsed.error.split('\n')[0]).toBe(message);
    expect('error' in parsed && parsed.error).toContain(
      'usage: pnpm --filter @edgechat/worker soak',
    );
  });

  it('--help gives the usage', () => {
    expect(parseSoakArgs(['--help'])).toEqual({ help: expect.stringMatching(/^usage: /) });
  });
});
