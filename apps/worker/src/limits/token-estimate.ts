import type { CompletionUsage, OpenAIMessage, RunChatResult } from '@edgechat/core';

// What one turn cost, in tokens, for the daily budget. The upstream's usage chunk says it
// exactly; a provider that sends none (or a step cut short before its usage chunk) is
// estimated at about 4 bytes a token, the usual rule of thumb for English text and JSON.

const BYTES_PER_TOKEN = 4;

/** `promptBytes` sent upstream (summed over the turn's calls) and `outputChars` received. */
export function estimateTokens(promptBytes: number, outputChars: number): number {
  const part = (n: number): number =>
    Number.isFinite(n) && n > 0 ? Math.ceil(n / BYTES_PER_TOKEN) : 0;
  return part(promptBytes) + part(outputChars);
}

/** Characters the model produced in the turn: text, reasoning, refusals, tool calls. */
export function outputCharsOf(messages: readonly OpenAIMessage[]): number {
  let chars = 0;
  for (const message of messages) {
    if (message.role !== 'assistant') continue;
    chars += (message.content ?? '').length;
    chars += (message.reasoning_content ?? '').length;
    chars += (message.refusal ?? '').length;
    for (const call of message.tool_calls ?? []) {
      chars += call.function.name.length + call.function.arguments.length;
    }
  }
  return chars;
}

/** `total_tokens`, or prompt + completion when a provider leaves the total out. */
export function reportedTokens(usage: CompletionUsage | undefined): number | undefined {
  if (usage === undefined) return undefined;
  const count = (n: unknown): number | undefined =>
    typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
  const total = count(usage.total_tokens);
  if (total !== undefined) return total;
  const prompt = count(usage.prompt_tokens);
  const completion = count(usage.completion_tokens);
  return prompt === undefined && completion === undefined
    ? undefined
    : (prompt ?? 0) + (completion ?? 0);
}

/**
 * The turn's tokens: its reported usage when the turn completed; the estimate when no usage
 * came. A turn that failed or was aborted may have had a step cut short before its usage
 * chunk, a step the upstream still bills: then the larger of the two counts.
 */
export function turnTokens(result: RunChatResult, promptBytes: number): number {
  const reported = reportedTokens(result.usage);
  const complete = !result.aborted && result.finishReason !== 'error';
  if (reported !== undefined && complete) return reported;
  const estimate = estimateTokens(promptBytes, outputCharsOf(result.messages));
  return Math.max(reported ?? 0, estimate);
}
