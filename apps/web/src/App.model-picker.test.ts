import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { MODEL_KEY } from './lib/model-choice.js';
import { streamResponse } from './lib/session/test-kit.js';
import type { KeyValueStorage } from './lib/storage/index.js';

const CONFIG = {
  provider: 'openrouter',
  model: 'openai/gpt-4o',
  models: ['openai/gpt-4o', 'deepseek/deepseek-r1', 'qwen/qwen3-32b'],
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

/** `/api/config` answers `config`; every `/api/chat` gets a short answer, its body recorded. */
function stubServer(config: unknown) {
  const bodies: unknown[] = [];
  const fetch = vi.fn((url: RequestInfo | URL, init?: RequestInit) => {
    if (String(url) === '/api/config') {
      return Promise.resolve(new Response(JSON.stringify(config)));
    }
    bodies.push(JSON.parse(String(init?.body)));
    return Promise.resolve(
      streamResponse([
        { type: 'start', messageId: `a${bodies.length}` },
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: 'ok' },
        { type: 'text-end', id: 't' },
        { type: 'finish', finishReason: 'stop' },
      ]),
    );
  });
  vi.stubGlobal('fetch', fetch);
  return bodies;
}

async function ask(text: string): Promise<void> {
  await userEvent.type(screen.getByRole('textbox', { name: /Message|메시지/ }), `${text}{Enter}`);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('App model picker', () => {
  it('offers the allowed models, remembers the pick, and sends it with every message', async () => {
    const bodies = stubServer(CONFIG);
    const { storage, data } = memoryStorage();
    render(App, { locale: 'en', storage, wide: true });
    const picker = (await screen.findByRole('combobox', { name: 'Model' })) as HTMLSelectElement;
    expect([...picker.options].map((option) => option.value)).toEqual(CONFIG.models);
    expect(picker.value).toBe('openai/gpt-4o');

    await ask('first');
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ model: 'openai/gpt-4o' });

    await fireEvent.change(picker, { target: { value: 'deepseek/deepseek-r1' } });
    expect(data.get(MODEL_KEY)).toBe('deepseek/deepseek-r1');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy());
    await ask('second');
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toMatchObject({ model: 'deepseek/deepseek-r1' });
  });

  it('starts from the remembered model after a reload, labelled in Korean', async () => {
    const bodies = stubServer(CONFIG);
    const { storage } = memoryStorage({ [MODEL_KEY]: 'qwen/qwen3-32b' });
    render(App, { locale: 'ko', storage, wide: true });
    const picker = (await screen.findByRole('combobox', { name: '모델' })) as HTMLSelectElement;
    await waitFor(() => expect(picker.value).toBe('qwen/qwen3-32b'));
    await ask('안녕');
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ model: 'qwen/qwen3-32b' });
  });

  it('a remembered model the server no longer allows falls back to the default', async () => {
    const bodies = stubServer(CONFIG);
    const { storage } = memoryStorage({ [MODEL_KEY]: 'gpt-3.5-turbo' });
    render(App, { locale: 'en', storage, wide: true });
    const picker = (await screen.findByRole('combobox', { name: 'Model' })) as HTMLSelectElement;
    await waitFor(() => expect(picker.value).toBe('openai/gpt-4o'));
    await ask('hi');
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ model: 'openai/gpt-4o' });
  });

  it('one model: no picker, just its name, and requests name it', async () => {
    const bodies = stubServer({ ...CONFIG, models: ['openai/gpt-4o'] });
    const { storage } = memoryStorage({ [MODEL_KEY]: 'deepseek/deepseek-r1' });
    render(App, { locale: 'en', storage, wide: true });
    await waitFor(() => expect(screen.getByTestId('model-name').textContent).toBe('openai/gpt-4o'));
    expect(screen.queryByRole('combobox')).toBeNull();
    await ask('hi');
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ model: 'openai/gpt-4o' });
  });
});
