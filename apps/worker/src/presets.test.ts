import { describe, expect, it } from 'vitest';
import { findPreset, PRESET_NAMES, PRESETS, samplingFields } from './presets.js';

describe('findPreset', () => {
  it('reads PROVIDER case- and space-blind; blank is OpenAI; an unknown name is undefined', () => {
    expect(findPreset(undefined)?.name).toBe('openai');
    expect(findPreset('  ')?.name).toBe('openai');
    expect(findPreset(' DeepSeek ')?.name).toBe('deepseek');
    expect(findPreset('workers-ai')?.name).toBe('workers-ai');
    expect(findPreset('anthropic')).toBeUndefined();
    expect(findPreset('__proto__')).toBeUndefined();
  });

  it('has one preset per name, each knowing where it lives or saying it must be set', () => {
    expect(Object.keys(PRESETS)).toEqual([...PRESET_NAMES]);
    expect(
      Object.fromEntries(PRESET_NAMES.map((name) => [name, PRESETS[name].baseURL ?? null])),
    ).toEqual({
      openai: 'https://api.openai.com/v1',
      openrouter: 'https://openrouter.ai/api/v1',
      ollama: 'http://localhost:11434/v1',
      deepseek: 'https://api.deepseek.com/v1',
      groq: 'https://api.groq.com/openai/v1',
      together: 'https://api.together.xyz/v1',
      vllm: 'http://localhost:8000/v1',
      lmstudio: 'http://localhost:1234/v1',
      azure: null,
      'workers-ai': null,
      'openai-responses': 'https://api.openai.com/v1',
    });
  });
});

describe('a preset records its quirks', () => {
  it('OpenAI reasoning models get max_completion_tokens and no temperature; others max_tokens', () => {
    const settings = { temperature: 0.1, maxTokens: 2048 };
    expect({
      'gpt-4o': samplingFields(PRESETS.openai, 'gpt-4o', settings),
      o3: samplingFields(PRESETS.openai, 'o3-mini', settings),
      'gpt-5': samplingFields(PRESETS.azure, 'gpt-5', settings),
      ollama: samplingFields(PRESETS.ollama, 'qwen3', settings),
      // DeepSeek ignores temperature for its reasoner rather than rejecting it.
      'deepseek-reasoner': samplingFields(PRESETS.deepseek, 'deepseek-reasoner', settings),
      groq: samplingFields(PRESETS.groq, 'qwen/qwen3-32b', settings),
    }).toEqual({
      'gpt-4o': { temperature: 0.1, max_tokens: 2048 },
      o3: { max_completion_tokens: 2048 },
      'gpt-5': { max_completion_tokens: 2048 },
      ollama: { max_tokens: 2048, temperature: 0.1 },
      'deepseek-reasoner': { max_tokens: 2048, temperature: 0.1 },
      groq: { max_completion_tokens: 2048, temperature: 0.1 },
    });
  });

  it('OpenRouter sends its attribution headers only when set; Azure authenticates with api-key', () => {
    expect(PRESETS.openrouter.headers({})).toEqual({});
    expect(
      PRESETS.openrouter.headers({ siteURL: 'https://chat.example', siteName: 'edgechat' }),
    ).toEqual({ 'HTTP-Referer': 'https://chat.example', 'X-Title': 'edgechat' });
    expect({ auth: PRESETS.azure.auth, apiVersion: PRESETS.azure.apiVersion }).toEqual({
      auth: 'api-key',
      apiVersion: '2024-10-21',
    });
  });

  it('only openai-responses asks through the Responses API, with OpenAI\u2019s reasoning models', () => {
    expect(PRESET_NAMES.filter((name) => PRESETS[name].api === 'responses')).toEqual([
      'openai-responses',
    ]);
    expect(PRESETS['openai-responses'].reasoningModels).toBe(PRESETS.openai.reasoningModels);
    expect(PRESETS['openai-responses'].needsKey).toBe(true);
  });

  it('only DeepSeek needs reasoning sent back; local servers need no key', () => {
    expect(PRESET_NAMES.filter((name) => PRESETS[name].sendsReasoningBack)).toEqual(['deepseek']);
    expect(PRESET_NAMES.filter((name) => !PRESETS[name].needsKey)).toEqual([
      'ollama',
      'vllm',
      'lmstudio',
    ]);
    expect(PRESET_NAMES.filter((name) => PRESETS[name].thinkTags)).toEqual([
      'ollama',
      'groq',
      'together',
      'lmstudio',
      'workers-ai',
    ]);
  });
});
