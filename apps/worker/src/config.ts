import { readBotCheck, type BotCheckSettings } from './bot-check/settings.js';
import { logger, registerSecret } from './log.js';
import {
  findPreset,
  PRESET_NAMES,
  PRESETS,
  type PresetSettings,
  type ProviderPreset,
} from './presets.js';
import type { TurnLimits } from './turn-limits.js';
import { checkUpstreamTimeouts } from './upstream-timeouts.js';

// The worker's settings, read from `env` (wrangler.jsonc `vars`, `.dev.vars`, secrets).
// Every limit is a var with a sensible default. A value that does not parse,
// or is out of bounds, falls back to its default and is reported in `warnings` (by var name
// only: values may be secrets) — a typo in a dashboard must not take the site down. Values
// that contradict each other are another matter (`configError`): no default fixes those.

export interface Limits {
  /** Request body, bytes (413 above). */
  maxBodyBytes: number;
  /** Messages per request (413 above). */
  maxMessages: number;
  /** UTF-8 bytes per message of text, reasoning and tool input/output (413 above). */
  maxMessageBytes: number;
}

/**
 * What one upstream stream may make the worker hold (runChat's caps); over one, the answer
 * ends with the `error` "The model's answer was too large." and the upstream body is cancelled.
 */
export interface UpstreamStreamLimits {
  /** `MAX_UPSTREAM_EVENT_BYTES`: one Server-Sent Event of the model's stream. */
  maxEventBytes: number;
  /** `MAX_UPSTREAM_MESSAGE_BYTES`: text, reasoning and tool-call arguments of one answer. */
  maxMessageBytes: number;
  /** `MAX_UPSTREAM_TOOL_CALLS`: tool calls in one answer. */
  maxToolCalls: number;
}

export interface WorkerConfig {
  /** `PROVIDER`: which OpenAI-compatible service, with its quirks (src/presets.ts). */
  preset: ProviderPreset;
  /** OpenRouter's attribution headers (`SITE_URL`, `SITE_NAME`). */
  presetSettings: PresetSettings;
  /** Absent → the offline demo model, unless the preset needs no key (a local server). */
  apiKey: string | undefined;
  baseURL: string;
  /** The default model. */
  model: string;
  /** Models a client may ask for; always contains `model`. */
  allowedModels: readonly string[];
  temperature: number;
  maxTokens: number;
  maxSteps: number;
  systemPrompt: string;
  limits: Limits;
  upstreamStream: UpstreamStreamLimits;
  firstByteTimeoutMs: number;
  idleTimeoutMs: number;
  /** How long /api/chat waits for the upstream's status before committing to a 200 stream. */
  statusWaitMs: number;
  /** CORS: empty → off; `'*'` → any origin. */
  allowedOrigins: readonly string[];
  /** Seconds sent as `retry-after` when rate limited. */
  rateLimitPeriod: number;
  /** Answers one client may have in progress at once (0: no limit). */
  maxConcurrentStreams: number;
  /** Caps on one turn's model calls (src/turn-limits.ts). */
  turn: TurnLimits;
  /**
   * `DAILY_TOKEN_BUDGET`: tokens the whole deployment may spend per UTC day (0: no budget).
   * Never applied to the offline demo model (src/limits/daily-budget-check.ts).
   */
  dailyTokenBudget: number;
  /** Answers to a request with a chat `id` survive a dropped connection (src/answers/). */
  answers: AnswerSettings;
  /** Turnstile on POST /api/chat (src/bot-check/); absent → off, the default. */
  botCheck: BotCheckSettings | undefined;
  /** Names of vars whose value was ignored. */
  warnings: readonly string[];
  /** Set when vars contradict each other: every /api/chat answers 500 `config_error` with it. */
  configError: string | undefined;
}

export interface AnswerSettings {
  /** `RESUMABLE_ANSWERS` (default on; `off` turns the Durable Object path off). */
  enabled: boolean;
  /** How long an answer goes on with no client connected; 0 stops it at once. */
  disconnectGraceMs: number;
  /** An SSE comment goes out after this long without an event; 0 for none. */
  heartbeatMs: number;
  /** Bytes of an answer's chunks stored for replay. */
  maxBytes: number;
  /** How long a finished answer can be replayed. */
  retentionMs: number;
}

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_MODEL = 'gpt-4o';
export const DEFAULT_SYSTEM_PROMPT =
  'You are edgechat, a concise and helpful assistant. Use the tools you are given when they ' +
  'help answer; otherwise answer directly.';

interface Bounds {
  min: number;
  max: number;
  fallback: number;
  integer: boolean;
}

const NUMBERS = {
  TEMPERATURE: { min: 0, max: 2, fallback: 0.1, integer: false },
  MAX_TOKENS: { min: 1, max: 1_000_000, fallback: 2048, integer: true },
  MAX_STEPS: { min: 1, max: 20, fallback: 5, integer: true },
  MAX_BODY_BYTES: { min: 1024, max: 16 * 1024 * 1024, fallback: 256 * 1024, integer: true },
  MAX_MESSAGES: { min: 1, max: 10_000, fallback: 100, integer: true },
  MAX_MESSAGE_BYTES: { min: 1, max: 16 * 1024 * 1024, fallback: 32 * 1024, integer: true },
  MAX_UPSTREAM_EVENT_BYTES: {
    min: 1024,
    max: 64 * 1024 * 1024,
    fallback: 1024 * 1024,
    integer: true,
  },
  MAX_UPSTREAM_MESSAGE_BYTES: {
    min: 1024,
    max: 256 * 1024 * 1024,
    fallback: 4 * 1024 * 1024,
    integer: true,
  },
  MAX_UPSTREAM_TOOL_CALLS: { min: 1, max: 10_000, fallback: 128, integer: true },
  FIRST_BYTE_TIMEOUT_MS: { min: 100, max: 600_000, fallback: 30_000, integer: true },
  IDLE_TIMEOUT_MS: { min: 100, max: 600_000, fallback: 30_000, integer: true },
  STATUS_WAIT_MS: { min: 0, max: 30_000, fallback: 2000, integer: true },
  RATE_LIMIT_PERIOD: { min: 1, max: 3600, fallback: 60, integer: true },
  MAX_CONCURRENT_STREAMS: { min: 0, max: 100, fallback: 3, integer: true },
  MAX_TURN_PROMPT_BYTES: { min: 1024, max: 64 * 1024 * 1024, fallback: 1024 * 1024, integer: true },
  TURN_DEADLINE_MS: { min: 1000, max: 3_600_000, fallback: 300_000, integer: true },
  // 2M tokens: about $5-20 a day at gpt-4o list prices, depending on the input/output mix.
  DAILY_TOKEN_BUDGET: { min: 0, max: 1e12, fallback: 2_000_000, integer: true },
  DISCONNECT_GRACE_MS: { min: 0, max: 600_000, fallback: 30_000, integer: true },
  HEARTBEAT_MS: { min: 0, max: 300_000, fallback: 15_000, integer: true },
  ANSWER_MAX_BYTES: { min: 1024, max: 64 * 1024 * 1024, fallback: 1024 * 1024, integer: true },
  // At least the 10 minutes a client may take to come back.
  ANSWER_RETENTION_MS: { min: 600_000, max: 7 * 86_400_000, fallback: 900_000, integer: true },
} satisfies Record<string, Bounds>;

/** `env` as the runtime gives it: vars may be strings, or JSON values when set as such. */
export type ConfigSource = object;

export function readConfig(source: ConfigSource): WorkerConfig {
  const env = source as Readonly<Record<string, unknown>>;
  const warnings: string[] = [];
  const number = (name: keyof typeof NUMBERS): number => {
    const bounds: Bounds = NUMBERS[name];
    const raw = env[name];
    if (raw === undefined || raw === '') return bounds.fallback;
    const value =
      typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN;
    const ok =
      Number.isFinite(value) &&
      value >= bounds.min &&
      value <= bounds.max &&
      (!bounds.integer || Number.isInteger(value));
    if (ok) return value;
    warnings.push(name);
    return bounds.fallback;
  };

  const model = text(env.MODEL) || DEFAULT_MODEL;
  const apiKey = text(env.OPENAI_API_KEY) || undefined;
  const problems: string[] = [];
  const preset = findPreset(text(env.PROVIDER));
  if (preset === undefined) {
    problems.push(`PROVIDER must be one of ${PRESET_NAMES.join(', ')}.`);
  } else if (preset.baseURL === undefined && text(env.OPENAI_BASE_URL) === '') {
    problems.push(
      `PROVIDER=${preset.name} needs OPENAI_BASE_URL: its URL names your ${
        preset.name === 'azure' ? 'resource and deployment' : 'account'
      } (see the worker README).`,
    );
  }
  const botCheck = readBotCheck(env);
  warnings.push(...botCheck.warnings);
  if (botCheck.problem !== undefined) problems.push(botCheck.problem);
  const chosen = preset ?? PRESETS.openai;
  const siteURL = text(env.SITE_URL);
  const siteName = text(env.SITE_NAME);
  const config: WorkerConfig = {
    preset: chosen,
    presetSettings: {
      ...(siteURL === '' ? {} : { siteURL }),
      ...(siteName === '' ? {} : { siteName }),
    },
    apiKey,
    baseURL: baseURL(env.OPENAI_BASE_URL, warnings, chosen.baseURL ?? DEFAULT_BASE_URL),
    model,
    allowedModels: unique([model, ...list(env.ALLOWED_MODELS)]),
    temperature: number('TEMPERATURE'),
    maxTokens: number('MAX_TOKENS'),
    maxSteps: number('MAX_STEPS'),
    systemPrompt:
      typeof env.SYSTEM_PROMPT === 'string' && env.SYSTEM_PROMPT.trim() !== ''
        ? env.SYSTEM_PROMPT
        : DEFAULT_SYSTEM_PROMPT,
    limits: {
      maxBodyBytes: number('MAX_BODY_BYTES'),
      maxMessages: number('MAX_MESSAGES'),
      maxMessageBytes: number('MAX_MESSAGE_BYTES'),
    },
    upstreamStream: {
      maxEventBytes: number('MAX_UPSTREAM_EVENT_BYTES'),
      maxMessageBytes: number('MAX_UPSTREAM_MESSAGE_BYTES'),
      maxToolCalls: number('MAX_UPSTREAM_TOOL_CALLS'),
    },
    firstByteTimeoutMs: number('FIRST_BYTE_TIMEOUT_MS'),
    idleTimeoutMs: number('IDLE_TIMEOUT_MS'),
    statusWaitMs: number('STATUS_WAIT_MS'),
    allowedOrigins: list(env.ALLOWED_ORIGINS),
    rateLimitPeriod: number('RATE_LIMIT_PERIOD'),
    maxConcurrentStreams: number('MAX_CONCURRENT_STREAMS'),
    turn: {
      maxPromptBytes: number('MAX_TURN_PROMPT_BYTES'),
      deadlineMs: number('TURN_DEADLINE_MS'),
    },
    dailyTokenBudget: number('DAILY_TOKEN_BUDGET'),
    answers: {
      enabled: !/^(?:off|false|0|no)$/i.test(text(env.RESUMABLE_ANSWERS)),
      disconnectGraceMs: number('DISCONNECT_GRACE_MS'),
      heartbeatMs: number('HEARTBEAT_MS'),
      maxBytes: number('ANSWER_MAX_BYTES'),
      retentionMs: number('ANSWER_RETENTION_MS'),
    },
    botCheck: botCheck.settings,
    warnings,
    configError: undefined,
  };
  const defaulted = (name: string): boolean =>
    env[name] === undefined || env[name] === '' || warnings.includes(name);
  const timeouts = checkUpstreamTimeouts(config, defaulted);
  if (timeouts !== undefined) problems.push(timeouts);
  config.configError = problems.length === 0 ? undefined : problems.join(' ');
  return config;
}

const cache = new WeakMap<object, WorkerConfig>();

/** `readConfig`, once per `env` object (the runtime reuses it across requests). */
export function getConfig(env: ConfigSource): WorkerConfig {
  let config = cache.get(env);
  if (config === undefined) {
    config = readConfig(env);
    registerSecret(config.apiKey);
    registerSecret(config.botCheck?.secret);
    if (config.warnings.length > 0) {
      logger.warn(
        `config: invalid values ignored, defaults used for ${config.warnings.join(', ')}`,
      );
    }
    // Logged here, once per env, not per request: every chat request answers with it.
    if (config.configError !== undefined) logger.error(`config: ${config.configError}`);
    cache.set(env, config);
  }
  return config;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function list(value: unknown): string[] {
  return text(value)
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function baseURL(value: unknown, warnings: string[], fallback: string): string {
  const raw = text(value);
  if (raw === '') return fallback;
  // Only http(s): anything else would make the SDK fail on every request.
  if (URL.canParse(raw)) {
    const protocol = new URL(raw).protocol;
    if (protocol === 'https:' || protocol === 'http:') return raw.replace(/\/+$/, '');
  }
  warnings.push('OPENAI_BASE_URL');
  return fallback;
}
