// Writes one MockStep onto the wire: a JSON answer, or an SSE stream played action by action.
import type { ServerResponse } from 'node:http';
import type { MockAction, MockStep } from './types.js';

/** `data: <json>\n\n`, the one frame shape of OpenAI's stream; a string goes as it is. */
export function sseFrame(data: unknown): string {
  return `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export async function play(
  step: MockStep,
  res: ServerResponse,
  waitFor: (name: string) => Promise<void>,
): Promise<void> {
  if (step.hangBeforeHeaders) return; // nothing, ever: the client's timeout or abort ends it
  if (step.headersWaitFor !== undefined) await waitFor(step.headersWaitFor);
  if (res.destroyed) return;
  const status = step.status ?? 200;
  if (status !== 200 || step.body !== undefined) {
    const body = step.body ?? { error: { message: `mock HTTP ${status}`, type: 'server_error' } };
    sendJson(res, status, body, step.headers);
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...step.headers,
  });
  res.flushHeaders();
  for (const action of step.actions ?? []) {
    if (res.destroyed) return;
    if (!(await perform(action, res, waitFor))) return;
  }
  res.end();
}

/** Plays one action; false when the response must stay as it is (hung or destroyed). */
async function perform(
  action: MockAction,
  res: ServerResponse,
  waitFor: (name: string) => Promise<void>,
): Promise<boolean> {
  if ('frame' in action) res.write(sseFrame(action.frame));
  else if ('raw' in action) res.write(action.raw);
  else if ('waitFor' in action) await waitFor(action.waitFor);
  else if ('sleep' in action) await new Promise((resolve) => setTimeout(resolve, action.sleep));
  else if ('hang' in action) return false;
  else {
    res.destroy();
    return false;
  }
  return true;
}
