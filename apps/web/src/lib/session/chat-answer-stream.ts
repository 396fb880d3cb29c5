import type { UIMessage } from '@edgechat/core';
import { browserNetworkEvents, type NetworkEvents } from './network.js';
import { resumableAnswer, type ResumableAnswer } from './resumable-answer.js';
import { requestAnswer, resumeAnswer, type TransportOptions } from './transport.js';

export interface ChatAnswerStreamOptions extends TransportOptions {
  /** The chat id: in the request body, and the worker's key to resume or stop the answer. */
  id: string;
  /** The browser's offline / online / visibility events (default: the window's). */
  network?: NetworkEvents;
  /** Waits between reconnect attempts (default 0.5 s, 1 s, 2 s … 30 s). */
  retryDelays?: readonly number[];
}

export interface ChatAnswerRequest {
  /** `ask`: POST the history; `replay`: the worker's latest answer again, from its start. */
  mode: 'ask' | 'replay';
  history: UIMessage[];
  model: string | undefined;
  signal: AbortSignal;
  onReconnecting(reconnecting: boolean): void;
}

/** One answer of a chat, asked for or replayed, over the worker's routes, resumed on drops. */
export function chatAnswerStream(
  options: ChatAnswerStreamOptions,
  request: ChatAnswerRequest,
): ResumableAnswer {
  const { id } = options;
  const body = { id, messages: request.history, model: request.model };
  return resumableAnswer({
    open: (signal) =>
      request.mode === 'ask'
        ? requestAnswer(options, body, signal)
        : resumeAnswer(options, id, 0, signal),
    resume: (after, signal) => resumeAnswer(options, id, after, signal),
    signal: request.signal,
    onReconnecting: request.onReconnecting,
    network: options.network ?? browserNetworkEvents,
    // A replayed answer is the worker's from the start: even a drop before its first event resumes.
    ...(request.mode === 'replay' ? { after: 0 } : {}),
    ...(options.retryDelays === undefined ? {} : { delays: options.retryDelays }),
  });
}
