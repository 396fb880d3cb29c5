import { describe, expect, it } from 'vitest';
import { DEFAULT_SYSTEM_PROMPT, describeProvider, readConfig } from './config.js';

describe('readConfig', () => {
  it('uses the demo model without OPENAI_API_KEY', () => {
    expect(readConfig({}, [])).toEqual({
      ok: true,
      config: {
        provider: { kind: 'demo' },
        system: DEFAULT_SYSTEM_PROMPT,
        debug: false,
        hideReasoning: false,
      },
    });
    expect(readConfig({ OPENAI_API_KEY: '  ', MODEL: 'gpt-x' }, [])).toEqual({
      ok: true,
      config: {
        provider: { kind: 'demo' },
        system: DEFAULT_SYSTEM_PROMPT,
        debug: false,
        hideReasoning: false,
      },
    });
  });

  it('uses OpenAI with the key, defaulting base URL and model', () => {
    expect(readConfig({ OPENAI_API_KEY: 'sk-1' }, [])).toEqual({
      ok: true,
      config: {
        provider: {
          kind: 'openai',
          apiKey: 'sk-1',
          baseUrl: 'https://api.openai.com/v1',
          model: 'gpt-4o',
        },
        system: DEFAULT_SYSTEM_PROMPT,
        debug: false,
        hideReasoning: false,
      },
    });
  });

  it('takes base URL, model and prompt from the environment, flags winning', () => {
    expect(
      readConfig(
        {
          OPENAI_API_KEY: 'sk-1',
          OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1//',
          MODEL: 'gpt-4o-mini',
          SYSTEM_PROMPT: 'Be brief.',
          EDGECHAT_NOW: '2025-01-02T05:05:00Z',
        },
        ['--model', 'o3', '--debug', '--system', 'Be terse.', '--hide-reasoning'],
      ),
    ).toEqual({
      ok: true,
      config: {
        provider: {
          kind: 'openai',
          apiKey: 'sk-1',
          baseUrl: 'http://127.0.0.1:8080/v1',
          model: 'o3',
        },
        system: 'Be terse.',
        debug: true,
        hideReasoning: true,
        now: new Date('2025-01-02T05:05:00Z'),
      },
    });
  });

  it('uses the demo model with --demo even with a key, and reads its delay', () => {
    expect(readConfig({ OPENAI_API_KEY: 'sk-1', EDGECHAT_DEMO_DELAY_MS: '0' }, ['--demo'])).toEqual(
      {
        ok: true,
        config: {
          provider: { kind: 'demo', delayMs: 0 },
          system: DEFAULT_SYSTEM_PROMPT,
          debug: false,
          hideReasoning: false,
        },
      },
    );
  });

  it.each([
    [{}, ['--model'], '--model needs a value'],
    [{}, ['--system', '--debug'], '--system needs a value'],
    [{}, ['--verbose'], 'unknown argument "--verbose"'],
    [{}, ['hello'], 'unknown argument "hello"'],
    [
      { EDGECHAT_DEMO_DELAY_MS: 'fast' },
      [],
      'EDGECHAT_DEMO_DELAY_MS must be a number ≥ 0, got fast',
    ],
    [{ EDGECHAT_DEMO_DELAY_MS: '-5' }, [], 'EDGECHAT_DEMO_DELAY_MS must be a number ≥ 0, got -5'],
    [{ EDGECHAT_NOW: 'noon' }, [], 'EDGECHAT_NOW is not a date: "noon"'],
  ])('rejects %j %j', (env, argv, error) => {
    expect(readConfig(env, argv)).toEqual({ ok: false, error });
  });

  it('asks for the usage with --help or -h', () => {
    expect(readConfig({}, ['--debug', '--help'])).toEqual({ ok: 'help' });
    expect(readConfig({}, ['-h'])).toEqual({ ok: 'help' });
  });
});

describe('describeProvider', () => {
  it('says which model answers', () => {
    expect(describeProvider({ kind: 'demo' })).toBe('edgechat — demo model (no OPENAI_API_KEY)');
    expect(
      describeProvider({ kind: 'openai', apiKey: 'sk', baseUrl: 'https://x/v1', model: 'gpt-4o' }),
    ).toBe('edgechat — gpt-4o via https://x/v1');
  });
});
