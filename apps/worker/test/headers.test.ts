import { createScriptedModel } from '@edgechat/core/testing';
import { describe, expect, it } from 'vitest';
import placeholderHeaders from '../public-placeholder/_headers?raw';
import { createApp } from '../src/app.js';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../src/security-headers.js';
import { chatInit, openaiEnv, testEnv, userSays } from './helpers.js';

const securityHeadersOf = (response: Response) =>
  Object.fromEntries(
    Object.keys(SECURITY_HEADERS).map((name) => [name, response.headers.get(name)]),
  );

describe('security headers on every response', () => {
  const app = createApp({ rateLimiter: null, model: createScriptedModel([{ text: 'ok' }]) });
  it.each([
    ['a stream', '/api/chat', chatInit(userSays('hi')), openaiEnv()],
    ['JSON', '/api/config', {}, testEnv()],
    ['a 4xx error', '/api/chat', chatInit('{'), testEnv()],
    ['a 404', '/api/nope', {}, testEnv()],
    ['a 405', '/api/health', { method: 'DELETE' }, testEnv()],
    ['an asset', '/', {}, testEnv()],
  ] as const)('%s', async (_name, path, init, env) => {
    const response = await app.request(path, init, env);
    expect(securityHeadersOf(response)).toEqual(SECURITY_HEADERS);
  });

  it('the CSP allows no inline script or style, no framing', () => {
    expect(SECURITY_HEADERS['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
  });

  it('with Turnstile on, pages and API may load its script and frame from its origin alone', async () => {
    const on = testEnv({ TURNSTILE_SECRET: 'ts-secret-123456', TURNSTILE_SITE_KEY: 'ts-site' });
    for (const path of ['/', '/api/config']) {
      const response = await app.request(path, {}, on);
      expect(securityHeadersOf(response)).toEqual({
        ...SECURITY_HEADERS,
        'content-security-policy':
          "default-src 'self'; script-src 'self' https://challenges.cloudflare.com; frame-src https://challenges.cloudflare.com; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      });
    }
    expect(CONTENT_SECURITY_POLICY).not.toContain('challenges.cloudflare.com');
  });

  it('public-placeholder/_headers gives static assets the same headers', () => {
    const rules = placeholderHeaders
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim().split(': '))
      .map(([name, value]) => [name?.toLowerCase(), value]);
    expect(placeholderHeaders).toContain('\n/*\n');
    expect(Object.fromEntries(rules)).toEqual(SECURITY_HEADERS);
  });
});

describe('CORS', () => {
  const app = createApp({ rateLimiter: null });
  const preflight = {
    method: 'OPTIONS',
    headers: {
      origin: 'https://other.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  };

  it('is off by default: no CORS headers, and a preflight gets 405', async () => {
    const get = await app.request(
      '/api/config',
      { headers: { origin: 'https://other.example' } },
      testEnv(),
    );
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const options = await app.request('/api/chat', preflight, testEnv());
    expect([options.status, options.headers.get('access-control-allow-origin')]).toEqual([
      405,
      null,
    ]);
  });

  it('ALLOWED_ORIGINS opens it to the listed origins only', async () => {
    const env = testEnv({ ALLOWED_ORIGINS: 'https://other.example, http://localhost:5173' });
    const options = await app.request('/api/chat', preflight, env);
    expect({
      status: options.status,
      origin: options.headers.get('access-control-allow-origin'),
      methods: options.headers.get('access-control-allow-methods'),
      headers: options.headers.get('access-control-allow-headers'),
      maxAge: options.headers.get('access-control-max-age'),
    }).toEqual({
      status: 204,
      origin: 'https://other.example',
      methods: 'GET,HEAD,POST,OPTIONS',
      headers: 'content-type,last-event-id,x-edgechat-chunk-set',
      maxAge: '600',
    });
    const get = await app.request(
      '/api/config',
      { headers: { origin: 'http://localhost:5173' } },
      env,
    );
    expect([
      get.headers.get('access-control-allow-origin'),
      get.headers.get('access-control-expose-headers'),
    ]).toEqual(['http://localhost:5173', 'retry-after,x-vercel-ai-ui-message-stream']);
    const stranger = await app.request(
      '/api/config',
      { headers: { origin: 'https://evil.example' } },
      env,
    );
    expect([stranger.status, stranger.headers.get('access-control-allow-origin')]).toEqual([
      403,
      null,
    ]);
  });

  it('`*` allows any origin', async () => {
    const response = await app.request(
      '/api/config',
      { headers: { origin: 'https://any.example' } },
      testEnv({ ALLOWED_ORIGINS: '*' }),
    );
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('error responses carry CORS headers too (so the browser lets the page read them)', async () => {
    const response = await app.request(
      '/api/chat',
      {
        ...chatInit('{'),
        headers: { 'content-type': 'application/json', origin: 'https://other.example' },
      },
      testEnv({ ALLOWED_ORIGINS: 'https://other.example' }),
    );
    expect([response.status, response.headers.get('access-control-allow-origin')]).toEqual([
      400,
      'https://other.example',
    ]);
  });
});
