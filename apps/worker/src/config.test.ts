import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_BASE_URL,
  DEFAULT_SYSTEM_PROMPT,
  getConfig,
  readConfig,
  type WorkerConfig,
} from './config.js';
import { PRESETS } from './presets.js';

const DEFAULTS: WorkerConfig = {
  preset: PRESETS.openai,
  presetSettings: {},
  apiKey: undefined,
  baseURL: DEFAULT_BASE_URL,
  model: 'gpt-4o',
  allowedModels: ['gpt-4o'],
  temperature: 0.1,
  maxTokens: 2048,
  maxSteps: 5,
  systemPrompt: DEFAULT_SYSTEM_PROMPT,
  limits: { maxBodyBytes: 262_144, maxMessages: 100, maxMessageBytes: 32_768 },
  upstreamStream: { maxEventBytes: 1_048_576, maxMessageBytes: 4_194_304, maxToolCalls: 128 },
  firstByteTimeoutMs: 30_000,
  idleTimeoutMs: 30_000,
  statusWaitMs: 2000,
  allowedOrigins: [],
  rateLimitPeriod: 60,
  maxConcurrentStreams: 3,
  turn: { maxPromptBytes: 1_048_576, deadlineMs: 300_000 },
  dailyTokenBudget: 2_000_000,
  answers: {
    enabled: true,
    disconnectGraceMs: 30_000,
    heartbeatMs: 15_000,
    maxBytes: 1_048_576,
    retentionMs: 900_000,
  },
  botCheck: undefined,
  warnings: [],
  configError: undefined,
};

describe('readConfig', () => {
  it('gives every default for an empty env', () => {
    expect(readConfig({})).toEqual(DEFAULTS);
  });

  it('reads every var', () => {
    expect(
      readConfig({
        OPENAI_API_KEY: ' sk-test-123456 ',
        OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1/',
        MODEL: 'llama3',
        ALLOWED_MODELS: 'gpt-4o-mini, llama3 ,,qwen',
        TEMPERATURE: '0.7',
        MAX_TOKENS: '512',
        MAX_STEPS: '3',
        SYSTEM_PROMPT: 'Be brief.',
        MAX_BODY_BYTES: '4096',
        MAX_MESSAGES: '10',
        MAX_MESSAGE_BYTES: '100',
        MAX_UPSTREAM_EVENT_BYTES: '2048',
        MAX_UPSTREAM_MESSAGE_BYTES: '8192',
        MAX_UPSTREAM_TOOL_CALLS: '4',
        FIRST_BYTE_TIMEOUT_MS: '1500',
        IDLE_TIMEOUT_MS: '2500',
        STATUS_WAIT_MS: '0',
        ALLOWED_ORIGINS: 'https://a.example, http://localhost:5173',
        RATE_LIMIT_PERIOD: '10',
        RESUMABLE_ANSWERS: 'off',
        MAX_CONCURRENT_STREAMS: '0',
        MAX_TURN_PROMPT_BYTES: '4096',
        TURN_DEADLINE_MS: '60000',
        DAILY_TOKEN_BUDGET: '0',
        DISCONNECT_GRACE_MS: '0',
        HEARTBEAT_MS: '5000',
        ANSWER_MAX_BYTES: '2048',
        ANSWER_RETENTION_MS: '3600000',
        PROVIDER: 'ollama',
        SITE_URL: 'https://chat.example',
        SITE_NAME: ' edgechat ',
        TURNSTILE_SECRET: 'ts-secret',
        TURNSTILE_SITE_KEY: 'ts-site',
        TURNSTILE_VERIFY_URL: 'http://127.0.0.1:9999/siteverify',
        TURNSTILE_PASS_SECONDS: '600',
      }),
    ).toEqual({
      preset: PRESETS.ollama,
      presetSettings: { siteURL: 'https://chat.example', siteName: 'edgechat' },
      apiKey: 'sk-test-123456',
      baseURL: 'http://127.0.0.1:11434/v1',
      model: 'llama3',
      allowedModels: ['llama3', 'gpt-4o-mini', 'qwen'],
      temperature: 0.7,
      maxTokens: 512,
      maxSteps: 3,
      systemPrompt: 'Be brief.',
      limits: { maxBodyBytes: 4096, maxMessages: 10, maxMessageBytes: 100 },
      upstreamStream: { maxEventBytes: 2048, maxMessageBytes: 8192, maxToolCalls: 4 },
      firstByteTimeoutMs: 1500,
      idleTimeoutMs: 2500,
      statusWaitMs: 0,
      allowedOrigins: ['https://a.example', 'http://localhost:5173'],
      rateLimitPeriod: 10,
      maxConcurrentStreams: 0,
      turn: { maxPromptBytes: 4096, deadlineMs: 60_000 },
      dailyTokenBudget: 0,
      answers: {
        enabled: false,
        disconnectGraceMs: 0,
        heartbeatMs: 5000,
        maxBytes: 2048,
        retentionMs: 3_600_000,
      },
      botCheck: {
        secret: 'ts-secret',
        siteKey: 'ts-site',
        verifyUrl: 'http://127.0.0.1:9999/siteverify',
        passSeconds: 600,
      },
      warnings: [],
      configError: undefined,
    } satisfies WorkerConfig);
  });

  it('accepts numbers given as JSON vars', () => {
    expect(readConfig({ TEMPERATURE: 1, MAX_STEPS: 2 })).toMatchObject({
      temperature: 1,
      maxSteps: 2,
    });
  });

  it('falls back to the default, and names the var, for each invalid value', () => {
    expect(
      readConfig({
        OPENAI_BASE_URL: 'ftp://example.com',
        TEMPERATURE: 'hot',
        MAX_TOKENS: '0',
        MAX_STEPS: '2.5',
        MAX_BODY_BYTES: '-1',
        MAX_MESSAGES: 'Infinity',
        MAX_MESSAGE_BYTES: '1e12',
        FIRST_BYTE_TIMEOUT_MS: '10',
        IDLE_TIMEOUT_MS: true,
        STATUS_WAIT_MS: '999999',
        RATE_LIMIT_PERIOD: 'NaN',
        DAILY_TOKEN_BUDGET: '1.5',
        ANSWER_RETENTION_MS: '60000',
      }),
    ).toEqual({
      ...DEFAULTS,
      warnings: [
        'OPENAI_BASE_URL',
        'TEMPERATURE',
        'MAX_TOKENS',
        'MAX_STEPS',
        'MAX_BODY_BYTES',
        'MAX_MESSAGES',
        'MAX_MESSAGE_BYTES',
        'FIRST_BYTE_TIMEOUT_MS',
        'IDLE_TIMEOUT_MS',
        'STATUS_WAIT_MS',
        'RATE_LIMIT_PERIOD',
        'DAILY_TOKEN_BUDGET',
        // Under the 10 minutes a client is promised to come back in.
        'ANSWER_RETENTION_MS',
      ],
    });
  });

  it('treats an empty or blank key as no key (demo model)', () => {
    expect(readConfig({ OPENAI_API_KEY: '' }).apiKey).toBeUndefined();
    expect(readConfig({ OPENAI_API_KEY: '   ' }).apiKey).toBeUndefined();
  });

  it('uses the default system prompt for an empty one, and ignores a non-string MODEL', () => {
    expect(readConfig({ SYSTEM_PROMPT: ' ', MODEL: 42 })).toEqual(DEFAULTS);
  });

  it('rejects a base URL that does not parse', () => {
    expect(readConfig({ OPENAI_BASE_URL: 'not a url' })).toEqual({
      ...DEFAULTS,
      warnings: ['OPENAI_BASE_URL'],
    });
  });
});

describe('readConfig: timeouts that depend on each other', () => {
  it('accepts a status wait shorter than the first-byte timeout, 0 included', () => {
    expect(
      [
        { STATUS_WAIT_MS: '0', FIRST_BYTE_TIMEOUT_MS: '100' },
        { STATUS_WAIT_MS: '29999', FIRST_BYTE_TIMEOUT_MS: '30000' },
        { FIRST_BYTE_TIMEOUT_MS: '2001' },
      ].map((env) => readConfig(env).configError),
    ).toEqual([undefined, undefined, undefined]);
  });

  it('rejects a status wait as long as, or longer than, the first-byte timeout, naming both vars', () => {
    const reason =
      'the response waits for the upstream status at most that long, and the first-byte ' +
      'timeout must be able to end a stream that has started.';
    expect(
      [
        { STATUS_WAIT_MS: '1000', FIRST_BYTE_TIMEOUT_MS: '1000' },
        { STATUS_WAIT_MS: '5000', FIRST_BYTE_TIMEOUT_MS: '200' },
        // An unset var is named with its default: the operator never wrote that value.
        { FIRST_BYTE_TIMEOUT_MS: '1500' },
        { STATUS_WAIT_MS: '30000' },
        // An ignored value counts as unset.
        { STATUS_WAIT_MS: 'soon', FIRST_BYTE_TIMEOUT_MS: '2000' },
      ].map((env) => readConfig(env).configError),
    ).toEqual([
      `STATUS_WAIT_MS (1000) must be less than FIRST_BYTE_TIMEOUT_MS (1000): ${reason}`,
      `STATUS_WAIT_MS (5000) must be less than FIRST_BYTE_TIMEOUT_MS (200): ${reason}`,
      `STATUS_WAIT_MS (2000, the default) must be less than FIRST_BYTE_TIMEOUT_MS (1500): ${reason}`,
      `STATUS_WAIT_MS (30000) must be less than FIRST_BYTE_TIMEOUT_MS (30000, the default): ${reason}`,
      `STATUS_WAIT_MS (2000, the default) must be less than FIRST_BYTE_TIMEOUT_MS (2000): ${reason}`,
    ]);
  });
});

describe('readConfig: PROVIDER', () => {
  it('takes the preset\u2019s base URL unless OPENAI_BASE_URL is set', () => {
    expect(readConfig({ PROVIDER: 'deepseek' })).toMatchObject({
      preset: PRESETS.deepseek,
      baseURL: 'https://api.deepseek.com/v1',
      configError: undefined,
    });
    expect(
      readConfig({ PROVIDER: 'groq', OPENAI_BASE_URL: 'https://proxy.example/v1' }),
    ).toMatchObject({ preset: PRESETS.groq, baseURL: 'https://proxy.example/v1' });
  });

  it('is a config error for an unknown name, or a preset whose URL must be given', () => {
    expect(readConfig({ PROVIDER: 'anthropic' }).configError).toBe(
      'PROVIDER must be one of openai, openrouter, ollama, deepseek, groq, together, vllm, lmstudio, azure, workers-ai, openai-responses.',
    );
    expect(readConfig({ PROVIDER: 'azure' }).configError).toBe(
      'PROVIDER=azure needs OPENAI_BASE_URL: its URL names your resource and deployment (see the worker README).',
    );
    expect(readConfig({ PROVIDER: 'workers-ai' }).configError).toMatch(
      /^PROVIDER=workers-ai needs OPENAI_BASE_URL: its URL names your account/,
    );
    expect(
      readConfig({
        PROVIDER: 'azure',
        OPENAI_BASE_URL: 'https://r.openai.azure.com/openai/deployments/gpt-4o',
      }).configError,
    ).toBeUndefined();
  });
});

describe('getConfig', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads each env object once', () => {
    const env = { MODEL: 'a' };
    expect(getConfig(env)).toBe(getConfig(env));
    expect(getConfig({ MODEL: 'a' })).not.toBe(getConfig(env));
  });

  it('logs a config error once per env, however often it is read', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const env = { STATUS_WAIT_MS: '900', FIRST_BYTE_TIMEOUT_MS: '800' };
    getConfig(env);
    getConfig(env);
    expect(error.mock.calls).toEqual([
      [
        expect.stringMatching(
          /^config: STATUS_WAIT_MS \(900\) must be less than FIRST_BYTE_TIMEOUT_MS \(800\): /,
        ),
      ],
    ]);
  });
});
