// Turnstile on POST /api/chat: off by default; when on, a visitor needs a widget token once,
// which siteverify (a fake here) checks, and then chats on a signed pass cookie.
import { createScriptedModel } from '@edgechat/core/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { chatInit, json, parseWire, testEnv, userSays } from './helpers.js';

const SECRET = '0x4AAAAAAA-turnstile-secret-DO-NOT-LEAK';
const ON = { TURNSTILE_SECRET: SECRET, TURNSTILE_SITE_KEY: '0x4AAAAAAA-site-key' };
const IP = '203.0.113.7';

type Verdict = 'pass' | 'fail' | 'down';

function setup(verdict: () => Verdict = () => 'pass') {
  const calls: Record<string, string>[] = [];
  const botCheckFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const form = await new Request(String(input), init).formData();
    calls.push(Object.fromEntries([...form].map(([k, v]) => [k, String(v)])));
    const v = verdict();
    if (v === 'down') throw new TypeError('connection refused');
    return Response.json(
      v === 'pass'
        ? { success: true }
        : { success: false, 'error-codes': ['invalid-input-response'] },
    );
  }) as typeof fetch;
  const model = createScriptedModel(Array.from({ length: 20 }, () => ({ text: 'ok' })));
  const app = createApp({ model, rateLimiter: null, botCheckFetch });
  const env = testEnv(ON);
  const chat = (headers: Record<string, string> = {}, appEnv = env) =>
    app.request(
      '/api/chat',
      chatInit(userSays('hi'), { 'cf-connecting-ip': IP, ...headers }),
      appEnv,
    );
  return { app, env, calls, model, chat };
}

const passCookie = (response: Response) =>
  (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

const error = (status: number, code: string, message: string) => [
  status,
  { error: { code, message } },
];

const REQUIRED = error(
  403,
  'bot_check_required',
  'Please confirm you are human (the check above the message box), then send again.',
);

describe('the bot check', () => {
  it('is off by default: no token, no cookie, no siteverify call, no turnstile in config', async () => {
    const { app, calls } = setup();
    const response = await app.request('/api/chat', chatInit(userSays('hi')), testEnv());
    expect([response.status, response.headers.get('set-cookie')]).toEqual([200, null]);
    await response.text();
    const config = (await json(await app.request('/api/config', {}, testEnv()))) as object;
    expect('turnstile' in config).toBe(false);
    expect(calls).toEqual([]);
  });

  it('when on, /api/config gives the web app the site key (and nothing else of it)', async () => {
    const { app, env } = setup();
    const config = (await json(await app.request('/api/config', {}, env))) as Record<
      string,
      unknown
    >;
    expect(config.turnstile).toEqual({ siteKey: '0x4AAAAAAA-site-key' });
  });

  it('no token → 403 bot_check_required, before the model or siteverify is called', async () => {
    const { chat, calls, model } = setup();
    const response = await chat();
    expect([response.status, await json(response)]).toEqual(REQUIRED);
    expect([calls.length, model.requests.length]).toEqual([0, 0]);
  });

  it('a valid token → the answer streams and sets a pass; with it, no token and no siteverify', async () => {
    const { chat, calls } = setup();
    const first = await chat({ 'x-turnstile-token': 'tok-1' });
    expect(first.status).toBe(200);
    expect(parseWire(await first.text()).filter((c) => c.type === 'text-delta')).toHaveLength(1);
    expect(calls).toEqual([{ secret: SECRET, response: 'tok-1', remoteip: IP }]);
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(
      /^edgechat_pass=v1\.\d+\.[\w-]{43}; Max-Age=7200; Path=\/api; HttpOnly; Secure; SameSite=Strict$/,
    );

    const second = await chat({ cookie: `theme=dark; ${passCookie(first)}` });
    expect([second.status, second.headers.get('set-cookie')]).toEqual([200, null]);
    await second.text();
    expect(calls).toHaveLength(1);
  });

  it('a tampered, expired, or other client’s pass is no pass', async () => {
    const { chat, calls } = setup();
    const first = await chat({ 'x-turnstile-token': 'tok-1' });
    await first.text();
    const cookie = passCookie(first);
    const [name, value = ''] = cookie.split('=');
    const [, expiry = '0', mac = ''] = value.split('.');
    const tampered = [
      `${name}=v1.${Number(expiry) + 3600}.${mac}`,
      `${name}=v1.${expiry}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
      `${name}=garbage`,
    ];
    for (const bad of tampered) {
      const response = await chat({ cookie: bad });
      expect([response.status, await json(response)]).toEqual(REQUIRED);
    }
    // The same pass from another network.
    const elsewhere = await chat({ cookie, 'cf-connecting-ip': '198.51.100.1' });
    expect([elsewhere.status, await json(elsewhere)]).toEqual(REQUIRED);
    // A pass that has run out: a 60 s one, shown 61 s later.
    const short = testEnv({ ...ON, TURNSTILE_PASS_SECONDS: '60' });
    const brief = await chat({ 'x-turnstile-token': 'tok-2' }, short);
    await brief.text();
    const realNow = Date.now;
    Date.now = () => realNow() + 61_000;
    try {
      const expired = await chat({ cookie: passCookie(brief) }, short);
      expect([expired.status, await json(expired)]).toEqual(REQUIRED);
    } finally {
      Date.now = realNow;
    }
    expect(calls).toHaveLength(2);
  });

  it('siteverify says no → 403 bot_check_failed; siteverify down → 503 bot_check_unavailable', async () => {
    let verdict: Verdict = 'fail';
    const { chat, model } = setup(() => verdict);
    const failed = await chat({ 'x-turnstile-token': 'tok-bad' });
    expect([failed.status, await json(failed)]).toEqual(
      error(
        403,
        'bot_check_failed',
        'The human check did not pass or has expired. Please complete it again, then send.',
      ),
    );
    verdict = 'down';
    const down = await chat({ 'x-turnstile-token': 'tok-1' });
    expect([down.status, down.headers.get('retry-after'), await json(down)]).toEqual([
      503,
      '10',
      {
        error: {
          code: 'bot_check_unavailable',
          message: 'The human check cannot be verified right now. Please try again shortly.',
        },
      },
    ]);
    expect(model.requests).toHaveLength(0);
  });

  it('cheap checks come first: a bad body is refused without spending the token', async () => {
    const { app, env, calls } = setup();
    const response = await app.request(
      '/api/chat',
      chatInit({ messages: [] }, { 'x-turnstile-token': 'tok-1' }),
      env,
    );
    expect(response.status).toBe(422);
    expect(calls).toEqual([]);
  });

  it('only one of the two vars → every chat is a 500 config_error', async () => {
    const { app } = setup();
    const response = await app.request(
      '/api/chat',
      chatInit(userSays('hi')),
      testEnv({ TURNSTILE_SECRET: SECRET }),
    );
    const body = await response.text();
    expect(response.status).toBe(500);
    expect(body).toContain('TURNSTILE_SECRET is set but TURNSTILE_SITE_KEY is not');
    expect(body).not.toContain(SECRET);
  });

  it('the secret appears in no response', async () => {
    const { app, env, chat } = setup(() => 'fail');
    const bodies = await Promise.all(
      [
        await app.request('/api/config', {}, env),
        await app.request('/api/health', {}, env),
        await chat(),
        await chat({ 'x-turnstile-token': 'tok' }),
      ].map(async (r) => `${JSON.stringify([...r.headers])}${await r.text()}`),
    );
    for (const body of bodies) expect(body).not.toContain(SECRET);
  });
});
