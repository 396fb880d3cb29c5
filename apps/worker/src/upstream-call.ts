import { EdgechatError } from '@edgechat/core';
import { APIError } from 'openai';
import { UpstreamStatusError } from './upstream-status.js';

// One upstream request, as every model adapter makes it: the turn's abort passed on, the
// first-byte and idle timeouts, and the SDK's errors turned into ones that quote nothing the
// upstream said. Shared so that Chat Completions and the Responses API fail alike; the
// adapter only says how to make the request.

export interface UpstreamCallTimeouts {
  /** Until the first byte of the body; also caps the wait for response headers. */
  firstByteTimeoutMs: number;
  /** Between two body chunks. */
  idleTimeoutMs: number;
}

/**
 * Makes the request with `send(signal)` and resolves with its response, whose body is guarded
 * by the timeouts. Rejects with the turn's abort reason, a `TimeoutError`, an
 * `UpstreamStatusError` (non-2xx: status and retry-after only), or `upstream_unreachable`.
 */
export async function callUpstream(
  send: (signal: AbortSignal) => Promise<Response>,
  options: UpstreamCallTimeouts & { signal?: AbortSignal | undefined },
): Promise<Response> {
  const { signal } = options;
  const upstream = new AbortController();
  const timeouts = createTimeouts(upstream, options);
  const onAbort = (): void => upstream.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await send(upstream.signal);
    return new Response(timeouts.guard(response.body), {
      status: response.status,
      headers: response.headers,
    });
  } catch (error) {
    timeouts.clear();
    signal?.removeEventListener('abort', onAbort);
    if (signal?.aborted) throw signal.reason;
    if (timeouts.error !== undefined) throw timeouts.error;
    if (error instanceof APIError && error.status !== undefined) {
      // The SDK throws for non-2xx with the upstream's message in it, which may quote the key.
      // Only the status and retry-after go on: the core reports them without any text, and
      // upstream-status.ts turns a first call's into the response status.
      throw new UpstreamStatusError(error.status, error.headers?.get('retry-after') ?? null);
    }
    throw new EdgechatError('upstream_unreachable', 'The model provider could not be reached.');
  }
}

interface Timeouts {
  /** Set once a timer fired. */
  readonly error: DOMException | undefined;
  guard(body: ReadableStream<Uint8Array> | null): ReadableStream<Uint8Array> | null;
  clear(): void;
}

/**
 * A first-byte timeout (default 30 s) ends in an `error` chunk. The first-byte timer runs from
 * the request until the first body chunk; then an idle timer runs while a read is pending (a
 * slow consumer is not the upstream's fault). Either aborts the upstream request and errors
 * the body with a `TimeoutError` (what `AbortSignal.timeout` throws), which the run loop turns
 * into an `error` chunk saying the model took too long.
 *
 * One timer for the whole body, not one per read: a read only moves the deadline, and the
 * timer, when it fires early, sleeps again until the deadline as it stands then (a setTimeout
 * and a clearTimeout per network read are most of what this guard would cost otherwise).
 */
function createTimeouts(upstream: AbortController, options: UpstreamCallTimeouts): Timeouts {
  let error: DOMException | undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
  const firstByte = `The model did not answer within ${seconds(options.firstByteTimeoutMs)}.`;
  const idle = `The model stopped answering for ${seconds(options.idleTimeoutMs)}.`;
  /** While a read is pending (or until the first byte): when it times out, and as what. */
  let deadline = Date.now() + options.firstByteTimeoutMs;
  let message: string | undefined = firstByte;

  /** When the armed timer fires. */
  let timerAt = 0;

  const check = (): void => {
    timer = null;
    if (message === undefined) return; // no read pending: the next one arms the timer again
    if (deadline > Date.now()) {
      arm();
      return;
    }
    error = new DOMException(message, 'TimeoutError');
    upstream.abort(error);
  };
  const arm = (): void => {
    // A timer that fires by the deadline will find it; only a later one (the first-byte
    // timer, when the idle timeout is shorter) is replaced.
    if (timer !== null && timerAt <= deadline) return;
    clearTimeout(timer);
    const now = Date.now();
    timerAt = Math.max(now, deadline);
    timer = setTimeout(check, timerAt - now);
  };
  const clear = (): void => {
    message = undefined;
    clearTimeout(timer);
    timer = null;
  };
  arm();

  return {
    get error() {
      return error;
    },
    clear,
    guard(body) {
      if (body === null) {
        clear();
        return null;
      }
      const reader = body.getReader();
      let first = true;
      return new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            if (!first) {
              deadline = Date.now() + options.idleTimeoutMs;
              message = idle;
              arm();
            }
            let result: ReadableStreamReadResult<Uint8Array>;
            try {
              result = await reader.read();
            } catch (readError) {
              clear();
              controller.error(error ?? readError);
              return;
            }
            // The timer stays armed: it finds no read pending and stops by itself.
            message = undefined;
            first = false;
            if (result.done) {
              clear();
              controller.close();
            } else controller.enqueue(result.value);
          },
          cancel(reason) {
            clear();
            return reader.cancel(reason);
          },
        },
        { highWaterMark: 0 },
      );
    },
  };
}
