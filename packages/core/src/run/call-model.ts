import { abortReason, raceAbort } from '../base/abort.js';
import type { ChatModel, ChatModelRequest } from './types.js';

type ModelAnswer = Response | ReadableStream<Uint8Array>;

/**
 * Calls the model and waits for its answer, or for the abort — whichever comes first — so a
 * model that ignores its signal cannot hold the run. An answer that arrives after the abort
 * has its body cancelled, so its connection does not stay open. A model that throws instead
 * of rejecting is treated the same as one that rejects.
 */
export function callModel(
  model: ChatModel,
  request: ChatModelRequest,
  signal: AbortSignal,
): Promise<ModelAnswer> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  let answer: Promise<ModelAnswer>;
  try {
    answer = Promise.resolve(model(request));
  } catch (error) {
    return Promise.reject(error);
  }
  return raceAbort(answer, signal, cancelQuietly);
}

function cancelQuietly(source: ModelAnswer): void {
  const body = 'getReader' in source ? source : source.body;
  body?.cancel().catch(() => {});
}
