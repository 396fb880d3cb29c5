import { type UIMessage, UI_CHUNK_SET_HEADER } from '@edgechat/core';

/** `POST /api/chat`'s body (DESIGN.md §4). */
export interface ChatRequestBody {
  id: string;
  messages: UIMessage[];
  /** `undefined` → the server's default (left out of the JSON). */
  model: string | undefined;
}

export interface TransportOptions {
  /** Default `/api/chat`. */
  api?: string;
  fetch?: typeof fetch;
}

/**
 * Sends the conversation: the response is the answer's UI message stream. The worker makes
 * the answer in the chat's Durable Object, so it goes on when this request is gone (see
 * `resumeAnswer`, `stopAnswer`).
 */
export function requestAnswer(
  options: TransportOptions,
  body: ChatRequestBody,
  signal: AbortSignal,
): Promise<Response> {
  return (options.fetch ?? fetch)(apiOf(options), {
    method: 'POST',
    // The app reads every chunk the core writes: failed tool input, the finish reason.
    headers: { 'content-type': 'application/json', [UI_CHUNK_SET_HEADER]: '6' },
    body: JSON.stringify(body),
    signal,
  });
}

/**
 * The chat's latest answer again, live or finished: the events after `after` (`Last-Event-ID`),
 * or all of it when `after` is 0. `204`: the chat has no answer (any more).
 */
export function resumeAnswer(
  options: TransportOptions,
  chatId: string,
  after: number,
  signal: AbortSignal,
): Promise<Response> {
  const headers: Record<string, string> = after > 0 ? { 'last-event-id': String(after) } : {};
  return (options.fetch ?? fetch)(`${apiOf(options)}/${encodeURIComponent(chatId)}/stream`, {
    headers,
    signal,
  });
}

/**
 * Stops the chat's answer on the worker — the only stop: aborting a request only lets go of
 * it. Never throws: offline, the answer stops anyway once the worker's grace period is over.
 */
export async function stopAnswer(options: TransportOptions, chatId: string): Promise<boolean> {
  try {
    const response = await (options.fetch ?? fetch)(
      `${apiOf(options)}/${encodeURIComponent(chatId)}/stop`,
      { method: 'POST' },
    );
    if (!response.ok) return false;
    const body: unknown = await response.json();
    return (
      typeof body === 'object' && body !== null && (body as { stopped?: unknown }).stopped === true
    );
  } catch {
    return false;
  }
}

const apiOf = (options: TransportOptions): string => options.api ?? '/api/chat';
