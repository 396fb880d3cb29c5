import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { streamResponse } from './lib/session/test-kit.js';

/** `/api/config` for one model; each `/api/chat` answers and ends with `finishReason`. */
function stubServer(finishReason: 'length' | 'content-filter') {
  const bodies: { messages: { role: string; parts: unknown[] }[] }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: RequestInfo | URL, init?: RequestInit) => {
      if (String(url) === '/api/config') {
        return Promise.resolve(new Response(JSON.stringify({ provider: 'groq', model: 'm' })));
      }
      bodies.push(JSON.parse(String(init?.body)));
      return Promise.resolve(
        streamResponse([
          { type: 'start', messageId: `a${bodies.length}` },
          { type: 'text-start', id: 't' },
          { type: 'text-delta', id: 't', delta: '옛날 옛적에' },
          { type: 'text-end', id: 't' },
          { type: 'finish', finishReason },
        ]),
      );
    }),
  );
  return bodies;
}

const liveRegion = () =>
  [...screen.getByTestId('live-region').querySelectorAll('p')].map((p) => p.textContent);

const notice = () => document.querySelector('.finish-notice p')?.textContent;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('App: how an answer finished, in Korean', () => {
  it('length: announced, shown under the answer, and Continue sends “계속”', async () => {
    const bodies = stubServer('length');
    render(App, { locale: 'ko', storage: undefined, wide: true });
    await userEvent.type(screen.getByRole('textbox', { name: '메시지' }), '이야기 해줘{Enter}');
    const button = await screen.findByRole('button', { name: '이어서 답변' });
    expect(notice()).toBe('토큰 한도에 도달해 답변이 중간에 멈췄습니다.');
    expect(liveRegion()).toEqual(['토큰 한도에 도달해 답변이 중간에 멈췄습니다. 옛날 옛적에']);

    await fireEvent.click(button);
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]?.messages.at(-1)).toEqual({
      id: expect.any(String),
      role: 'user',
      parts: [{ type: 'text', text: '계속' }],
    });
  });

  it('content-filter: announced and shown, no Continue', async () => {
    stubServer('content-filter');
    render(App, { locale: 'ko', storage: undefined, wide: true });
    await userEvent.type(screen.getByRole('textbox', { name: '메시지' }), '질문{Enter}');
    const text = '제공자의 콘텐츠 필터로 답변이 중단되었습니다.';
    await waitFor(() => expect(liveRegion()).toEqual([`${text} 옛날 옛적에`]));
    expect(notice()).toBe(text);
    expect(screen.queryByRole('button', { name: '이어서 답변' })).toBeNull();
  });
});
