import { parseLastEventId } from '@edgechat/core';
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../app.js';
import { getConfig } from '../config.js';
import { enforceRateLimit, type RateLimiter } from '../rate-limit.js';
import type { AnswerRequest } from './answer-run.js';
import { parseChatId } from './chat-id.js';

// The routes of resumable answers (the AI SDK's `useChat({ resume: true })` and our web app):
// the worker validates and rate-limits; the chat's Durable Object does the rest.

/** The chat's object, or `undefined` when resumable answers are off or not bound. */
type Answers = Env['CHAT_ANSWERS'];

export function answersFor(env: Env): Answers | undefined {
  if (!getConfig(env).answers.enabled) return undefined;
  // A deployment whose config lost the binding answers as without a chat id.
  return (env as Partial<Pick<Env, 'CHAT_ANSWERS'>>).CHAT_ANSWERS;
}

/** `POST /api/chat` with an `id`: the answer is made by the chat's object. */
export function startAnswer(
  namespace: Answers,
  chatId: string,
  request: AnswerRequest,
): Promise<Response> {
  return stubFor(namespace, chatId).fetch('https://chat-answers/start', {
    method: 'POST',
    body: JSON.stringify(request),
  });
}

export function registerAnswerRoutes(
  app: Hono<AppEnv>,
  limiterFor: (c: Context<AppEnv>) => RateLimiter | undefined,
): void {
  const guard = async (c: Context<AppEnv>): Promise<string> => {
    const config = getConfig(c.env);
    await enforceRateLimit(limiterFor(c), c.req.raw, config.rateLimitPeriod);
    return parseChatId(c.req.param('id'), 'path');
  };

  // Replays the chat's latest answer, live or finished: after `Last-Event-ID`, or all of it.
  app.get('/api/chat/:id/stream', async (c) => {
    const chatId = await guard(c);
    const namespace = answersFor(c.env);
    if (namespace === undefined) return c.body(null, 204);
    const headers = new Headers();
    const after = parseLastEventId(c.req.header('last-event-id'));
    if (after > 0) headers.set('last-event-id', String(after));
    return stubFor(namespace, chatId).fetch('https://chat-answers/stream', { headers });
  });

  // Stops the chat's running answer; what it said so far is kept.
  app.post('/api/chat/:id/stop', async (c) => {
    const chatId = await guard(c);
    const namespace = answersFor(c.env);
    if (namespace === undefined) return c.json({ stopped: false });
    return stubFor(namespace, chatId).fetch('https://chat-answers/stop', { method: 'POST' });
  });
}

function stubFor(namespace: Answers, chatId: string): DurableObjectStub {
  return namespace.get(namespace.idFromName(chatId));
}
