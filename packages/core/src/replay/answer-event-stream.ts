import type { AnswerLog } from './answer-log.js';

export interface AnswerEventStreamOptions {
  /** The client's `Last-Event-ID` (see `parseLastEventId`): replay what came after it. Default 0. */
  after?: number;
  /** An SSE comment goes out when nothing else did for this long. Default 15 s; 0 for none. */
  heartbeatMs?: number;
  /** The client went away (the response body was cancelled) before the answer ended. */
  onCancel?: () => void;
}

export const DEFAULT_HEARTBEAT_MS = 15_000;

/**
 * An answer as the protocol's SSE bytes, for one client: every event with an `id:` line (its
 * seq), so a client that reconnects with `Last-Event-ID` gets only what it missed; a comment
 * heartbeat while nothing else is sent, so proxies that close idle connections (Cloudflare's
 * ~100 s) keep it open through a long silent thought; `data: [DONE]` (with the next id) when
 * the answer is over.
 */
export function createAnswerEventStream(
  log: AnswerLog,
  options: AnswerEventStreamOptions = {},
): ReadableStream<Uint8Array> {
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const encoder = new TextEncoder();
  let unfollow: (() => void) | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  let sentAt = Date.now();

  const stop = (): void => {
    closed = true;
    clearInterval(timer);
    unfollow?.();
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string): void => {
        if (closed) return;
        sentAt = Date.now();
        controller.enqueue(encoder.encode(text));
      };
      let lastSeq = options.after ?? 0;
      const follow = log.follow(lastSeq, {
        event(event) {
          lastSeq = event.seq;
          send(`id: ${event.seq}\ndata: ${event.data}\n\n`);
        },
        end() {
          send(`id: ${Math.max(lastSeq, log.state.lastSeq) + 1}\ndata: [DONE]\n\n`);
          stop();
          controller.close();
        },
      });
      if (closed) return;
      unfollow = follow;
      if (heartbeatMs > 0) {
        timer = setInterval(
          () => {
            if (Date.now() - sentAt >= heartbeatMs) send(': heartbeat\n\n');
          },
          Math.max(1, Math.floor(heartbeatMs / 3)),
        );
      }
    },
    cancel() {
      const ended = log.state.ended;
      stop();
      if (!ended) options.onCancel?.();
    },
  });
}

/**
 * The seq a reconnecting client last saw, from its `Last-Event-ID` header: a non-negative
 * integer, else 0 (replay from the start) — an id we never sent must not skip anything.
 */
export function parseLastEventId(value: string | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const text = value.trim();
  if (!/^\d{1,15}$/.test(text)) return 0;
  return Number(text);
}
