import {
  EdgechatError,
  type ChatModel,
  type OpenAIMessage,
  type ToolDefinition,
} from '@edgechat/core';
import { ApiError } from './errors.js';

const encoder = new TextEncoder();
const bytesOf = (value: unknown): number => encoder.encode(JSON.stringify(value)).byteLength;

export interface TurnLimits {
  /** UTF-8 bytes of messages and tools sent upstream, summed over the turn's model calls. */
  maxPromptBytes: number;
  /** From the turn's start to the end of its last model call. */
  deadlineMs: number;
}

/**
 * One turn's model, with its spend capped on the server whatever the client asks: every step
 * re-sends the whole history, so a turn of 5 steps over a 256 KB history sends 1.25 MB; and a
 * model that streams forever (or a tool loop that keeps it busy) is cut at the deadline. Make
 * one per turn: the count and the clock start at the first call.
 *
 * Past the bytes, the call is refused as the upstream would refuse it (`http_error` 413: *the
 * conversation is too long*); past the deadline, the upstream request is aborted with a
 * `TimeoutError` (*took too long*). Both reach the user as an `error` chunk.
 *
 * `firstMessagesBytes`: the first call's messages as `assertPromptFits` already measured them,
 * so a history of up to the body limit is not serialised twice before the first token.
 */
export function limitTurn(
  model: ChatModel,
  limits: TurnLimits,
  firstMessagesBytes?: number,
): ChatModel {
  let sent = 0;
  let calls = 0;
  let deadline: AbortSignal | undefined;
  return (request) => {
    deadline ??= AbortSignal.timeout(limits.deadlineMs);
    if (deadline.aborted) return Promise.reject(deadline.reason as Error);
    const first = calls++ === 0;
    const messagesBytes =
      first && firstMessagesBytes !== undefined ? firstMessagesBytes : bytesOf(request.messages);
    sent += messagesBytes + bytesOf(request.tools ?? []);
    if (sent > limits.maxPromptBytes) {
      return Promise.reject(
        new EdgechatError(
          'http_error',
          `The turn would send more than ${limits.maxPromptBytes} bytes to the model.`,
          { status: 413 },
        ),
      );
    }
    const signal =
      request.signal === undefined ? deadline : AbortSignal.any([request.signal, deadline]);
    return model({ ...request, signal });
  };
}

/**
 * The first call's prompt checked before the turn starts, so a history that can never fit is
 * a clear 413, not a stream that fails at once. Returns the bytes of `messages`, for
 * `limitTurn`'s first call.
 */
export function assertPromptFits(
  messages: readonly OpenAIMessage[],
  tools: readonly ToolDefinition[],
  limits: TurnLimits,
): number {
  const messagesBytes = bytesOf(messages);
  const bytes = messagesBytes + bytesOf(tools);
  if (bytes > limits.maxPromptBytes) {
    throw new ApiError(
      413,
      'payload_too_large',
      `The conversation would send ${bytes} bytes to the model; at most ${limits.maxPromptBytes} are allowed per answer.`,
    );
  }
  return messagesBytes;
}
