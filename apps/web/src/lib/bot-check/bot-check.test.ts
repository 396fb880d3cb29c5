import { describe, expect, it } from 'vitest';
import { BotCheck } from './bot-check.svelte.js';

interface Sent {
  url: string;
  method: string;
  token: string | null;
}

function server(answers: Response[]) {
  const sent: Sent[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({
      url: String(input),
      method: init?.method ?? 'GET',
      token: new Headers(init?.headers).get('x-turnstile-token'),
    });
    return answers.shift() ?? new Response('{}');
  }) as typeof fetch;
  return { sent, fetchImpl };
}

const refusal = (status: number, code: string) =>
  Response.json({ error: { code, message: '…' } }, { status });
const chat = (check: BotCheck) =>
  check.fetch('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });

describe('BotCheck', () => {
  it('off (no site key): requests go out untouched', async () => {
    const { sent, fetchImpl } = server([]);
    const check = new BotCheck(fetchImpl);
    check.solved('tok');
    await chat(check);
    expect(sent).toEqual([{ url: '/api/chat', method: 'POST', token: null }]);
  });

  it('sends a token once, with the next chat only; success hides the widget', async () => {
    const { sent, fetchImpl } = server([]);
    const check = new BotCheck(fetchImpl);
    check.siteKey = 'site';
    check.solved('tok-1');
    await check.fetch('/api/config');
    await check.fetch('/api/chat/abc/stop', { method: 'POST' });
    await chat(check);
    await chat(check);
    expect(sent.map((s) => [s.url, s.token])).toEqual([
      ['/api/config', null],
      ['/api/chat/abc/stop', null],
      ['/api/chat', 'tok-1'],
      ['/api/chat', null],
    ]);
    expect([check.shown, check.failed, check.generation]).toEqual([false, false, 0]);
  });

  it('a bot_check_* refusal shows the widget again for a new token; other errors do not', async () => {
    const { fetchImpl } = server([
      new Response('{}'),
      refusal(403, 'bot_check_required'),
      refusal(403, 'forbidden_origin'),
      refusal(503, 'bot_check_unavailable'),
      new Response('not json', { status: 403 }),
    ]);
    const check = new BotCheck(fetchImpl);
    check.siteKey = 'site';
    await chat(check);
    expect(check.shown).toBe(false);
    const refused = await chat(check);
    expect([refused.status, check.shown, check.failed, check.generation]).toEqual([
      403,
      true,
      true,
      1,
    ]);
    // The response body is still there for the chat to show.
    expect(await refused.json()).toEqual({ error: { code: 'bot_check_required', message: '…' } });
    await chat(check);
    expect(check.generation).toBe(1);
    await chat(check);
    expect(check.generation).toBe(2);
    await chat(check);
    expect(check.generation).toBe(2);
  });

  it('an expired token is not sent; a spent one refused for another reason asks for a new one', async () => {
    const { sent, fetchImpl } = server([refusal(422, 'invalid_request')]);
    const check = new BotCheck(fetchImpl);
    check.siteKey = 'site';
    check.solved('tok-1');
    await chat(check);
    expect([sent[0]?.token, check.generation, check.failed]).toEqual(['tok-1', 1, false]);
    check.solved('tok-2');
    check.expired();
    await chat(check);
    expect(sent[1]?.token).toBeNull();
  });
});
