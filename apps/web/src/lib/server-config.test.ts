import { describe, expect, it } from 'vitest';
import { fetchServerConfig, parseServerConfig } from './server-config.js';

describe('parseServerConfig', () => {
  it('reads the worker config, with the optional system prompt', () => {
    expect(
      parseServerConfig({
        provider: 'openai',
        model: 'gpt-4o',
        models: ['gpt-4o', 'gpt-4o-mini', 7],
        tools: [{ name: 'get_current_time', description: 'Time' }, { nope: 1 }, null],
        limits: { maxMessages: 100, other: 'x' },
        systemPrompt: 'Be brief.',
      }),
    ).toEqual({
      provider: 'openai',
      model: 'gpt-4o',
      models: ['gpt-4o', 'gpt-4o-mini'],
      tools: [{ name: 'get_current_time', description: 'Time' }],
      limits: { maxMessages: 100 },
      systemPrompt: 'Be brief.',
    });
  });

  it('reads the Turnstile site key when the bot check is on; ignores a malformed one', () => {
    const base = { provider: 'openai', model: 'gpt-4o' };
    expect(parseServerConfig({ ...base, turnstile: { siteKey: '0xSITE' } })?.turnstile).toEqual({
      siteKey: '0xSITE',
    });
    for (const turnstile of [null, 'x', {}, { siteKey: '' }, { siteKey: 7 }]) {
      expect(parseServerConfig({ ...base, turnstile })).not.toHaveProperty('turnstile');
    }
  });

  it('fills what a minimal config leaves out', () => {
    expect(parseServerConfig({ provider: 'demo', model: 'edgechat-demo' })).toEqual({
      provider: 'demo',
      model: 'edgechat-demo',
      models: ['edgechat-demo'],
      tools: [],
      limits: {},
    });
  });

  it.each([
    'openai',
    'openrouter',
    'ollama',
    'deepseek',
    'groq',
    'together',
    'vllm',
    'lmstudio',
    'azure',
    'workers-ai',
    'demo',
    'a-preset-from-a-newer-worker',
  ])('takes the provider name %j as it is', (provider) => {
    expect(parseServerConfig({ provider, model: 'm' })).toEqual({
      provider,
      model: 'm',
      models: ['m'],
      tools: [],
      limits: {},
    });
  });

  it.each([
    null,
    'x',
    {},
    { provider: '', model: 'x' },
    { provider: 7, model: 'x' },
    { provider: null, model: 'x' },
    { model: 'x' },
    { provider: 'demo', model: 1 },
  ])('rejects %j', (value) => {
    expect(parseServerConfig(value)).toBeUndefined();
  });
});

describe('fetchServerConfig', () => {
  it('throws on HTTP errors and bad bodies', async () => {
    const reply = (body: string, status = 200) =>
      (() => Promise.resolve(new Response(body, { status }))) as unknown as typeof fetch;
    await expect(fetchServerConfig(reply('{}', 500))).rejects.toThrow('HTTP 500');
    await expect(fetchServerConfig(reply('{"provider":"x"}'))).rejects.toThrow('unexpected answer');
    await expect(
      fetchServerConfig(reply('{"provider":"demo","model":"m"}')),
    ).resolves.toMatchObject({ model: 'm' });
  });
});
