import type { ChatModel } from '@edgechat/core';

/** How the first model call of a turn went, as far as its HTTP status goes. */
export type FirstCallOutcome =
  | { kind: 'ok' }
  | { kind: 'http-error'; status: number; retryAfter: string | null }
  | { kind: 'rejected'; error: unknown };

/**
 * Wraps a model so the outcome of its *first* call is observable: the status the upstream
 * answered with, or why the call failed before there was one. Later calls (tool rounds) pass
 * straight through — their failures can only be reported in the stream.
 */
export interface FirstCallWatch {
  model: ChatModel;
  /** Settles when the first call does; never rejects. */
  firstCall: Promise<FirstCallOutcome>;
  /**
   * The outcome, as soon as it is known: set before the caller of the model resumes, so a run
   * that reacts to a failed call (and ends its stream) can never be seen before the failure.
   */
  outcome(): FirstCallOutcome | undefined;
  /** `performance.now()` when the first call settled. */
  settledAt(): number | undefined;
}

export function watchFirstCall(model: ChatModel): FirstCallWatch {
  let known: FirstCallOutcome | undefined;
  let at: number | undefined;
  let resolve: (outcome: FirstCallOutcome) => void = () => {};
  const firstCall = new Promise<FirstCallOutcome>((r) => (resolve = r));
  const settle = (outcome: FirstCallOutcome): void => {
    known = outcome;
    at = performance.now();
    resolve(outcome);
  };
  let called = false;
  const watched: ChatModel = (request) => {
    let answer: ReturnType<ChatModel>;
    try {
      answer = model(request);
    } catch (error) {
      answer = Promise.reject(error);
    }
    if (!called) {
      called = true;
      // Registered before the caller sees `answer`, so this runs before the caller resumes.
      answer.then(
        (source) =>
          settle(
            source instanceof Response && !source.ok
              ? {
                  kind: 'http-error',
                  status: source.status,
                  retryAfter: source.headers.get('retry-after'),
                }
              : { kind: 'ok' },
          ),
        (error: unknown) => settle({ kind: 'rejected', error }),
      );
    }
    return answer;
  };
  return { model: watched, firstCall, outcome: () => known, settledAt: () => at };
}
