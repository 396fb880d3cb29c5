import { createToolRegistry, defineTool, getCurrentTime } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { DEFAULT_SYSTEM_PROMPT } from '../src/config.js';
import { json, openaiEnv, testEnv } from './helpers.js';

const app = createApp({ rateLimiter: null });

describe('GET /api/health', () => {
  it('answers { ok: true }, also to HEAD', async () => {
    const response = await app.request('/api/health', {}, testEnv());
    expect([response.status, response.headers.get('content-type'), await json(response)]).toEqual([
      200,
      'application/json',
      { ok: true },
    ]);
    const head = await app.request('/api/health', { method: 'HEAD' }, testEnv());
    expect([head.status, await head.text()]).toEqual([200, '']);
  });
});

describe('GET /api/config', () => {
  const limits = { maxBodyBytes: 262_144, maxMessages: 100, maxMessageBytes: 32_768, maxSteps: 5 };
  const tools = [
    { name: 'get_current_time', description: 'Get the current time in a given timezone' },
  ];

  it('with a key: provider openai, the allowed models, tools and limits — never the key or the base URL', async () => {
    const response = await app.request(
      '/api/config',
      {},
      openaiEnv({ OPENAI_BASE_URL: 'https://gateway.example/v1' }),
    );
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      provider: 'openai',
      model: 'gpt-4o',
      models: ['gpt-4o', 'gpt-4o-mini'],
      tools,
      limits,
      systemPrompt: DEFAULT_SYSTEM_PROMPT,
    });
    expect(text).not.toContain('sk-');
    expect(text).not.toContain('gateway.example');
  });

  it('without a key: provider demo', async () => {
    const response = await app.request('/api/config', {}, testEnv({ MAX_MESSAGES: '7' }));
    expect(await json(response)).toEqual({
      provider: 'demo',
      model: 'edgechat-demo',
      models: ['edgechat-demo'],
      tools,
      limits: { ...limits, maxMessages: 7 },
      systemPrompt: DEFAULT_SYSTEM_PROMPT,
    });
  });

  it('publishes the configured system prompt for the debug view', async () => {
    const response = await app.request(
      '/api/config',
      {},
      testEnv({ SYSTEM_PROMPT: 'Answer like a pirate.' }),
    );
    expect(((await json(response)) as { systemPrompt: string }).systemPrompt).toBe(
      'Answer like a pirate.',
    );
  });

  it('lists the tools of the registry (adding a tool is one defineTool)', async () => {
    const echo = defineTool({
      name: 'echo',
      description: 'Echo the input.',
      parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
      execute: (input: { text: string }) => input.text,
    });
    const withEcho = createApp({
      rateLimiter: null,
      tools: createToolRegistry([getCurrentTime, echo]),
    });
    const response = await withEcho.request('/api/config', {}, testEnv());
    expect((await json(response)) as object).toMatchObject({
      tools: [...tools, { name: 'echo', description: 'Echo the input.' }],
    });
  });
});

describe('other /api/* requests', () => {
  it.each([
    ['GET', '/api/chat', 'POST'],
    ['PUT', '/api/chat', 'POST'],
    ['DELETE', '/api/chat', 'POST'],
    ['OPTIONS', '/api/chat', 'POST'],
    ['POST', '/api/config', 'GET, HEAD'],
    ['POST', '/api/health', 'GET, HEAD'],
  ])('%s %s → 405, allow: %s', async (method, path, allow) => {
    const response = await app.request(path, { method }, testEnv());
    expect([response.status, response.headers.get('allow'), await json(response)]).toEqual([
      405,
      allow,
      { error: { code: 'method_not_allowed', message: `${path} answers ${allow} only.` } },
    ]);
  });

  it.each(['/api', '/api/', '/api/unknown', '/api/chat/extra', '/api/../api/nope'])(
    'GET %s → JSON 404',
    async (path) => {
      const response = await app.request(path, {}, testEnv());
      expect([response.status, await json(response)]).toEqual([
        404,
        { error: { code: 'not_found', message: 'No such API route.' } },
      ]);
    },
  );
});

describe('everything else', () => {
  it('is served from the ASSETS binding (the SPA), with the security headers', async () => {
    const response = await app.request('/', {}, testEnv());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).toMatch(/^<!doctype html>/i);
  });

  it('falls back to index.html for client-side routes', async () => {
    const index = await (await app.request('/', {}, testEnv())).text();
    const response = await app.request('/chat/some-id', {}, testEnv());
    expect([response.status, await response.text()]).toEqual([200, index]);
  });

  it('is a JSON 404 where there is no ASSETS binding', async () => {
    const { ASSETS: _assets, ...withoutAssets } = testEnv();
    const response = await app.request('/', {}, withoutAssets as Env);
    expect(response.status).toBe(404);
  });
});
