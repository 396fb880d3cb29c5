import { UI_CHUNK_SET_HEADER } from '@edgechat/core';
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

// CORS is off by default and `ALLOWED_ORIGINS` opens it. Off means no CORS headers at all
// (a preflight then gets the route's 405): the web app is served from the same origin.

const ALLOW_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'];
// last-event-id: a client on another origin resuming an answer (GET /api/chat/:id/stream).
const ALLOW_HEADERS = ['content-type', 'last-event-id', UI_CHUNK_SET_HEADER];
const EXPOSE_HEADERS = ['retry-after', 'x-vercel-ai-ui-message-stream'];

/** `origins` as configured: empty → CORS off; contains `'*'` → any origin. */
export function corsFor(origins: readonly string[]): MiddlewareHandler | undefined {
  if (origins.length === 0) return undefined;
  const any = origins.includes('*');
  return cors({
    origin: (origin) => (any ? '*' : origins.includes(origin) ? origin : null),
    allowMethods: ALLOW_METHODS,
    allowHeaders: ALLOW_HEADERS,
    exposeHeaders: EXPOSE_HEADERS,
    maxAge: 600,
  });
}
