import { ApiError } from '../errors.js';
import { logger } from '../log.js';

/** A held slot of the client's concurrent answers; release it once, when the answer ends. */
export interface StreamLease {
  /** Resolves once the slot is free again (never rejects). */
  release(): Promise<void>;
}

export interface StreamLeaseOptions {
  /** Answers a client may have in progress at once; 0 turns the limit off. */
  limit: number;
  /** A lease expires by itself after this long (the turn deadline and a margin). */
  ttlMs: number;
}

const NO_LEASE: StreamLease = { release: () => Promise.resolve() };

/**
 * Takes one of the client's `limit` answer slots, or throws a 429 with `retry-after`. Without
 * the binding, or with the limit off, every request gets a no-op lease. A failing limits
 * object fails closed, like the rate limiter: a 503.
 */
export async function acquireStreamLease(
  namespace: Env['CLIENT_STREAMS'] | undefined,
  clientKey: string,
  options: StreamLeaseOptions,
): Promise<StreamLease> {
  if (namespace === undefined || options.limit === 0) return NO_LEASE;
  const stub = namespace.get(namespace.idFromName(clientKey));
  const id = crypto.randomUUID();
  let granted: boolean;
  try {
    granted = await stub.acquire(id, options.limit, options.ttlMs);
  } catch (error) {
    logger.warn('stream limiter failed, request refused', error);
    throw new ApiError(
      503,
      'rate_limiter_unavailable',
      'The service cannot check its request limits right now. Please try again shortly.',
      { 'retry-after': '10' },
    );
  }
  if (!granted) {
    throw new ApiError(
      429,
      'too_many_streams',
      `At most ${options.limit} answers at once: wait for one to finish, or stop it.`,
      { 'retry-after': '5' },
    );
  }
  let released: Promise<void> | undefined;
  return {
    release() {
      released ??= stub.release(id).catch((error: unknown) => {
        logger.warn('stream lease not released', error);
      });
      return released;
    },
  };
}

/**
 * The body, with `lease` released when it ends, fails or is cancelled. The release is made
 * before the body closes — once the response is over, the runtime cancels what the request
 * still has in flight — and a cancel's release is handed to `waitUntil` for the same reason.
 * A no-op lease (the limit off) leaves the body as it is: no extra step per chunk.
 */
export function releasingAtEnd(
  body: ReadableStream<Uint8Array>,
  lease: StreamLease,
  waitUntil: (promise: Promise<unknown>) => void = () => {},
): ReadableStream<Uint8Array> {
  if (lease === NO_LEASE) return body;
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (error) {
        await lease.release();
        controller.error(error);
        return;
      }
      if (step.done) {
        await lease.release();
        controller.close();
      } else controller.enqueue(step.value);
    },
    async cancel(reason) {
      const released = lease.release();
      waitUntil(released);
      await reader.cancel(reason);
      await released;
    },
  });
}
