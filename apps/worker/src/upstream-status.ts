import { EdgechatError, type ChatModel } from '@edgechat/core';
import { ApiError } from './errors.js';
import { logger } from './log.js';

// The one place that decides the status of a /api/chat response.
//
// Upstream 401/403/404/429 must become real HTTP errors (502/429), which is only possible
// before a 200 is sent, yet a stream should start as soon as it can. The resolution: the
// response is held until the first model call has an answer — an HTTP status, which arrives
// long before the first token — but never longer than `STATUS_WAIT_MS`. Nothing is read from
// the run meanwhile: its first chunks wait in its own queue and go out with the 200. Past the
// wait the stream is committed anyway (`start` reaches the client while the upstream is still
// silent) and any later failure, including the first-byte timeout, becomes an `error` chunk.
// See README "Errors before and after the stream starts".
//
// The upstream's body is never read here: only its status (and retry-after) decide the
// answer, so nothing the upstream said can leak.

const DEFAULT_RETRY_AFTER = '30';

/**
 * What the OpenAI model rejects with when the upstream answers a non-2xx status: the core's
 * `http_error` (so a failure on a later step becomes the right `error` chunk) plus the
 * upstream's `retry-after`. Its message is ours: the SDK's would quote the upstream's text.
 */
export class UpstreamStatusError extends EdgechatError {
  readonly retryAfter: string | null;

  constructor(status: number, retryAfter: string | null) {
    super('http_error', `The model provider answered HTTP ${status}.`, { status });
    this.retryAfter = retryAfter;
  }
}

/** How the first model call of a turn went, as far as the response status goes. */
export type UpstreamAnswer =
  | { kind: 'ok' }
  | { kind: 'status'; status: number; retryAfter: string | null }
  | { kind: 'aborted' }
  | { kind: 'failed'; error: unknown };

/** A model's settled call → its answer. A byte stream (no status) is a 2xx. */
export function answerOf(
  call: { ok: true; source: Response | ReadableStream<Uint8Array> } | { ok: false; error: unknown },
): UpstreamAnswer {
  if (call.ok) {
    const { source } = call;
    return source instanceof Response && !source.ok
      ? { kind: 'status', status: source.status, retryAfter: source.headers.get('retry-after') }
      : { kind: 'ok' };
  }
  const { error } = call;
  if (error instanceof UpstreamStatusError && error.status !== undefined) {
    return { kind: 'status', status: error.status, retryAfter: error.retryAfter };
  }
  if (isNamed(error, 'AbortError') || isNamed(error, 'APIUserAbortError')) {
    return { kind: 'aborted' };
  }
  return { kind: 'failed', error };
}

/**
 * The response for an answer: `undefined` → the 200 stream; else the error to answer with.
 * An abort is streamed (and ends in `abort`): the client that caused it is gone anyway.
 */
export function statusFor(answer: UpstreamAnswer): ApiError | undefined {
  switch (answer.kind) {
    case 'ok':
    case 'aborted':
      return undefined;
    case 'failed':
      logger.warn('model call failed before streaming', answer.error);
      if (isNamed(answer.error, 'TimeoutError')) {
        return new ApiError(504, 'upstream_timeout', 'The model provider did not answer in time.');
      }
      return new ApiError(502, 'upstream_unavailable', 'The model provider could not be reached.');
    case 'status':
      return statusError(answer.status, answer.retryAfter);
  }
}

function statusError(status: number, retryAfter: string | null): ApiError {
  logger.warn(`model provider answered HTTP ${status} before streaming`);
  if (status === 401 || status === 403 || status === 404) {
    return new ApiError(
      502,
      'upstream_unavailable',
      'The model provider is not available: the server is misconfigured.',
    );
  }
  if (status === 429) {
    return new ApiError(
      429,
      'upstream_rate_limited',
      'The model provider is busy (rate limited): try again shortly.',
      { 'retry-after': seconds(retryAfter) },
    );
  }
  return new ApiError(502, 'upstream_error', `The model provider failed (HTTP ${status}).`);
}

/** Seconds, as the upstream said; an HTTP date or garbage becomes a fixed default. */
function seconds(value: string | null): string {
  return value !== null && /^\d{1,6}$/.test(value.trim()) ? value.trim() : DEFAULT_RETRY_AFTER;
}

export interface UpstreamStatus {
  /** The model to run the turn with: its first call is watched, every call passes through. */
  model: ChatModel;
  /**
   * Resolves when the response may go out: with `undefined` for the 200 stream, or with the
   * error to answer instead. That is when the first call answers, when `runEnded` settles
   * (a run that stopped before any answer, e.g. aborted), or after `waitMs`, whichever is
   * first; past the wait (at once for 0) it is always the stream. Never rejects.
   */
  decide(waitMs: number, runEnded: Promise<unknown>): Promise<ApiError | undefined>;
  /** `performance.now()` when the first call answered, if it did. */
  answeredAt(): number | undefined;
}

export function watchUpstreamStatus(model: ChatModel): UpstreamStatus {
  let answered: (answer: UpstreamAnswer) => void = () => {};
  const firstAnswer = new Promise<UpstreamAnswer>((resolve) => (answered = resolve));
  let at: number | undefined;
  let called = false;

  const watched: ChatModel = (request) => {
    let call: ReturnType<ChatModel>;
    try {
      call = model(request);
    } catch (error) {
      call = Promise.reject(error);
    }
    if (!called) {
      called = true;
      const settle = (answer: UpstreamAnswer): void => {
        at = performance.now();
        answered(answer);
      };
      call.then(
        (source) => settle(answerOf({ ok: true, source })),
        (error: unknown) => settle(answerOf({ ok: false, error })),
      );
    }
    return call;
  };

  return {
    model: watched,
    answeredAt: () => at,
    async decide(waitMs, runEnded) {
      // 0 means "never hold": not even an answer that is already on its way may decide.
      if (waitMs <= 0) return undefined;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const expired = new Promise<undefined>((resolve) => {
        timer = setTimeout(resolve, waitMs);
      });
      const ended = runEnded.then(
        () => undefined,
        () => undefined,
      );
      try {
        const answer = await Promise.race([firstAnswer, expired, ended]);
        return answer === undefined ? undefined : statusFor(answer);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}
