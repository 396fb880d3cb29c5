// Shared by the in-workerd route tests.
import type { UIMessageChunk } from '@edgechat/core';
import { env } from 'cloudflare:workers';
import type { Hono } from 'hono';
import type { AppEnv } from '../src/app.js';

/** A key that must never show up anywhere (test/secrets.test.ts hunts for it). */
export const PLANTED_KEY = 'sk-planted-0123456789abcdefDO-NOT-LEAK';

/**
 * The wrangler.jsonc env with some vars replaced; a new object, so config is read afresh. The
 * per-client limit on concurrent answers is off (every test is the same client, and many
 * leave a body unread): test/stream-limit.test.ts turns it on. So is the daily token budget
 * (the tests share one deployment's count): test/daily-budget.test.ts turns it on.
 */
export function testEnv(vars: Record<string, string> = {}): Env {
  return { ...env, MAX_CONCURRENT_STREAMS: '0', DAILY_TOKEN_BUDGET: '0', ...vars } as Env;
}

/** An env with a key: provider "openai" (the model itself is injected by each test). */
export function openaiEnv(vars: Record<string, string> = {}): Env {
  return testEnv({ OPENAI_API_KEY: PLANTED_KEY, ...vars });
}

/**
 * A chat request as the web app sends it: asking for AI SDK 6's chunk set, the one the tests
 * spell out. test/chunk-sets.test.ts pins what a client that does not ask gets.
 */
export function chatInit(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-edgechat-chunk-set': '6', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

export function postChat(
  app: Hono<AppEnv>,
  body: unknown,
  appEnv: Env,
  headers: Record<string, string> = {},
) {
  return app.request('/api/chat', chatInit(body, headers), appEnv);
}

export const userSays = (text: string) => ({ messages: [{ role: 'user', content: text }] });

/**
 * The body's wire format, checked strictly: `data: <json>\n\n` frames and a final
 * `data: [DONE]\n\n`, nothing else. Returns the chunks.
 */
export function parseWire(text: string): UIMessageChunk[] {
  const frames = text.split('\n\n');
  if (frames.pop() !== '')
    throw new Error(`body does not end with a blank line: ${JSON.stringify(text.slice(-80))}`);
  if (frames.pop() !== 'data: [DONE]') throw new Error('body does not end with data: [DONE]');
  return frames.map((frame) => {
    if (!frame.startsWith('data: ') || frame.includes('\n'))
      throw new Error(`bad frame ${JSON.stringify(frame)}`);
    return JSON.parse(frame.slice('data: '.length)) as UIMessageChunk;
  });
}

/** Replaces values that differ per run (ids, clock readings) so sequences can be compared whole. */
export function normalize(chunks: UIMessageChunk[]): unknown[] {
  return chunks.map((chunk) => {
    if (chunk.type === 'start') return { ...chunk, messageId: '<id>' };
    if (chunk.type === 'text-start' || chunk.type === 'text-delta' || chunk.type === 'text-end') {
      return { ...chunk, id: '<text>' };
    }
    if (chunk.type === 'tool-output-available') {
      const output = chunk.output as Record<string, unknown>;
      return {
        ...chunk,
        output: {
          ...output,
          iso: '<iso>',
          local: '<local>',
          ...('utcOffset' in output ? { utcOffset: '<offset>' } : {}),
        },
      };
    }
    return chunk;
  });
}

export async function json(response: Response): Promise<unknown> {
  return JSON.parse(await response.text()) as unknown;
}
