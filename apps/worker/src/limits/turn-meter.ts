import type { ChatModel, RunChatResult } from '@edgechat/core';
import { turnTokens } from './token-estimate.js';

const encoder = new TextEncoder();
const bytesOf = (value: unknown): number => encoder.encode(JSON.stringify(value)).byteLength;

export interface TurnMeter {
  /** The turn's model, measuring what each call sends. */
  model: ChatModel;
  /** What the ended turn cost (`turnTokens`), from its result and the prompts measured. */
  tokens(result: RunChatResult): number;
}

/**
 * Measures the prompt bytes of a turn's model calls, for the estimate when the provider
 * reports no usage. Only calls the upstream accepted count: one refused (a 429, a 5xx, a
 * rejection) is not billed, and counting it would let an upstream outage drain the budget.
 * `enabled` false (the budget off): the model as it is, nothing serialised.
 * `firstMessagesBytes`: the first call's messages, already measured by `assertPromptFits`.
 */
export function meterTurn(
  model: ChatModel,
  enabled: boolean,
  firstMessagesBytes?: number,
): TurnMeter {
  if (!enabled) return { model, tokens: () => 0 };
  let promptBytes = 0;
  let calls = 0;
  const metered: ChatModel = async (request) => {
    const first = calls++ === 0;
    const bytes =
      (first && firstMessagesBytes !== undefined ? firstMessagesBytes : bytesOf(request.messages)) +
      bytesOf(request.tools ?? []);
    const answer = await model(request);
    // Duck-typed like the core: a stream, or a Response (from any realm) that is ok.
    if ((answer as Partial<Response>).ok !== false) promptBytes += bytes;
    return answer;
  };
  return { model: metered, tokens: (result) => turnTokens(result, promptBytes) };
}
