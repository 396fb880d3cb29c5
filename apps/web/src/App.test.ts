import { render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { STORAGE_KEY, type KeyValueStorage } from './lib/storage/index.js';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

function stubConfig(config: unknown, status = 200) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(new Response(JSON.stringify(config), { status }))),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('App', () => {
  it('greets in Korean and shows the model; demo mode is announced visibly', async () => {
    stubConfig({
      provider: 'demo',
      model: 'edgechat-demo',
      models: ['edgechat-demo'],
      tools: [],
      limits: {},
    });
    render(App, { locale: 'ko', storage: memoryStorage(), wide: true });
    expect(screen.getByRole('heading', { name: '안녕하세요! 무엇을 도와드릴까요?' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('model-name').textContent).toBe('edgechat-demo'));
    expect(
      screen.getByText('데모 모드 — API 키가 없어 오프라인 데모 모델이 답변합니다.'),
    ).toBeTruthy();
  });

  it.each([
    ['corrupt JSON', '{"version":1,', 'could not be read (the data is damaged)'],
    ['an old format', '[{"role":"user","content":"hi"}]', 'in a format this version cannot read'],
  ])('a store with %s: a notice, and a working page', async (_name, raw, notice) => {
    stubConfig({ provider: 'openai', model: 'gpt-4o' });
    render(App, { locale: 'en', storage: memoryStorage({ [STORAGE_KEY]: raw }), wide: true });
    expect(screen.getByRole('status').textContent).toContain(notice);
    expect(screen.getByRole('heading', { name: 'Hi! How can I help you?' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();
  });

  it('says so when the config cannot be loaded, and still offers the chat', async () => {
    stubConfig({ error: { code: 'x', message: 'nope' } }, 500);
    render(App, { locale: 'en', storage: undefined, wide: false });
    await waitFor(() => expect(screen.getByTestId('model-name').textContent).toBe('unknown'));
    expect(
      screen.getByText('Could not load the server configuration. Chat may still work.'),
    ).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();
  });
});
