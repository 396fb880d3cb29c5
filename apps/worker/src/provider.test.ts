import { DEMO_MODEL_ID } from '@edgechat/core/demo';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { selectProvider } from './provider.js';

const described = (env: Record<string, string>) => {
  const { name, model, models } = selectProvider(readConfig(env));
  return { name, model, models };
};

describe('selectProvider', () => {
  it('runs the demo model without a key, unless the preset is a server that needs none', () => {
    expect({
      none: described({}),
      openrouter: described({ PROVIDER: 'openrouter', MODEL: 'x/y' }),
      ollama: described({ PROVIDER: 'ollama', MODEL: 'qwen3', ALLOWED_MODELS: 'llama3.2' }),
      keyed: described({ PROVIDER: 'deepseek', OPENAI_API_KEY: 'sk-1', MODEL: 'deepseek-chat' }),
      responses: described({ PROVIDER: 'openai-responses', OPENAI_API_KEY: 'sk-1' }),
      responsesNoKey: described({ PROVIDER: 'openai-responses' }),
    }).toEqual({
      none: { name: 'demo', model: DEMO_MODEL_ID, models: [DEMO_MODEL_ID] },
      openrouter: { name: 'demo', model: DEMO_MODEL_ID, models: [DEMO_MODEL_ID] },
      ollama: { name: 'ollama', model: 'qwen3', models: ['qwen3', 'llama3.2'] },
      keyed: { name: 'deepseek', model: 'deepseek-chat', models: ['deepseek-chat'] },
      responses: { name: 'openai-responses', model: 'gpt-4o', models: ['gpt-4o'] },
      responsesNoKey: { name: 'demo', model: DEMO_MODEL_ID, models: [DEMO_MODEL_ID] },
    });
  });
});
