import { describe, expect, it } from 'vitest';
import { chooseModel, loadModelChoice, MODEL_KEY, saveModelChoice } from './model-choice.js';
import type { ServerConfig } from './server-config.js';
import type { KeyValueStorage } from './storage/index.js';

const config: ServerConfig = {
  provider: 'openrouter',
  model: 'openai/gpt-4o',
  models: ['openai/gpt-4o', 'deepseek/deepseek-r1'],
  tools: [],
  limits: {},
};

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const storage: KeyValueStorage = {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
  return { storage, data };
}

const broken: KeyValueStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('chooseModel', () => {
  it('keeps a remembered model the server still allows', () => {
    expect(chooseModel(config, 'deepseek/deepseek-r1')).toBe('deepseek/deepseek-r1');
  });

  it.each([undefined, 'gpt-3.5-turbo', ''])('falls back to the default for %j', (remembered) => {
    expect(chooseModel(config, remembered)).toBe('openai/gpt-4o');
  });
});

describe('loadModelChoice / saveModelChoice', () => {
  it('round-trips through its own key', () => {
    const { storage, data } = memoryStorage();
    expect(loadModelChoice(storage)).toBeUndefined();
    saveModelChoice(storage, 'deepseek/deepseek-r1');
    expect([...data]).toEqual([[MODEL_KEY, 'deepseek/deepseek-r1']]);
    expect(loadModelChoice(storage)).toBe('deepseek/deepseek-r1');
  });

  it('an empty value is no choice', () => {
    expect(loadModelChoice(memoryStorage({ [MODEL_KEY]: '' }).storage)).toBeUndefined();
  });

  it('storage that is missing or throws costs only the memory', () => {
    expect(loadModelChoice(undefined)).toBeUndefined();
    expect(loadModelChoice(broken)).toBeUndefined();
    expect(() => saveModelChoice(broken, 'm')).not.toThrow();
    expect(() => saveModelChoice(undefined, 'm')).not.toThrow();
  });
});
