import type { UIMessage } from '@edgechat/core';

/** What a request sends, and the answer kept on screen (dimmed) until the new one shows something. */
export interface Turn {
  history: UIMessage[];
  kept?: UIMessage;
}

/** Index of the last user message, -1 if none. */
export function lastUserIndex(messages: readonly UIMessage[]): number {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]?.role === 'user') return i;
  }
  return -1;
}

/**
 * Asks again for the answer to the last question: the history up to it. Its answer so far
 * (failed, stopped) stays on screen and out of the request. `undefined` without a question.
 */
export function retryTurn(messages: readonly UIMessage[]): Turn | undefined {
  const last = lastUserIndex(messages);
  if (last < 0) return undefined;
  return withKept(messages.slice(0, last + 1), messages[last + 1]);
}

/**
 * Replaces an answer (the AI SDK's `regenerate({ messageId })`): an assistant message is asked
 * for again from the messages before it; a user message gets a new answer to it. Whatever
 * followed is dropped. Without an id, the last message. `undefined` when there is no such
 * message.
 */
export function regenerateTurn(
  messages: readonly UIMessage[],
  messageId: string | undefined,
): Turn | undefined {
  const index =
    messageId === undefined
      ? messages.length - 1
      : messages.findIndex((message) => message.id === messageId);
  const message = messages[index];
  if (message === undefined) return undefined;
  if (message.role === 'assistant') return withKept(messages.slice(0, index), message);
  const answer = messages[index + 1];
  return withKept(messages.slice(0, index + 1), answer?.role === 'assistant' ? answer : undefined);
}

/** The last question with new text (a new message) and no answer yet; `undefined` without one. */
export function editTurn(messages: readonly UIMessage[], edited: UIMessage): Turn | undefined {
  const last = lastUserIndex(messages);
  if (last < 0) return undefined;
  return { history: [...messages.slice(0, last), edited] };
}

function withKept(history: UIMessage[], kept: UIMessage | undefined): Turn {
  return kept === undefined ? { history } : { history, kept };
}
