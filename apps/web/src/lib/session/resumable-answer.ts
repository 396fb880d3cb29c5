import { isEdgechatError } from '@edgechat/core';
import { readAnswerEvents, type AnswerEvent } from './answer-events.js';
import type { NetworkEvents } from './network.js';

export interface ResumableAnswerOptions {
  /** The first request: the POST that asks, or the replay of an answer made earlier. */
  open(signal: AbortSignal): Promise<Response>;
  /**
   * The answer is known to be the worker's already, up to this event id (0: none of it seen),
   * so a drop even before the first event resumes: a replay of an answer made earlier.
   * Without it, only an answer whose events came with ids can be resumed.
   */
  after?: number;
  /** `GET /api/chat/{id}/stream`, with `Last-Event-ID: after` when `after > 0`. */
  resume(after: number, signal: AbortSignal): Promise<Response>;
  /** The person stopped: everything ends and the abort's reason is thrown. */
  signal: AbortSignal;
  /** The connection dropped and a resume is under way (`true`), or it is back (`false`). */
  onReconnecting(reconnecting: boolean): void;
  network: NetworkEvents;
  /** Waits between attempts, the last one repeated (default 0.5 s, 1 s, 2 s … 30 s). */
  delays?: readonly number[];
  /**
   * A body silent this long is dead, whatever the browser says (the worker sends a heartbeat
   * every 15 s). Checked when the page becomes visible again: a phone that slept may keep a
   * socket that will never deliver another byte. Default 20 s.
   */
  silentMs?: number;
  now?: () => number;
}

export interface ResumableAnswer {
  /** The answer's chunks across every reconnect, each once and in order. */
  events: AsyncGenerator<AnswerEvent, void, undefined>;
  /** The response of the last request (a failed one's headers say more: `retry-after`). */
  readonly response: Response | undefined;
  /** The id of the last event passed on; until one with an id arrived, `after`. */
  readonly lastEventId: number | undefined;
  /** A resume found no answer (`204`): it ended where it was, maybe unfinished. */
  readonly gone: boolean;
}

const DELAYS = [500, 1000, 2000, 4000, 8000, 16000, 30000];

/**
 * One answer over as many connections as it takes. While the events carry ids, a dropped
 * connection — a failed read, a body cut off before `[DONE]`, the browser going `offline`, a
 * socket left silent by a phone's sleep — is followed by `GET …/stream` after the last id
 * passed on, so the chunks continue in place: none twice, none missing. Attempts back off
 * (`delays`) and retry at once when the browser comes back `online`. A request the server
 * refuses (4xx other than 429) ends it with that error; so does a drop before the first id.
 */
export function resumableAnswer(options: ResumableAnswerOptions): ResumableAnswer {
  const now = options.now ?? Date.now;
  const delays = options.delays ?? DELAYS;
  const silentMs = options.silentMs ?? 20_000;
  const stop = options.signal;
  let response: Response | undefined;
  let lastEventId = options.after;
  let gone = false;

  async function* events(): AsyncGenerator<AnswerEvent, void, undefined> {
    let attempt: AbortController | undefined;
    let lastBytes = now();
    let wake: (() => void) | undefined;
    const unsubscribe = options.network((event) => {
      if (event === 'offline') attempt?.abort(new TypeError('offline'));
      else if (event === 'visible' && now() - lastBytes > silentMs) {
        attempt?.abort(new TypeError('silent connection'));
      } else if (event === 'online') wake?.();
    });
    let failures = 0;
    try {
      for (;;) {
        const resuming = failures > 0;
        const current = new AbortController();
        attempt = current;
        const onStop = (): void => current.abort(stop.reason);
        stop.addEventListener('abort', onStop, { once: true });
        try {
          stop.throwIfAborted();
          response = resuming
            ? await options.resume(lastEventId ?? 0, current.signal)
            : await options.open(current.signal);
          lastBytes = now();
          // No answer to follow (a replay's answer expired); a POST never answers 204.
          if (response.status === 204) {
            gone = true;
            options.onReconnecting(false);
            return;
          }
          if (resuming && response.ok) options.onReconnecting(false);
          for await (const event of readAnswerEvents(response, current.signal, () => {
            lastBytes = now();
          })) {
            // A replay starts after the id asked for; one sent twice anyway is dropped.
            if (event.id !== undefined && lastEventId !== undefined && event.id <= lastEventId) {
              continue;
            }
            if (event.id !== undefined) lastEventId = event.id;
            failures = 0;
            yield event;
          }
          return;
        } catch (error) {
          if (stop.aborted) throw stop.reason;
          const reason = current.signal.aborted ? current.signal.reason : error;
          if (lastEventId === undefined || !isDrop(reason)) throw reason;
        } finally {
          stop.removeEventListener('abort', onStop);
        }
        options.onReconnecting(true);
        const delay = delays[Math.min(failures, delays.length - 1)] ?? 0;
        failures++;
        await sleep(delay, stop, (resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      unsubscribe();
    }
  }

  return {
    events: events(),
    get response() {
      return response;
    },
    get lastEventId() {
      return lastEventId;
    },
    get gone() {
      return gone;
    },
  };
}

/**
 * A failure worth another try: the network (fetch's `TypeError`), a body cut off, or a server
 * that is busy or briefly broken. A refusal (400 bad id, 404 …) would be refused again.
 */
function isDrop(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  if (!isEdgechatError(error)) return false;
  if (error.code === 'stream_truncated') return true;
  if (error.code !== 'http_error') return false;
  const status = error.status ?? 0;
  return status === 429 || status >= 500;
}

/** Waits `ms`, less when woken; rejects with the abort's reason when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal, onWake: (wake: () => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', aborted);
      resolve();
    };
    const aborted = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', aborted, { once: true });
    onWake(done);
    if (signal.aborted) aborted();
  });
}
