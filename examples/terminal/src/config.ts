export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_MODEL = 'gpt-4o';
export const DEFAULT_SYSTEM_PROMPT =
  'You are a helpful assistant. Use get_current_time for time questions.';

export type ProviderConfig =
  | { kind: 'openai'; apiKey: string; baseUrl: string; model: string }
  | { kind: 'demo'; delayMs?: number };

export interface TerminalConfig {
  provider: ProviderConfig;
  system: string;
  debug: boolean;
  /** `--hide-reasoning`: the model's thinking is not printed. */
  hideReasoning: boolean;
  /** A fixed clock for `get_current_time` (EDGECHAT_NOW): reproducible transcripts. */
  now?: Date;
}

export type ConfigResult =
  { ok: true; config: TerminalConfig } | { ok: false; error: string } | { ok: 'help' };

export const USAGE = `Usage: pnpm chat [--model <id>] [--system <prompt>] [--demo] [--debug] [--hide-reasoning]

Environment:
  OPENAI_API_KEY           use OpenAI (or OPENAI_BASE_URL); without it, the offline demo model
  OPENAI_BASE_URL          default ${DEFAULT_BASE_URL} (any OpenAI-compatible server)
  MODEL                    default ${DEFAULT_MODEL}
  SYSTEM_PROMPT            default "${DEFAULT_SYSTEM_PROMPT}"
  EDGECHAT_DEMO_DELAY_MS   demo model: ms between tokens (default 20)
  EDGECHAT_NOW             fixed clock for get_current_time, an ISO date (tests, demos)
  NO_COLOR                 thinking is marked with "… " instead of dimmed; notes are plain`;

const FLAGS_WITH_VALUE = new Set(['--model', '--system']);

/**
 * Reads the configuration from the environment and the command line (flags win). Bad input is
 * an error the caller prints with the usage, never a silent default: a flag without its value,
 * an unknown flag, a delay that is not a number, a date that does not parse.
 */
export function readConfig(
  env: Readonly<Record<string, string | undefined>>,
  argv: readonly string[],
): ConfigResult {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { ok: 'help' };
    if (arg === '--demo' || arg === '--debug' || arg === '--hide-reasoning') flags.set(arg, '');
    else if (FLAGS_WITH_VALUE.has(arg)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) {
        return { ok: false, error: `${arg} needs a value` };
      }
      flags.set(arg, value);
    } else return { ok: false, error: `unknown argument ${JSON.stringify(arg)}` };
  }

  const nonEmpty = (value: string | undefined): string | undefined =>
    value === undefined || value.trim() === '' ? undefined : value.trim();

  let now: Date | undefined;
  const fixedNow = nonEmpty(env.EDGECHAT_NOW);
  if (fixedNow !== undefined) {
    now = new Date(fixedNow);
    if (Number.isNaN(now.getTime())) {
      return { ok: false, error: `EDGECHAT_NOW is not a date: ${JSON.stringify(fixedNow)}` };
    }
  }

  const apiKey = nonEmpty(env.OPENAI_API_KEY);
  let provider: ProviderConfig;
  if (apiKey !== undefined && !flags.has('--demo')) {
    provider = {
      kind: 'openai',
      apiKey,
      baseUrl: (nonEmpty(env.OPENAI_BASE_URL) ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
      model: flags.get('--model') ?? nonEmpty(env.MODEL) ?? DEFAULT_MODEL,
    };
  } else {
    provider = { kind: 'demo' };
    const delay = nonEmpty(env.EDGECHAT_DEMO_DELAY_MS);
    if (delay !== undefined) {
      const delayMs = Number(delay);
      if (!Number.isFinite(delayMs) || delayMs < 0) {
        return { ok: false, error: `EDGECHAT_DEMO_DELAY_MS must be a number ≥ 0, got ${delay}` };
      }
      provider.delayMs = delayMs;
    }
  }

  const config: TerminalConfig = {
    provider,
    system: flags.get('--system') ?? nonEmpty(env.SYSTEM_PROMPT) ?? DEFAULT_SYSTEM_PROMPT,
    debug: flags.has('--debug'),
    hideReasoning: flags.has('--hide-reasoning'),
  };
  if (now !== undefined) config.now = now;
  return { ok: true, config };
}

/** The first line the chat prints: which model answers. */
export function describeProvider(provider: ProviderConfig): string {
  return provider.kind === 'demo'
    ? 'edgechat — demo model (no OPENAI_API_KEY)'
    : `edgechat — ${provider.model} via ${provider.baseUrl}`;
}
